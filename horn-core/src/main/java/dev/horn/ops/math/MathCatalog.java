package dev.horn.ops.math;

import dev.horn.ops.Op;
import java.util.List;

/** The op kinds of this package, one line each, for {@link dev.horn.ops.OpRegistry}. */
public final class MathCatalog {
    public static final List<Class<? extends Op>> OPS = List.of(
            Add.class, Sub.class, Mul.class, Div.class, Neg.class, Exp.class, Log.class, Cast.class, Pow.class, Greater.class, Where.class);

    private MathCatalog() {}
}
