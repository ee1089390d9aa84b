package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.BinaryOp;

import static dev.horn.Tf.tf;

/** a ^ b element-wise, broadcasting. */
public final class Pow extends BinaryOp {
    public Pow() {
        super("pow");
    }

    @Override
    protected double apply(double a, double b) {
        return Math.pow(a, b);
    }

    @Override
    protected boolean acceptsIntegers() {
        return true;
    }

    @Override
    protected long apply(long a, long b) {
        if (b < 0) {
            throw new ArithmeticException("pow: integers cannot be raised to negative powers (got exponent " + b + ")");
        }
        long r = 1;
        for (long i = 0; i < b; i++) {
            r *= a;
        }
        return r;
    }

    /** d a^b = b a^(b-1) da + a^b ln(a) db; the second term is taken as 0 where a <= 0. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor a = in[0];
        Tensor b = in[1];
        Tensor one = Tensor.scalar(b.dtype(), 1);
        Tensor da = tf.mul(g[0], tf.mul(b, tf.pow(a, tf.sub(b, one))));
        Tensor zero = tf.zerosLike(a);
        Tensor safeLog = tf.where(tf.greater(a, zero), tf.log(tf.where(tf.greater(a, zero), a, tf.onesLike(a))), zero);
        Tensor db = tf.mul(g[0], tf.mul(out[0], safeLog));
        return new Tensor[] {unbroadcast(da, a.shape()), unbroadcast(db, b.shape())};
    }
}
