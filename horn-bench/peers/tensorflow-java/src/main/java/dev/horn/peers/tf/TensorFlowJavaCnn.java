package dev.horn.peers.tf;

import dev.horn.peers.CnnPeer;
import dev.horn.peers.CnnWeights;
import dev.horn.peers.Mnist;
import dev.horn.peers.PeerBenchmark;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * mnist-cnn on TensorFlow Java: the Keras mnist_cnn network as a TF1-style graph (NHWC, TF's
 * CPU kernels' layout), dropout in the training path only, tensorflow-framework's Adam (one
 * fused ApplyAdam per variable, eps 1e-7 as Keras). Options {@code --intra=N --inter=N} as the MLP's.
 */
public final class TensorFlowJavaCnn implements CnnPeer {
    private final int intra, inter;
    private Graph graph;
    private Session session;
    private Placeholder<TFloat32> x, y;
    private Operand<TFloat32> loss;
    private Op train;
    private Operand<TInt64> predicted;

    TensorFlowJavaCnn(int intra, int inter) {
        this.intra = intra;
        this.inter = inter;
    }

    public static void main(String[] args) {
        try {
            PeerBenchmark bench = PeerBenchmark.fromArgs(args);
            try (var peer = new TensorFlowJavaCnn(Integer.parseInt(bench.option("intra", "0")),
                    Integer.parseInt(bench.option("inter", "0")))) {
                bench.run(peer);
            }
        } catch (Throwable t) {
            PeerBenchmark.fail("tensorflow-java", "mnist-cnn", t);
            System.exit(1);
        }
    }

    @Override
    public String name() {
        return "tensorflow-java";
    }

    /** The network's variables, Keras' layout. */
    private record Weights(Variable<TFloat32> c1, Variable<TFloat32> b1, Variable<TFloat32> c2, Variable<TFloat32> b2,
                           Variable<TFloat32> d1, Variable<TFloat32> e1, Variable<TFloat32> d2, Variable<TFloat32> e2) {}

    @Override
    public void build(CnnWeights w) {
        graph = new Graph();
        Ops tf = Ops.create(graph);
        x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, Mnist.PIXELS)));
        y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, Mnist.CLASSES)));
        Weights v = new Weights(
                tf.variable(constant(tf, w.conv1(), 3, 3, 1, CnnWeights.FILTERS1)),
                tf.variable(constant(tf, w.conv1Bias(), CnnWeights.FILTERS1)),
                tf.variable(constant(tf, w.conv2(), 3, 3, CnnWeights.FILTERS1, CnnWeights.FILTERS2)),
                tf.variable(constant(tf, w.conv2Bias(), CnnWeights.FILTERS2)),
                tf.variable(constant(tf, w.dense1(), CnnWeights.FLAT, CnnWeights.HIDDEN)),
                tf.variable(constant(tf, w.dense1Bias(), CnnWeights.HIDDEN)),
                tf.variable(constant(tf, w.dense2(), CnnWeights.HIDDEN, Mnist.CLASSES)),
                tf.variable(constant(tf, w.dense2Bias(), Mnist.CLASSES)));
        Operand<TFloat32> logits = forward(tf, v, true);
        // categorical crossentropy on the softmax, fused with it as Keras does for a softmax output
        loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, y).loss(), tf.constant(0));
        train = new Adam(graph, 0.001f, 0.9f, 0.999f, 1e-7f).minimize(loss);
        predicted = tf.math.argMax(forward(tf, v, false), tf.constant(1));
        ConfigProto config = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(intra).setInterOpParallelismThreads(inter).build();
        session = new Session(graph, config);
        session.initialize();
    }

    private Operand<TFloat32> forward(Ops tf, Weights v, boolean training) {
        List<Long> ones = List.of(1L, 1L, 1L, 1L);
        Operand<TFloat32> images = tf.reshape(x, tf.constant(new long[] {-1, 28, 28, 1}));
        var h = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(images, v.c1(), ones, "VALID"), v.b1()));
        h = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(h, v.c2(), ones, "VALID"), v.b2()));
        Operand<TFloat32> pooled = tf.nn.maxPool(h, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "VALID");
        if (training) pooled = dropout(tf, pooled, 0.25f);
        Operand<TFloat32> flat = tf.reshape(pooled, tf.constant(new long[] {-1, CnnWeights.FLAT}));
        Operand<TFloat32> dense = tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(flat, v.d1()), v.e1()));
        if (training) dense = dropout(tf, dense, 0.5f);
        return tf.nn.biasAdd(tf.linalg.matMul(dense, v.d2()), v.e2());
    }

    /** Inverted dropout as Keras': keep with probability 1 - rate, scale the kept by 1 / (1 - rate). */
    private static Operand<TFloat32> dropout(Ops tf, Operand<TFloat32> in, float rate) {
        var u = tf.random.randomUniform(tf.shape(in), TFloat32.class);
        var keep = tf.dtypes.cast(tf.math.greaterEqual(u, tf.constant(rate)), TFloat32.class);
        return tf.math.mul(in, tf.math.mul(keep, tf.constant(1 / (1 - rate))));
    }

    private static Operand<TFloat32> constant(Ops tf, float[] values, long... shape) {
        try (TFloat32 t = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false))) {
            return tf.constantOf(t);
        }
    }

    @Override
    public float trainBatch(float[] images, float[] oneHot, int[] labels, int n) {
        try (TFloat32 xt = TFloat32.tensorOf(Shape.of(n, Mnist.PIXELS), DataBuffers.of(images, true, false));
                TFloat32 yt = TFloat32.tensorOf(Shape.of(n, Mnist.CLASSES), DataBuffers.of(oneHot, true, false));
                Result r = session.runner().feed(x, xt).feed(y, yt).fetch(loss).addTarget(train).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    @Override
    public int[] predict(float[] images, int n) {
        int[] out = new int[n];
        int batch = 1000;
        for (int from = 0; from < n; from += batch) {
            int m = Math.min(batch, n - from);
            float[] part = java.util.Arrays.copyOfRange(images, from * Mnist.PIXELS, (from + m) * Mnist.PIXELS);
            try (TFloat32 xt = TFloat32.tensorOf(Shape.of(m, Mnist.PIXELS), DataBuffers.of(part, true, false));
                    Result r = session.runner().feed(x, xt).fetch(predicted).run()) {
                TInt64 p = (TInt64) r.get(0);
                for (int i = 0; i < m; i++) out[from + i] = (int) p.getLong(i);
            }
        }
        return out;
    }

    @Override
    public Map<String, Object> versions() {
        return Map.of("tensorflow", TensorFlow.version());
    }

    @Override
    public String optimizer() {
        return "Adam of tensorflow-framework (fused ApplyAdam), lr 0.001, beta1 0.9, beta2 0.999, eps 1e-7";
    }

    @Override
    public Map<String, Object> threads() {
        return TensorFlowJavaMlp.threads(intra, inter);
    }

    @Override
    public void close() {
        if (session != null) session.close();
        if (graph != null) graph.close();
    }
}
