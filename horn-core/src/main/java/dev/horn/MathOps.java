package dev.horn;

import dev.horn.ops.math.Add;
import dev.horn.ops.math.Cast;
import dev.horn.ops.math.Div;
import dev.horn.ops.math.Exp;
import dev.horn.ops.math.Greater;
import dev.horn.ops.math.Log;
import dev.horn.ops.math.Mul;
import dev.horn.ops.math.Neg;
import dev.horn.ops.math.Pow;
import dev.horn.ops.math.Sub;
import dev.horn.ops.math.Where;

/**
 * Element-wise arithmetic, math functions, activations, comparisons, logical ops, where, clip
 * and cast. Binary ops broadcast with numpy rules and need both inputs of one dtype. Part of
 * {@link Tf}.
 */
public interface MathOps {
    default Tensor add(Tensor a, Tensor b) { return new Add().apply(a, b); }
    default Tensor sub(Tensor a, Tensor b) { return new Sub().apply(a, b); }
    default Tensor mul(Tensor a, Tensor b) { return new Mul().apply(a, b); }
    default Tensor div(Tensor a, Tensor b) { return new Div().apply(a, b); }
    default Tensor neg(Tensor x) { return new Neg().apply(x); }
    default Tensor exp(Tensor x) { return new Exp().apply(x); }
    default Tensor log(Tensor x) { return new Log().apply(x); }
    default Tensor pow(Tensor a, Tensor b) { return new Pow().apply(a, b); }
    default Tensor greater(Tensor a, Tensor b) { return new Greater().apply(a, b); }
    /** x where condition is true, else y (tf.where with three arguments). */
    default Tensor where(Tensor condition, Tensor x, Tensor y) { return new Where().apply(condition, x, y); }
    default Tensor cast(Tensor x, DType dtype) { return new Cast(dtype).apply(x); }
}
