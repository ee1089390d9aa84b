package dev.horn.ops.array;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.ops.GradSpec;
import java.util.List;

import static dev.horn.Tf.tf;
import static dev.horn.ops.GradSpec.of;

/** Gradient-check rows for shape and movement ops. */
public final class ArrayGradSpecs {
    private ArrayGradSpecs() {}

    public static List<GradSpec> specs() {
        Tensor idx = Tensor.of(new int[] {2, 0, 2, 1}, 2, 2);
        Tensor batchIdx = Tensor.of(new long[] {1, 1, 0, 2, 0, 0}, 2, 3);
        Tensor ndIdx = Tensor.of(new int[] {1, 0, 0, 2, 1, 0}, 3, 2);
        StridedSlice backwards = new StridedSlice(new int[] {-1, 0, 1}, new int[] {0, 0, 3}, new int[] {-1, 1, 2}, 0, 2, 0, 0, 0);
        return List.of(
                of(Reshape.class, "reshape with -1", x -> tf.reshape(x[0], 3, -1), new int[] {2, 3, 2}),
                of(Transpose.class, "transpose 3-d", x -> tf.transpose(x[0], 2, 0, 1), new int[] {2, 3, 4}),
                of(BroadcastTo.class, "broadcast_to", x -> tf.broadcastTo(x[0], 2, 3, 4), new int[] {3, 1}),
                of(BroadcastLike.class, "broadcast_like (the second input's values are not read)",
                        x -> tf.broadcastLike(x[0], x[1]), new int[] {3, 1}, new int[] {2, 3, 4}),
                of(ExpandDims.class, "expand_dims at -2", x -> tf.expandDims(x[0], -2), new int[] {2, 3}),
                of(Squeeze.class, "squeeze axis 1 of a transposed view",
                        x -> tf.squeeze(tf.transpose(x[0], 1, 0, 2), 0), new int[] {3, 1, 2}),
                of(Concat.class, "concat three inputs on axis 1",
                        x -> tf.concat(List.of(x[0], x[1], x[2]), 1), new int[] {2, 1, 3}, new int[] {2, 2, 3}, new int[] {2, 3, 3}),
                of(Concat.class, "stack on a new middle axis", x -> tf.stack(List.of(x[0], x[1]), 1), new int[] {2, 3}, new int[] {2, 3}),
                of(Split.class, "split by sizes, one output unused",
                        x -> { Tensor[] p = tf.split(x[0], new int[] {1, -1, 2}, 1); return tf.mul(p[0], p[2]); }, new int[] {3, 5}),
                of(Split.class, "unstack axis 0", x -> tf.add(tf.unstack(x[0], 0)[0], tf.unstack(x[0], 0)[1]), new int[] {2, 3}),
                of(Tile.class, "tile [2, 1, 3]", x -> tf.tile(x[0], 2, 1, 3), new int[] {2, 3, 2}),
                of(Pad.class, "pad constant 1.5", x -> tf.pad(x[0], new int[][] {{1, 0}, {2, 1}}, Pad.Mode.CONSTANT, 1.5), new int[] {2, 3}),
                of(Pad.class, "pad reflect", x -> tf.pad(x[0], new int[][] {{1, 2}, {2, 1}}, Pad.Mode.REFLECT), new int[] {3, 4}),
                of(Pad.class, "pad symmetric", x -> tf.pad(x[0], new int[][] {{2, 3}, {0, 1}}, Pad.Mode.SYMMETRIC), new int[] {3, 4}),
                of(Slice.class, "slice with -1", x -> tf.slice(x[0], new int[] {1, 0, 1}, new int[] {1, -1, 2}), new int[] {3, 2, 4}),
                of(StridedSlice.class, "strided_slice backwards with end mask", x -> backwards.apply(x[0]), new int[] {3, 4, 4}),
                of(StridedSlice.class, "strided_slice shrink and new axis",
                        x -> tf.stridedSlice(x[0], new int[] {1, 0, 0}, new int[] {2, 0, 3}, new int[] {1, 1, 2}, 0, 0, 0, 2, 1),
                        new int[] {3, 4}),
                of(StridedSliceGrad.class, "strided_slice_grad", x -> new StridedSliceGrad(backwards, Shape.of(3, 4, 4)).apply(x[0]),
                        new int[] {2, 4, 1}),
                of(Gather.class, "gather axis 1 with repeats", x -> tf.gather(x[0], idx, 1), new int[] {2, 3, 2}),
                of(Gather.class, "gather batch_dims 1 axis 2", x -> tf.gather(x[0], batchIdx, 2, 1), new int[] {2, 2, 3, 2}),
                of(GatherNd.class, "gather_nd rows", x -> tf.gatherNd(x[0], ndIdx), new int[] {2, 3, 2}),
                of(TensorScatterAdd.class, "tensor_scatter_nd_add repeated rows",
                        x -> tf.tensorScatterAdd(x[0], Tensor.of(new int[] {1, 0, 1}, 3, 1), x[1]), new int[] {2, 3}, new int[] {3, 3}),
                // squares make the gradients depend on x, so the gradient ops' own gradients are checked too
                of(Gather.class, "gather squared (second order)", x -> square(tf.gather(x[0], idx, 1)), new int[] {2, 3, 2})
                        .withSecondOrder(),
                of(TensorScatterAdd.class, "tensor_scatter_nd_add squared (second order)",
                        x -> square(tf.tensorScatterAdd(x[0], ndIdx, x[1])), new int[] {2, 3, 2}, new int[] {3, 2})
                        .withSecondOrder(),
                of(Pad.class, "pad reflect squared (second order)",
                        x -> square(tf.pad(x[0], new int[][] {{1, 2}, {0, 1}}, Pad.Mode.REFLECT)), new int[] {3, 2}).withSecondOrder(),
                of(StridedSlice.class, "strided_slice squared (second order)", x -> square(backwards.apply(x[0])), new int[] {3, 4, 4})
                        .withSecondOrder(),
                of(Tile.class, "tile squared (second order)", x -> square(tf.tile(x[0], 2, 1)), new int[] {2, 3}).withSecondOrder(),
                of(Concat.class, "concat squared (second order)", x -> square(tf.concat(List.of(x[0], x[1]), 0)),
                        new int[] {1, 3}, new int[] {2, 3}).withSecondOrder(),
                of(Concat.class, "concat of one input", x -> tf.concat(List.of(x[0]), 0), new int[] {2, 3}),
                of(Pad.class, "pad reflect by nothing", x -> tf.pad(x[0], new int[2][2], Pad.Mode.REFLECT), new int[] {2, 3}),
                of(Split.class, "split squared (second order)", x -> square(tf.split(x[0], 3, 1)[1]), new int[] {2, 3}).withSecondOrder()
        );
    }

    private static Tensor square(Tensor t) {
        return tf.mul(t, t);
    }
}
