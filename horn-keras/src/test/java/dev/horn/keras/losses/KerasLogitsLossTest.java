package dev.horn.keras.losses;

import dev.horn.Tensor;
import dev.horn.keras.models.Sequential;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * tf.keras computes the crossentropy of a softmax or sigmoid layer from the layer's logits
 * (backend.categorical_crossentropy and its kin use {@code output._keras_logits}), so a
 * confidently wrong prediction costs its full logit gap rather than the -log(1e-7) = 16.118 (or
 * -log(2.2e-7) = 15.33 for binary in float32) that clipping the probability would cap it at.
 */
class KerasLogitsLossTest {
    /** dense(3, softmax) on one input of 1 with bias 0: the logits are the kernel's row. */
    private static Sequential softmaxLayer(float... logits) {
        return layer("softmax", "categorical_crossentropy", logits);
    }

    private static Sequential layer(String activation, String loss, float... logits) {
        int units = logits.length;
        Sequential model = sequential(layerDense(units).activation(activation).inputShape(1));
        model.layers().get(0).setWeights(List.of(Tensor.of(logits).reshape(1, units), Tensor.of(new float[units])));
        model.compile(optimizerSgd(), loss);
        return model;
    }

    private static final Tensor ONE = Tensor.of(new float[] {1}).reshape(1, 1);

    @Test
    void sparseLabelsAndSigmoidOutputsAreChargedTheirLogitsToo() {
        Sequential sparse = layer("softmax", "sparse_categorical_crossentropy", 0, 0, 40);
        assertThat(sparse.evaluate(ONE, Tensor.of(new float[] {0}).reshape(1, 1), verbose(0)).get("loss"))
                .isCloseTo(40.0, within(1e-4));
        // max(x, 0) - x * y + log1p(exp(-|x|)) at x = 40, y = 0: 40 + 4.2e-18
        Sequential binary = layer("sigmoid", "binary_crossentropy", 40);
        Tensor zero = Tensor.of(new float[] {0}).reshape(1, 1);
        assertThat(binary.evaluate(ONE, zero, verbose(0)).get("loss")).isCloseTo(40.0, within(1e-4));
        Tensor p = binary.predict(ONE, verbose(0));
        // clipped in float32: 1 - p = 1 - 0.99999988 = 1.19e-7, then -log(1.19e-7 + 1e-7) = 15.333
        assertThat(new BinaryCrossentropy().call(zero, p).item()).isCloseTo(15.333, within(1e-2));
    }

    @Test
    void aSaturatedSoftmaxIsChargedItsLogitGapNotTheClippedProbability() {
        Sequential model = softmaxLayer(0, 0, 40);
        Tensor x = Tensor.of(new float[] {1}).reshape(1, 1);
        Tensor y = Tensor.of(new float[] {1, 0, 0}).reshape(1, 3);
        // numpy: z = [0, 0, 40]; np.log(np.exp(z - 40).sum()) + 40 - z[0] = 40.0 (+ 8.5e-18)
        assertThat(model.evaluate(x, y, verbose(0)).get("loss")).isCloseTo(40.0, within(1e-4));
        // the eager loss on the probabilities themselves is Keras' clipped formula
        Tensor p = model.predict(x, verbose(0));
        assertThat(new CategoricalCrossentropy().call(y, p).item()).isCloseTo(-Math.log(1e-7), within(1e-3));
    }

    @Test
    void anOrdinarySoftmaxLossAgreesWithTheProbabilityFormula() {
        Sequential model = softmaxLayer(0.5f, -1, 2);
        Tensor x = Tensor.of(new float[] {1}).reshape(1, 1);
        Tensor y = Tensor.of(new float[] {0.2f, 0.3f, 0.5f}).reshape(1, 3);
        // numpy: z = np.array([0.5, -1, 2]); lse = np.log(np.exp(z).sum()); (y * (lse - z)).sum() = 1.44131129...
        double expected = 1.441311296657157;
        assertThat(model.evaluate(x, y, verbose(0)).get("loss")).isCloseTo(expected, within(1e-5));
        Tensor p = model.predict(x, verbose(0));
        assertThat(new CategoricalCrossentropy().call(y, p).item()).isCloseTo(expected, within(1e-5));
    }
}
