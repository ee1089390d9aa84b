package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.CompareOp;
import jdk.incubator.vector.VectorOperators;

/** a != b element-wise, broadcasting, for numbers, bools and strings; NaN differs from everything. */
public final class NotEqual extends CompareOp {
    public NotEqual() {
        super("not_equal", VectorOperators.NE);
    }

    @Override
    protected boolean test(double a, double b) {
        return a != b;
    }

    @Override
    protected boolean test(long a, long b) {
        return a != b;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        return EqualityRules.infer(name(), inputs, super::infer);
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor out = EqualityRules.compute(inputs, outputs[0], false);
        return out != null ? new Tensor[] {out} : super.compute(inputs, outputs);
    }
}
