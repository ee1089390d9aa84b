package dev.horn.peers.dl4j;

import dev.horn.peers.PeerBenchmark;
import dev.horn.peers.MlpPeer;
import dev.horn.peers.Mnist;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * mnist-mlp on Deeplearning4j: a MultiLayerNetwork of a DenseLayer and an OutputLayer
 * (softmax, MCXENT), fitted one minibatch at a time on the ND4J native CPU backend.
 *
 * <p>Its optimizer is DL4J's RmsProp, which has the Keras formula (libnd4j's rms_prop_updater:
 * eps outside the square root) but starts the mean square at eps instead of zero. Its threads are
 * ND4J's and OpenBLAS' defaults unless OMP_NUM_THREADS is set (the runner reports both).
 */
public final class Dl4jMlp implements MlpPeer {
    private MultiLayerNetwork net;

    public static void main(String[] args) {
        try {
            PeerBenchmark bench = PeerBenchmark.fromArgs(args);
            try (var peer = new Dl4jMlp()) {
                bench.run(peer);
            }
        } catch (Throwable t) {
            PeerBenchmark.fail("dl4j", "mnist-mlp", t);
            System.exit(1);
        }
    }

    @Override
    public String name() {
        return "dl4j";
    }

    @Override
    public void build(float[] k1, float[] b1, float[] k2, float[] b2) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .updater(new RmsProp(0.001, 0.9, 1e-7))
                .weightInit(WeightInit.XAVIER_UNIFORM) // replaced below by the shared Glorot draw
                .list()
                .layer(new DenseLayer.Builder().nIn(Mnist.PIXELS).nOut(HIDDEN).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(HIDDEN).nOut(Mnist.CLASSES).activation(Activation.SOFTMAX).build())
                .build();
        net = new MultiLayerNetwork(conf);
        net.init();
        // DL4J's dense W is [nIn][nOut], as Keras' kernel
        net.setParam("0_W", Nd4j.create(k1, new long[] {Mnist.PIXELS, HIDDEN}, 'c'));
        net.setParam("0_b", Nd4j.create(b1, new long[] {1, HIDDEN}, 'c'));
        net.setParam("1_W", Nd4j.create(k2, new long[] {HIDDEN, Mnist.CLASSES}, 'c'));
        net.setParam("1_b", Nd4j.create(b2, new long[] {1, Mnist.CLASSES}, 'c'));
    }

    @Override
    public float trainBatch(float[] images, float[] oneHot, int[] labels, int n) {
        INDArray x = Nd4j.create(images, new long[] {n, Mnist.PIXELS}, 'c');
        INDArray y = Nd4j.create(oneHot, new long[] {n, Mnist.CLASSES}, 'c');
        net.fit(x, y);
        x.close();
        y.close();
        return (float) net.score();
    }

    @Override
    public int[] predict(float[] images, int n) {
        INDArray out = net.output(Nd4j.create(images, new long[] {n, Mnist.PIXELS}, 'c'), false);
        return Nd4j.argMax(out, 1).toIntVector();
    }

    @Override
    public Map<String, Object> versions() {
        return Map.of("nd4j_backend", Nd4j.getBackend().getClass().getSimpleName());
    }

    @Override
    public String optimizer() {
        return "RmsProp of DL4J (Keras formula, eps outside the sqrt; the mean square starts at eps, not 0), lr 0.001, rho 0.9, eps 1e-7";
    }

    @Override
    public Map<String, Object> threads() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("OMP_NUM_THREADS", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        t.put("nd4j_max_threads", Nd4j.getEnvironment().maxThreads());
        t.put("nd4j_max_master_threads", Nd4j.getEnvironment().maxMasterThreads());
        return t;
    }
}
