package dev.horn.keras.layers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' random geometric augmentation layers (rotation, zoom, translation): in training each
 * image of the batch gets its own random affine map, drawn by ops so a compiled train step
 * draws anew at every call; at inference the images pass unchanged. Channels-last images,
 * batched (rank 4) or single (rank 3).
 */
public abstract sealed class RandomImageTransform<L extends RandomImageTransform<L>> extends FluentLayer<L>
        permits RandomRotation, RandomZoom, RandomTranslation {
    private String fillMode = "reflect";
    private String interpolation = "bilinear";
    private double fillValue;
    private Long seed;

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

    public L seed(long value) {
        seed = value;
        return self();
    }

    /** A [n] float32 draw, uniform in [low, high). */
    Tensor uniform(int n, double low, double high) {
        return seed == null ? tf.randomUniform(new int[] {n}, low, high, DType.FLOAT32)
                : tf.randomUniform(new int[] {n}, low, high, DType.FLOAT32, seed);
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
    protected void checkInputShape(Shape inputShape) {
        if (inputShape.rank() != 3 && inputShape.rank() != 4) {
            throw InputSpec.incompatible(this, "expected ndim=4 (or 3 for one image), found ndim=" + inputShape.rank()
                    + ". Full shape received: " + Shapes.tuple(inputShape));
        }
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        if (!training) {
            return inputs;
        }
        boolean single = inputs.rank() == 3;
        Tensor x = single ? tf.expandDims(inputs, 0) : inputs;
        int[] d = x.shape().dims();
        Tensor y = AffineSampler.transform(x, draw(d[0], d[1], d[2]), fillMode, interpolation, fillValue);
        return single ? tf.squeeze(y, 0) : y;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("fill_mode", fillMode);
        config.put("fill_value", fillValue);
        config.put("interpolation", interpolation);
        config.put("seed", seed);
        return config;
    }
}
