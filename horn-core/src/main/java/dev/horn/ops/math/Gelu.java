package dev.horn.ops.math;

import dev.horn.internal.cpu.VectorMath;
import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/**
 * Gaussian error linear unit, x * Phi(x) (tf.nn.gelu). Exact by default: Phi(x) = erfc(-x/sqrt 2) / 2,
 * taken from the tail side for x < 0 so tiny values keep their precision. With
 * {@code approximate}, the tanh form x/2 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), evaluated as
 * x sigmoid(2 sqrt(2/pi) (x + 0.044715 x^3)), the same function without the cancellation near -1.
 */
public final class Gelu extends UnaryOp {
    private static final double SQRT_HALF = 0.7071067811865476;
    private static final double SQRT_TWO_OVER_PI = 0.7978845608028654;
    private static final double INV_SQRT_TWO_PI = 0.3989422804014327;
    private static final double CUBIC = 0.044715;

    private final boolean approximate;

    public Gelu(boolean approximate) {
        super("gelu");
        this.approximate = approximate;
    }

    public boolean approximate() {
        return approximate;
    }

    @Override
    public String attributes() {
        return "approximate=" + approximate;
    }

    @Override
    protected double apply(double x) {
        if (approximate) {
            // (1 + tanh u) / 2 = sigmoid(2u), which keeps the tiny values of the negative tail
            double u = SQRT_TWO_OVER_PI * (x + CUBIC * x * x * x);
            double z = Math.exp(-2 * Math.abs(u));
            return x * (u >= 0 ? 1 / (1 + z) : z / (1 + z));
        }
        double tail = ErfMath.normalTail(x);
        return x * (x >= 0 ? 1 - tail : tail);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        if (approximate) {
            FloatVector u = x.mul(x).mul((float) CUBIC).add(1f).mul(x).mul((float) SQRT_TWO_OVER_PI);
            FloatVector z = VectorMath.exp(u.abs().mul(-2f));
            FloatVector r = z.broadcast(1f).div(z.add(1f));
            return x.mul(r.blend(z.mul(r), u.lt(0f)));
        }
        FloatVector x2 = x.mul(x);
        FloatVector x2lo = x.fma(x, x2.neg()); // x^2 = x2 + x2lo exactly; halving both stays exact
        FloatVector tail = ErfMath.erfcNonNegative(x.abs().mul((float) SQRT_HALF), x2.mul(0.5f), x2lo.mul(0.5f)).mul(0.5f);
        FloatVector phi = tail.blend(tail.neg().add(1f), x.compare(VectorOperators.GE, 0f));
        return x.mul(phi);
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor x = in[0];
        return new Tensor[] {tf.mul(g[0], approximate ? tanhFormSlope(x) : exactSlope(x))};
    }

    /** Phi(x) + x phi(x), with Phi = (1 + erf(x/sqrt 2))/2 and phi the normal density. */
    private static Tensor exactSlope(Tensor x) {
        Tensor half = Tensor.scalar(x.dtype(), 0.5);
        Tensor cdf = tf.mul(half, tf.add(Tensor.scalar(x.dtype(), 1), tf.erf(tf.mul(x, Tensor.scalar(x.dtype(), SQRT_HALF)))));
        Tensor pdf = tf.mul(tf.exp(tf.mul(tf.square(x), Tensor.scalar(x.dtype(), -0.5))), Tensor.scalar(x.dtype(), INV_SQRT_TWO_PI));
        return tf.add(cdf, tf.mul(x, pdf));
    }

    /** With u = k (x + c x^3) and t = tanh(u): (1 + t)/2 + x/2 (1 - t^2) k (1 + 3c x^2). */
    private static Tensor tanhFormSlope(Tensor x) {
        Tensor one = Tensor.scalar(x.dtype(), 1);
        Tensor half = Tensor.scalar(x.dtype(), 0.5);
        Tensor x2 = tf.square(x);
        Tensor u = tf.mul(tf.mul(x, tf.add(one, tf.mul(x2, Tensor.scalar(x.dtype(), CUBIC)))), Tensor.scalar(x.dtype(), SQRT_TWO_OVER_PI));
        Tensor t = tf.tanh(u);
        Tensor du = tf.mul(tf.add(one, tf.mul(x2, Tensor.scalar(x.dtype(), 3 * CUBIC))), Tensor.scalar(x.dtype(), SQRT_TWO_OVER_PI));
        Tensor outer = tf.mul(half, tf.add(one, t));
        Tensor inner = tf.mul(tf.mul(half, x), tf.mul(tf.sub(one, tf.square(t)), du));
        return tf.add(outer, inner);
    }
}
