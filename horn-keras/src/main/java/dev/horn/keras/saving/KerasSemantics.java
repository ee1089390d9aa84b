package dev.horn.keras.saving;

import dev.horn.keras.activations.Activation;
import dev.horn.keras.activations.Activations;
import java.util.function.Supplier;

/**
 * Names whose meaning changed between Keras 2 and Keras 3, read as the Keras that wrote the file
 * meant them. {@code "hard_sigmoid"} is {@code clip(0.2 x + 0.5, 0, 1)} in Keras 2 and
 * {@code relu6(x + 3) / 6} in Keras 3; a file says which Keras wrote it ({@code metadata.json}
 * or the root {@code keras_version}), and the loaders read it under that version. Saving checks
 * the other way: a Keras 2 hard_sigmoid has no name in a Keras 3 file, nor the Keras 3 one in a
 * Keras 2 file, so saving refuses rather than write a name that computes something else.
 */
final class KerasSemantics {
    private static final ScopedValue<Boolean> KERAS3 = ScopedValue.newInstance();

    private KerasSemantics() {}

    /** Runs a load with the names of the Keras that wrote the file (Keras 2 when unknown, as before). */
    static <T> T reading(String kerasVersion, Supplier<T> load) {
        boolean keras3 = kerasVersion != null && kerasVersion.startsWith("3.");
        return ScopedValue.where(KERAS3, keras3).call(load::get);
    }

    /** The built-in activation a saved name denotes in the Keras being read. */
    static Activation activation(String name) {
        if (name.equals("hard_sigmoid") && KERAS3.orElse(false)) {
            return Activations.hardSigmoidKeras3();
        }
        return Activations.get(name);
    }

    /** The name to save a built-in activation under in this format, or null when it has none there. */
    static String name(Activation a, Format format) {
        if (a == Activations.hardSigmoidKeras3()) {
            return format == Format.KERAS3 ? "hard_sigmoid" : null;
        }
        if (a == Activations.HARD_SIGMOID) {
            return format == Format.KERAS2 ? "hard_sigmoid" : null;
        }
        return Activations.names().contains(a.name()) && Activations.get(a.name()) == a ? a.name() : null;
    }
}
