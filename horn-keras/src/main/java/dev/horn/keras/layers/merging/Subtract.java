package dev.horn.keras.layers.merging;

import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.List;

import static dev.horn.Tf.tf;

/** The first input minus the second, element-wise (Keras' {@code Subtract}): exactly two inputs. */
public final class Subtract extends Merge<Subtract> {
    @Override
    protected void checkMergeShapes(List<Shape> shapes) {
        if (shapes.size() != 2) {
            throw new IllegalArgumentException("A `Subtract` layer should be called on exactly 2 inputs; layer \""
                    + name() + "\" got " + shapes.size());
        }
        super.checkMergeShapes(shapes);
    }

    @Override
    protected Tensor merge(List<Tensor> inputs) {
        return tf.sub(inputs.get(0), inputs.get(1));
    }
}
