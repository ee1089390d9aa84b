package dev.horn.ops.reduce;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.ShapeRules;
import jdk.incubator.vector.VectorOperators;

/** Logical or over axes of a bool tensor ({@code tf.reduce_any}); an empty reduction is false. */
public final class ReduceAny extends ReduceOp {
    public ReduceAny(int[] axes, boolean keepDims) {
        super("reduce_any", axes, keepDims);
    }

    @Override
    protected double identity() {
        return 0;
    }

    @Override
    protected double combine(double acc, double x) {
        return Math.max(acc, x);
    }

    @Override
    protected VectorOperators.Associative lanes() {
        return VectorOperators.MAX;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        ShapeRules.dtype(name(), inputs[0], DType.BOOL);
        return new TensorSpec[] {new TensorSpec(DType.BOOL, reducedShape(inputs[0].shape()))};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return new Tensor[] {reduceBool(inputs[0], outputs[0], false)};
    }
}
