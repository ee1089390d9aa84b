package dev.horn.keras.losses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Losses by Keras name, as {@code keras.losses.get}: the function names
 * ({@code categorical_crossentropy}), their short aliases ({@code mse}, {@code mae},
 * {@code mape}, {@code msle}, {@code kld}, {@code logcosh}, {@code huber}) and the class names
 * ({@code CategoricalCrossentropy}). Each call returns a new loss with Keras' default arguments.
 * {@snippet :
 * Loss mse = Losses.get("mse");                          // mean_squared_error
 * Loss cce = Losses.get("CategoricalCrossentropy");
 * }
 */
public final class Losses {
    private static final Map<String, Supplier<Loss>> CANONICAL = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    static {
        canonical("binary_crossentropy", BinaryCrossentropy::new, "BinaryCrossentropy");
        canonical("categorical_crossentropy", CategoricalCrossentropy::new, "CategoricalCrossentropy");
        canonical("sparse_categorical_crossentropy", SparseCategoricalCrossentropy::new, "SparseCategoricalCrossentropy");
        canonical("mean_squared_error", MeanSquaredError::new, "mse", "MSE", "MeanSquaredError");
        canonical("mean_absolute_error", MeanAbsoluteError::new, "mae", "MAE", "MeanAbsoluteError");
        canonical("mean_absolute_percentage_error", MeanAbsolutePercentageError::new, "mape", "MAPE",
                "MeanAbsolutePercentageError");
        canonical("mean_squared_logarithmic_error", MeanSquaredLogarithmicError::new, "msle", "MSLE",
                "MeanSquaredLogarithmicError");
        canonical("huber_loss", Huber::new, "huber", "Huber");
        canonical("log_cosh", LogCosh::new, "logcosh", "LogCosh");
        canonical("hinge", Hinge::new, "Hinge");
        canonical("squared_hinge", SquaredHinge::new, "SquaredHinge");
        canonical("categorical_hinge", CategoricalHinge::new, "CategoricalHinge");
        canonical("kl_divergence", KLDivergence::new, "kld", "KLD", "kullback_leibler_divergence", "KLDivergence");
        canonical("poisson", Poisson::new, "Poisson");
        canonical("cosine_similarity", CosineSimilarity::new, "CosineSimilarity");
    }

    private Losses() {}

    private static void canonical(String name, Supplier<Loss> factory, String... aliases) {
        CANONICAL.put(name, factory);
        for (String alias : aliases) {
            ALIASES.put(alias, name);
        }
    }

    /**
     * A new loss for a Keras name or alias (case-sensitive, as Keras).
     *
     * @throws IllegalArgumentException naming the unknown loss and listing the known ones
     */
    public static Loss get(String name) {
        if (name == null) {
            throw new IllegalArgumentException("Could not interpret loss identifier: null; expected one of "
                    + String.join(", ", names()));
        }
        Supplier<Loss> factory = CANONICAL.get(ALIASES.getOrDefault(name, name));
        if (factory == null) {
            throw new IllegalArgumentException("Unknown loss function: '" + name + "'. Known losses: "
                    + String.join(", ", CANONICAL.keySet()) + "; aliases: " + String.join(", ", shortAliases())
                    + " (class names such as CategoricalCrossentropy work too). For a custom loss use Loss.of(name, (yTrue, yPred) -> perSampleLoss)");
        }
        return factory.get();
    }

    /** Whether {@link #get} knows the name. */
    public static boolean contains(String name) {
        return name != null && (CANONICAL.containsKey(name) || ALIASES.containsKey(name));
    }

    /** A loss object as it is, or the loss a name stands for (what {@code compile} accepts). */
    public static Loss resolve(Object loss) {
        if (loss instanceof Loss l) {
            return l;
        }
        if (loss instanceof String name) {
            return get(name);
        }
        throw new IllegalArgumentException("Could not interpret loss identifier: " + loss
                + " (give a Loss or a name such as \"categorical_crossentropy\")");
    }

    /** The canonical Keras names, in a fixed order. */
    public static Set<String> names() {
        return java.util.Collections.unmodifiableSet(CANONICAL.keySet());
    }

    /** The canonical name an alias stands for ({@code "mse"} gives {@code "mean_squared_error"}). */
    public static String canonicalName(String name) {
        get(name); // validates
        return ALIASES.getOrDefault(name, name);
    }

    private static List<String> shortAliases() {
        List<String> shortOnes = new ArrayList<>();
        for (String alias : ALIASES.keySet()) {
            if (Character.isLowerCase(alias.charAt(0))) {
                shortOnes.add(alias);
            }
        }
        return shortOnes;
    }
}
