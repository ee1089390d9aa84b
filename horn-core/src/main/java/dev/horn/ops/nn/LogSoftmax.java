package dev.horn.ops.nn;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

import static dev.horn.Tf.tf;

/** log(softmax(x)) over the last axis, computed as x - max - log(sum(exp(x - max))). */
public final class LogSoftmax extends Op {
    public LogSoftmax() {
        super("log_softmax");
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        ShapeRules.floating(name(), inputs[0]);
        if (inputs[0].shape().rank() == 0) {
            throw new IllegalArgumentException("log_softmax: expected a tensor of rank >= 1, got a scalar");
        }
        return inputs;
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return new Tensor[] {SoftmaxKernel.run(inputs[0], true)};
    }

    /** dx = g - exp(y) * sum(g, last axis). */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor total = tf.reduceSum(g[0], new int[] {-1}, true);
        return new Tensor[] {tf.sub(g[0], tf.mul(tf.exp(out[0]), total))};
    }
}
