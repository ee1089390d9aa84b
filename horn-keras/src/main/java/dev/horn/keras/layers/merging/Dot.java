package dev.horn.keras.layers.merging;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.layers.Shapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * The dot product of two inputs along one axis of each, sample by sample (Keras' {@code Dot},
 * a {@code batch_dot}): (None, 5) and (None, 5) along axis 1 give (None, 1); (None, 3, 4) and
 * (None, 4, 2) along axes (2, 1) give (None, 3, 2). With {@code normalize(true)} both are
 * L2-normalised along their axis first, so the result is the cosine similarity.
 */
public final class Dot extends Merge<Dot> {
    private final int[] axes;
    private boolean normalize;

    public Dot(int... axes) {
        if (axes.length != 1 && axes.length != 2) {
            throw new IllegalArgumentException("Dot: axes must be one axis or a pair of axes, got " + axes.length);
        }
        this.axes = axes.length == 1 ? new int[] {axes[0], axes[0]} : axes.clone();
    }

    public Dot normalize(boolean value) {
        normalize = value;
        return this;
    }

    private int[] axesFor(int rank1, int rank2) {
        int a = axes[0] < 0 ? axes[0] + rank1 : axes[0];
        int b = axes[1] < 0 ? axes[1] + rank2 : axes[1];
        if (a <= 0 || a >= rank1 || b <= 0 || b >= rank2) {
            throw new IllegalArgumentException("Dot layer \"" + name() + "\": axes " + java.util.Arrays.toString(axes)
                    + " must name a non-batch axis of inputs of rank " + rank1 + " and " + rank2);
        }
        return new int[] {a, b};
    }

    @Override
    protected void checkMergeShapes(List<Shape> shapes) {
        computeOutputShapes(shapes);
    }

    @Override
    public List<Shape> computeOutputShapes(List<Shape> shapes) {
        if (shapes.size() != 2) {
            throw new IllegalArgumentException("A `Dot` layer should be called on a list of 2 inputs; layer \"" + name()
                    + "\" got " + shapes.size());
        }
        Shape s1 = shapes.get(0);
        Shape s2 = shapes.get(1);
        int[] ax = axesFor(s1.rank(), s2.rank());
        if (s1.dim(ax[0]) != Shape.UNKNOWN && s2.dim(ax[1]) != Shape.UNKNOWN && s1.dim(ax[0]) != s2.dim(ax[1])) {
            throw new IllegalArgumentException("Dimension incompatibility: " + s1.dim(ax[0]) + " != " + s2.dim(ax[1])
                    + ". Layer shapes: " + Shapes.tuple(s1) + ", " + Shapes.tuple(s2) + ". Chosen axes: " + ax[0] + ", "
                    + ax[1] + " (layer \"" + name() + "\")");
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < s1.rank(); i++) {
            if (i != ax[0]) {
                out.add(s1.dim(i));
            }
        }
        for (int i = 1; i < s2.rank(); i++) {
            if (i != ax[1]) {
                out.add(s2.dim(i));
            }
        }
        if (out.size() == 1) {
            out.add(1);
        }
        return List.of(Shape.of(out.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** No rank alignment for a dot: each input keeps its own axes. */
    @Override
    protected List<Tensor> callMany(List<Tensor> inputs, boolean training, List<Tensor> masks) {
        return List.of(merge(inputs));
    }

    @Override
    protected Tensor merge(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        Tensor y = inputs.get(1);
        int[] ax = axesFor(x.rank(), y.rank());
        if (normalize) {
            x = l2Normalize(x, ax[0]);
            y = l2Normalize(y, ax[1]);
        }
        // x -> (batch, rows, k) with the contracted axis last, y -> (batch, k, cols) with it first
        Tensor a = tf.reshape(moveAxis(x, ax[0], x.rank() - 1), -1, rest(x, ax[0]), x.shape().dim(ax[0]));
        Tensor b = tf.reshape(moveAxis(y, ax[1], 1), -1, y.shape().dim(ax[1]), rest(y, ax[1]));
        Tensor product = tf.matmul(a, b);
        List<Shape> out = computeOutputShapes(List.of(x.shape(), y.shape()));
        int[] dims = out.getFirst().dims();
        dims[0] = -1;
        return tf.reshape(product, dims);
    }

    /** The product of the non-batch axes other than {@code axis}. */
    private static int rest(Tensor t, int axis) {
        int n = 1;
        for (int i = 1; i < t.rank(); i++) {
            n *= i == axis ? 1 : t.shape().dim(i);
        }
        return n;
    }

    private static Tensor moveAxis(Tensor t, int from, int to) {
        if (from == to) {
            return t;
        }
        List<Integer> perm = new ArrayList<>();
        for (int i = 0; i < t.rank(); i++) {
            if (i != from) {
                perm.add(i);
            }
        }
        perm.add(to, from);
        return tf.transpose(t, perm.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Keras' {@code l2_normalize}: x / sqrt(max(sum(x²), 1e-12)) along the axis. */
    private static Tensor l2Normalize(Tensor x, int axis) {
        Tensor sumSquares = tf.reduceSum(tf.square(x), new int[] {axis}, true);
        return tf.mul(x, tf.rsqrt(tf.maximum(sumSquares, Tensor.scalar(x.dtype(), 1e-12))));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("axes", axes[0] == axes[1] ? axes[0] : List.of(axes[0], axes[1]));
        config.put("normalize", normalize);
        return config;
    }
}
