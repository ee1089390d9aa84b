package dev.horn.ops;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.BroadcastLoop;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** An element-wise comparison of two inputs of one numeric dtype, broadcasting, giving bool. Not differentiable. */
public abstract class CompareOp extends Op {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    /** The vector comparisons a subclass may name, in the order of {@link #compare}'s cases. */
    private static final java.util.List<VectorOperators.Comparison> KINDS = java.util.List.of(
            VectorOperators.LT, VectorOperators.LE, VectorOperators.GT, VectorOperators.GE, VectorOperators.EQ,
            VectorOperators.NE);

    /** The same rule as a vector comparison, for the float32 kernel (Java's NaN semantics, as {@link #test}). */
    private final int vectorTest;

    protected CompareOp(String name, VectorOperators.Comparison vectorTest) {
        super(name);
        this.vectorTest = KINDS.indexOf(vectorTest);
        if (this.vectorTest < 0) {
            throw new IllegalArgumentException(name + ": unsupported vector comparison " + vectorTest);
        }
    }

    /**
     * The comparison with a constant operator in each case: the JIT intrinsifies a vector compare
     * only when its operator is a constant, and a field read is not (it ran the slow generic path).
     */
    private static VectorMask<Float> compare(int kind, FloatVector a, FloatVector b) {
        return switch (kind) {
            case 0 -> a.compare(VectorOperators.LT, b);
            case 1 -> a.compare(VectorOperators.LE, b);
            case 2 -> a.compare(VectorOperators.GT, b);
            case 3 -> a.compare(VectorOperators.GE, b);
            case 4 -> a.compare(VectorOperators.EQ, b);
            default -> a.compare(VectorOperators.NE, b);
        };
    }

    /** The rule on floating values (NaN compares false except for not_equal). */
    protected abstract boolean test(double a, double b);

    /** The rule on integers, exact for int64. */
    protected abstract boolean test(long a, long b);

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 2);
        ShapeRules.sameDType(name(), inputs[0], inputs[1]);
        ShapeRules.numeric(name(), inputs[0]);
        Shape out = ShapeRules.broadcast(name(), inputs[0].shape(), inputs[1].shape());
        return new TensorSpec[] {new TensorSpec(DType.BOOL, out)};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor a = inputs[0].contiguous();
        Tensor b = inputs[1].contiguous();
        Shape shape = outputs[0].shape();
        boolean[] z = new boolean[shape.size()];
        BroadcastLoop loop = new BroadcastLoop(shape, a, b);
        Object x = a.storage();
        Object y = b.storage();
        switch (a.dtype()) {
            case FLOAT32 -> loop.run((pos, n, off, st) -> float32((float[]) x, (float[]) y, z, pos, n, off, st));
            case FLOAT64 -> loop.run((pos, n, off, st) -> {
                for (int i = 0; i < n; i++) {
                    z[pos + i] = test(((double[]) x)[off[0] + i * st[0]], ((double[]) y)[off[1] + i * st[1]]);
                }
            });
            case INT32 -> loop.run((pos, n, off, st) -> {
                for (int i = 0; i < n; i++) {
                    z[pos + i] = test((long) ((int[]) x)[off[0] + i * st[0]], (long) ((int[]) y)[off[1] + i * st[1]]);
                }
            });
            case INT64 -> loop.run((pos, n, off, st) -> {
                for (int i = 0; i < n; i++) {
                    z[pos + i] = test(((long[]) x)[off[0] + i * st[0]], ((long[]) y)[off[1] + i * st[1]]);
                }
            });
            default -> throw new IllegalArgumentException(name() + ": unsupported dtype " + a.dtype());
        }
        return new Tensor[] {Tensor.wrap(DType.BOOL, shape, z)};
    }

    /** Vector compares where each operand is contiguous or a broadcast scalar; the scalar rule for the rest. */
    private void float32(float[] x, float[] y, boolean[] z, int pos, int n, int[] off, int[] st) {
        int i = 0;
        if ((st[0] == 1 || st[0] == 0) && (st[1] == 1 || st[1] == 0)) {
            for (int bound = F.loopBound(n); i < bound; i += F.length()) {
                FloatVector a = st[0] == 1 ? FloatVector.fromArray(F, x, off[0] + i) : FloatVector.broadcast(F, x[off[0]]);
                FloatVector b = st[1] == 1 ? FloatVector.fromArray(F, y, off[1] + i) : FloatVector.broadcast(F, y[off[1]]);
                compare(vectorTest, a, b).intoArray(z, pos + i);
            }
        }
        for (; i < n; i++) {
            z[pos + i] = test(x[off[0] + i * st[0]], y[off[1] + i * st[1]]);
        }
    }
}
