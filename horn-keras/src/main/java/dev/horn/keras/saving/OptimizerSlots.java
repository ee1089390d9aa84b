package dev.horn.keras.saving;

import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.List;

import static dev.horn.Tf.tf;

/**
 * Creates an optimizer's slot variables for a model's trainable variables before any training,
 * as Keras' {@code optimizer.build(var_list)} does when a saved optimizer state is loaded. Horn's
 * optimizers create slots on their first update, so this runs one update with zero gradients
 * and then puts every variable it touched back: the slots exist, in the order training creates
 * them, and no value has changed.
 */
final class OptimizerSlots {
    private OptimizerSlots() {}

    static void build(Optimizer optimizer, List<Variable> trainable) {
        if (trainable.isEmpty()) {
            optimizer.variables();
            return;
        }
        List<Variable> touched = new ArrayList<>(trainable);
        touched.addAll(optimizer.variables());
        List<Tensor> before = touched.stream().map(Variable::storedValue).toList();
        List<Tensor> zeros = trainable.stream().map(v -> tf.zeros(v.dtype(), v.shape().dims())).toList();
        optimizer.applyGradients(zeros, trainable);
        for (int i = 0; i < touched.size(); i++) {
            touched.get(i).assign(before.get(i));
        }
    }
}
