package dev.horn.keras.metrics;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.losses.Loss;
import dev.horn.keras.losses.Losses;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Expect.scalar;
import static dev.horn.keras.Expect.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricsTest {
    private static final Shape TEN_CLASSES = Shape.of(-1, 10);
    private static final Shape ONE_UNIT = Shape.of(-1, 1);

    @Test
    void accuracyIsBinaryForBinaryCrossentropyOrOneOutputUnit() {
        Metric a = Metrics.get("accuracy", Losses.get("binary_crossentropy"), TEN_CLASSES);
        assertThat(a).isInstanceOf(BinaryAccuracy.class);
        assertThat(a.name()).isEqualTo("accuracy");
        assertThat(Metrics.get("acc", Losses.get("mse"), ONE_UNIT)).isInstanceOf(BinaryAccuracy.class);
    }

    @Test
    void accuracyIsSparseForSparseCategoricalCrossentropy() {
        Metric a = Metrics.get("acc", Losses.get("sparse_categorical_crossentropy"), TEN_CLASSES);
        assertThat(a).isInstanceOf(SparseCategoricalAccuracy.class);
        assertThat(a.name()).isEqualTo("acc");
    }

    @Test
    void accuracyIsCategoricalOtherwise() {
        assertThat(Metrics.get("accuracy", Losses.get("categorical_crossentropy"), TEN_CLASSES))
                .isInstanceOf(CategoricalAccuracy.class);
        assertThat(Metrics.get("accuracy", Loss.of("my_loss", (t, p) -> p), TEN_CLASSES))
                .isInstanceOf(CategoricalAccuracy.class);
        assertThat(Metrics.get("accuracy", null, null)).isInstanceOf(CategoricalAccuracy.class);
    }

    @Test
    void crossentropyFollowsTheLossToo() {
        Metric ce = Metrics.get("crossentropy", Losses.get("sparse_categorical_crossentropy"), TEN_CLASSES);
        assertThat(ce.name()).isEqualTo("crossentropy");
        ce.updateState(Tensor.of(new int[] {1}, 1), t(new float[][] {{0.25f, 0.75f}}));
        scalar(ce.result(), -Math.log(0.75));
    }

    @Test
    void metricsKeepTheNameTheUserWrote() {
        assertThat(Metrics.get("mse")).isInstanceOf(MeanSquaredError.class).extracting(Metric::name).isEqualTo("mse");
        assertThat(Metrics.get("mean_squared_error").name()).isEqualTo("mean_squared_error");
        assertThat(Metrics.get("mae")).isInstanceOf(MeanAbsoluteError.class);
        assertThat(Metrics.get("mape")).isInstanceOf(MeanAbsolutePercentageError.class);
        assertThat(Metrics.get("auc")).isInstanceOf(AUC.class).extracting(Metric::name).isEqualTo("auc");
        assertThat(Metrics.get("AUC").name()).isEqualTo("AUC");
        assertThat(Metrics.get("precision")).isInstanceOf(Precision.class);
        assertThat(Metrics.get("recall")).isInstanceOf(Recall.class);
        assertThat(Metrics.get("top_k_categorical_accuracy")).isInstanceOf(TopKCategoricalAccuracy.class);
        assertThat(Metrics.get("RootMeanSquaredError")).isInstanceOf(RootMeanSquaredError.class);
        assertThat(new AUC().name("val_like_auc").name()).isEqualTo("val_like_auc");
    }

    @Test
    void plainAccuracyStringOutsideCompileIsExactEquality() {
        assertThat(Metrics.get("accuracy")).isInstanceOf(Accuracy.class);
    }

    @Test
    void anyLossNameIsAMetricOfThatLoss() {
        Metric kld = Metrics.get("kld");
        assertThat(kld.name()).isEqualTo("kld");
        kld.updateState(t(new float[][] {{0.5f, 0.5f}}), t(new float[][] {{0.25f, 0.75f}}));
        scalar(kld.result(), 0.5 * Math.log(2) + 0.5 * Math.log(0.5 / 0.75));
    }

    @Test
    void cosineSimilarityMetricIsPositiveUnlikeTheLoss() {
        Metric cos = Metrics.get("cosine_similarity");
        cos.updateState(t(new float[][] {{1, 0}}), t(new float[][] {{1, 1}}));
        scalar(cos.result(), Math.sqrt(0.5));
    }

    @Test
    void eachLookupHasFreshState() {
        Metric first = Metrics.get("mae");
        first.updateState(t(0), t(4));
        scalar(Metrics.get("mae").result(), 0);
    }

    @Test
    void unknownMetricIsNamedAndTheKnownOnesListed() {
        assertThatThrownBy(() -> Metrics.get("acuracy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown metric function: 'acuracy'. Known metrics: accuracy, acc, ")
                .hasMessageContaining("auc")
                .hasMessageContaining("every loss name (binary_crossentropy, ")
                .hasMessageEndingWith("For a custom metric use Metric.of(name, (yTrue, yPred) -> perSampleValues)");
        assertThat(Metrics.contains("hinge")).isTrue();
        assertThat(Metrics.contains("acuracy")).isFalse();
    }
}
