package dev.horn.ops.array;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

import static dev.horn.Tf.tf;

/** Repeats the tensor {@code multiples[i]} times along axis i (tf.tile). */
public final class Tile extends Op {
    private final int[] multiples;

    public Tile(int... multiples) {
        super("tile");
        this.multiples = multiples.clone();
    }

    @Override
    public String attributes() {
        return "multiples=" + java.util.Arrays.toString(multiples);
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        Shape in = inputs[0].shape();
        if (multiples.length != in.rank()) {
            throw new IllegalArgumentException("tile: multiples " + java.util.Arrays.toString(multiples) + " has "
                    + multiples.length + " entries but the input has shape " + in + " (rank " + in.rank() + ")");
        }
        int[] out = in.dims();
        for (int i = 0; i < out.length; i++) {
            if (multiples[i] < 0) {
                throw new IllegalArgumentException("tile: multiples must be >= 0, got " + java.util.Arrays.toString(multiples));
            }
            out[i] *= multiples[i];
        }
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), Shape.of(out))};
    }

    /** [m0, d0, m1, d1, ...]: the output's row-major order, the input broadcast over each m. */
    private int[] interleaved(int[] dims) {
        int[] out = new int[2 * dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[2 * i] = multiples[i];
            out[2 * i + 1] = dims[i];
        }
        return out;
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0];
        int[] own = x.strides();
        int[] strides = new int[2 * own.length];
        for (int i = 0; i < own.length; i++) {
            strides[2 * i + 1] = own[i];
        }
        Tensor repeated = x.view(Shape.of(interleaved(x.shape().dims())), x.offset(), strides).contiguous();
        Shape shape = outputs[0].shape();
        return new Tensor[] {repeated.view(shape, repeated.offset(), shape.strides())};
    }

    /** Each input element appears once per tile: sum the gradient over the tile axes. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        int rank = in[0].rank();
        int[] tileAxes = new int[rank];
        for (int i = 0; i < rank; i++) {
            tileAxes[i] = 2 * i;
        }
        Tensor split = tf.reshape(g[0], interleaved(in[0].shape().dims()));
        return new Tensor[] {tf.reduceSum(split, tileAxes)};
    }
}
