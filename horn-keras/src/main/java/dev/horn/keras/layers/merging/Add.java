package dev.horn.keras.layers.merging;

import dev.horn.Tensor;
import java.util.List;

import static dev.horn.Tf.tf;

/** Sums its inputs element-wise (Keras' {@code Add}), as {@code layerAdd(x, y)} in a residual connection. */
public final class Add extends Merge<Add> {
    @Override
    protected Tensor merge(List<Tensor> inputs) {
        return fold(inputs, tf::add);
    }
}
