package dev.horn.ops.array;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

import static dev.horn.Tf.tf;

/** Removes size-1 axes: the named ones (each must be 1), or all of them when none are named; a view. */
public final class Squeeze extends Op {
    private final int[] axes;

    public Squeeze(int... axes) {
        super("squeeze");
        this.axes = axes.clone();
    }

    @Override
    public String attributes() {
        return "axis=" + java.util.Arrays.toString(axes);
    }

    /** Which input axes are dropped. */
    private boolean[] dropped(Shape in) {
        boolean[] drop = new boolean[in.rank()];
        if (axes.length == 0) {
            for (int i = 0; i < drop.length; i++) {
                drop[i] = in.dim(i) == 1;
            }
            return drop;
        }
        for (int a : ShapeRules.axes(name(), axes, in.rank())) {
            if (in.dim(a) != 1) {
                throw new IllegalArgumentException("squeeze: cannot squeeze axis " + a + " of shape " + in
                        + ": its size is " + in.dim(a) + ", not 1");
            }
            drop[a] = true;
        }
        return drop;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        Shape in = inputs[0].shape();
        boolean[] drop = dropped(in);
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), Shape.of(keep(in.dims(), drop)))};
    }

    private static int[] keep(int[] values, boolean[] drop) {
        int n = 0;
        for (boolean d : drop) {
            n += d ? 0 : 1;
        }
        int[] out = new int[n];
        for (int i = 0, j = 0; i < values.length; i++) {
            if (!drop[i]) {
                out[j++] = values[i];
            }
        }
        return out;
    }

    /** A view: no element is touched. */
    @Override
    public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
        return 1;
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0];
        return new Tensor[] {x.view(outputs[0].shape(), x.offset(), keep(x.strides(), dropped(x.shape())))};
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.reshape(g[0], in[0].shape().dims())};
    }
}
