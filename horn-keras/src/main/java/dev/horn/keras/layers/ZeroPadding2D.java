package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/** Keras' {@code ZeroPadding2D}: rows and columns of zeros around each image (1 on every side by default). */
public final class ZeroPadding2D extends FluentLayer<ZeroPadding2D> {
    private int[][] padding = {{1, 1}, {1, 1}};
    private DataFormat dataFormat = DataFormat.CHANNELS_LAST;

    /** One number (all sides), two (rows, cols on both sides) or four (top, bottom, left, right). */
    public ZeroPadding2D padding(int... values) {
        padding = Tuples.margins("ZeroPadding2D", "padding", values);
        return this;
    }

    public ZeroPadding2D dataFormat(String value) {
        dataFormat = DataFormat.of("ZeroPadding2D", value);
        return this;
    }

    @Override
    protected void checkInputShape(Shape inputShape) {
        InputSpec.requireNdim(this, inputShape, 4);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        int[][] p = new int[4][2];
        for (int i = 0; i < 2; i++) {
            p[dataFormat.spatialAxis(4, i)] = padding[i];
        }
        return tf.pad(inputs, p);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        checkInputShape(inputShape);
        Shape s = inputShape;
        for (int i = 0; i < 2; i++) {
            int a = dataFormat.spatialAxis(4, i);
            int d = s.dim(a);
            s = s.withDim(a, d == Shape.UNKNOWN ? d : d + padding[i][0] + padding[i][1]);
        }
        return s;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("padding", Tuples.list(padding));
        config.put("data_format", dataFormat.kerasName());
        return config;
    }
}
