package dev.horn.keras.optimizers.schedules;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.optimizers.LearningRateSchedule;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * The base of Keras' built-in schedules ({@code keras.optimizers.schedules}): each computes its
 * rate in float32 from the step with ops (so a traced train step follows it) and saves itself as
 * Keras does, {@code {"module": "keras.optimizers.schedules", "class_name": ..., "config": ...}}.
 */
public abstract class KerasSchedule implements LearningRateSchedule {
    private final String name;

    protected KerasSchedule(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The arguments in Keras' names and order. */
    protected abstract Map<String, Object> config();

    @Override
    public final Map<String, Object> getConfig() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("module", "keras.optimizers.schedules");
        out.put("class_name", getClass().getSimpleName());
        out.put("config", config());
        out.put("registered_name", null);
        return out;
    }

    /** The rate at a step given as a number (for printing and tests). */
    public double at(long step) {
        return apply(Tensor.scalar(step)).item();
    }

    static Tensor f(double value) {
        return Tensor.scalar(DType.FLOAT32, value);
    }

    static Tensor step(Tensor step) {
        return tf.cast(step, DType.FLOAT32);
    }

    static Tensor floor(Tensor x) {
        return tf.floorDiv(x, f(1));
    }

    static double positive(String schedule, String argument, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(schedule + ": `" + argument + "` must be > 0, got " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + config();
    }
}
