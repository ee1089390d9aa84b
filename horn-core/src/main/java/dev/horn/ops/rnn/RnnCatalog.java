package dev.horn.ops.rnn;

import dev.horn.ops.Op;
import java.util.List;

/** The op kinds of this package, one line each, for {@link dev.horn.ops.OpRegistry}. */
public final class RnnCatalog {
    public static final List<Class<? extends Op>> OPS = List.of(
            LstmSequence.class, LstmSequenceGrad.class, GruSequence.class, GruSequenceGrad.class);

    private RnnCatalog() {}
}
