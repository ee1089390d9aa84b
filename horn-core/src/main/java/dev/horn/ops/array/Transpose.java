package dev.horn.ops.array;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

import static dev.horn.Tf.tf;

/** Permutes axes (none given = reverse them, as {@code tf.transpose}); a view, no copy. */
public final class Transpose extends Op {
    private final int[] perm;

    public Transpose(int... perm) {
        super("transpose");
        this.perm = perm.clone();
    }

    @Override
    public String attributes() {
        return "perm=" + java.util.Arrays.toString(perm);
    }

    private int[] permFor(int rank) {
        if (perm.length == 0) {
            int[] p = new int[rank];
            for (int i = 0; i < rank; i++) {
                p[i] = rank - 1 - i;
            }
            return p;
        }
        if (perm.length != rank) {
            throw new IllegalArgumentException("transpose: perm " + java.util.Arrays.toString(perm)
                    + " has " + perm.length + " axes but the tensor has rank " + rank);
        }
        return ShapeRules.axes(name(), perm, rank);
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        Shape in = inputs[0].shape();
        int[] p = permFor(in.rank());
        int[] dims = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            dims[i] = in.dim(p[i]);
        }
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), Shape.of(dims))};
    }

    /** A view: no element is touched. */
    @Override
    public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
        return 1;
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0];
        int[] p = permFor(x.rank());
        int[] strides = x.strides();
        int[] newStrides = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            newStrides[i] = strides[p[i]];
        }
        return new Tensor[] {x.view(outputs[0].shape(), x.offset(), newStrides)};
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        int[] p = permFor(in[0].rank());
        int[] inverse = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            inverse[p[i]] = i;
        }
        return new Tensor[] {tf.transpose(g[0], inverse)};
    }
}
