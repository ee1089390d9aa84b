package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.BinaryOp;

import static dev.horn.Tf.tf;

/**
 * The remainder of floor division, a - floor(a / b) b, broadcasting (tf.math.floormod): it takes
 * the sign of b, so -7 mod 3 = 2. Integer modulo by zero fails.
 */
public final class FloorMod extends BinaryOp {
    public FloorMod() {
        super("floor_mod");
    }

    @Override
    protected double apply(double a, double b) {
        double r = a % b;
        return r != 0 && (r < 0) != (b < 0) ? r + b : r;
    }

    @Override
    protected boolean acceptsIntegers() {
        return true;
    }

    @Override
    protected long apply(long a, long b) {
        if (b == 0) {
            throw new ArithmeticException("floor_mod: integer modulo by zero");
        }
        return Math.floorMod(a, b);
    }

    /** Piecewise a - k b with k = floor(a / b) fixed: g to a, -k g to b (TensorFlow's rule). */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor k = tf.floorDiv(in[0], in[1]);
        return new Tensor[] {unbroadcast(g[0], in[0].shape()), unbroadcast(tf.neg(tf.mul(g[0], k)), in[1].shape())};
    }
}
