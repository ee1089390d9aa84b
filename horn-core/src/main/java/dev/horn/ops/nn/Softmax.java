package dev.horn.ops.nn;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

import static dev.horn.Tf.tf;

/** exp(x - max) / sum(exp(x - max)) along an axis ({@code tf.nn.softmax}, default the last). */
public final class Softmax extends Op {
    private final int axis;

    public Softmax(int axis) {
        super("softmax");
        this.axis = axis;
    }

    /** The axis as given (negative counts from the end). */
    public int axis() {
        return axis;
    }

    @Override
    public String attributes() {
        return "axis=" + axis;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        return checked(name(), axis, inputs);
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return new Tensor[] {SoftmaxKernel.run(inputs[0], axis, false)};
    }

    /** dx = y * (g - sum(g * y, axis)). */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor y = out[0];
        Tensor dot = tf.reduceSum(tf.mul(g[0], y), new int[] {axis}, true);
        return new Tensor[] {tf.mul(y, tf.sub(g[0], dot))};
    }

    /** The shared shape rule: one float tensor of rank >= 1 and an axis within its rank. */
    static TensorSpec[] checked(String op, int axis, TensorSpec[] inputs) {
        ShapeRules.arity(op, inputs, 1);
        ShapeRules.floating(op, inputs[0]);
        if (inputs[0].shape().rank() == 0) {
            throw new IllegalArgumentException(op + ": expected a tensor of rank >= 1, got a scalar");
        }
        ShapeRules.axes(op, new int[] {axis}, inputs[0].shape().rank());
        return new TensorSpec[] {inputs[0]};
    }
}
