package dev.horn.optimizers;

import dev.horn.DType;
import dev.horn.Tensor;
import java.util.ArrayList;
import java.util.List;

import static dev.horn.Tf.tf;

/** Keras' three ways to clip gradients before an update, written with ops. */
final class GradientClipping {
    private GradientClipping() {}

    /** Each gradient scaled so that its own L2 norm is at most clipnorm (Keras' _clip_by_norm). */
    static Tensor byNorm(Tensor g, double clipnorm) {
        DType dt = g.dtype();
        int[] all = new int[g.rank()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Tensor l2sum = tf.reduceSum(tf.square(g), all, true);
        Tensor pred = tf.greater(l2sum, Tensor.scalar(dt, 0));
        // the two-tap where keeps the gradient of sqrt finite at zero, as Keras does
        Tensor safe = tf.where(pred, l2sum, tf.onesLike(l2sum));
        Tensor l2norm = tf.where(pred, tf.sqrt(safe), l2sum);
        Tensor c = Tensor.scalar(dt, clipnorm);
        return tf.div(tf.mul(g, c), tf.maximum(l2norm, c));
    }

    /** Every gradient clipped to [-clipvalue, clipvalue]. */
    static Tensor byValue(Tensor g, double clipvalue) {
        DType dt = g.dtype();
        return tf.maximum(tf.minimum(g, Tensor.scalar(dt, clipvalue)), Tensor.scalar(dt, -clipvalue));
    }

    /**
     * All gradients scaled together so that their global norm is at most clipnorm; a non-finite
     * global norm makes every gradient NaN, as in Keras' clip_by_global_norm.
     */
    static List<Tensor> byGlobalNorm(List<Tensor> grads, double clipnorm) {
        DType dt = grads.getFirst().dtype();
        Tensor sum = null;
        for (Tensor g : grads) {
            Tensor s = tf.cast(tf.reduceSum(tf.square(g)), dt);
            sum = sum == null ? s : tf.add(sum, s);
        }
        Tensor norm = tf.sqrt(sum);
        Tensor one = Tensor.scalar(dt, 1);
        Tensor forFinite = tf.mul(Tensor.scalar(dt, clipnorm),
                tf.minimum(tf.div(one, norm), Tensor.scalar(dt, 1.0 / clipnorm)));
        Tensor scale = tf.add(forFinite, tf.sub(norm, norm));
        List<Tensor> out = new ArrayList<>(grads.size());
        for (Tensor g : grads) {
            out.add(tf.mul(g, tf.cast(scale, g.dtype())));
        }
        return out;
    }
}
