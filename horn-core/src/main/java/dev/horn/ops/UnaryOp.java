package dev.horn.ops;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.internal.cpu.Parallel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * An element-wise op of one input with the same shape and dtype out. A subclass gives the
 * rule as a scalar function of doubles (the reference, used for float64 and integers) and,
 * for speed, over float32 vector lanes. Float32 runs every element through the vector form
 * (masked at the tail), so results do not depend on how work is split across cores.
 */
public abstract class UnaryOp extends Op {
    protected static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    /** Whether an op class has a float32 vector rule, looked up once per class. */
    private static final ClassValue<Boolean> VECTORIZED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> kind) {
            return overrides(kind, UnaryOp.class, "apply", FloatVector.class);
        }
    };

    private final boolean vectorized;
    private final Loop loop;

    protected UnaryOp(String name) {
        super(name);
        this.vectorized = VECTORIZED.get(getClass());
        this.loop = vectorized ? SpecializedLoops.unary(getClass()) : null;
    }

    /** The rule on one element. */
    protected abstract double apply(double x);

    /** The rule on float32 lanes; ops that matter for speed override it. */
    protected FloatVector apply(FloatVector x) {
        throw new UnsupportedOperationException();
    }

    /** Integer dtypes are accepted when this returns true; they use {@link #apply(long)}. */
    protected boolean acceptsIntegers() {
        return false;
    }

    protected long apply(long x) {
        throw new UnsupportedOperationException(name() + " has no integer rule");
    }

    /** True when the op has a float32 vector rule (graph fusion needs one). */
    public final boolean isVectorized() {
        return vectorized;
    }

    /** Applies the float32 vector rule to n elements; dst may be src at the same positions (in place). */
    public final void float32Segment(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        loop.run(this, src, srcOff, dst, dstOff, n);
    }

    /** The float32 loop of one op class; see {@link SpecializedLoops} for why each class has its own. */
    public interface Loop {
        void run(UnaryOp op, float[] src, int srcOff, float[] dst, int dstOff, int n);
    }

    /** The loop's code: full vectors, then one masked tail. */
    static final class LoopTemplate implements Loop {
        @Override
        public void run(UnaryOp op, float[] src, int srcOff, float[] dst, int dstOff, int n) {
            int bound = F.loopBound(n);
            int i = 0;
            for (; i < bound; i += F.length()) {
                op.apply(FloatVector.fromArray(F, src, srcOff + i)).intoArray(dst, dstOff + i);
            }
            if (i < n) {
                VectorMask<Float> m = F.indexInRange(i, n);
                op.apply(FloatVector.fromArray(F, src, srcOff + i, m)).intoArray(dst, dstOff + i, m);
            }
        }
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        if (acceptsIntegers()) {
            ShapeRules.numeric(name(), inputs[0]);
        } else {
            ShapeRules.floating(name(), inputs[0]);
        }
        return inputs;
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0].contiguous();
        DType dtype = x.dtype();
        int n = x.size();
        int off = x.offset();
        Object out = HeapArrays.newUninitialized(dtype, n);
        switch (dtype) {
            case FLOAT32 -> {
                float[] src = (float[]) x.storage();
                float[] dst = (float[]) out;
                if (vectorized) {
                    Parallel.forRangeBalanced(n, BroadcastLoop.GRAIN, (s, e) -> float32Segment(src, off + s, dst, s, e - s));
                } else {
                    Parallel.forRangeBalanced(n, BroadcastLoop.GRAIN, (s, e) -> {
                        for (int i = s; i < e; i++) {
                            dst[i] = (float) apply((double) src[off + i]);
                        }
                    });
                }
            }
            case FLOAT64 -> {
                double[] src = (double[]) x.storage();
                double[] dst = (double[]) out;
                Parallel.forRangeBalanced(n, BroadcastLoop.GRAIN, (s, e) -> {
                    for (int i = s; i < e; i++) {
                        dst[i] = apply(src[off + i]);
                    }
                });
            }
            case INT32 -> {
                int[] src = (int[]) x.storage();
                int[] dst = (int[]) out;
                for (int i = 0; i < n; i++) {
                    dst[i] = (int) apply((long) src[off + i]);
                }
            }
            case INT64 -> {
                long[] src = (long[]) x.storage();
                long[] dst = (long[]) out;
                for (int i = 0; i < n; i++) {
                    dst[i] = apply(src[off + i]);
                }
            }
            default -> throw new IllegalArgumentException(name() + ": unsupported dtype " + dtype);
        }
        return new Tensor[] {Tensor.wrap(dtype, x.shape(), out)};
    }
}
