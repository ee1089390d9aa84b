package dev.horn.keras.saving;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keras' {@code register_keras_serializable}: custom layers, losses, metrics, activations and
 * optimizers known by a registered name {@code package>name} ({@code Custom>MyDense}), so a saved
 * config can name them and loading can rebuild them. Horn looks objects up by their Keras name
 * ({@link dev.horn.keras.layers.Layer#className()} for layers, {@code name()} for losses, metrics
 * and activations) when saving, and by registered name (or, for files Keras wrote without one, by
 * class name) when loading.
 * {@snippet :
 * registerKerasSerializable("Custom", "my_mae", config -> Loss.of("my_mae", (t, p) -> tf.abs(tf.sub(p, t))));
 * registerKerasSerializable("Custom", "Scale", config -> new Scale(((Number) config.get("factor")).doubleValue()));
 * }
 */
public final class CustomObjects {
    /** One registration: the name objects carry, the registered name, the factory from a config. */
    public record Entry(String name, String registeredName, Function<Map<String, Object>, ?> factory) {}

    private static final Map<String, Entry> BY_REGISTERED_NAME = new ConcurrentHashMap<>();
    private static final Map<String, Entry> BY_NAME = new ConcurrentHashMap<>();

    private CustomObjects() {}

    /**
     * Registers a factory that rebuilds objects named {@code name} from their config, under
     * {@code package>name}. Registering a name again replaces the factory (re-running a script).
     */
    public static void register(String packageName, String name, Function<Map<String, Object>, ?> factory) {
        if (packageName == null || packageName.isBlank() || packageName.contains(">")) {
            throw new IllegalArgumentException("registerKerasSerializable: the package must be a non-empty name "
                    + "without '>', got \"" + packageName + "\"");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("registerKerasSerializable: the name must not be empty");
        }
        java.util.Objects.requireNonNull(factory, "factory");
        Entry e = new Entry(name, packageName + ">" + name, factory);
        BY_REGISTERED_NAME.put(e.registeredName(), e);
        BY_NAME.put(name, e);
    }

    /** The registration for objects called {@code name}, or null. */
    public static Entry byName(String name) {
        return name == null ? null : BY_NAME.get(name);
    }

    /** The registration for a saved object: by registered name, else by class name; null if none. */
    public static Entry lookup(String registeredName, String className) {
        Entry e = registeredName == null ? null : BY_REGISTERED_NAME.get(registeredName);
        return e != null ? e : byName(className);
    }

    /** Keras' error for a class the file names but nobody registered. */
    static IllegalArgumentException unknown(String kind, String className, String registeredName, Object config) {
        return new IllegalArgumentException("Could not locate " + kind + " '" + className + "'"
                + (registeredName != null ? " (registered name '" + registeredName + "')" : "")
                + ". Make sure custom classes are registered with registerKerasSerializable(package, name, factory)"
                + " before loading. Registered custom objects: " + new TreeMap<>(BY_REGISTERED_NAME).keySet()
                + ". Full object config: " + PyJson.write(config));
    }
}
