package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code Reshape}: each sample to {@code targetShape} (no batch axis; one entry may be
 * -1 and is inferred), row-major.
 */
public final class Reshape extends FluentLayer<Reshape> {
    private final int[] targetShape;

    public Reshape(int... targetShape) {
        int unknown = 0;
        for (int d : targetShape) {
            if (d == -1) {
                unknown++;
            } else if (d <= 0) {
                throw new IllegalArgumentException("Reshape: target shape " + Arrays.toString(targetShape)
                        + " has a non-positive dimension");
            }
        }
        if (unknown > 1) {
            throw new IllegalArgumentException("Reshape: at most one dimension of the target shape may be -1, got "
                    + Arrays.toString(targetShape));
        }
        this.targetShape = targetShape.clone();
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        int[] out = new int[targetShape.length + 1];
        out[0] = inputShape.dim(0);
        long known = 1;
        int unknownAt = -1;
        for (int i = 0; i < targetShape.length; i++) {
            out[i + 1] = targetShape[i];
            if (targetShape[i] == -1) {
                unknownAt = i + 1;
            } else {
                known *= targetShape[i];
            }
        }
        long inSize = 1;
        boolean inKnown = true;
        for (int i = 1; i < inputShape.rank(); i++) {
            if (inputShape.dim(i) == Shape.UNKNOWN) {
                inKnown = false;
            } else {
                inSize *= inputShape.dim(i);
            }
        }
        if (inKnown) {
            if (unknownAt >= 0 ? inSize % known != 0 : inSize != known) {
                throw new IllegalArgumentException("Layer \"" + name() + "\": total size of new array must be unchanged, "
                        + "input_shape = " + Arrays.toString(Arrays.copyOfRange(inputShape.dims(), 1, inputShape.rank()))
                        + ", output_shape = " + Arrays.toString(targetShape));
            }
            if (unknownAt >= 0) {
                out[unknownAt] = (int) (inSize / known);
            }
        } else if (unknownAt >= 0) {
            out[unknownAt] = Shape.UNKNOWN;
        }
        return Shape.of(out);
    }

    @Override
    protected void checkInputShape(Shape inputShape) {
        computeOutputShape(inputShape);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        int[] out = computeOutputShape(inputs.shape()).dims();
        if (out[0] == Shape.UNKNOWN) {
            out[0] = -1;
        }
        return tf.reshape(inputs, out);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        List<Integer> shape = new ArrayList<>();
        for (int d : targetShape) {
            shape.add(d);
        }
        config.put("target_shape", shape);
        return config;
    }
}
