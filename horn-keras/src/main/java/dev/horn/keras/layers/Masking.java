package dev.horn.keras.layers;

import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code Masking}: a timestep whose features all equal {@code mask_value} is masked, so
 * the recurrent layers after it skip it; its features are also zeroed in the output.
 */
public final class Masking extends FluentLayer<Masking> {
    private final double maskValue;

    public Masking(double maskValue) {
        this.maskValue = maskValue;
    }

    public double maskValue() {
        return maskValue;
    }

    private Tensor keep(Tensor inputs, boolean keepDims) {
        Tensor differs = tf.notEqual(inputs, Tensor.scalar(inputs.dtype(), maskValue));
        return tf.reduceAny(differs, new int[] {-1}, keepDims);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return tf.mul(inputs, tf.cast(keep(inputs, true), inputs.dtype()));
    }

    @Override
    public Tensor computeMask(Tensor inputs, Tensor mask) {
        return keep(inputs, false);
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("mask_value", maskValue);
        return config;
    }
}
