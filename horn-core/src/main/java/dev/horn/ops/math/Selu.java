package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** scale * elu(x, alpha) with Keras' self-normalising constants. */
public final class Selu extends UnaryOp {
    public static final double ALPHA = 1.6732632423543772848170429916717;
    public static final double SCALE = 1.0507009873554804934193349852946;

    public Selu() {
        super("selu");
    }

    @Override
    protected double apply(double x) {
        return SCALE * (x > 0 ? x : ALPHA * Math.expm1(x));
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        FloatVector negative = x.lanewise(VectorOperators.EXPM1).mul((float) ALPHA);
        return negative.blend(x, x.compare(VectorOperators.GT, 0f)).mul((float) SCALE);
    }

    /** d selu = scale for x > 0, scale alpha exp(x) = selu(x) + scale alpha otherwise. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor positive = tf.greater(in[0], tf.zerosLike(in[0]));
        Tensor scale = Tensor.scalar(out[0].dtype(), SCALE);
        Tensor scaleAlpha = Tensor.scalar(out[0].dtype(), SCALE * ALPHA);
        return new Tensor[] {tf.where(positive, tf.mul(g[0], scale), tf.mul(g[0], tf.add(out[0], scaleAlpha)))};
    }
}
