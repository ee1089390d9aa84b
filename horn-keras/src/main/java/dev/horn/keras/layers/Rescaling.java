package dev.horn.keras.layers;

import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/** Keras' {@code Rescaling}: {@code x * scale + offset}, in training and inference ({@code 1/255} turns bytes into [0, 1]). */
public final class Rescaling extends FluentLayer<Rescaling> {
    private final double scale;
    private double offset;

    public Rescaling(double scale) {
        this.scale = scale;
    }

    public Rescaling offset(double value) {
        offset = value;
        return this;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor x = tf.cast(inputs, dtype());
        Tensor y = x.mul(Tensor.scalar(x.dtype(), scale));
        return offset == 0 ? y : y.add(Tensor.scalar(x.dtype(), offset));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("scale", scale);
        config.put("offset", offset);
        return config;
    }
}
