package dev.horn.keras.initializers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.ops.ExecutionContext;
import dev.horn.keras.internal.ConfigValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keras' initializers ({@code keras.initializers}) by factory and by name, with Keras'
 * defaults. {@code seed} arguments make an initializer deterministic: it returns the same
 * values at every call. Without one it draws from Horn's global random stream, so a program
 * run again after the same {@link dev.horn.Horn#setSeed} gets the same weights (Keras 2 instead
 * fixes a random seed when an unseeded initializer is made, and warns when one is called twice).
 * {@snippet :
 * Initializer kernel = Initializers.get("glorot_uniform");   // Dense's default
 * Tensor w = kernel.apply(Shape.of(784, 256));               // uniform, limit sqrt(6 / 1040)
 * Tensor same = Initializers.heNormal(42).apply(Shape.of(3, 3, 16, 32));
 * }
 */
public final class Initializers {
    private Initializers() {}

    private static final Map<String, Function<Map<String, Object>, Initializer>> BY_CLASS = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    static {
        register("Constant", c -> new Constant(number(c, "value", 0)));
        register("GlorotNormal", c -> VarianceScaling.glorotNormal(seed(c)));
        register("GlorotUniform", c -> VarianceScaling.glorotUniform(seed(c)));
        register("HeNormal", c -> VarianceScaling.heNormal(seed(c)));
        register("HeUniform", c -> VarianceScaling.heUniform(seed(c)));
        register("Identity", c -> new Identity(number(c, "gain", 1)));
        register("LecunNormal", c -> VarianceScaling.lecunNormal(seed(c)));
        register("LecunUniform", c -> VarianceScaling.lecunUniform(seed(c)));
        register("Ones", c -> Constant.ones());
        register("Orthogonal", c -> new Orthogonal(number(c, "gain", 1), seed(c)));
        register("RandomNormal", c -> new RandomNormal(number(c, "mean", 0), number(c, "stddev", 0.05), seed(c)));
        register("RandomUniform", c -> new RandomUniform(number(c, "minval", -0.05), number(c, "maxval", 0.05), seed(c)));
        register("TruncatedNormal", c -> new TruncatedNormal(number(c, "mean", 0), number(c, "stddev", 0.05), seed(c)));
        register("VarianceScaling", c -> new VarianceScaling(number(c, "scale", 1), string(c, "mode", "fan_in"),
                string(c, "distribution", "truncated_normal"), seed(c)));
        register("Zeros", c -> Constant.zeros());
        // Keras' short aliases
        ALIASES.put("normal", "RandomNormal");
        ALIASES.put("uniform", "RandomUniform");
        ALIASES.put("one", "Ones");
        ALIASES.put("zero", "Zeros");
    }

    /**
     * The initializer Keras knows by {@code name}, with its default arguments: a snake_case
     * name ({@code "glorot_uniform"}), a class name ({@code "GlorotUniform"}) or one of Keras'
     * aliases ({@code "normal"}, {@code "uniform"}, {@code "one"}, {@code "zero"}).
     *
     * @throws IllegalArgumentException for a name Keras does not know, listing those it does
     */
    public static Initializer get(String name) {
        return fromConfig(name, Map.of());
    }

    /**
     * An initializer from a saved config: {@code className} as {@link #get} reads names, the
     * config in Keras' argument names (missing ones take Keras' defaults).
     */
    public static Initializer fromConfig(String className, Map<String, Object> config) {
        Function<Map<String, Object>, Initializer> factory = className == null ? null : BY_CLASS.get(resolve(className));
        if (factory == null) {
            throw new IllegalArgumentException("Unknown initializer: '" + className + "'. Expected one of "
                    + String.join(", ", names()));
        }
        return factory.apply(config);
    }

    /** Every name {@link #get} accepts, snake_case and CamelCase, sorted. */
    public static List<String> names() {
        TreeSet<String> all = new TreeSet<>(ALIASES.keySet());
        for (String c : BY_CLASS.keySet()) {
            all.add(c);
            all.add(snake(c));
        }
        return List.copyOf(all);
    }

    public static Initializer zeros() { return Constant.zeros(); }
    public static Initializer ones() { return Constant.ones(); }
    public static Initializer constant(double value) { return new Constant(value); }

    /** Uniform in [-0.05, 0.05). */
    public static Initializer randomUniform() { return new RandomUniform(-0.05, 0.05, null); }
    public static Initializer randomUniform(double minval, double maxval) { return new RandomUniform(minval, maxval, null); }
    public static Initializer randomUniform(double minval, double maxval, long seed) { return new RandomUniform(minval, maxval, seed); }

    /** Normal, mean 0, stddev 0.05. */
    public static Initializer randomNormal() { return new RandomNormal(0, 0.05, null); }
    public static Initializer randomNormal(double mean, double stddev) { return new RandomNormal(mean, stddev, null); }
    public static Initializer randomNormal(double mean, double stddev, long seed) { return new RandomNormal(mean, stddev, seed); }

