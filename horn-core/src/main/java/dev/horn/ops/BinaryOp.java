package dev.horn.ops;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.HeapArrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

import static dev.horn.Tf.tf;

/**
 * An element-wise op of two inputs of one dtype, with numpy broadcasting. A subclass gives the
 * rule on doubles (the reference, used for float64), optionally on float32 vector lanes, and
 * on longs for integer dtypes.
 */
public abstract class BinaryOp extends Op {
    protected static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    /** Whether an op class has a float32 vector rule, looked up once per class. */
    private static final ClassValue<Boolean> VECTORIZED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> kind) {
            return overrides(kind, BinaryOp.class, "apply", FloatVector.class, FloatVector.class);
        }
    };

    private final boolean vectorized;
    private final Loop loop;

    protected BinaryOp(String name) {
        super(name);
        this.vectorized = VECTORIZED.get(getClass());
        this.loop = vectorized ? SpecializedLoops.binary(getClass()) : null;
    }

    protected abstract double apply(double a, double b);

    protected FloatVector apply(FloatVector a, FloatVector b) {
        throw new UnsupportedOperationException();
    }

    protected boolean acceptsIntegers() {
        return false;
    }

    protected long apply(long a, long b) {
        throw new UnsupportedOperationException(name() + " has no integer rule");
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 2);
        ShapeRules.sameDType(name(), inputs[0], inputs[1]);
        if (acceptsIntegers()) {
            ShapeRules.numeric(name(), inputs[0]);
        } else {
            ShapeRules.floating(name(), inputs[0]);
        }
        Shape out = ShapeRules.broadcast(name(), inputs[0].shape(), inputs[1].shape());
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), out)};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor a = inputs[0].contiguous();
        Tensor b = inputs[1].contiguous();
        Shape shape = outputs[0].shape();
        DType dtype = a.dtype();
        Object out = HeapArrays.newUninitialized(dtype, shape.size());
        BroadcastLoop loop = new BroadcastLoop(shape, a, b);
        switch (dtype) {
            case FLOAT32 -> {
                float[] x = (float[]) a.storage();
                float[] y = (float[]) b.storage();
                float[] z = (float[]) out;
                loop.run((pos, n, off, st) -> {
                    if (vectorized) {
                        float32Segment(x, off[0], st[0], y, off[1], st[1], z, pos, n);
                    } else {
                        for (int i = 0; i < n; i++) {
                            z[pos + i] = (float) apply((double) x[off[0] + i * st[0]], (double) y[off[1] + i * st[1]]);
                        }
                    }
                });
            }
            case FLOAT64 -> {
                double[] x = (double[]) a.storage();
                double[] y = (double[]) b.storage();
                double[] z = (double[]) out;
                loop.run((pos, n, off, st) -> {
                    for (int i = 0; i < n; i++) {
                        z[pos + i] = apply(x[off[0] + i * st[0]], y[off[1] + i * st[1]]);
                    }
                });
            }
            case INT32 -> {
                int[] x = (int[]) a.storage();
                int[] y = (int[]) b.storage();
                int[] z = (int[]) out;
                loop.run((pos, n, off, st) -> {
                    for (int i = 0; i < n; i++) {
                        z[pos + i] = (int) apply((long) x[off[0] + i * st[0]], (long) y[off[1] + i * st[1]]);
                    }
                });
            }
            case INT64 -> {
                long[] x = (long[]) a.storage();
                long[] y = (long[]) b.storage();
                long[] z = (long[]) out;
                loop.run((pos, n, off, st) -> {
                    for (int i = 0; i < n; i++) {
                        z[pos + i] = apply(x[off[0] + i * st[0]], y[off[1] + i * st[1]]);
                    }
                });
            }
            default -> throw new IllegalArgumentException(name() + ": unsupported dtype " + dtype);
        }
        return new Tensor[] {Tensor.wrap(dtype, shape, out)};
    }

    /** True when the op has a float32 vector rule (graph fusion needs one). */
    public final boolean isVectorized() {
        return vectorized;
    }

    /**
     * Applies the float32 rule to n elements: input k starts at its offset and advances by its
     * stride (1, or 0 to repeat one element). Writing z at the positions x or y are read from is
     * safe (in place).
     */
    public final void float32Segment(float[] x, int xo, int xs, float[] y, int yo, int ys, float[] z, int zo, int n) {
        loop.run(this, x, xo, xs, y, yo, ys, z, zo, n);
    }

    /** The float32 loop of one op class; see {@link SpecializedLoops} for why each class has its own. */
    public interface Loop {
        void run(BinaryOp op, float[] x, int xo, int xs, float[] y, int yo, int ys, float[] z, int zo, int n);
    }

    /** The loop's code: full vectors, then one masked tail. */
    static final class LoopTemplate implements Loop {
        @Override
        public void run(BinaryOp op, float[] x, int xo, int xs, float[] y, int yo, int ys, float[] z, int zo, int n) {
            int bound = F.loopBound(n);
            int i = 0;
            if (xs == 1 && ys == 1) {
                for (; i < bound; i += F.length()) {
                    op.apply(FloatVector.fromArray(F, x, xo + i), FloatVector.fromArray(F, y, yo + i)).intoArray(z, zo + i);
                }
            } else if (xs == 1) {
                FloatVector yb = FloatVector.broadcast(F, y[yo]);
                for (; i < bound; i += F.length()) {
                    op.apply(FloatVector.fromArray(F, x, xo + i), yb).intoArray(z, zo + i);
                }
            } else if (ys == 1) {
                FloatVector xb = FloatVector.broadcast(F, x[xo]);
                for (; i < bound; i += F.length()) {
                    op.apply(xb, FloatVector.fromArray(F, y, yo + i)).intoArray(z, zo + i);
                }
            } else {
                FloatVector r = op.apply(FloatVector.broadcast(F, x[xo]), FloatVector.broadcast(F, y[yo]));
                for (; i < bound; i += F.length()) {
                    r.intoArray(z, zo + i);
                }
            }
            if (i < n) {
                VectorMask<Float> m = F.indexInRange(i, n);
                FloatVector xv = xs == 0 ? FloatVector.broadcast(F, x[xo]) : FloatVector.fromArray(F, x, xo + i, m);
                FloatVector yv = ys == 0 ? FloatVector.broadcast(F, y[yo]) : FloatVector.fromArray(F, y, yo + i, m);
                op.apply(xv, yv).intoArray(z, zo + i, m);
            }
        }
    }

    /**
     * Sums a gradient over the axes along which an input of {@code shape} was broadcast, so it
     * has that input's shape again: the rule every broadcasting op's gradient ends with.
     */
    public static Tensor unbroadcast(Tensor grad, Shape shape) {
        if (grad.shape().equals(shape)) {
            return grad;
        }
        int lead = grad.rank() - shape.rank();
        java.util.List<Integer> axes = new java.util.ArrayList<>();
        for (int ax = 0; ax < grad.rank(); ax++) {
            if (ax < lead || (shape.dim(ax - lead) == 1 && grad.shape().dim(ax) != 1)) {
                axes.add(ax);
            }
        }
        Tensor summed = axes.isEmpty() ? grad : tf.reduceSum(grad, axes.stream().mapToInt(Integer::intValue).toArray());
        return tf.reshape(summed, shape.dims());
    }
}
