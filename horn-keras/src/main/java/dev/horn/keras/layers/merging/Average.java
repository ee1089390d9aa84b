package dev.horn.keras.layers.merging;

import dev.horn.Tensor;
import java.util.List;

import static dev.horn.Tf.tf;

/** The element-wise mean of its inputs (Keras' {@code Average}). */
public final class Average extends Merge<Average> {
    @Override
    protected Tensor merge(List<Tensor> inputs) {
        Tensor sum = fold(inputs, tf::add);
        return tf.div(sum, Tensor.scalar(sum.dtype(), inputs.size()));
    }
}
