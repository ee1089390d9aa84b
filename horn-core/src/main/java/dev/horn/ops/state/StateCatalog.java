package dev.horn.ops.state;

import dev.horn.ops.Op;
import java.util.List;

/** The op kinds of this package, one line each, for {@link dev.horn.ops.OpRegistry}. */
public final class StateCatalog {
    public static final List<Class<? extends Op>> OPS = List.of(
            ReadVariable.class, AssignVariable.class, ApplyRmsProp.class, ApplyAdam.class, ApplyMomentum.class,
            ApplyAdagrad.class, ApplyAdamax.class, ApplyAdadelta.class, ApplyNadam.class);

    private StateCatalog() {}
}
