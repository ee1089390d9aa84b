package dev.horn.keras.training;

import java.util.List;
import java.util.Map;

/**
 * Keras' {@code loss_weights} argument of {@code compile}: how much each output's loss counts in
 * the total that training minimises, as a list in output order or a map keyed by output names
 * (outputs a map leaves out weigh 1).
 * {@snippet :
 * model.compile("rmsprop", "binary_crossentropy", lossWeights(1.0, 0.2));
 * }
 */
public record LossWeights(Object weights) {
    public LossWeights {
        if (!(weights instanceof List<?> || weights instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("loss_weights must be a list or a map keyed by output names, got " + weights);
        }
    }

    public static LossWeights of(double... weights) {
        return new LossWeights(java.util.Arrays.stream(weights).boxed().toList());
    }

    /** One weight per output, in the model's output order. */
    List<Double> resolve(List<String> outputNames) {
        return PerName.resolve(weights, outputNames, false, 1.0, "loss_weights").stream()
                .map(w -> {
                    if (!(w instanceof Number n)) {
                        throw new IllegalArgumentException("loss_weights: expected numbers, got " + w);
                    }
                    return n.doubleValue();
                }).toList();
    }
}
