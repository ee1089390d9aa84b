package dev.horn.ops.nn;

import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import java.util.Arrays;

/** What the pooling ops and their gradients share: a window sliding with its ksize. */
abstract class PoolingOp extends Op {
    final Window window;
    final int[] ksize;

    PoolingOp(String kind, Window window, int[] ksize) {
        super(kind.replace("%d", window.rank() + "d"));
        this.window = window;
        this.ksize = ksize.clone();
    }

    /** The pooling shape rule: one float input, pooled to the window's output shape. */
    final TensorSpec[] pooled(TensorSpec[] inputs) {
        ShapeRules.arity(name(), inputs, 1);
        ShapeRules.floating(name(), inputs[0]);
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), PoolLayout.outputShape(name(), window, ksize, inputs[0].shape()))};
    }

    @Override
    public String attributes() {
        return "ksize=" + Arrays.toString(ksize) + ", " + window;
    }
}
