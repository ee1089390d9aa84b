package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/** Keras' {@code Flatten}: (batch, d1, d2, ...) → (batch, d1·d2·...); a view, no copy. */
public final class Flatten extends FluentLayer<Flatten> {
    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        int batch = inputs.shape().rank() == 0 ? 1 : inputs.shape().dim(0);
        if (inputs.rank() == 1) {
            return tf.reshape(inputs, batch, 1);
        }
        return tf.reshape(inputs, batch == Shape.UNKNOWN ? -1 : batch, flatSize(inputs.shape()));
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        if (inputShape.rank() == 1) {
            return Shape.of(inputShape.dim(0), 1);
        }
        return Shape.of(inputShape.dim(0), flatSize(inputShape));
    }

    private int flatSize(Shape shape) {
        long n = 1;
        for (int i = 1; i < shape.rank(); i++) {
            if (shape.dim(i) == Shape.UNKNOWN) {
                return Shape.UNKNOWN;
            }
            n *= shape.dim(i);
        }
        return Math.toIntExact(n);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("data_format", "channels_last");
        return config;
    }
}
