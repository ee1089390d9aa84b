package dev.horn.ops.random;

import dev.horn.ops.Op;
import java.util.List;

/** The op kinds of this package, one line each, for {@link dev.horn.ops.OpRegistry}. */
public final class RandomCatalog {
    public static final List<Class<? extends Op>> OPS = List.of(RandomTensor.class);

    private RandomCatalog() {}
}
