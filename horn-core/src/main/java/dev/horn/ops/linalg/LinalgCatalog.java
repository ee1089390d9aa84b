package dev.horn.ops.linalg;

import dev.horn.ops.Op;
import java.util.List;

/** The op kinds of this package, one line each, for {@link dev.horn.ops.OpRegistry}. */
public final class LinalgCatalog {
    public static final List<Class<? extends Op>> OPS = List.of(
            MatMul.class, MatMulBias.class);

    private LinalgCatalog() {}
}
