package dev.horn.ops.reduce;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.ShapeRules;
import jdk.incubator.vector.VectorOperators;

/** Logical and over axes of a bool tensor ({@code tf.reduce_all}); an empty reduction is true. */
public final class ReduceAll extends ReduceOp {
    public ReduceAll(int[] axes, boolean keepDims) {
        super("reduce_all", axes, keepDims);
    }

    @Override
    protected double identity() {
        return 1;
    }

    @Override
    protected double combine(double acc, double x) {
        return Math.min(acc, x);
    }

    @Override
    protected VectorOperators.Associative lanes() {
        return VectorOperators.MIN;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        ShapeRules.dtype(name(), inputs[0], DType.BOOL);
        return new TensorSpec[] {new TensorSpec(DType.BOOL, reducedShape(inputs[0].shape()))};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return new Tensor[] {reduceBool(inputs[0], outputs[0], true)};
    }
}
