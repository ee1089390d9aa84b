package dev.horn.keras.layers;

import dev.horn.Shape;
import java.util.Map;

/**
 * What ZeroPadding2D and Cropping2D share: rows and columns added to (sign +1) or cut from
 * (sign -1) the edges of 2-D images, {@code ((top, bottom), (left, right))}, in either data format.
 */
public abstract sealed class ImageMargins<L extends ImageMargins<L>> extends FluentLayer<L>
        permits ZeroPadding2D, Cropping2D {
    private final String argument;
    private final int sign;
    int[][] margins;
    DataFormat dataFormat = DataFormat.CHANNELS_LAST;

    ImageMargins(String argument, int sign, int defaultMargin) {
        this.argument = argument;
        this.sign = sign;
        this.margins = Tuples.margins(className(), argument, defaultMargin);
    }

    @SuppressWarnings("unchecked")
    L setMargins(int... values) {
        margins = Tuples.margins(className(), argument, values);
        return (L) this;
    }

    @SuppressWarnings("unchecked")
    public L dataFormat(String value) {
        dataFormat = DataFormat.of(className(), value);
        return (L) this;
    }

    /** The batch axis of spatial dimension i (rows 0, cols 1). */
    int axis(int i) {
        return dataFormat.spatialAxis(4, i);
    }

    @Override
    protected void checkInputShape(Shape inputShape) {
        InputSpec.requireNdim(this, inputShape, 4);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        checkInputShape(inputShape);
        Shape s = inputShape;
        for (int i = 0; i < 2; i++) {
            int d = s.dim(axis(i));
            s = s.withDim(axis(i), d == Shape.UNKNOWN ? d : d + sign * (margins[i][0] + margins[i][1]));
        }
        return s;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put(argument, Tuples.list(margins));
        config.put("data_format", dataFormat.kerasName());
        return config;
    }
}
