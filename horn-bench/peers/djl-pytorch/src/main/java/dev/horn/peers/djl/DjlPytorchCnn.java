package dev.horn.peers.djl;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import dev.horn.peers.CnnPeer;
import dev.horn.peers.CnnWeights;
import dev.horn.peers.Mnist;
import dev.horn.peers.PeerBenchmark;
import java.util.Map;

/**
 * mnist-cnn on Deep Java Library with its PyTorch engine (CPU): the Keras mnist_cnn network as a
 * SequentialBlock in PyTorch's NCHW layout (the same Keras initial weights, permuted), trained
 * by a Trainer with DJL's fused Adam (eps 1e-7 as Keras). Offline as the MLP peer;
 * {@code --threads=N} sets PyTorch's intra-op threads.
 */
public final class DjlPytorchCnn implements CnnPeer {
    private final int threads;
    private Model model;
    private Trainer trainer;

    DjlPytorchCnn(int threads) {
        this.threads = threads;
    }

    public static void main(String[] args) {
        try {
            PeerBenchmark bench = PeerBenchmark.fromArgs(args);
            try (var peer = new DjlPytorchCnn(Integer.parseInt(bench.option("threads", "0")))) {
                bench.run(peer);
            }
        } catch (Throwable t) {
            PeerBenchmark.fail("djl-pytorch", "mnist-cnn", t);
            System.exit(1);
        }
    }

    @Override
    public String name() {
        return "djl-pytorch";
    }

    @Override
    public void build(CnnWeights w) {
        if (threads > 0) JniUtils.setNumThreads(threads);
        SequentialBlock net = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(CnnWeights.FILTERS1).build())
                .add(Activation::relu)
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(CnnWeights.FILTERS2).build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Dropout.builder().optRate(0.25f).build())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(CnnWeights.HIDDEN).build())
                .add(Activation::relu)
                .add(Dropout.builder().optRate(0.5f).build())
                .add(Linear.builder().setUnits(Mnist.CLASSES).build());
        model = Model.newInstance("mnist-cnn", "PyTorch");
        model.setBlock(net);
        Optimizer adam = Optimizer.adam().optEpsilon(1e-7f).build();
        trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(adam));
        trainer.initialize(new Shape(1, 1, 28, 28));
        float[][] values = {
            CnnWeights.convOutInHw(w.conv1(), 3, 3, 1, CnnWeights.FILTERS1), w.conv1Bias(),
            CnnWeights.convOutInHw(w.conv2(), 3, 3, CnnWeights.FILTERS1, CnnWeights.FILTERS2), w.conv2Bias(),
            CnnWeights.denseAfterChannelsFirstFlatten(w.dense1()), w.dense1Bias(),
            transpose(w.dense2(), CnnWeights.HIDDEN, Mnist.CLASSES), w.dense2Bias()};
        int i = 0;
        for (Pair<String, Parameter> p : net.getParameters()) {
            p.getValue().getArray().set(values[i++]);
        }
        if (i != values.length) throw new IllegalStateException("expected 8 parameters, found " + i);
    }

    private static float[] transpose(float[] a, int rows, int cols) {
        return dev.horn.peers.Glorot.transpose(a, rows, cols);
    }

    @Override
    public float trainBatch(float[] images, float[] oneHot, int[] labels, int n) {
        try (NDManager batch = trainer.getManager().newSubManager()) {
            NDArray x = batch.create(images, new Shape(n, 1, 28, 28));
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
        int[] out = new int[n];
        int batch = 1000;
        for (int from = 0; from < n; from += batch) {
            int m = Math.min(batch, n - from);
            float[] part = java.util.Arrays.copyOfRange(images, from * Mnist.PIXELS, (from + m) * Mnist.PIXELS);
            try (NDManager mgr = trainer.getManager().newSubManager()) {
                NDArray x = mgr.create(part, new Shape(m, 1, 28, 28));
                long[] p = trainer.evaluate(new NDList(x)).singletonOrThrow().argMax(1).toLongArray();
                for (int i = 0; i < m; i++) out[from + i] = (int) p[i];
            }
        }
        return out;
    }

    @Override
    public Map<String, Object> versions() {
        return Map.of("pytorch", Engine.getEngine("PyTorch").getVersion());
    }

    @Override
    public String optimizer() {
        return "Adam (DJL's fused PyTorch update), lr 0.001, beta1 0.9, beta2 0.999, eps 1e-7";
    }

    @Override
    public Map<String, Object> threads() {
        return DjlPytorchMlp.threads(threads);
    }

    @Override
    public void close() {
        if (trainer != null) trainer.close();
        if (model != null) model.close();
    }
}
