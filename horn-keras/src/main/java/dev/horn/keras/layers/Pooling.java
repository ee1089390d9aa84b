package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' max and average pooling layers: the maximum or mean of each {@code pool_size} window
 * per channel, the window moving by {@code strides} (the pool size unless given). With
 * {@code "same"} padding the average counts only the real entries of border windows, as TF does.
 */
public abstract sealed class Pooling<L extends Pooling<L>> extends FluentLayer<L>
        permits MaxPooling1D, MaxPooling2D, MaxPooling3D, AveragePooling1D, AveragePooling2D, AveragePooling3D {
    private final int rank;
    private final boolean max;
    private int[] poolSize;
    private int[] strides;
    private String padding = "valid";
    private DataFormat dataFormat = DataFormat.CHANNELS_LAST;

    Pooling(int rank, boolean max, int... poolSize) {
        this.rank = rank;
        this.max = max;
        this.poolSize = Tuples.of(className(), "pool_size", rank, 1, poolSize.length == 0 ? new int[] {2} : poolSize);
    }

    @SuppressWarnings("unchecked")
    private L self() {
        return (L) this;
    }

    /** The step between windows; the pool size when not given (Keras' {@code strides=None}). */
    public L strides(int... value) {
        strides = Tuples.of(className(), "strides", rank, 1, value);
        return self();
    }

    public L padding(String value) {
        SpatialWindow.checkArguments(className(), value, new int[] {1}, new int[] {1}, false);
        padding = value;
        return self();
    }

    public L dataFormat(String value) {
        dataFormat = DataFormat.of(className(), value);
        return self();
    }

    private int[] effectiveStrides() {
        return strides == null ? poolSize : strides;
    }

    private SpatialWindow window() {
        int[] ones = new int[rank];
        java.util.Arrays.fill(ones, 1);
        return new SpatialWindow(poolSize, effectiveStrides(), ones, padding);
    }

    @Override
    protected void checkInputShape(Shape inputShape) {
        InputSpec.requireNdim(this, inputShape, rank + 2);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        String p = padding.equals("same") ? "SAME" : "VALID";
        String format = dataFormat.kerasName();
        return max ? tf.maxPool(inputs, poolSize, effectiveStrides(), p, format)
                : tf.avgPool(inputs, poolSize, effectiveStrides(), p, format);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        checkInputShape(inputShape);
        int[] out = window().outputDims(this, dataFormat.spatialDims(inputShape), "Received inputs shape="
                + Shapes.tuple(inputShape) + ", pool_size=" + Tuples.list(poolSize) + ".");
        return dataFormat.shape(inputShape.dim(0), out, inputShape.dim(dataFormat.channelAxis(inputShape.rank())));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("pool_size", Tuples.list(poolSize));
        config.put("padding", padding);
        config.put("strides", Tuples.list(effectiveStrides()));
        config.put("data_format", dataFormat.kerasName());
        return config;
    }
}
