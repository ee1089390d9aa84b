package dev.horn.ops.reduce;

import dev.horn.ops.Op;
import java.util.List;

/** The op kinds of this package, one line each, for {@link dev.horn.ops.OpRegistry}. */
public final class ReduceCatalog {
    public static final List<Class<? extends Op>> OPS = List.of(
            ReduceSum.class, ReduceMean.class, ReduceMax.class, ReduceMin.class, ReduceProd.class,
            ArgMax.class, ArgMin.class, Cumsum.class, Cumprod.class, ReduceAll.class, ReduceAny.class);

    private ReduceCatalog() {}
}
