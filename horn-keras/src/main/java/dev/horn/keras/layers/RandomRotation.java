package dev.horn.keras.layers;

import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code RandomRotation}: in training each image turns about its centre by a random
 * angle, {@code factor} a fraction of 2π ({@code 0.1}: up to ±36°; or (lower, upper)).
 */
public final class RandomRotation extends RandomImageTransform<RandomRotation> {
    private final double[] factor;

    public RandomRotation(double... factor) {
        this.factor = range("RandomRotation", "factor", factor);
    }

    @Override
    Tensor[] draw(int n, int height, int width) {
        Tensor angle = uniform(n, factor[0] * 2 * Math.PI, factor[1] * 2 * Math.PI);
        Tensor cos = tf.cos(angle);
        Tensor sin = tf.sin(angle);
        Tensor w1 = Tensor.scalar(angle.dtype(), width - 1);
        Tensor h1 = Tensor.scalar(angle.dtype(), height - 1);
        Tensor half = Tensor.scalar(angle.dtype(), 0.5);
        // Keras' get_rotation_matrix: the centre stays where it is
        Tensor xOffset = w1.sub(cos.mul(w1).sub(sin.mul(h1))).mul(half);
        Tensor yOffset = h1.sub(sin.mul(w1).add(cos.mul(h1))).mul(half);
        return new Tensor[] {cos, tf.neg(sin), xOffset, sin, cos, yOffset};
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("factor", Tuples.factor(factor));
        return config;
    }
}
