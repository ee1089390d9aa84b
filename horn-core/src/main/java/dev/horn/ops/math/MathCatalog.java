package dev.horn.ops.math;

import dev.horn.ops.Op;
import java.util.List;

/** The op kinds of this package, one line each, for {@link dev.horn.ops.OpRegistry}. */
public final class MathCatalog {
    public static final List<Class<? extends Op>> OPS = List.of(
            Add.class, Sub.class, Mul.class, Div.class, Neg.class, Exp.class, Log.class, Cast.class, Pow.class, Greater.class, Where.class,
            Abs.class, Sign.class, Sqrt.class, Rsqrt.class, Square.class, Log1p.class, Expm1.class, Sin.class, Cos.class,
            Tanh.class, Sigmoid.class, Relu.class, Elu.class, Selu.class, Softplus.class, Softsign.class, Erf.class,
            Gelu.class, LeakyRelu.class, Maximum.class, Minimum.class, SquaredDifference.class,
            Equal.class, NotEqual.class, Less.class, LessEqual.class, GreaterEqual.class,
            LogicalAnd.class, LogicalOr.class, LogicalXor.class, LogicalNot.class);

    private MathCatalog() {}
}
