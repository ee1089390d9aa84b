package dev.horn.keras.losses;

import dev.horn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * A loss, as Keras' {@code Loss}: a per-sample function of targets and predictions, reduced the
 * Keras way ("sum over batch size": the weighted per-sample values summed, divided by their
 * count). Written with ops only, so it runs eagerly, inside a traced train step, and under a
 * gradient tape with no extra code.
 */
public abstract class Loss {
    private final String name;

    protected Loss(String name) {
        this.name = name;
    }

    /** Keras' name for this loss ({@code categorical_crossentropy}, {@code mean_squared_error}, ...). */
    public String name() {
        return name;
    }

    /**
     * The unreduced loss, one value per sample: yPred's shape without its last axis (Keras'
     * loss functions average over the last axis), or yPred's shape for element-wise losses
     * that Keras also leaves unreduced.
     */
    public abstract Tensor perSample(Tensor yTrue, Tensor yPred);

    /** The scalar loss of a batch with every sample weighted 1. */
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return call(yTrue, yPred, null);
    }

    /**
     * The scalar loss of a batch: per-sample values times {@code sampleWeight} (broadcast; null
     * means all ones), summed and divided by the number of per-sample values.
     */
    public Tensor call(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        Tensor values = perSample(yTrue, yPred);
        if (sampleWeight != null) {
            values = values.mul(tf.cast(sampleWeight, values.dtype()));
        }
        return tf.reduceMean(values);
    }

    /** The arguments that recreate this loss, in Keras' names (for saving and printing). */
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", name);
        return config;
    }

    @Override
    public String toString() {
        return name;
    }
}
