package dev.horn.ops.sort;

import dev.horn.ops.Op;
import java.util.List;

/** The op kinds of this package, one line each, for {@link dev.horn.ops.OpRegistry}. */
public final class SortCatalog {
    public static final List<Class<? extends Op>> OPS = List.of(
            Sort.class, Argsort.class, TopK.class, TakeAlongAxis.class, ScatterAddAlongAxis.class);

    private SortCatalog() {}
}
