package dev.horn.ops.array;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

/** The input unchanged, with no gradient flowing back through it (tf.stop_gradient): tapes do not record it. */
public final class StopGradient extends Op {
    public StopGradient() {
        super("stop_gradient");
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        return inputs;
    }

    /** The input itself: no element is touched. */
    @Override
    public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
        return 1;
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return new Tensor[] {inputs[0]};
    }
}
