package dev.horn;

import dev.horn.ops.math.Abs;
import dev.horn.ops.math.Add;
import dev.horn.ops.math.Cast;
import dev.horn.ops.math.ClipByValue;
import dev.horn.ops.math.Cos;
import dev.horn.ops.math.Div;
import dev.horn.ops.math.Elu;
import dev.horn.ops.math.Equal;
import dev.horn.ops.math.Erf;
import dev.horn.ops.math.Exp;
import dev.horn.ops.math.Expm1;
import dev.horn.ops.math.FloorDiv;
import dev.horn.ops.math.FloorMod;
import dev.horn.ops.math.Gelu;
import dev.horn.ops.math.Greater;
import dev.horn.ops.math.GreaterEqual;
import dev.horn.ops.math.LeakyRelu;
import dev.horn.ops.math.Less;
import dev.horn.ops.math.LessEqual;
import dev.horn.ops.math.Log;
import dev.horn.ops.math.Log1p;
import dev.horn.ops.math.LogicalAnd;
import dev.horn.ops.math.LogicalNot;
import dev.horn.ops.math.LogicalOr;
import dev.horn.ops.math.LogicalXor;
import dev.horn.ops.math.Maximum;
import dev.horn.ops.math.Minimum;
import dev.horn.ops.math.Mul;
import dev.horn.ops.math.Neg;
import dev.horn.ops.math.NotEqual;
import dev.horn.ops.math.Pow;
import dev.horn.ops.math.Relu;
import dev.horn.ops.math.Rsqrt;
import dev.horn.ops.math.Selu;
import dev.horn.ops.math.Sigmoid;
import dev.horn.ops.math.Sign;
import dev.horn.ops.math.Sin;
import dev.horn.ops.math.Softplus;
import dev.horn.ops.math.Softsign;
import dev.horn.ops.math.Sqrt;
import dev.horn.ops.math.Square;
import dev.horn.ops.math.SquaredDifference;
import dev.horn.ops.math.Sub;
import dev.horn.ops.math.Tanh;
import dev.horn.ops.math.Where;

/**
 * Element-wise arithmetic, math functions, activations, comparisons, logical ops, where, clip
 * and cast. Binary ops broadcast with numpy rules and need both inputs of one dtype. Part of
 * {@link Tf}.
 */
public interface MathOps {
    // ---- arithmetic ---------------------------------------------------------------------------
    default Tensor add(Tensor a, Tensor b) { return new Add().apply(a, b); }
    default Tensor sub(Tensor a, Tensor b) { return new Sub().apply(a, b); }
    default Tensor mul(Tensor a, Tensor b) { return new Mul().apply(a, b); }
    default Tensor div(Tensor a, Tensor b) { return new Div().apply(a, b); }
    default Tensor neg(Tensor x) { return new Neg().apply(x); }
    default Tensor pow(Tensor a, Tensor b) { return new Pow().apply(a, b); }
    default Tensor minimum(Tensor a, Tensor b) { return new Minimum().apply(a, b); }
    default Tensor maximum(Tensor a, Tensor b) { return new Maximum().apply(a, b); }
    default Tensor squaredDifference(Tensor a, Tensor b) { return new SquaredDifference().apply(a, b); }
    /** floor(a / b) (tf.math.floordiv). */
    default Tensor floorDiv(Tensor a, Tensor b) { return new FloorDiv().apply(a, b); }
    /** The remainder with the sign of b (tf.math.floormod). */
    default Tensor floorMod(Tensor a, Tensor b) { return new FloorMod().apply(a, b); }
    /** t limited to [min, max]; the bounds broadcast to t's shape. */
    default Tensor clipByValue(Tensor t, Tensor min, Tensor max) { return new ClipByValue().apply(t, min, max); }
    default Tensor clipByValue(Tensor t, double min, double max) {
        return clipByValue(t, Tensor.scalar(t.dtype(), min), Tensor.scalar(t.dtype(), max));
    }

