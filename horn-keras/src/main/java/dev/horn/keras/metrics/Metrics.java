package dev.horn.keras.metrics;

import dev.horn.Shape;
import dev.horn.keras.losses.BinaryCrossentropy;
import dev.horn.keras.losses.Loss;
import dev.horn.keras.losses.Losses;
import dev.horn.keras.losses.SparseCategoricalCrossentropy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static dev.horn.Tf.tf;

/**
 * Metrics by Keras name, as the strings given to {@code compile(metrics = ...)}: each call makes
 * a new metric (fresh state) that shows the name as written ({@code "mse"} is logged as
 * {@code mse}, {@code "acc"} as {@code acc}). Every loss name works too, as a mean of that loss
 * per sample. {@code "accuracy"} and {@code "crossentropy"} depend on the model, so
 * {@link #get(String, Loss, Shape)} resolves them from the loss and the output shape.
 * {@snippet :
 * Metric acc = Metrics.get("accuracy", Losses.get("sparse_categorical_crossentropy"), Shape.of(-1, 10));
 * // acc is sparse categorical accuracy, named "accuracy"
 * }
 */
public final class Metrics {
    private static final Map<String, Function<String, Metric>> BY_NAME = new LinkedHashMap<>();

    static {
        register(Accuracy::new, "accuracy", "acc", "Accuracy");
        register(n -> new BinaryAccuracy(n, 0.5), "binary_accuracy", "BinaryAccuracy");
        register(CategoricalAccuracy::new, "categorical_accuracy", "CategoricalAccuracy");
        register(SparseCategoricalAccuracy::new, "sparse_categorical_accuracy", "SparseCategoricalAccuracy");
        register(n -> new TopKCategoricalAccuracy(n, 5), "top_k_categorical_accuracy", "TopKCategoricalAccuracy");
        register(n -> new SparseTopKCategoricalAccuracy(n, 5), "sparse_top_k_categorical_accuracy",
                "SparseTopKCategoricalAccuracy");
        register(MeanSquaredError::new, "mean_squared_error", "mse", "MSE", "MeanSquaredError");
        register(MeanAbsoluteError::new, "mean_absolute_error", "mae", "MAE", "MeanAbsoluteError");
        register(MeanAbsolutePercentageError::new, "mean_absolute_percentage_error", "mape", "MAPE",
                "MeanAbsolutePercentageError");
        register(RootMeanSquaredError::new, "root_mean_squared_error", "RootMeanSquaredError");
        register(n -> new AUC().name(n), "auc", "AUC");
        register(n -> new Precision().name(n), "precision", "Precision");
        register(n -> new Recall().name(n), "recall", "Recall");
        // Keras' cosine_similarity metric is the similarity itself, the loss its negative
        register(n -> new MeanMetricWrapper(n, (t, p) -> tf.neg(Losses.get("cosine_similarity").perSample(t, p))),
                "cosine_similarity", "CosineSimilarity");
    }

    private Metrics() {}

    private static void register(Function<String, Metric> factory, String... names) {
        for (String name : names) {
            BY_NAME.put(name, factory);
        }
    }

    /**
     * A new metric for a Keras name, alias or class name, or any loss name (a mean of that
     * loss). {@code "accuracy"} here is exact-match accuracy; in {@code compile} use
     * {@link #get(String, Loss, Shape)}.
     *
     * @throws IllegalArgumentException naming the unknown metric and listing the known ones
     */
    public static Metric get(String name) {
        if (name == null) {
            throw new IllegalArgumentException("Could not interpret metric identifier: null");
        }
        Function<String, Metric> factory = BY_NAME.get(name);
        if (factory != null) {
            return factory.apply(name);
        }
        if (Losses.contains(name)) {
            Loss loss = Losses.get(name);
            return new MeanMetricWrapper(name, loss::perSample);
        }
        throw new IllegalArgumentException("Unknown metric function: '" + name + "'. Known metrics: "
                + String.join(", ", BY_NAME.keySet()) + ", and every loss name (" + String.join(", ", Losses.names())
                + "). For a custom metric use Metric.of(name, (yTrue, yPred) -> perSampleValues)");
    }

    /**
     * A metric as {@code compile} resolves it: {@code "accuracy"}/{@code "acc"} become binary
     * accuracy when the loss is binary crossentropy or the output's last dimension is 1, sparse
     * categorical accuracy when the loss is sparse categorical crossentropy, and categorical
     * accuracy otherwise; {@code "crossentropy"}/{@code "ce"} the matching crossentropy. The
     * metric keeps the name as written. Other names go to {@link #get(String)}.
     *
     * @param loss the model's loss for this output (null if unknown)
     * @param outputShape the model output's shape, batch axis included (null if unknown)
     */
    public static Metric get(String name, Loss loss, Shape outputShape) {
        boolean accuracy = "accuracy".equals(name) || "acc".equals(name);
        boolean crossentropy = "crossentropy".equals(name) || "ce".equals(name);
        if (!accuracy && !crossentropy) {
            return get(name);
        }
        boolean binary = is(loss, BinaryCrossentropy.class, "binary_crossentropy")
                || (outputShape != null && outputShape.rank() > 0 && outputShape.dim(outputShape.rank() - 1) == 1);
        boolean sparse = !binary && is(loss, SparseCategoricalCrossentropy.class, "sparse_categorical_crossentropy");
        if (accuracy) {
            return binary ? new BinaryAccuracy(name, 0.5)
                    : sparse ? new SparseCategoricalAccuracy(name) : new CategoricalAccuracy(name);
        }
        Loss ce = Losses.get(binary ? "binary_crossentropy"
                : sparse ? "sparse_categorical_crossentropy" : "categorical_crossentropy");
        return new MeanMetricWrapper(name, ce::perSample);
    }

    /** Whether {@link #get(String)} knows the name. */
    public static boolean contains(String name) {
        return name != null && (BY_NAME.containsKey(name) || Losses.contains(name));
    }

    /** The metric names known besides the loss names. */
    public static Set<String> names() {
        return java.util.Collections.unmodifiableSet(BY_NAME.keySet());
    }

    /**
     * A metric object as it is, or the metric a name stands for, "accuracy" resolved from the
     * loss and the output shape (what {@code compile} accepts).
     */
    public static Metric resolve(Object metric, Loss loss, Shape outputShape) {
        if (metric instanceof Metric m) {
            return m;
        }
        if (metric instanceof String name) {
            return get(name, loss, outputShape);
        }
        throw new IllegalArgumentException("Could not interpret metric identifier: " + metric
                + " (give a Metric or a name such as \"accuracy\")");
    }

    private static boolean is(Loss loss, Class<? extends Loss> type, String name) {
        return loss != null && (type.isInstance(loss) || name.equals(loss.name()));
    }
}
