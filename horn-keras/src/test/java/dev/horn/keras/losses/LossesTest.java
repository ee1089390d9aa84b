package dev.horn.keras.losses;

import dev.horn.Tensor;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static dev.horn.keras.Expect.scalar;
import static dev.horn.keras.Expect.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LossesTest {
    @Test
    void aliasesGiveTheKerasLoss() {
        assertThat(Losses.get("mse")).isInstanceOf(MeanSquaredError.class);
        assertThat(Losses.get("MSE").name()).isEqualTo("mean_squared_error");
        assertThat(Losses.get("mae")).isInstanceOf(MeanAbsoluteError.class);
        assertThat(Losses.get("mape")).isInstanceOf(MeanAbsolutePercentageError.class);
        assertThat(Losses.get("msle")).isInstanceOf(MeanSquaredLogarithmicError.class);
        assertThat(Losses.get("kld")).isInstanceOf(KLDivergence.class);
        assertThat(Losses.get("kullback_leibler_divergence")).isInstanceOf(KLDivergence.class);
        assertThat(Losses.get("logcosh")).isInstanceOf(LogCosh.class);
        assertThat(Losses.get("huber")).isInstanceOf(Huber.class);
        assertThat(Losses.canonicalName("mse")).isEqualTo("mean_squared_error");
    }

    @Test
    void everyCanonicalAndClassNameIsFound() {
        for (String name : Losses.names()) {
            assertThat(Losses.get(name).name()).isEqualTo(name);
        }
        assertThat(Losses.get("CategoricalCrossentropy")).isInstanceOf(CategoricalCrossentropy.class);
        assertThat(Losses.get("SparseCategoricalCrossentropy")).isInstanceOf(SparseCategoricalCrossentropy.class);
        assertThat(Losses.names()).hasSize(15);
    }

    @Test
    void eachLookupIsANewLossWithKerasDefaults() {
        Loss cce = Losses.get("categorical_crossentropy");
        assertThat(cce).isNotSameAs(Losses.get("categorical_crossentropy"));
        assertThat(cce.getConfig()).containsEntry("name", "categorical_crossentropy")
                .containsEntry("from_logits", false).containsEntry("label_smoothing", 0.0).containsEntry("axis", -1);
        assertThat(new Huber().getConfig()).containsEntry("name", "huber_loss").containsEntry("delta", 1.0);
        assertThat(new CategoricalCrossentropy().fromLogits(true).getConfig()).containsEntry("from_logits", true);
    }

    @Test
    void unknownLossIsNamedAndTheKnownOnesListed() {
        assertThatThrownBy(() -> Losses.get("mean_sqared_error"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown loss function: 'mean_sqared_error'. Known losses: binary_crossentropy, ")
                .hasMessageContaining("mean_squared_error")
                .hasMessageContaining("aliases: mse, mae, mape, msle, huber, logcosh, kld")
                .hasMessageContaining("Loss.of(name, (yTrue, yPred) -> perSampleLoss)");
        assertThat(Losses.contains("mse")).isTrue();
        assertThat(Losses.contains("nope")).isFalse();
    }

    @Test
    void customLossFromALambdaIsReducedAndWeightedLikeBuiltIns() {
        Loss cubic = Loss.of("mean_cubic_error", (yTrue, yPred) -> tf.reduceMean(tf.pow(tf.abs(tf.sub(yPred, yTrue)),
                Tensor.scalar(3f)), -1));
        Tensor y = t(new float[][] {{0, 0}, {1, 1}});
        Tensor p = t(new float[][] {{1, 2}, {1, 0}});
        assertThat(cubic.name()).isEqualTo("mean_cubic_error");
        // per sample: (1 + 8) / 2 = 4.5 and (0 + 1) / 2 = 0.5
        scalar(cubic.call(y, p), 2.5);
        scalar(cubic.call(y, p, t(2, 0)), 4.5);
    }

    @Test
    void labelSmoothingOutsideZeroOneIsRefused() {
        assertThatThrownBy(() -> new CategoricalCrossentropy().labelSmoothing(1.5))
                .hasMessage("categorical_crossentropy: label_smoothing must be in [0, 1], got 1.5");
    }

    @Test
    void sampleWeightsOfShapeBatchOrBatchByOneWeighSamplesNotPairs() {
        Tensor y = t(new float[][] {{1}, {2}, {3}});
        Tensor p = t(new float[][] {{1}, {3}, {5}});
        // per sample (the last axis averaged) 0, 1, 4, weighted 1, 2, 3: (0 + 2 + 12) / 3
        scalar(new MeanSquaredError().call(y, p, t(new float[][] {{1}, {2}, {3}})), 14.0 / 3);
        scalar(new MeanSquaredError().call(y, p, t(1, 2, 3)), 14.0 / 3);
        // as Keras, rank-1 labels and predictions are one sample whose last axis is averaged: fit expands them to [batch, 1]
        scalar(new MeanSquaredError().call(t(1, 2, 3), p), 5.0 / 3);
    }
}
