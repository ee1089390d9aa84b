package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.Map;

/**
 * Keras' {@code UpSampling2D}: rows and columns enlarged by integer factors ({@code size}, 2 by
 * default), repeating pixels ({@code nearest}) or interpolating them ({@code bilinear}, TF's
 * half-pixel rule).
 */
public final class UpSampling2D extends FluentLayer<UpSampling2D> {
    private int[] size = {2, 2};
    private DataFormat dataFormat = DataFormat.CHANNELS_LAST;
    private String interpolation = "nearest";

    public UpSampling2D size(int... values) {
        size = Tuples.of("UpSampling2D", "size", 2, 1, values);
        return this;
    }

    public UpSampling2D dataFormat(String value) {
        dataFormat = DataFormat.of("UpSampling2D", value);
        return this;
    }

    public UpSampling2D interpolation(String value) {
        if (!value.equals("nearest") && !value.equals("bilinear")) {
            throw new IllegalArgumentException("UpSampling2D: `interpolation` argument should be one of: \"nearest\", "
                    + "\"bilinear\". Received: \"" + value + "\".");
        }
        interpolation = value;
        return this;
    }

    @Override
    protected void checkInputShape(Shape inputShape) {
        InputSpec.requireNdim(this, inputShape, 4);
        if (interpolation.equals("bilinear")) {
            for (int i = 0; i < 2; i++) {
                InputSpec.requireDefined(this, inputShape, dataFormat.spatialAxis(4, i), "spatial");
            }
        }
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor y = inputs;
        for (int i = 0; i < 2; i++) {
            int a = dataFormat.spatialAxis(4, i);
            y = interpolation.equals("nearest") ? Resize.repeat(y, a, size[i]) : Resize.bilinear(y, a, y.shape().dim(a) * size[i]);
        }
        return y;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        checkInputShape(inputShape);
        Shape s = inputShape;
        for (int i = 0; i < 2; i++) {
            int a = dataFormat.spatialAxis(4, i);
            s = s.withDim(a, s.dim(a) == Shape.UNKNOWN ? Shape.UNKNOWN : s.dim(a) * size[i]);
        }
        return s;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("size", Tuples.list(size));
        config.put("data_format", dataFormat.kerasName());
        config.put("interpolation", interpolation);
        return config;
    }
}