    // ---- functions ----------------------------------------------------------------------------
    default Tensor exp(Tensor x) { return new Exp().apply(x); }
    default Tensor log(Tensor x) { return new Log().apply(x); }
    default Tensor abs(Tensor x) { return new Abs().apply(x); }
    default Tensor sign(Tensor x) { return new Sign().apply(x); }
    default Tensor sqrt(Tensor x) { return new Sqrt().apply(x); }
    default Tensor rsqrt(Tensor x) { return new Rsqrt().apply(x); }
    default Tensor square(Tensor x) { return new Square().apply(x); }
    default Tensor log1p(Tensor x) { return new Log1p().apply(x); }
    default Tensor expm1(Tensor x) { return new Expm1().apply(x); }
    default Tensor sin(Tensor x) { return new Sin().apply(x); }
    default Tensor cos(Tensor x) { return new Cos().apply(x); }
    default Tensor tanh(Tensor x) { return new Tanh().apply(x); }
    default Tensor erf(Tensor x) { return new Erf().apply(x); }

    // ---- activations (tf.nn / tf.math names) --------------------------------------------------
    default Tensor sigmoid(Tensor x) { return new Sigmoid().apply(x); }
    default Tensor relu(Tensor x) { return new Relu().apply(x); }
    default Tensor elu(Tensor x) { return new Elu().apply(x); }
    default Tensor selu(Tensor x) { return new Selu().apply(x); }
    default Tensor softplus(Tensor x) { return new Softplus().apply(x); }
    default Tensor softsign(Tensor x) { return new Softsign().apply(x); }
    /** Exact gelu, x Phi(x) (tf.nn.gelu's default). */
    default Tensor gelu(Tensor x) { return gelu(x, false); }
    /** gelu, with {@code approximate} selecting the tanh form. */
    default Tensor gelu(Tensor x, boolean approximate) { return new Gelu(approximate).apply(x); }
    /** Leaky relu with tf.nn.leaky_relu's default alpha 0.2. */
    default Tensor leakyRelu(Tensor x) { return leakyRelu(x, 0.2); }
    default Tensor leakyRelu(Tensor x, double alpha) { return new LeakyRelu(alpha).apply(x); }

    // ---- comparisons and logic (bool results, not differentiable) -----------------------------
    default Tensor equal(Tensor a, Tensor b) { return new Equal().apply(a, b); }
    default Tensor notEqual(Tensor a, Tensor b) { return new NotEqual().apply(a, b); }
    default Tensor less(Tensor a, Tensor b) { return new Less().apply(a, b); }
    default Tensor lessEqual(Tensor a, Tensor b) { return new LessEqual().apply(a, b); }
    default Tensor greater(Tensor a, Tensor b) { return new Greater().apply(a, b); }
    default Tensor greaterEqual(Tensor a, Tensor b) { return new GreaterEqual().apply(a, b); }
    default Tensor logicalAnd(Tensor a, Tensor b) { return new LogicalAnd().apply(a, b); }
    default Tensor logicalOr(Tensor a, Tensor b) { return new LogicalOr().apply(a, b); }
    default Tensor logicalXor(Tensor a, Tensor b) { return new LogicalXor().apply(a, b); }
    default Tensor logicalNot(Tensor x) { return new LogicalNot().apply(x); }

    // ---- selection and conversion -------------------------------------------------------------
    /** x where condition is true, else y (tf.where with three arguments). */
    default Tensor where(Tensor condition, Tensor x, Tensor y) { return new Where().apply(condition, x, y); }
    /** x in another dtype; x itself when it has that dtype already, as {@code tf.cast} (no op in a traced graph). */
    default Tensor cast(Tensor x, DType dtype) { return x.dtype() == dtype ? x : new Cast(dtype).apply(x); }

    /** x * sigmoid(x) (swish, silu). */
    default Tensor silu(Tensor x) { return mul(x, sigmoid(x)); }
}
