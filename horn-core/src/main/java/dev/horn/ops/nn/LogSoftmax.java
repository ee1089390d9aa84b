package dev.horn.ops.nn;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;

import static dev.horn.Tf.tf;

/** x - max - log(sum(exp(x - max))) along an axis ({@code tf.nn.log_softmax}, default the last). */
public final class LogSoftmax extends Op {
    private final int axis;

    public LogSoftmax(int axis) {
        super("log_softmax");
        this.axis = axis;
    }

    @Override
    public String attributes() {
        return "axis=" + axis;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        return Softmax.checked(name(), axis, inputs);
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return new Tensor[] {SoftmaxKernel.run(inputs[0], axis, true)};
    }

    /** dx = g - exp(y) * sum(g, axis). */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor total = tf.reduceSum(g[0], new int[] {axis}, true);
        return new Tensor[] {tf.sub(g[0], tf.mul(tf.exp(out[0]), total))};
    }
}
