package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/**
 * Gaussian error linear unit: x Phi(x) = 0.5 x (1 + erf(x / sqrt 2)), TensorFlow's default; with
 * {@code approximate}, the tanh form 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))).
 */
public final class Gelu extends UnaryOp {
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    private static final double C = 0.044715;

    private final boolean approximate;

    public Gelu(boolean approximate) {
        super("gelu");
        this.approximate = approximate;
    }

    @Override
    public String attributes() {
        return "approximate=" + approximate;
    }

    @Override
    protected double apply(double x) {
        if (approximate) {
            return 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + C * x * x * x)));
        }
        return 0.5 * x * (1 + ErfFunction.erf(x / Math.sqrt(2)));
    }

    /**
     * Float32 lanes: the tanh form when asked for it; otherwise erf by Abramowitz and Stegun
     * 7.1.26 (absolute error 1.5e-7, float32's own resolution near 1).
     */
    @Override
    protected FloatVector apply(FloatVector x) {
        if (approximate) {
            FloatVector inner = x.mul(x).mul(x).mul((float) C).add(x).mul((float) SQRT_2_OVER_PI);
            return x.mul(0.5f).mul(inner.lanewise(VectorOperators.TANH).add(1f));
        }
        FloatVector z = x.mul((float) (1 / Math.sqrt(2)));
        FloatVector a = z.abs();
        FloatVector t = FloatVector.broadcast(F, 1f).div(a.mul(0.3275911f).add(1f));
        FloatVector poly = t.mul(1.061405429f).add(-1.453152027f).mul(t).add(1.421413741f).mul(t)
                .add(-0.284496736f).mul(t).add(0.254829592f).mul(t);
        FloatVector erfAbs = poly.mul(a.mul(a).neg().lanewise(VectorOperators.EXP)).neg().add(1f);
        FloatVector erf = erfAbs.blend(erfAbs.neg(), z.compare(VectorOperators.LT, 0f));
        return x.mul(0.5f).mul(erf.add(1f));
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor x = in[0];
        var dt = x.dtype();
        if (approximate) {
            // d/dx 0.5 x (1 + tanh(u)), u = k (x + c x^3): 0.5 (1 + t) + 0.5 x (1 - t^2) k (1 + 3 c x^2)
            Tensor t = tf.tanh(tf.mul(Tensor.scalar(dt, SQRT_2_OVER_PI), tf.add(x, tf.mul(Tensor.scalar(dt, C), tf.mul(x, tf.square(x))))));
            Tensor left = tf.mul(Tensor.scalar(dt, 0.5), tf.add(Tensor.scalar(dt, 1), t));
            Tensor du = tf.mul(Tensor.scalar(dt, SQRT_2_OVER_PI), tf.add(Tensor.scalar(dt, 1), tf.mul(Tensor.scalar(dt, 3 * C), tf.square(x))));
            Tensor right = tf.mul(tf.mul(Tensor.scalar(dt, 0.5), x), tf.mul(tf.sub(Tensor.scalar(dt, 1), tf.square(t)), du));
            return new Tensor[] {tf.mul(g[0], tf.add(left, right))};
        }
        // d/dx x Phi(x) = Phi(x) + x phi(x)
        Tensor phiCdf = tf.mul(Tensor.scalar(dt, 0.5), tf.add(Tensor.scalar(dt, 1), tf.erf(tf.mul(x, Tensor.scalar(dt, 1 / Math.sqrt(2))))));
        Tensor phiPdf = tf.mul(Tensor.scalar(dt, 1 / Math.sqrt(2 * Math.PI)), tf.exp(tf.mul(tf.square(x), Tensor.scalar(dt, -0.5))));
        return new Tensor[] {tf.mul(g[0], tf.add(phiCdf, tf.mul(x, phiPdf)))};
    }
}
