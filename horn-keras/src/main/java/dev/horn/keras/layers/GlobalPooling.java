package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' global pooling layers: the maximum or mean of each channel over every spatial axis,
 * (batch, spatial..., channels) → (batch, channels), or with {@code keepdims} the spatial axes
 * kept as size 1.
 */
public abstract sealed class GlobalPooling<L extends GlobalPooling<L>> extends FluentLayer<L>
        permits GlobalMaxPooling1D, GlobalAveragePooling1D, GlobalMaxPooling2D, GlobalAveragePooling2D {
    /** Which statistic a global pooling layer keeps. */
    enum Statistic { MAX, MEAN }

    private final int spatialRank;
    private final Statistic statistic;
    private DataFormat dataFormat = DataFormat.CHANNELS_LAST;
    private boolean keepdims;

    GlobalPooling(int spatialRank, Statistic statistic) {
        this.spatialRank = spatialRank;
        this.statistic = statistic;
    }

    @SuppressWarnings("unchecked")
    public L dataFormat(String value) {
        dataFormat = DataFormat.of(className(), value);
        return (L) this;
    }

    @SuppressWarnings("unchecked")
    public L keepdims(boolean value) {
        keepdims = value;
        return (L) this;
    }

    @Override
    protected void checkInputShape(Shape inputShape) {
        InputSpec.requireNdim(this, inputShape, spatialRank + 2);
    }

    private int[] spatialAxes(int rank) {
        int[] axes = new int[spatialRank];
        for (int i = 0; i < spatialRank; i++) {
            axes[i] = dataFormat.spatialAxis(rank, i);
        }
        return axes;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        int[] axes = spatialAxes(inputs.rank());
        return statistic == Statistic.MAX ? tf.reduceMax(inputs, axes, keepdims) : tf.reduceMean(inputs, axes, keepdims);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        checkInputShape(inputShape);
        int channels = inputShape.dim(dataFormat.channelAxis(inputShape.rank()));
        if (!keepdims) {
            return Shape.of(inputShape.dim(0), channels);
        }
        int[] ones = new int[spatialRank];
        java.util.Arrays.fill(ones, 1);
        return dataFormat.shape(inputShape.dim(0), ones, channels);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("data_format", dataFormat.kerasName());
        config.put("keepdims", keepdims);
        return config;
    }
}
