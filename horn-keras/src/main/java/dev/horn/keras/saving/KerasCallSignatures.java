package dev.horn.keras.saving;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What Keras 3 records about a built-in layer's {@code call} and {@code build} signatures in a
 * saved config, read from keras/src/layers (v3.10): a functional node's {@code kwargs} hold
 * {@code training} where the call signature has a non-None default for it (Keras 3.10 injects
 * the default) and {@code mask: null} where the call takes a {@code mask} and one tensor; a
 * layer's {@code build_config} is written only when its class overrides {@code build}.
 */
final class KerasCallSignatures {
    private static final Set<String> TRAINING_FALSE = Set.of("Dropout", "GaussianNoise", "SpatialDropout1D",
            "SpatialDropout2D", "LSTM", "GRU", "SimpleRNN");
    private static final Set<String> TRAINING_TRUE = Set.of("RandomFlip", "RandomRotation", "RandomTranslation",
            "RandomZoom");
    private static final Set<String> MASK = Set.of("BatchNormalization", "Bidirectional", "GRU", "LSTM", "SimpleRNN",
            "GlobalAveragePooling1D", "TimeDistributed", "Sequential", "Functional");
    /** Built-in classes that keep Layer's default {@code build}; custom layers are taken to override it. */
    private static final Set<String> DEFAULT_BUILD = Set.of("Activation", "AveragePooling1D", "AveragePooling2D",
            "AveragePooling3D", "Cropping2D", "Dropout", "Flatten", "GaussianNoise", "GlobalAveragePooling1D",
            "GlobalAveragePooling2D", "GlobalMaxPooling1D", "GlobalMaxPooling2D", "InputLayer", "LeakyReLU", "Masking",
            "MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "RandomFlip", "RandomRotation", "RandomTranslation",
            "RandomZoom", "Rescaling", "Reshape", "Resizing", "SpatialDropout1D", "SpatialDropout2D", "UpSampling2D",
            "ZeroPadding2D");
    /**
     * The keyword arguments a node may carry that loading takes: Horn infers {@code training}
     * and {@code mask} itself; an RNN's {@code initial_state} tensors become its extra inputs.
     */
    static final Set<String> ACCEPTED_ON_LOAD = Set.of("training", "mask", "initial_state");

    private KerasCallSignatures() {}

    /** The {@code kwargs} of a node calling a layer of this class on one input, in Keras' key order. */
    static Map<String, Object> nodeKwargs(String className, int inputs) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (TRAINING_FALSE.contains(className)) {
            out.put("training", false);
        } else if (TRAINING_TRUE.contains(className)) {
            out.put("training", true);
        }
        if (inputs == 1 && MASK.contains(className)) {
            out.put("mask", null);
        }
        return out;
    }

    /** Whether Keras writes a {@code build_config} for a built layer of this class. */
    static boolean writesBuildConfig(String className) {
        return !DEFAULT_BUILD.contains(className);
    }
}
