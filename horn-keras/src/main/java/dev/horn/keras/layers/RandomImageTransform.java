package dev.horn.keras.layers;

import dev.horn.Tensor;
import java.util.Map;

/**
 * Keras' random geometric augmentation layers (rotation, zoom, translation): in training each
 * image of the batch gets its own random affine map, sampled with {@code fill_mode} and
 * {@code interpolation} as TensorFlow's image transform does.
 */
public abstract sealed class RandomImageTransform<L extends RandomImageTransform<L>> extends ImageAugmentation<L>
        permits RandomRotation, RandomZoom, RandomTranslation {
    private String fillMode = "reflect";
    private String interpolation = "bilinear";
    private double fillValue;

    @SuppressWarnings("unchecked")
    private L self() {
        return (L) this;
    }

    /** "reflect" (the default), "wrap", "constant" ({@code fillValue}) or "nearest". */
    public L fillMode(String value) {
        AffineSampler.checkFillMode(className(), value, interpolation);
        fillMode = value;
        return self();
    }

    /** "bilinear" (the default) or "nearest". */
    public L interpolation(String value) {
        AffineSampler.checkFillMode(className(), fillMode, value);
        interpolation = value;
        return self();
    }

    public L fillValue(double value) {
        fillValue = value;
        return self();
    }

    /** A [n] float32 draw, uniform in [low, high). */
    Tensor uniform(int n, double low, double high) {
        return uniform(new int[] {n}, low, high);
    }

    /** The six [n] coefficients (a0, a1, a2, b0, b1, b2) mapping output to input pixels. */
    abstract Tensor[] draw(int n, int height, int width);

    /** Keras' {@code (lower, upper)} from one factor f (meaning (-f, f)) or two values. */
    static double[] range(String layer, String argument, double... factor) {
        double[] r = factor.length == 1 ? new double[] {-factor[0], factor[0]} : factor.clone();
        if (r.length != 2 || r[0] > r[1]) {
            throw new IllegalArgumentException(layer + ": `" + argument + "` must be one number or (lower, upper) with "
                    + "lower <= upper. Received: " + argument + "=" + java.util.Arrays.toString(factor));
        }
        return r;
    }

    @Override
    Tensor augment(Tensor images) {
        int[] d = images.shape().dims();
        return AffineSampler.transform(images, draw(d[0], d[1], d[2]), fillMode, interpolation, fillValue);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("fill_mode", fillMode);
        config.put("fill_value", fillValue);
        config.put("interpolation", interpolation);
        return config;
    }
}
