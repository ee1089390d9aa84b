package dev.horn.keras.layers;

import dev.horn.Tensor;
import java.util.Map;

/**
 * Keras' {@code RandomZoom}: in training each image is scaled about its centre;
 * {@code heightFactor} f draws the height's scale from 1 + [-f, f] (positive: zoom out,
 * negative: zoom in), {@code widthFactor} the width's, or the same scale when not given.
 */
public final class RandomZoom extends RandomImageTransform<RandomZoom> {
    private final double[] heightFactor;
    private double[] widthFactor;

    public RandomZoom(double... heightFactor) {
        this.heightFactor = range("RandomZoom", "height_factor", heightFactor);
    }

    public RandomZoom widthFactor(double... value) {
        widthFactor = range("RandomZoom", "width_factor", value);
        return this;
    }

    @Override
    Tensor[] draw(int n, int height, int width) {
        Tensor heightZoom = uniform(n, 1 + heightFactor[0], 1 + heightFactor[1]);
        Tensor widthZoom = widthFactor == null ? heightZoom : uniform(n, 1 + widthFactor[0], 1 + widthFactor[1]);
        Tensor one = Tensor.scalar(heightZoom.dtype(), 1);
        // Keras' get_zoom_matrix
        Tensor xOffset = one.sub(widthZoom).mul(Tensor.scalar(one.dtype(), (width - 1) / 2.0));
        Tensor yOffset = one.sub(heightZoom).mul(Tensor.scalar(one.dtype(), (height - 1) / 2.0));
        Tensor zero = dev.horn.Tf.tf.zerosLike(heightZoom);
        return new Tensor[] {widthZoom, zero, xOffset, zero, heightZoom, yOffset};
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("height_factor", Tuples.factor(heightFactor));
        config.put("width_factor", widthFactor == null ? null : Tuples.factor(widthFactor));
        return config;
    }
}
