package dev.horn.keras.optimizers;

import dev.horn.optimizers.Adadelta;
import dev.horn.optimizers.Adagrad;
import dev.horn.optimizers.Adam;
import dev.horn.optimizers.AdamW;
import dev.horn.optimizers.Adamax;
import dev.horn.optimizers.Nadam;
import dev.horn.optimizers.Optimizer;
import dev.horn.optimizers.RMSprop;
import dev.horn.optimizers.SGD;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Optimizers by their Keras names ({@code "rmsprop"}, {@code "adam"}, ...), each a new instance
 * with Keras' default hyper-parameters, as {@code compile(optimizer = "rmsprop")} resolves them.
 */
public final class Optimizers {
    private static final Map<String, Supplier<Optimizer>> BY_NAME = Map.of(
            "sgd", SGD::new,
            "rmsprop", RMSprop::new,
            "adam", Adam::new,
            "adamw", AdamW::new,
            "adagrad", Adagrad::new,
            "adadelta", Adadelta::new,
            "adamax", Adamax::new,
            "nadam", Nadam::new);

    private Optimizers() {}

    public static Optimizer get(String name) {
        Supplier<Optimizer> make = BY_NAME.get(name.toLowerCase(Locale.ROOT));
        if (make == null) {
            throw new IllegalArgumentException("Could not interpret optimizer identifier: \"" + name
                    + "\"; known optimizers: " + new java.util.TreeSet<>(BY_NAME.keySet()));
        }
        return make.get();
    }

    /** An optimizer object, or one named by a string. */
    public static Optimizer resolve(Object optimizer) {
        if (optimizer instanceof Optimizer o) {
            return o;
        }
        if (optimizer instanceof String s) {
            return get(s);
        }
        throw new IllegalArgumentException("Could not interpret optimizer identifier: " + optimizer
                + " (give an optimizer object or a name such as \"rmsprop\")");
    }
}
