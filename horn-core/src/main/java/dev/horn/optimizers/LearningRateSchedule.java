package dev.horn.optimizers;

import dev.horn.Tensor;
import java.util.Map;

/**
 * A learning rate that depends on the step, as Keras' {@code LearningRateSchedule}: called with
 * the optimizer's {@code iterations} (an int64 scalar tensor, 0 on the first step) and written
 * with ops, so that a traced train step keeps following the schedule.
 * {@snippet :
 * // halve the rate every 1000 steps
 * LearningRateSchedule halving = step -> tf.mul(Tensor.scalar(DType.FLOAT32, 0.01f),
 *         tf.pow(Tensor.scalar(DType.FLOAT32, 0.5f), tf.div(tf.cast(step, DType.FLOAT32), Tensor.scalar(DType.FLOAT32, 1000f))));
 * var sgd = new SGD().learningRate(halving);
 * }
 */
@FunctionalInterface
public interface LearningRateSchedule {
    /** The learning rate at {@code step}, a floating scalar tensor. */
    Tensor apply(Tensor step);

    /** What {@link Optimizer#getConfig()} shows as {@code learning_rate}. */
    default Map<String, Object> getConfig() {
        return Map.of("class_name", getClass().getSimpleName());
    }
}
