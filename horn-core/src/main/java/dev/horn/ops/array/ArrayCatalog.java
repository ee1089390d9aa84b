package dev.horn.ops.array;

import dev.horn.ops.Op;
import java.util.List;

/** The op kinds of this package, one line each, for {@link dev.horn.ops.OpRegistry}. */
public final class ArrayCatalog {
    public static final List<Class<? extends Op>> OPS = List.of(
            StopGradient.class,
            Reshape.class, Transpose.class, BroadcastTo.class, BroadcastLike.class, Size.class,
            ExpandDims.class, Squeeze.class,
            Concat.class, Split.class, Tile.class, Pad.class,
            Slice.class, StridedSlice.class, StridedSliceGrad.class,
            Gather.class, GatherNd.class, TensorScatterAdd.class, OneHot.class);

    private ArrayCatalog() {}
}
