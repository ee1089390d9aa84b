package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.Map;

/**
 * Keras' spatial dropout: in training, whole feature maps (channels) are dropped together
 * instead of single entries, since neighbouring pixels are strongly correlated; at inference
 * it is the identity.
 */
public abstract sealed class SpatialDropout<L extends SpatialDropout<L>> extends FluentLayer<L>
        permits SpatialDropout1D, SpatialDropout2D {
    private final int spatialRank;
    private final double rate;
    private DataFormat dataFormat = DataFormat.CHANNELS_LAST;
    private Long seed;

    SpatialDropout(int spatialRank, double rate) {
        DropoutMask.checkRate(getClass().getSimpleName(), rate);
        this.spatialRank = spatialRank;
        this.rate = rate;
    }

    public double rate() {
        return rate;
    }

    @SuppressWarnings("unchecked")
    public L seed(long value) {
        seed = value;
        return (L) this;
    }

    void setDataFormat(String value) {
        dataFormat = DataFormat.of(className(), value);
    }

    @Override
    protected void checkInputShape(Shape inputShape) {
        InputSpec.requireNdim(this, inputShape, spatialRank + 2);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        if (!training || rate == 0) {
            return inputs;
        }
        int[] noise = inputs.shape().dims();
        for (int i = 0; i < spatialRank; i++) {
            noise[dataFormat.spatialAxis(noise.length, i)] = 1;
        }
        return DropoutMask.apply(inputs, rate, seed, noise);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("rate", rate);
        config.put("noise_shape", null);
        config.put("seed", seed);
        if (spatialRank > 1) {
            config.put("data_format", dataFormat.kerasName());
        }
        return config;
    }
}
