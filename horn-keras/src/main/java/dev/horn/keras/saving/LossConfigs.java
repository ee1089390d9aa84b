package dev.horn.keras.saving;

import dev.horn.keras.losses.BinaryCrossentropy;
import dev.horn.keras.losses.CategoricalCrossentropy;
import dev.horn.keras.losses.CosineSimilarity;
import dev.horn.keras.losses.Huber;
import dev.horn.keras.losses.Loss;
import dev.horn.keras.losses.Losses;
import dev.horn.keras.losses.SparseCategoricalCrossentropy;

/** A built-in loss from its saved class (or function) name and config, Keras' arguments applied. */
final class LossConfigs {
    private LossConfigs() {}

    static Loss fromConfig(String className, ConfigMap c) {
        Loss loss = Losses.get(className);
        String reduction = c.string("reduction", "sum_over_batch_size");
        if (!reduction.equals("sum_over_batch_size") && !reduction.equals("auto")) {
            throw c.fail("reduction", "\"" + reduction + "\" is not supported; Horn's losses reduce by sum_over_batch_size");
        }
        return switch (loss) {
            case BinaryCrossentropy b -> b.fromLogits(c.bool("from_logits", false))
                    .labelSmoothing(c.number("label_smoothing", 0)).axis(c.integer("axis", -1));
            case CategoricalCrossentropy cc -> cc.fromLogits(c.bool("from_logits", false))
                    .labelSmoothing(c.number("label_smoothing", 0)).axis(c.integer("axis", -1));
            case SparseCategoricalCrossentropy s -> s.fromLogits(c.bool("from_logits", false));
            case Huber h -> h.delta(c.number("delta", 1.0));
            case CosineSimilarity cs -> cs.axis(c.integer("axis", -1));
            default -> loss;
        };
    }
}
