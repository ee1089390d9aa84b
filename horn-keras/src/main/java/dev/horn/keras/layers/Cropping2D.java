package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/** Keras' {@code Cropping2D}: rows and columns cut from the edges of each image (a view). */
public final class Cropping2D extends FluentLayer<Cropping2D> {
    private int[][] cropping = {{0, 0}, {0, 0}};
    private DataFormat dataFormat = DataFormat.CHANNELS_LAST;

    /** One number (all sides), two (rows, cols from both sides) or four (top, bottom, left, right). */
    public Cropping2D cropping(int... values) {
        cropping = Tuples.margins("Cropping2D", "cropping", values);
        return this;
    }

    public Cropping2D dataFormat(String value) {
        dataFormat = DataFormat.of("Cropping2D", value);
        return this;
    }

    @Override
    protected void checkInputShape(Shape inputShape) {
        InputSpec.requireNdim(this, inputShape, 4);
        for (int i = 0; i < 2; i++) {
            int d = inputShape.dim(dataFormat.spatialAxis(4, i));
            if (d != Shape.UNKNOWN && cropping[i][0] + cropping[i][1] >= d) {
                throw new IllegalArgumentException("Layer \"" + name() + "\": cropping " + Tuples.list(cropping)
                        + " leaves nothing of an input of shape " + Shapes.tuple(inputShape));
            }
        }
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        int[] begin = new int[4];
        int[] size = {-1, -1, -1, -1};
        for (int i = 0; i < 2; i++) {
            int a = dataFormat.spatialAxis(4, i);
            begin[a] = cropping[i][0];
            size[a] = inputs.shape().dim(a) - cropping[i][0] - cropping[i][1];
        }
        return tf.slice(inputs, begin, size);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        checkInputShape(inputShape);
        Shape s = inputShape;
        for (int i = 0; i < 2; i++) {
            int a = dataFormat.spatialAxis(4, i);
            int d = s.dim(a);
            s = s.withDim(a, d == Shape.UNKNOWN ? d : d - cropping[i][0] - cropping[i][1]);
        }
        return s;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("cropping", Tuples.list(cropping));
        config.put("data_format", dataFormat.kerasName());
        return config;
    }
}
