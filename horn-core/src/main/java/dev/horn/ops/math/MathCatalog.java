package dev.horn.ops.math;

import dev.horn.ops.Op;
import java.util.List;

/** The op kinds of this package, one line each, for {@link dev.horn.ops.OpRegistry}. */
public final class MathCatalog {
    public static final List<Class<? extends Op>> OPS = List.of(
            // arithmetic
            Add.class, Sub.class, Mul.class, Div.class, Neg.class, Pow.class,
            Minimum.class, Maximum.class, SquaredDifference.class, FloorDiv.class, FloorMod.class, ClipByValue.class,
            // functions
            Exp.class, Log.class, Abs.class, Sign.class, Sqrt.class, Rsqrt.class, Square.class, Log1p.class, Expm1.class,
            Sin.class, Cos.class, Tanh.class, Erf.class,
            // activations
            Sigmoid.class, Relu.class, Elu.class, Selu.class, Softplus.class, Softsign.class, Gelu.class, LeakyRelu.class,
            // comparisons and logic
            Greater.class, GreaterEqual.class, Less.class, LessEqual.class, Equal.class, NotEqual.class,
            LogicalAnd.class, LogicalOr.class, LogicalXor.class, LogicalNot.class,
            // selection and conversion
            Where.class, Cast.class);

    private MathCatalog() {}
}
