package dev.horn.ops.reduce;

import dev.horn.internal.cpu.VectorMath;
import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.internal.cpu.Parallel;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import dev.horn.ops.array.BroadcastLike;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import static dev.horn.Tf.tf;

/**
 * A reduction over axes ({@code null} or empty = all axes) with an optional kept dimension,
 * defined by an identity, a combining rule and the matching vector-lane operator. The kernel
 * views the input as [outer, reduced, inner]: reduced axes that are adjacent need no copy;
 * others are transposed together first.
 */
public abstract class ReduceOp extends Op {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    protected final int[] axes;
    protected final boolean keepDims;

    protected ReduceOp(String name, int[] axes, boolean keepDims) {
        super(name);
        this.axes = axes == null ? new int[0] : axes.clone();
        this.keepDims = keepDims;
    }

    protected abstract double identity();

    protected abstract double combine(double acc, double x);

    /** The lane operator equal to {@link #combine} (ADD, MUL, MAX, MIN). */
    protected abstract VectorOperators.Associative lanes();

    /** Turns the combined value into the result (mean divides by the count). */
    protected double finish(double acc, int count) {
        return acc;
    }

    @Override
    public String attributes() {
        return "axes=" + java.util.Arrays.toString(axes) + ", keepdims=" + keepDims;
    }

