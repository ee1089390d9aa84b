package dev.horn.ops.array;

import dev.horn.ops.Op;
import java.util.List;

/** The op kinds of this package, one line each, for {@link dev.horn.ops.OpRegistry}. */
public final class ArrayCatalog {
    public static final List<Class<? extends Op>> OPS = List.of(
            Reshape.class, Transpose.class, BroadcastTo.class);

    private ArrayCatalog() {}
}
