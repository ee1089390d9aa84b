package dev.horn.keras.losses;

import dev.horn.Tensor;
import dev.horn.keras.internal.LossUtils;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;

import static dev.horn.Tf.tf;

/**
 * A loss, as Keras' {@code Loss}: a per-sample function of targets and predictions, reduced the
 * Keras way ("sum over batch size": the weighted per-sample values summed, divided by their
 * count). Written with ops only, so it runs eagerly, inside a traced train step, and under a
 * gradient tape with no extra code.
 * {@snippet :
 * Loss loss = Losses.get("categorical_crossentropy");            // or new CategoricalCrossentropy()
 * Tensor value = loss.call(yTrue, yPred);                         // a scalar
 * Loss custom = Loss.of("my_mae", (t, p) -> tf.reduceMean(tf.abs(tf.sub(p, t)), -1));
 * }
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
     *
     * <p>As Keras' {@code LossFunctionWrapper}, a trailing size-1 axis is first dropped from
     * whichever of labels and predictions has one more axis ([batch] labels with [batch, 1]
     * predictions), and weights of shape [batch] or [batch, 1] are brought to the values' rank.
     */
    public Tensor call(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        Tensor[] aligned = LossUtils.alignLabels(yTrue, yPred);
        Tensor values = perSample(aligned[0], aligned[1]);
        if (sampleWeight != null) {
            values = values.mul(LossUtils.alignWeights(values, sampleWeight));
        }
        return tf.reduceMean(values);
    }

    /**
     * A custom loss from a per-sample function of (yTrue, yPred), as passing a Python function
     * to Keras' {@code compile}: reduced and weighted like the built-in losses.
     */
    public static Loss of(String name, BinaryOperator<Tensor> perSample) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(perSample, "perSample");
        return new Loss(name) {
            @Override
            public Tensor perSample(Tensor yTrue, Tensor yPred) {
                return perSample.apply(yTrue, yPred);
            }
        };
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
