package dev.horn.keras.saving;

import dev.horn.keras.activations.Activation;
import dev.horn.keras.constraints.Constraint;
import dev.horn.keras.initializers.Initializer;
import dev.horn.keras.regularizers.Regularizer;

/**
 * The objects a layer config holds, read by key with Keras' default when the key is missing:
 * {@code initializer(c, "kernel_initializer", "glorot_uniform")}. Errors name the layer and key.
 */
final class ConfigObjects {
    private ConfigObjects() {}

    static Initializer initializer(ConfigMap c, String key, String orElse) {
        return KerasObjects.initializer(c.has(key) ? c.raw(key) : orElse, c.owner() + "." + key);
    }

    static Regularizer regularizer(ConfigMap c, String key) {
        return KerasObjects.regularizer(c.raw(key), c.owner() + "." + key);
    }

    static Constraint constraint(ConfigMap c, String key) {
        return KerasObjects.constraint(c.raw(key), c.owner() + "." + key);
    }

    /** Missing means {@code orElse} (Keras' default for the layer), unlike a saved null, which means linear. */
    static Activation activation(ConfigMap c, String key, String orElse) {
        return KerasObjects.activation(c.asMap().containsKey(key) ? c.raw(key) : orElse, c.owner() + "." + key);
    }
}
