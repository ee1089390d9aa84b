package dev.horn.peers.tf;

import dev.horn.peers.PeerBenchmark;
import dev.horn.peers.MlpPeer;
import dev.horn.peers.Mnist;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.framework.optimizers.RMSProp;
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
 * mnist-mlp on TensorFlow Java: a TF1-style graph (placeholders, variables, symbolic gradients)
 * run by one Session, as a TensorFlow Java user writes a training loop.
 *
 * <p>Options: {@code --optimizer=keras} (default: RMSprop built from ops with Keras' formula,
 * {@code w -= lr * g / (sqrt(ms) + eps)}) or {@code --optimizer=framework} (tensorflow-framework's
 * RMSProp, one fused ApplyRMSProp op per variable, which puts eps inside the square root);
 * {@code --intra=N --inter=N} set the session's thread pools (default 0: TensorFlow's choice).
 */
public final class TensorFlowJavaMlp implements MlpPeer {
    static final float LR = 0.001f, RHO = 0.9f, EPS = 1e-7f;

    private final String optimizerKind;
    private final int intra, inter;
    private Graph graph;
    private Session session;
    private Placeholder<TFloat32> x, y;
    private Operand<TFloat32> loss, logits;
    private final List<Op> train = new ArrayList<>();
    private Operand<TInt64> predicted;

    TensorFlowJavaMlp(String optimizerKind, int intra, int inter) {
        if (!optimizerKind.equals("keras") && !optimizerKind.equals("framework")) {
            throw new IllegalArgumentException("--optimizer is keras or framework, not " + optimizerKind);
        }
        this.optimizerKind = optimizerKind;
        this.intra = intra;
        this.inter = inter;
    }

    public static void main(String[] args) {
        try {
            PeerBenchmark bench = PeerBenchmark.fromArgs(args);
            try (var peer = new TensorFlowJavaMlp(bench.option("optimizer", "keras"),
                    Integer.parseInt(bench.option("intra", "0")), Integer.parseInt(bench.option("inter", "0")))) {
                bench.run(peer);
            }
        } catch (Throwable t) {
            PeerBenchmark.fail("tensorflow-java", "mnist-mlp", t);
            System.exit(1);
        }
    }

    @Override
    public String name() {
        return "tensorflow-java";
    }

    @Override
    public void build(float[] k1, float[] b1, float[] k2, float[] b2) {
        graph = new Graph();
        Ops tf = Ops.create(graph);
        x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, Mnist.PIXELS)));
        y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, Mnist.CLASSES)));
        Variable<TFloat32> w1 = tf.variable(constant(tf, k1, Mnist.PIXELS, HIDDEN));
        Variable<TFloat32> c1 = tf.variable(constant(tf, b1, HIDDEN));
        Variable<TFloat32> w2 = tf.variable(constant(tf, k2, HIDDEN, Mnist.CLASSES));
        Variable<TFloat32> c2 = tf.variable(constant(tf, b2, Mnist.CLASSES));

        var hidden = tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(x, w1), c1));
        logits = tf.nn.biasAdd(tf.linalg.matMul(hidden, w2), c2);
        // categorical crossentropy on the softmax, fused with it as Keras does for a softmax output
        loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, y).loss(), tf.constant(0));
        predicted = tf.math.argMax(logits, tf.constant(1));

        if (optimizerKind.equals("framework")) {
            train.add(new RMSProp(graph, LR, RHO, 0f, EPS, false).minimize(loss));
        } else {
            List<Variable<TFloat32>> vars = List.of(w1, c1, w2, c2);
            var grads = tf.gradients(loss, vars);
            for (int i = 0; i < vars.size(); i++) {
                Variable<TFloat32> w = vars.get(i);
                Operand<TFloat32> g = grads.dy(i).expect(TFloat32.class);
                Variable<TFloat32> ms = tf.variable(tf.zerosLike(w));
                // Keras RMSprop: ms = rho ms + (1 - rho) g^2; w -= lr g / (sqrt(ms) + eps)
                var msNew = tf.assign(ms, tf.math.add(tf.math.mul(tf.constant(RHO), ms),
                        tf.math.mul(tf.constant(1 - RHO), tf.math.square(g))));
                var step = tf.math.div(tf.math.mul(tf.constant(LR), g),
                        tf.math.add(tf.math.sqrt(msNew), tf.constant(EPS)));
                train.add(tf.assignSub(w, step));
            }
        }
        ConfigProto config = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(intra).setInterOpParallelismThreads(inter).build();
        session = new Session(graph, config);
        session.initialize();
    }

    private static Operand<TFloat32> constant(Ops tf, float[] values, long... shape) {
        try (TFloat32 t = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false))) {
            return tf.constantOf(t);
        }
    }

    @Override
    public float trainBatch(float[] images, float[] oneHot, int[] labels, int n) {
        try (TFloat32 xt = TFloat32.tensorOf(Shape.of(n, Mnist.PIXELS), DataBuffers.of(images, true, false));
                TFloat32 yt = TFloat32.tensorOf(Shape.of(n, Mnist.CLASSES), DataBuffers.of(oneHot, true, false))) {
            Session.Runner runner = session.runner().feed(x, xt).feed(y, yt).fetch(loss);
            for (Op op : train) runner.addTarget(op);
            try (Result r = runner.run()) {
                return ((TFloat32) r.get(0)).getFloat();
            }
        }
    }

    @Override
    public int[] predict(float[] images, int n) {
        try (TFloat32 xt = TFloat32.tensorOf(Shape.of(n, Mnist.PIXELS), DataBuffers.of(images, true, false));
                Result r = session.runner().feed(x, xt).fetch(predicted).run()) {
            TInt64 p = (TInt64) r.get(0);
            int[] out = new int[n];
            for (int i = 0; i < n; i++) out[i] = (int) p.getLong(i);
            return out;
        }
    }

    @Override
    public Map<String, Object> versions() {
        return Map.of("tensorflow", TensorFlow.version());
    }

    @Override
    public String optimizer() {
        return optimizerKind.equals("framework")
                ? "RMSProp of tensorflow-framework (fused ApplyRMSProp; eps inside the sqrt and the mean square starting at 1, unlike Keras), lr 0.001, rho 0.9, eps 1e-7"
                : "RMSprop built from TF ops with the Keras formula (eps outside the sqrt), lr 0.001, rho 0.9, eps 1e-7";
    }

    @Override
    public Map<String, Object> threads() {
        return threads(intra, inter);
    }

    /** The session's thread pools as the report shows them (shared with the CNN peer). */
    static Map<String, Object> threads(int intra, int inter) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("intra_op_parallelism", intra == 0 ? "0 (TensorFlow's default: one per core)" : intra);
        t.put("inter_op_parallelism", inter == 0 ? "0 (TensorFlow's default: one per core)" : inter);
        return t;
    }

    @Override
    public void close() {
        if (session != null) session.close();
        if (graph != null) graph.close();
    }
}
