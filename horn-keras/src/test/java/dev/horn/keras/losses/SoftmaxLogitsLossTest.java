package dev.horn.keras.losses;

import dev.horn.Tensor;
import dev.horn.keras.models.Sequential;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * tf.keras computes the categorical crossentropy of a softmax layer from the layer's logits
 * (backend.categorical_crossentropy uses {@code output._keras_logits}), so a confidently wrong
 * prediction costs its full logit gap rather than the -log(1e-7) = 16.118 that clipping the
 * probability would cap it at.
 */
class SoftmaxLogitsLossTest {
    /** dense(3, softmax) on one input of 1 with bias 0: the logits are the kernel's row. */
    private static Sequential softmaxLayer(float... logits) {
        Sequential model = sequential(layerDense(3).activation("softmax").inputShape(1));
        model.layers().get(0).setWeights(List.of(Tensor.of(logits).reshape(1, 3), Tensor.of(new float[3])));
        model.compile(optimizerSgd(), "categorical_crossentropy");
        return model;
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
