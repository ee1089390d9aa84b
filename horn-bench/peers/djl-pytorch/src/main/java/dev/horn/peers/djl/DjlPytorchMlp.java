package dev.horn.peers.djl;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import dev.horn.peers.Glorot;
import dev.horn.peers.PeerBenchmark;
import dev.horn.peers.MlpPeer;
import dev.horn.peers.Mnist;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * mnist-mlp on Deep Java Library with its PyTorch engine (CPU): a SequentialBlock of two Linear
 * layers trained by a Trainer with a GradientCollector, as DJL's own examples train.
 *
 * <p>It must run offline with DJL's cache filled beforehand (see PeerRunner):
 * {@code -Dai.djl.offline=true} and {@code DJL_CACHE_DIR}/{@code ENGINE_CACHE_DIR} set.
 * Options: {@code --optimizer=keras-rmsprop} (default, {@link KerasRmsProp}) or
 * {@code --optimizer=adam} (DJL's fused Adam, lr 0.001); {@code --threads=N} sets PyTorch's
 * intra-op threads (default: PyTorch's choice).
 */
public final class DjlPytorchMlp implements MlpPeer {
    private final String optimizerKind;
    private final int threads;
    private Model model;
    private Trainer trainer;

    DjlPytorchMlp(String optimizerKind, int threads) {
        if (!optimizerKind.equals("keras-rmsprop") && !optimizerKind.equals("adam")) {
            throw new IllegalArgumentException("--optimizer is keras-rmsprop or adam, not " + optimizerKind);
        }
        this.optimizerKind = optimizerKind;
        this.threads = threads;
    }

    public static void main(String[] args) {
        try {
            PeerBenchmark bench = PeerBenchmark.fromArgs(args);
            try (var peer = new DjlPytorchMlp(bench.option("optimizer", "keras-rmsprop"),
                    Integer.parseInt(bench.option("threads", "0")))) {
                bench.run(peer);
            }
        } catch (Throwable t) {
            PeerBenchmark.fail("djl-pytorch", "mnist-mlp", t);
            System.exit(1);
        }
    }

    @Override
    public String name() {
        return "djl-pytorch";
    }

    @Override
    public void build(float[] k1, float[] b1, float[] k2, float[] b2) {
        if (threads > 0) JniUtils.setNumThreads(threads);
        SequentialBlock net = new SequentialBlock()
                .add(Linear.builder().setUnits(HIDDEN).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(Mnist.CLASSES).build());
        model = Model.newInstance("mnist-mlp", "PyTorch");
        model.setBlock(net);
        Optimizer optimizer = optimizerKind.equals("adam")
                ? Optimizer.adam().build()
                : new KerasRmsProp(0.001f, 0.9f, 1e-7f);
        // softmax + categorical crossentropy on sparse labels, fused on the logits
        trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer));
        trainer.initialize(new Shape(1, Mnist.PIXELS));
        // DJL's Linear weight is [out][in]; Keras' kernel is [in][out]
        float[][] values = {Glorot.transpose(k1, Mnist.PIXELS, HIDDEN), b1, Glorot.transpose(k2, HIDDEN, Mnist.CLASSES), b2};
        int i = 0;
        for (Pair<String, Parameter> p : net.getParameters()) {
            p.getValue().getArray().set(values[i++]);
        }
        if (i != 4) throw new IllegalStateException("expected 4 parameters, found " + i);
    }

    @Override
    public float trainBatch(float[] images, float[] oneHot, int[] labels, int n) {
        try (NDManager batch = trainer.getManager().newSubManager()) {
            NDArray x = batch.create(images, new Shape(n, Mnist.PIXELS));
            NDArray y = batch.create(labels, new Shape(n));
            float loss;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(new NDList(x));
                NDArray l = trainer.getLoss().evaluate(new NDList(y), predictions);
                gc.backward(l);
                loss = l.getFloat();
            }
            trainer.step();
            return loss;
        }
    }

    @Override
    public int[] predict(float[] images, int n) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray x = m.create(images, new Shape(n, Mnist.PIXELS));
            long[] p = trainer.evaluate(new NDList(x)).singletonOrThrow().argMax(1).toLongArray();
            int[] out = new int[n];
            for (int i = 0; i < n; i++) out[i] = (int) p[i];
            return out;
        }
    }

    @Override
    public Map<String, Object> versions() {
        return Map.of("pytorch", Engine.getEngine("PyTorch").getVersion());
    }

    @Override
    public String optimizer() {
        return optimizerKind.equals("adam")
                ? "Adam (DJL's fused PyTorch update), lr 0.001, beta1 0.9, beta2 0.999, eps 1e-8: DJL's RmsProp is not implemented on PyTorch"
                : "RMSprop with the Keras formula (eps outside the sqrt) as a custom DJL Optimizer of PyTorch ops, lr 0.001, rho 0.9, eps 1e-7 (DJL's own RmsProp is not implemented on PyTorch)";
    }

    @Override
    public Map<String, Object> threads() {
        return threads(threads);
    }

    /** PyTorch's thread pools as the report shows them (shared with the CNN peer). */
    static Map<String, Object> threads(int requested) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("pytorch_intra_op", JniUtils.getNumThreads());
        t.put("pytorch_inter_op", JniUtils.getNumInteropThreads());
        t.put("set_by", requested > 0 ? "--threads" : "PyTorch's default");
        t.put("OMP_NUM_THREADS", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        return t;
    }

    @Override
    public void close() {
        if (trainer != null) trainer.close();
        if (model != null) model.close();
    }
}
