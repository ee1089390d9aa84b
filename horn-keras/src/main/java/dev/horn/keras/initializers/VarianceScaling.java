package dev.horn.keras.initializers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keras' {@code VarianceScaling}: random values whose variance is {@code scale / n}, n being
 * the fan-in, the fan-out or their mean (see {@link Fans}). The Glorot, He and LeCun
 * initializers are its presets.
 * <ul>
 *   <li>{@code truncated_normal}: normal with values beyond two standard deviations drawn
 *       again, stddev {@code sqrt(scale / n) / 0.87962566103423978} (the standard deviation
 *       of a unit normal truncated to [-2, 2]), so the values' variance is scale / n;
 *   <li>{@code untruncated_normal}: normal, stddev {@code sqrt(scale / n)};
 *   <li>{@code uniform}: uniform in [-limit, limit), limit {@code sqrt(3 scale / n)}.
 * </ul>
 * {@code "normal"} is read as {@code "truncated_normal"}, as Keras 2 does.
 */
public final class VarianceScaling implements Initializer {
    /** scipy.stats.truncnorm.std(a=-2, b=2): the stddev of a unit normal truncated at 2. */
    static final double TRUNCATED_STDDEV = 0.87962566103423978;
    private static final Set<String> MODES = Set.of("fan_in", "fan_out", "fan_avg");
    private static final Set<String> DISTRIBUTIONS = Set.of("truncated_normal", "untruncated_normal", "uniform");

    private final String name;
    private final double scale;
    private final String mode;
    private final String distribution;
    private final Long seed;

    /** {@code seed} may be null: then each call draws new values from the global stream. */
    public VarianceScaling(double scale, String mode, String distribution, Long seed) {
        this("variance_scaling", scale, mode, distribution, seed);
    }

    private VarianceScaling(String name, double scale, String mode, String distribution, Long seed) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("`scale` must be positive float. Received: scale=" + scale);
        }
        if (mode == null || !MODES.contains(mode)) {
            throw new IllegalArgumentException("Invalid `mode` argument: " + mode
                    + ". Please use one of fan_in, fan_out, fan_avg");
        }
        String d = distribution == null ? null : distribution.toLowerCase(java.util.Locale.ROOT);
        if ("normal".equals(d)) {
            d = "truncated_normal"; // Keras 2 reads the old name this way
        }
        if (d == null || !DISTRIBUTIONS.contains(d)) {
            throw new IllegalArgumentException("Invalid `distribution` argument: " + distribution
                    + ". Allowed distributions: truncated_normal, untruncated_normal, uniform");
        }
        this.name = name;
        this.scale = scale;
        this.mode = mode;
        this.distribution = d;
        this.seed = seed;
    }

    /** Uniform, limit sqrt(6 / (fan_in + fan_out)): Keras' default for Dense and Conv kernels. */
    static VarianceScaling glorotUniform(Long seed) {
        return new VarianceScaling("glorot_uniform", 1, "fan_avg", "uniform", seed);
    }

    /** Truncated normal, stddev sqrt(2 / (fan_in + fan_out)) before truncation's correction. */
    static VarianceScaling glorotNormal(Long seed) {
        return new VarianceScaling("glorot_normal", 1, "fan_avg", "truncated_normal", seed);
    }

    static VarianceScaling heUniform(Long seed) {
        return new VarianceScaling("he_uniform", 2, "fan_in", "uniform", seed);
    }

    static VarianceScaling heNormal(Long seed) {
        return new VarianceScaling("he_normal", 2, "fan_in", "truncated_normal", seed);
    }

    static VarianceScaling lecunUniform(Long seed) {
        return new VarianceScaling("lecun_uniform", 1, "fan_in", "uniform", seed);
    }

    static VarianceScaling lecunNormal(Long seed) {
        return new VarianceScaling("lecun_normal", 1, "fan_in", "truncated_normal", seed);
    }

    @Override
    public Tensor apply(Shape shape, DType dtype) {
        Initializers.requireFloat(name, shape, dtype);
        Fans fans = Fans.of(shape);
        double n = switch (mode) {
            case "fan_in" -> fans.fanIn();
            case "fan_out" -> fans.fanOut();
            default -> (fans.fanIn() + fans.fanOut()) / 2.0;
        };
        double s = scale / Math.max(1.0, n);
        return switch (distribution) {
            case "truncated_normal" -> Draws.truncatedNormal(shape, dtype, 0, Math.sqrt(s) / TRUNCATED_STDDEV, seed);
            case "untruncated_normal" -> Draws.normal(shape, dtype, 0, Math.sqrt(s), seed);
            default -> {
                double limit = Math.sqrt(3 * s);
                yield Draws.uniform(shape, dtype, -limit, limit, seed);
            }
        };
    }

    @Override
    public String name() {
        return name;
    }

    public double scale() {
        return scale;
    }

    public String mode() {
        return mode;
    }

    public String distribution() {
        return distribution;
    }

    /** The seed, or null. */
    public Long seed() {
        return seed;
    }

    /** A preset's config is its seed alone, as Keras' {@code GlorotUniform.get_config()}. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        if (name.equals("variance_scaling")) {
            config.put("scale", scale);
            config.put("mode", mode);
            config.put("distribution", distribution);
        }
        config.put("seed", seed);
        return config;
    }

    @Override
    public String toString() {
        return className() + getConfig();
    }
}
