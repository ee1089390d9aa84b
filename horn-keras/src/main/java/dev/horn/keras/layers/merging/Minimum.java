package dev.horn.keras.layers.merging;

import dev.horn.Tensor;
import java.util.List;

import static dev.horn.Tf.tf;

/** The element-wise minimum of its inputs (Keras' {@code Minimum}). */
public final class Minimum extends Merge<Minimum> {
    @Override
    protected Tensor merge(List<Tensor> inputs) {
        return fold(inputs, tf::minimum);
    }
}
