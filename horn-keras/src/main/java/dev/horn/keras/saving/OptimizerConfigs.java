package dev.horn.keras.saving;

import dev.horn.keras.optimizers.schedules.CosineDecay;
import dev.horn.keras.optimizers.schedules.CosineDecayRestarts;
import dev.horn.keras.optimizers.schedules.ExponentialDecay;
import dev.horn.keras.optimizers.schedules.InverseTimeDecay;
import dev.horn.keras.optimizers.schedules.PiecewiseConstantDecay;
import dev.horn.keras.optimizers.schedules.PolynomialDecay;
import dev.horn.optimizers.Adadelta;
import dev.horn.optimizers.Adagrad;
import dev.horn.optimizers.Adam;
import dev.horn.optimizers.AdamW;
import dev.horn.optimizers.Adamax;
import dev.horn.optimizers.LearningRateSchedule;
import dev.horn.optimizers.Nadam;
import dev.horn.optimizers.Optimizer;
import dev.horn.optimizers.RMSprop;
import dev.horn.optimizers.SGD;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Optimizers and learning-rate schedules to and from Keras' saved form
 * ({@code {"module": "keras.optimizers", "class_name": "Adam", "config": {...}}}); the config is
 * {@link Optimizer#getConfig()}, whose keys and order are Keras 3's.
 */
public final class OptimizerConfigs {
    private static final Map<String, Function<ConfigMap, Optimizer>> OPTIMIZERS = new LinkedHashMap<>();
    private static final Map<String, Function<ConfigMap, LearningRateSchedule>> SCHEDULES = new LinkedHashMap<>();

    static {
        OPTIMIZERS.put("SGD", c -> new SGD().momentum(c.number("momentum", 0)).nesterov(c.bool("nesterov", false)));
        OPTIMIZERS.put("RMSprop", c -> new RMSprop().rho(c.number("rho", 0.9)).momentum(c.number("momentum", 0))
                .epsilon(c.number("epsilon", 1e-7)).centered(c.bool("centered", false)));
        OPTIMIZERS.put("Adam", c -> new Adam().beta1(c.number("beta_1", 0.9)).beta2(c.number("beta_2", 0.999))
                .epsilon(c.number("epsilon", 1e-7)).amsgrad(c.bool("amsgrad", false)));
        OPTIMIZERS.put("AdamW", c -> new AdamW().beta1(c.number("beta_1", 0.9)).beta2(c.number("beta_2", 0.999))
                .epsilon(c.number("epsilon", 1e-7)).amsgrad(c.bool("amsgrad", false)));
        OPTIMIZERS.put("Adagrad", c -> new Adagrad().initialAccumulatorValue(c.number("initial_accumulator_value", 0.1))
                .epsilon(c.number("epsilon", 1e-7)));
        OPTIMIZERS.put("Adadelta", c -> new Adadelta().rho(c.number("rho", 0.95)).epsilon(c.number("epsilon", 1e-7)));
        OPTIMIZERS.put("Adamax", c -> new Adamax().beta1(c.number("beta_1", 0.9)).beta2(c.number("beta_2", 0.999))
                .epsilon(c.number("epsilon", 1e-7)));
        OPTIMIZERS.put("Nadam", c -> new Nadam().beta1(c.number("beta_1", 0.9)).beta2(c.number("beta_2", 0.999))
                .epsilon(c.number("epsilon", 1e-7)));

        SCHEDULES.put("ExponentialDecay", c -> new ExponentialDecay(c.number("initial_learning_rate", 0),
                c.number("decay_steps", 0), c.number("decay_rate", 0), c.bool("staircase", false)));
        SCHEDULES.put("InverseTimeDecay", c -> new InverseTimeDecay(c.number("initial_learning_rate", 0),
                c.number("decay_steps", 0), c.number("decay_rate", 0), c.bool("staircase", false)));
        SCHEDULES.put("PiecewiseConstantDecay", c -> new PiecewiseConstantDecay(longs(c, "boundaries"), doubles(c, "values")));
        SCHEDULES.put("PolynomialDecay", c -> new PolynomialDecay(c.number("initial_learning_rate", 0),
                c.number("decay_steps", 0), c.number("end_learning_rate", 0.0001), c.number("power", 1),
                c.bool("cycle", false)));
        SCHEDULES.put("CosineDecay", c -> new CosineDecay(c.number("initial_learning_rate", 0), c.number("decay_steps", 0),
                c.number("alpha", 0), c.optionalNumber("warmup_target"), c.number("warmup_steps", 0)));
        SCHEDULES.put("CosineDecayRestarts", c -> new CosineDecayRestarts(c.number("initial_learning_rate", 0),
                c.number("first_decay_steps", 0), c.number("t_mul", 2), c.number("m_mul", 1), c.number("alpha", 0)));
    }

    private OptimizerConfigs() {}

    public static Map<String, Object> serialize(Optimizer optimizer, Format format) {
        String cls = optimizer.getClass().getSimpleName();
        if (!OPTIMIZERS.containsKey(cls)) {
            CustomObjects.Entry e = CustomObjects.byName(cls);
            if (e == null) {
                throw new IllegalArgumentException("Cannot save optimizer " + cls + ": it is not one of Keras' "
                        + OPTIMIZERS.keySet() + " nor registered with registerKerasSerializable");
            }
            return KerasObjects.wrap(format, optimizer.getClass().getPackageName(), cls, optimizer.getConfig(),
                    e.registeredName());
        }
        Map<String, Object> config = new LinkedHashMap<>(optimizer.getConfig());
        if (format == Format.KERAS2 && config.get("learning_rate") instanceof Map<?, ?> schedule) {
            Map<String, Object> legacy = new LinkedHashMap<>();
            legacy.put("class_name", schedule.get("class_name"));
            legacy.put("config", schedule.get("config"));
            config.put("learning_rate", legacy);
        }
        return KerasObjects.wrap(format, "keras.optimizers", cls, config, null);
    }

    /**
     * Keras 2.11 and 2.12 registered their new optimizers as custom objects, so their files
     * name them {@code Custom>Adam}; that is the built-in unless a custom object took the name.
     */
    private static String builtinName(KerasObjects.Saved s) {
        String name = s.className();
        if (name.startsWith("Custom>") && OPTIMIZERS.containsKey(name.substring("Custom>".length()))
                && CustomObjects.lookup(s.registeredName(), name) == null) {
            return name.substring("Custom>".length());
        }
        return name;
    }

    /** An optimizer from a saved object or a name ({@code "adam"}), as {@code compile} would get it. */
    public static Optimizer deserialize(Object saved, String where) {
        if (saved instanceof String name) {
            return dev.horn.keras.optimizers.Optimizers.get(name);
        }
        KerasObjects.Saved s = KerasObjects.saved(saved, where);
        ConfigMap c = new ConfigMap(where + " (" + s.className() + ")", s.config());
        Function<ConfigMap, Optimizer> make = OPTIMIZERS.get(builtinName(s));
        Optimizer opt = make != null ? make.apply(c) : KerasObjects.custom(s, Optimizer.class, "optimizer", () -> {
            throw new IllegalArgumentException("Unknown optimizer: " + s.className());
        });
        if (c.has("name")) {
            opt.name(c.string("name", null));
        }
        Object lr = c.raw("learning_rate");
        if (lr instanceof Map<?, ?>) {
            opt.learningRate(schedule(lr, where + ".learning_rate"));
        } else if (lr != null) {
            opt.learningRate(c.number("learning_rate", 0.001));
        }
        if (!(opt instanceof AdamW) || c.has("weight_decay")) {
            opt.weightDecay(c.optionalNumber("weight_decay"));
        }
        opt.clipnorm(c.optionalNumber("clipnorm"));
        opt.clipvalue(c.optionalNumber("clipvalue"));
        opt.globalClipnorm(c.optionalNumber("global_clipnorm"));
        if (c.bool("use_ema", false)) {
            throw c.fail("use_ema", "true is not supported: Horn's optimizers keep no moving average of the weights");
        }
        return opt;
    }

    public static LearningRateSchedule schedule(Object saved, String where) {
        KerasObjects.Saved s = KerasObjects.saved(saved, where);
        Function<ConfigMap, LearningRateSchedule> make = SCHEDULES.get(s.className());
        if (make != null) {
            return make.apply(new ConfigMap(where + " (" + s.className() + ")", s.config()));
        }
        return KerasObjects.custom(s, LearningRateSchedule.class, "learning rate schedule", () -> {
            throw new IllegalArgumentException("Unknown learning rate schedule: " + s.className());
        });
    }

    private static long[] longs(ConfigMap c, String key) {
        return numbers(c, key).stream().mapToLong(Number::longValue).toArray();
    }

    private static double[] doubles(ConfigMap c, String key) {
        return numbers(c, key).stream().mapToDouble(Number::doubleValue).toArray();
    }

    private static List<Number> numbers(ConfigMap c, String key) {
        if (c.raw(key) instanceof List<?> list && list.stream().allMatch(v -> v instanceof Number)) {
            return list.stream().map(v -> (Number) v).toList();
        }
        throw c.fail(key, "must be a list of numbers, got " + PyJson.write(c.raw(key)));
    }
}
