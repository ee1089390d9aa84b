package dev.horn.keras.layers;

import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code RandomTranslation}: in training each image shifts by a random fraction of its
 * height ({@code heightFactor} f: [-f, f]) and width ({@code widthFactor}).
 */
public final class RandomTranslation extends RandomImageTransform<RandomTranslation> {
    private final double[] heightFactor;
    private final double[] widthFactor;

    public RandomTranslation(double heightFactor, double widthFactor) {
        this(new double[] {heightFactor}, new double[] {widthFactor});
    }

    /** Each factor one number f ([-f, f]) or (lower, upper). */
    public RandomTranslation(double[] heightFactor, double[] widthFactor) {
        this.heightFactor = range("RandomTranslation", "height_factor", heightFactor);
        this.widthFactor = range("RandomTranslation", "width_factor", widthFactor);
    }

    @Override
    Tensor[] draw(int n, int height, int width) {
        Tensor dy = uniform(n, heightFactor[0] * height, heightFactor[1] * height);
        Tensor dx = uniform(n, widthFactor[0] * width, widthFactor[1] * width);
        Tensor one = tf.onesLike(dx);
        Tensor zero = tf.zerosLike(dx);
        return new Tensor[] {one, zero, tf.neg(dx), zero, one, tf.neg(dy)};
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("height_factor", Tuples.factor(heightFactor));
        config.put("width_factor", Tuples.factor(widthFactor));
        return config;
    }
}
