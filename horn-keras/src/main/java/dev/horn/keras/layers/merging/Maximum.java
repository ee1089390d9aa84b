package dev.horn.keras.layers.merging;

import dev.horn.Tensor;
import java.util.List;

import static dev.horn.Tf.tf;

/** The element-wise maximum of its inputs (Keras' {@code Maximum}). */
public final class Maximum extends Merge<Maximum> {
    @Override
    protected Tensor merge(List<Tensor> inputs) {
        return fold(inputs, tf::maximum);
    }
}