    /** The normalised axes reduced for an input of this rank (all when none were given). */
    protected int[] reducedAxes(int rank) {
        if (axes.length == 0) {
            int[] all = new int[rank];
            for (int i = 0; i < rank; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] a = ShapeRules.axes(name(), axes, rank);
        java.util.Arrays.sort(a);
        return a;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        ShapeRules.numeric(name(), inputs[0]);
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), reducedShape(inputs[0].shape()))};
    }

    protected Shape reducedShape(Shape in) {
        int[] red = reducedAxes(in.rank());
        boolean[] isReduced = new boolean[in.rank()];
        for (int a : red) {
            isReduced[a] = true;
        }
        int[] dims = new int[keepDims ? in.rank() : in.rank() - red.length];
        int j = 0;
        for (int ax = 0; ax < in.rank(); ax++) {
            if (!isReduced[ax]) {
                dims[j++] = in.dim(ax);
            } else if (keepDims) {
                dims[j++] = 1;
            }
        }
        return Shape.of(dims);
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0];
        int rank = x.rank();
        int[] red = reducedAxes(rank);
        boolean adjacent = red.length == 0 || red[red.length - 1] - red[0] == red.length - 1;
        int outer = 1;
        int reduced = 1;
        int inner = 1;
        if (adjacent) {
            for (int ax = 0; ax < rank; ax++) {
                int d = x.shape().dim(ax);
                if (red.length > 0 && ax < red[0]) {
                    outer *= d;
                } else if (red.length > 0 && ax <= red[red.length - 1]) {
                    reduced *= d;
                } else {
                    inner *= d;
                }
            }
        } else {
            // bring kept axes first, reduced axes last, then reduce rows
            int[] perm = new int[rank];
            boolean[] isReduced = new boolean[rank];
            for (int a : red) {
                isReduced[a] = true;
            }
            int j = 0;
            for (int ax = 0; ax < rank; ax++) {
                if (!isReduced[ax]) {
                    perm[j++] = ax;
                    outer *= x.shape().dim(ax);
                }
            }
            for (int a : red) {
                perm[j++] = a;
                reduced *= x.shape().dim(a);
            }
            x = tf.transpose(x, perm);
        }
        x = x.contiguous();
        Object out = reduce(x, outer, reduced, inner);
        return new Tensor[] {Tensor.wrap(outputs[0].dtype(), outputs[0].shape(), out)};
    }

    private Object reduce(Tensor x, int outer, int reduced, int inner) {
        DType dtype = x.dtype();
        int off = x.offset();
        Object out = HeapArrays.newArray(dtype, outer * inner);
        if (dtype == DType.FLOAT32) {
            float[] src = (float[]) x.storage();
            float[] dst = (float[]) out;
            if (inner == 1) {
                Parallel.forRange(outer, Math.max(1, BroadcastLoop.GRAIN / Math.max(1, reduced)), (s, e) -> {
                    for (int o = s; o < e; o++) {
                        dst[o] = (float) finish(reduceRow(src, off + o * reduced, reduced), reduced);
                    }
                });
            } else {
                Parallel.forRange(outer, Math.max(1, BroadcastLoop.GRAIN / Math.max(1, reduced * inner)), (s, e) -> {
                    for (int o = s; o < e; o++) {
                        reduceColumns(src, off + o * reduced * inner, reduced, inner, dst, o * inner);
                    }
                });
            }
            return out;
        }
        if (dtype == DType.FLOAT64) {
            double[] src = (double[]) x.storage();
            double[] dst = (double[]) out;
            Parallel.forRange(outer, Math.max(1, BroadcastLoop.GRAIN / Math.max(1, reduced * inner)), (s, e) -> {
                for (int o = s; o < e; o++) {
                    for (int i = 0; i < inner; i++) {
                        double acc = identity();
                        for (int r = 0; r < reduced; r++) {
                            acc = combine(acc, src[off + (o * reduced + r) * inner + i]);
                        }
                        dst[o * inner + i] = finish(acc, reduced);
                    }
                }
            });
            return out;
        }
        // integers: exact 64-bit accumulation; int32 results wrap as TensorFlow's do
        long id = identityLong(dtype);
        Parallel.forRange(outer, Math.max(1, BroadcastLoop.GRAIN / Math.max(1, reduced * inner)), (s, e) -> {
            for (int o = s; o < e; o++) {
                for (int i = 0; i < inner; i++) {
                    long acc = id;
                    for (int r = 0; r < reduced; r++) {
                        acc = combineLong(acc, readLong(x, off + (o * reduced + r) * inner + i));
                    }
                    long v = finishLong(acc, reduced);
                    if (dtype == DType.INT32) {
                        ((int[]) out)[o * inner + i] = (int) v;
                    } else {
                        ((long[]) out)[o * inner + i] = v;
                    }
                }
            }
        });
        return out;
    }

    /** {@link #combine} for int32/int64 inputs, exact in 64 bits; the default goes through double. */
    protected long combineLong(long acc, long x) {
        return (long) combine(acc, x);
    }

    /** {@link #finish} for integer inputs. */
    protected long finishLong(long acc, int count) {
        return acc;
    }

    /** The identity for integer inputs: an infinite identity becomes the dtype's extreme value. */
    private long identityLong(DType dtype) {
        double id = identity();
        if (id == Double.NEGATIVE_INFINITY) {
            return dtype == DType.INT32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
        }
        if (id == Double.POSITIVE_INFINITY) {
            return dtype == DType.INT32 ? Integer.MAX_VALUE : Long.MAX_VALUE;
        }
        return (long) id;
    }

    private double reduceRow(float[] src, int start, int n) {
        FloatVector idv = FloatVector.broadcast(F, (float) identity());
        FloatVector acc = idv;
        for (int i = 0; i < n; i += F.length()) {
            VectorMask<Float> m = F.indexInRange(i, n);
            acc = acc.lanewise(lanes(), idv.blend(FloatVector.fromArray(F, src, start + i, m), m));
        }
        return VectorMath.foldLanes(acc, lanes());
    }

    private void reduceColumns(float[] src, int start, int reduced, int inner, float[] dst, int dstStart) {
        float id = (float) identity();
        for (int i = 0; i < inner; i += F.length()) {
            VectorMask<Float> m = F.indexInRange(i, inner);
            FloatVector acc = FloatVector.broadcast(F, id);
            for (int r = 0; r < reduced; r++) {
                acc = acc.lanewise(lanes(), FloatVector.fromArray(F, src, start + r * inner + i, m));
            }
            float[] lanesOut = acc.toArray();
            for (int l = 0; l < F.length() && i + l < inner; l++) {
                dst[dstStart + i + l] = (float) finish(lanesOut[l], reduced);
            }
        }
    }

    private static long readLong(Tensor x, int pos) {
        return switch (x.dtype()) {
            case INT32 -> ((int[]) x.storage())[pos];
            case INT64 -> ((long[]) x.storage())[pos];
            default -> throw new IllegalArgumentException("reduce: unsupported dtype " + x.dtype());
        };
    }

    /** The upstream gradient reshaped so it broadcasts against the input (reduced axes as size 1). */
    protected Tensor expandToInput(Tensor grad, Shape inputShape) {
        int[] red = reducedAxes(inputShape.rank());
        int[] dims = inputShape.dims();
        int unknown = 0;
        for (int a : red) {
            dims[a] = 1;
        }
        for (int d : dims) {
            unknown += d == Shape.UNKNOWN ? 1 : 0;
        }
        if (unknown <= 1) {
            return tf.reshape(grad, dims); // reshape works out one unknown dimension
        }
        if (keepDims) {
            return grad; // the reduced axes are already there, as 1
        }
        Tensor g = grad;
        for (int a : red) { // ascending: each lands where the input had it
            g = tf.expandDims(g, a);
        }
        return g;
    }

    /**
     * The upstream gradient spread back over the input's shape: broadcast to its dimensions, or,
     * when some are known only at run time, to the shape the input has then.
     */
    protected Tensor broadcastToInput(Tensor grad, Tensor x) {
        Tensor expanded = expandToInput(grad, x.shape());
        return x.shape().isFullyDefined() ? tf.broadcastTo(expanded, x.shape().dims())
                : new BroadcastLike().apply(expanded, x);
    }

    /**
     * How many input elements went into each output element, as a scalar of {@code dtype}:
     * a constant when the shapes are known, else counted from the run-time sizes.
     */
    protected static Tensor elementsPerOutput(Tensor x, Tensor y, DType dtype) {
        if (x.shape().isFullyDefined() && y.shape().isFullyDefined()) {
            return Tensor.scalar(dtype, Math.max(1, x.size() / Math.max(1, y.size())));
        }
        Tensor one = Tensor.scalar(1);
        Tensor ratio = tf.floorDiv(tf.size(x), tf.maximum(tf.size(y), one));
        return tf.cast(tf.maximum(ratio, one), dtype);
    }

    /**
     * The gradient of max/min: the upstream gradient goes to the inputs equal to their output,
     * split evenly among ties. The weights are piecewise constant in x, so they are built as a
     * constant tensor.
     */
    protected Tensor extremumGradient(Tensor x, Tensor y, Tensor g) {
        Tensor hits = tf.cast(tf.equal(x, expandToInput(y, x.shape())), x.dtype());
        Tensor count = tf.reduceSum(hits, reducedAxes(x.rank()), true);
        return tf.div(tf.mul(hits, expandToInput(g, x.shape())), count);
    }

    /** The kernel of reduce_all / reduce_any: outputs start at {@code identity} and flip on any other value. */
    protected Tensor reduceBool(Tensor x, TensorSpec out, boolean identity) {
        int[] where = outputIndex(x.shape(), reducedAxes(x.rank()));
        boolean[] result = new boolean[out.shape().size()];
        java.util.Arrays.fill(result, identity);
        Tensor c = x.contiguous();
        boolean[] src = (boolean[]) c.storage();
        int off = c.offset();
        for (int i = 0; i < where.length; i++) {
            if (src[off + i] != identity) {
                result[where[i]] = !identity;
            }
        }
        return Tensor.wrap(DType.BOOL, out.shape(), result);
    }

    /** For each input element (row-major), the flat index of the output element it reduces into. */
    static int[] outputIndex(Shape in, int[] reducedAxes) {
        int rank = in.rank();
        int[] outStride = new int[rank];
        boolean[] isReduced = new boolean[rank];
        for (int a : reducedAxes) {
            isReduced[a] = true;
        }
        int stride = 1;
        for (int ax = rank - 1; ax >= 0; ax--) {
            outStride[ax] = isReduced[ax] ? 0 : stride;
            stride *= isReduced[ax] ? 1 : in.dim(ax);
        }
        int[] result = new int[in.size()];
        int[] counter = new int[rank];
        int pos = 0;
        for (int i = 0; i < result.length; i++) {
            result[i] = pos;
            for (int ax = rank - 1; ax >= 0; ax--) {
                counter[ax]++;
                pos += outStride[ax];
                if (counter[ax] < in.dim(ax)) {
                    break;
                }
                pos -= outStride[ax] * counter[ax];
                counter[ax] = 0;
            }
        }
        return result;
    }
}
