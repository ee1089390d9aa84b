package dev.horn.keras.layers.merging;

import dev.horn.Tensor;
import java.util.List;

import static dev.horn.Tf.tf;

/** Multiplies its inputs element-wise (Keras' {@code Multiply}). */
public final class Multiply extends Merge<Multiply> {
    @Override
    protected Tensor merge(List<Tensor> inputs) {
        return fold(inputs, tf::mul);
    }
}
