package dev.horn.ops.math;

import dev.horn.internal.cpu.VectorMath;
import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** scale * (x for x > 0, else alpha (e^x - 1)), with the self-normalising constants of Klambauer et al. (Keras'). */
public final class Selu extends UnaryOp {
    static final double ALPHA = 1.6732632423543772848170429916717;
    static final double SCALE = 1.0507009873554804934193349852946;

    public Selu() {
        super("selu");
    }

    @Override
    protected double apply(double x) {
        return x > 0 ? SCALE * x : SCALE * ALPHA * Math.expm1(x);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        FloatVector below = VectorMath.expm1(x.min(0f)).mul((float) (SCALE * ALPHA));
        return below.blend(x.mul((float) SCALE), x.compare(VectorOperators.GT, 0f));
    }

    /** scale for x > 0, else scale alpha e^x = out + scale alpha. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor x = in[0];
        Tensor above = tf.mul(g[0], Tensor.scalar(x.dtype(), SCALE));
        Tensor below = tf.mul(g[0], tf.add(out[0], Tensor.scalar(x.dtype(), SCALE * ALPHA)));
        return new Tensor[] {tf.where(tf.greater(x, tf.zerosLike(x)), above, below)};
    }
}
