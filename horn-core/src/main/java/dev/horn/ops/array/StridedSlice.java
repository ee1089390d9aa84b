package dev.horn.ops.array;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import java.util.Arrays;

/**
 * Python-style slicing {@code x[begin:end:strides]} with TensorFlow's bit masks (tf.strided_slice):
 * bit i of beginMask/endMask ignores begin[i]/end[i] (the full range), of ellipsisMask makes
 * entry i an ellipsis, of newAxisMask inserts a size-1 axis, of shrinkAxisMask takes the single
 * index begin[i] and drops the axis. Negative indices count from the end; negative strides walk
 * backwards. The result is a view, with negative strides where the slice goes backwards.
 */
public final class StridedSlice extends Op {
    private final int[] begin;
    private final int[] end;
    private final int[] strides;
    private final int beginMask;
    private final int endMask;
    private final int ellipsisMask;
    private final int newAxisMask;
    private final int shrinkAxisMask;

    public StridedSlice(int[] begin, int[] end, int[] strides,
                        int beginMask, int endMask, int ellipsisMask, int newAxisMask, int shrinkAxisMask) {
        super("strided_slice");
        if (begin.length != end.length || begin.length != strides.length) {
            throw new IllegalArgumentException("strided_slice: begin, end and strides must have one length, got "
                    + Arrays.toString(begin) + ", " + Arrays.toString(end) + ", " + Arrays.toString(strides));
        }
        if (Integer.bitCount(ellipsisMask) > 1) {
            throw new IllegalArgumentException("strided_slice: at most one ellipsis is allowed, ellipsis_mask=" + ellipsisMask);
        }
        this.begin = begin.clone();
        this.end = end.clone();
        this.strides = strides.clone();
        this.beginMask = beginMask;
        this.endMask = endMask;
        this.ellipsisMask = ellipsisMask;
        this.newAxisMask = newAxisMask;
        this.shrinkAxisMask = shrinkAxisMask;
    }

    @Override
    public String attributes() {
        return "begin=" + Arrays.toString(begin) + ", end=" + Arrays.toString(end) + ", strides=" + Arrays.toString(strides)
                + ", begin_mask=" + beginMask + ", end_mask=" + endMask + ", ellipsis_mask=" + ellipsisMask
                + ", new_axis_mask=" + newAxisMask + ", shrink_axis_mask=" + shrinkAxisMask;
    }

    /**
     * The slice resolved against an input shape: where it starts on each input axis, and for
     * each output axis its size, the input axis it walks (-1 for a new axis) and its step.
     */
    record Plan(int[] start, int[] outDims, int[] inAxis, int[] step) {
        /** The view of a tensor laid out with {@code strides} from {@code offset}. */
        int[] viewStrides(int[] strides) {
            int[] out = new int[outDims.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = inAxis[i] < 0 ? 0 : step[i] * strides[inAxis[i]];
            }
            return out;
        }

        int viewOffset(int offset, int[] strides) {
            for (int d : outDims) {
                if (d == 0) {
                    return offset;
                }
            }
            for (int i = 0; i < start.length; i++) {
                offset += start[i] * strides[i];
            }
            return offset;
        }
    }

    Plan plan(Shape in) {
        int rank = in.rank();
        int consuming = 0;
        for (int i = 0; i < begin.length; i++) {
            if (!bit(ellipsisMask, i) && !bit(newAxisMask, i)) {
                consuming++;
            }
        }
        boolean hasEllipsis = ellipsisMask != 0;
        if (consuming > rank) {
            throw new IllegalArgumentException("strided_slice: " + consuming + " indices for an input of shape " + in
                    + " (rank " + rank + ")");
        }
        int[] start = new int[rank];
        int[] outDims = new int[rank + begin.length];
        int[] inAxis = new int[outDims.length];
        int[] step = new int[outDims.length];
        int axis = 0;
        int out = 0;
        for (int i = 0; i <= begin.length; i++) {
            boolean ellipsis = i < begin.length ? bit(ellipsisMask, i) : !hasEllipsis;
            if (ellipsis) {
                int full = i < begin.length ? rank - consuming : rank - axis;
                for (int k = 0; k < full; k++, axis++, out++) {
                    outDims[out] = in.dim(axis);
                    inAxis[out] = axis;
                    step[out] = 1;
                }
                continue;
            }
            if (i == begin.length) {
                break;
            }
            if (bit(newAxisMask, i)) {
                outDims[out] = 1;
                inAxis[out] = -1;
                out++;
                continue;
            }
            int d = in.dim(axis);
            int s = strides[i];
            if (s == 0) {
                throw new IllegalArgumentException("strided_slice: stride " + i + " is 0 in " + Arrays.toString(strides));
            }
            if (bit(shrinkAxisMask, i)) {
                int b = begin[i] < 0 ? begin[i] + d : begin[i];
                if (b < 0 || b >= d) {
                    throw new IllegalArgumentException("strided_slice: index " + begin[i] + " is out of bounds for axis "
                            + axis + " of size " + d + " (input shape " + in + ")");
                }
                start[axis++] = b;
                continue;
            }
            int lo = s > 0 ? 0 : -1;
            int hi = s > 0 ? d : d - 1;
            int b = bit(beginMask, i) ? (s > 0 ? lo : hi) : clamp(begin[i] < 0 ? begin[i] + d : begin[i], lo, hi);
            int e = bit(endMask, i) ? (s > 0 ? hi : lo) : clamp(end[i] < 0 ? end[i] + d : end[i], lo, hi);
            int count = s > 0 ? Math.max(0, (e - b + s - 1) / s) : Math.max(0, (b - e - s - 1) / -s);
            start[axis] = count == 0 ? 0 : b;
            outDims[out] = count;
            inAxis[out] = axis;
            step[out] = s;
            axis++;
            out++;
        }
        return new Plan(start, Arrays.copyOf(outDims, out), Arrays.copyOf(inAxis, out), Arrays.copyOf(step, out));
    }

    private static boolean bit(int mask, int i) {
        return (mask >> i & 1) != 0;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), Shape.of(plan(inputs[0].shape()).outDims()))};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0];
        Plan p = plan(x.shape());
        int[] own = x.strides();
        return new Tensor[] {x.view(outputs[0].shape(), p.viewOffset(x.offset(), own), p.viewStrides(own))};
    }

    /** The slice's elements go back where they came from, zeros elsewhere. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {new StridedSliceGrad(this, in[0].shape()).apply(g[0])};
    }
}
