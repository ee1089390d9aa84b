package dev.horn.ops.nn;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

import static dev.horn.Tf.tf;

/** softmax over the last axis: exp(x - max) / sum(exp(x - max)). Other axes go through a transpose in the facade. */
public final class Softmax extends Op {
    public Softmax() {
        super("softmax");
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        ShapeRules.floating(name(), inputs[0]);
        if (inputs[0].shape().rank() == 0) {
            throw new IllegalArgumentException("softmax: expected a tensor of rank >= 1, got a scalar");
        }
        return inputs;
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return new Tensor[] {SoftmaxKernel.run(inputs[0], false)};
    }

    /** dx = y * (g - sum(g * y, last axis)). */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor y = out[0];
        Tensor dot = tf.reduceSum(tf.mul(g[0], y), new int[] {-1}, true);
        return new Tensor[] {tf.mul(y, tf.sub(g[0], dot))};
    }
}