    /** Truncated normal, mean 0, stddev 0.05. */
    public static Initializer truncatedNormal() { return new TruncatedNormal(0, 0.05, null); }
    public static Initializer truncatedNormal(double mean, double stddev) { return new TruncatedNormal(mean, stddev, null); }
    public static Initializer truncatedNormal(double mean, double stddev, long seed) { return new TruncatedNormal(mean, stddev, seed); }

    /** Uniform, limit sqrt(6 / (fan_in + fan_out)): Keras' default kernel initializer. */
    public static Initializer glorotUniform() { return VarianceScaling.glorotUniform(null); }
    public static Initializer glorotUniform(long seed) { return VarianceScaling.glorotUniform(seed); }
    /** Truncated normal, variance 2 / (fan_in + fan_out). */
    public static Initializer glorotNormal() { return VarianceScaling.glorotNormal(null); }
    public static Initializer glorotNormal(long seed) { return VarianceScaling.glorotNormal(seed); }
    /** Uniform, limit sqrt(6 / fan_in). */
    public static Initializer heUniform() { return VarianceScaling.heUniform(null); }
    public static Initializer heUniform(long seed) { return VarianceScaling.heUniform(seed); }
    /** Truncated normal, variance 2 / fan_in. */
    public static Initializer heNormal() { return VarianceScaling.heNormal(null); }
    public static Initializer heNormal(long seed) { return VarianceScaling.heNormal(seed); }
    /** Uniform, limit sqrt(3 / fan_in). */
    public static Initializer lecunUniform() { return VarianceScaling.lecunUniform(null); }
    public static Initializer lecunUniform(long seed) { return VarianceScaling.lecunUniform(seed); }
    /** Truncated normal, variance 1 / fan_in. */
    public static Initializer lecunNormal() { return VarianceScaling.lecunNormal(null); }
    public static Initializer lecunNormal(long seed) { return VarianceScaling.lecunNormal(seed); }

    /** Keras' VarianceScaling: mode fan_in, fan_out or fan_avg; distribution truncated_normal, untruncated_normal or uniform. */
    public static Initializer varianceScaling(double scale, String mode, String distribution) {
        return new VarianceScaling(scale, mode, distribution, null);
    }
    public static Initializer varianceScaling(double scale, String mode, String distribution, long seed) {
        return new VarianceScaling(scale, mode, distribution, seed);
    }

    /** An orthogonal matrix, gain 1. */
    public static Initializer orthogonal() { return new Orthogonal(1, null); }
    public static Initializer orthogonal(double gain) { return new Orthogonal(gain, null); }
    public static Initializer orthogonal(double gain, long seed) { return new Orthogonal(gain, seed); }

    /** The identity matrix, gain 1. */
    public static Initializer identity() { return new Identity(1); }
    public static Initializer identity(double gain) { return new Identity(gain); }

    // ---- shared by the initializers ------------------------------------------------------------

    /**
     * Runs {@code body} eagerly even while a graph is being traced, as Keras creates weights
     * under {@code init_scope}: a layer built during the trace of a train step still gets
     * concrete starting values, drawn once, not random ops that draw again at every run.
     */
    static Tensor eagerly(Supplier<Tensor> body) {
        return ExecutionContext.with(ExecutionContext.EAGER, body);
    }

    static void requireDefined(String name, Shape shape) {
        if (!shape.isFullyDefined()) {
            throw new IllegalArgumentException(name + ": the shape of a weight must be fully defined, got " + shape);
        }
    }

    static void requireFloat(String name, Shape shape, DType dtype) {
        if (!dtype.isFloating()) {
            throw new IllegalArgumentException(name + ": expected a floating point dtype, got " + dtype);
        }
        requireDefined(name, shape);
    }

    static void requireStddev(String name, double stddev) {
        if (!(stddev >= 0)) {
            throw new IllegalArgumentException(name + ": stddev must be >= 0, got " + stddev);
        }
    }

    // ---- names and configs ---------------------------------------------------------------------

    private static void register(String className, Function<Map<String, Object>, Initializer> factory) {
        BY_CLASS.put(className, factory);
    }

    private static String resolve(String name) {
        if (BY_CLASS.containsKey(name)) {
            return name;
        }
        if (ALIASES.containsKey(name)) {
            return ALIASES.get(name);
        }
        for (String c : BY_CLASS.keySet()) {
            if (snake(c).equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** GlorotUniform -> glorot_uniform. */
    private static String snake(String className) {
        return className.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static double number(Map<String, Object> config, String key, double orElse) {
        return ConfigValues.number(config, key, orElse, v -> "initializer config: `" + key + "` must be a number, got " + v);
    }

    private static String string(Map<String, Object> config, String key, String orElse) {
        Object v = config.get(key);
        return v == null ? orElse : v.toString();
    }

    private static Long seed(Map<String, Object> config) {
        Object v = config.get("seed");
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new IllegalArgumentException("initializer config: `seed` must be an integer or null, got " + v);
    }
}
