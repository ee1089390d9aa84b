package dev.horn;

import dev.horn.ops.ShapeRules;
import dev.horn.ops.array.BroadcastLike;
import dev.horn.ops.array.BroadcastTo;
import dev.horn.ops.array.StopGradient;
import dev.horn.ops.array.Concat;
import dev.horn.ops.array.ExpandDims;
import dev.horn.ops.array.Gather;
import dev.horn.ops.array.GatherNd;
import dev.horn.ops.array.OneHot;
import dev.horn.ops.array.Pad;
import dev.horn.ops.array.Reshape;
import dev.horn.ops.array.Size;
import dev.horn.ops.array.Slice;
import dev.horn.ops.array.Split;
import dev.horn.ops.array.Squeeze;
import dev.horn.ops.array.StridedSlice;
import dev.horn.ops.array.TensorScatterAdd;
import dev.horn.ops.array.Tile;
import dev.horn.ops.array.Transpose;
import java.util.List;

/**
 * Shape and movement ops: reshape, transpose, expand/squeeze, concat, stack, split, tile, pad,
 * slices, gather, scatter, one-hot, sorting. Part of {@link Tf}.
 */
public interface ArrayOps {
    default Tensor reshape(Tensor x, int... shape) { return new Reshape(shape).apply(x); }
    default Tensor transpose(Tensor x, int... perm) { return new Transpose(perm).apply(x); }
    default Tensor broadcastTo(Tensor x, int... shape) { return new BroadcastTo(shape).apply(x); }
    /** Broadcasts x to the shape {@code like} has when the op runs (its values are not read). */
    default Tensor broadcastLike(Tensor x, Tensor like) { return new BroadcastLike().apply(x, like); }
    /** The element count as an int32 scalar, counted when the op runs. */
    default Tensor size(Tensor x) { return new Size().apply(x); }
    default Tensor expandDims(Tensor x, int axis) { return new ExpandDims(axis).apply(x); }
    /** Removes the named size-1 axes, or every size-1 axis when none are named. */
    default Tensor squeeze(Tensor x, int... axes) { return new Squeeze(axes).apply(x); }

    default Tensor concat(List<Tensor> values, int axis) { return new Concat(axis).apply(values.toArray(Tensor[]::new)); }
    default Tensor concat(Tensor[] values, int axis) { return new Concat(axis).apply(values); }
    /** Joins tensors of one shape along a new axis. */
    default Tensor stack(List<Tensor> values, int axis) {
        return concat(values.stream().map(v -> expandDims(v, axis)).toList(), axis);
    }
    default Tensor stack(Tensor[] values, int axis) { return stack(List.of(values), axis); }
    /** Into {@code num} equal parts along axis. */
    default Tensor[] split(Tensor x, int num, int axis) { return new Split(num, axis).applyAll(x); }
    /** Into parts of the given sizes along axis (one may be -1: the rest). */
    default Tensor[] split(Tensor x, int[] sizes, int axis) { return new Split(sizes, axis).applyAll(x); }
    /** The slices along axis, each without that axis. */
    default Tensor[] unstack(Tensor x, int axis) {
        int a = x.shape().normalizeAxis(axis);
        Tensor[] parts = split(x, x.shape().dim(a), a);
        Tensor[] out = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = squeeze(parts[i], a);
        }
        return out;
    }

    default Tensor tile(Tensor x, int... multiples) { return new Tile(multiples).apply(x); }
    /** Zero padding; paddings[i] = {before, after} for axis i. */
    default Tensor pad(Tensor x, int[][] paddings) { return new Pad(paddings, Pad.Mode.CONSTANT, 0).apply(x); }
    default Tensor pad(Tensor x, int[][] paddings, Pad.Mode mode) { return new Pad(paddings, mode, 0).apply(x); }
    default Tensor pad(Tensor x, int[][] paddings, Pad.Mode mode, double constantValue) {
        return new Pad(paddings, mode, constantValue).apply(x);
    }

    /** The block at begin of extent size (-1: to the end of that axis). */
    default Tensor slice(Tensor x, int[] begin, int[] size) { return new Slice(begin, size).apply(x); }
    default Tensor stridedSlice(Tensor x, int[] begin, int[] end, int[] strides) {
        return new StridedSlice(begin, end, strides, 0, 0, 0, 0, 0).apply(x);
    }
    default Tensor stridedSlice(Tensor x, int[] begin, int[] end, int[] strides, int beginMask, int endMask,
                                int ellipsisMask, int newAxisMask, int shrinkAxisMask) {
        return new StridedSlice(begin, end, strides, beginMask, endMask, ellipsisMask, newAxisMask, shrinkAxisMask).apply(x);
    }
    /** Reverses the order of elements along the given axes (a strided slice with step -1). */
    default Tensor reverse(Tensor x, int... axes) {
        int rank = x.rank();
        int[] strides = new int[rank];
        java.util.Arrays.fill(strides, 1);
        for (int a : ShapeRules.axes("reverse", axes, rank)) {
            strides[a] = -1;
        }
        int all = (1 << rank) - 1;
        return stridedSlice(x, new int[rank], new int[rank], strides, all, all, 0, 0, 0);
    }

    default Tensor gather(Tensor params, Tensor indices) { return new Gather(0, 0).apply(params, indices); }
    default Tensor gather(Tensor params, Tensor indices, int axis) { return new Gather(axis, 0).apply(params, indices); }
    default Tensor gather(Tensor params, Tensor indices, int axis, int batchDims) {
        return new Gather(axis, batchDims).apply(params, indices);
    }
    default Tensor gatherNd(Tensor params, Tensor indices) { return new GatherNd().apply(params, indices); }
    /** tensor_scatter_nd_add: tensor with updates added at the index rows. */
    default Tensor tensorScatterAdd(Tensor tensor, Tensor indices, Tensor updates) {
        return new TensorScatterAdd().apply(tensor, indices, updates);
    }
    /** scatter_nd: updates summed into zeros of the given shape. */
    default Tensor scatterNd(Tensor indices, Tensor updates, int... shape) {
        Shape s = Shape.of(shape);
        Tensor zeros = Tensor.wrap(updates.dtype(), s, dev.horn.internal.cpu.HeapArrays.newArray(updates.dtype(), s.size()));
        return tensorScatterAdd(zeros, indices, updates);
    }

    default Tensor oneHot(Tensor indices, int depth) { return new OneHot(depth, 1, 0, -1, DType.FLOAT32).apply(indices); }
    default Tensor oneHot(Tensor indices, int depth, double onValue, double offValue, int axis, DType dtype) {
        return new OneHot(depth, onValue, offValue, axis, dtype).apply(indices);
    }

    /** x itself, but no gradient flows back through it (tf.stop_gradient). */
    default Tensor stopGradient(Tensor x) { return new StopGradient().apply(x); }
}
