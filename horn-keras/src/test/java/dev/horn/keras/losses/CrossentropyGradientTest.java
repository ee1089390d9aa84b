package dev.horn.keras.losses;

import dev.horn.Tensor;
import dev.horn.autodiff.GradientTape;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Expect.values;
import static dev.horn.keras.losses.CrossentropyLossesTest.LABELS;
import static dev.horn.keras.losses.CrossentropyLossesTest.LOGITS;
import static dev.horn.keras.losses.CrossentropyLossesTest.P;
import static dev.horn.keras.losses.CrossentropyLossesTest.Y;

/**
 * Gradients of the batch loss with respect to the predictions, against numpy:
 * <pre>
 * def sm(x): e = np.exp(x - x.max(-1, keepdims=True)); return e / e.sum(-1, keepdims=True)
 * </pre>
 */
class CrossentropyGradientTest {
    private static Tensor gradient(Loss loss, Tensor yTrue, Tensor yPred) {
        GradientTape tape = new GradientTape();
        Tensor value;
        try (tape) {
            tape.watch(yPred);
            value = loss.call(yTrue, yPred);
        }
        return tape.gradient(value, yPred);
    }

    // ((sm(lg) - yt) / 4).ravel(): softmax minus labels, over the batch size
    private static final double[] SOFTMAX_MINUS_LABELS = {
        0.0578059744, -0.0928670702, 0.0350610958, -0.0308940567, 0.0066164262, 0.0242776305,
        0.0123278318, 0.0136243612, -0.025952193, 0.0418841979, -0.1109395658, 0.0690553679};

    @Test
    void softmaxCrossentropyGradientIsProbabilitiesMinusLabelsOverBatch() {
        values(gradient(new CategoricalCrossentropy().fromLogits(true), Y, LOGITS), SOFTMAX_MINUS_LABELS);
    }

    @Test
    void sparseSoftmaxCrossentropyHasTheSameGradient() {
        values(gradient(new SparseCategoricalCrossentropy().fromLogits(true), LABELS, LOGITS), SOFTMAX_MINUS_LABELS);
    }

    @Test
    void labelSmoothingMovesTheTargetOfTheGradient() {
        // ((sm(lg) - (yt * 0.9 + 0.1 / 3)) / 4).ravel()
        values(gradient(new CategoricalCrossentropy().fromLogits(true).labelSmoothing(0.1), Y, LOGITS),
                0.0494726411, -0.0762004035, 0.0267277625, -0.01422739, -0.0017169072, 0.0159442972,
                0.0039944985, 0.0052910278, -0.0092855263, 0.0335508645, -0.0942728992, 0.0607220346);
    }

    @Test
    void probabilityCrossentropyGradientGoesThroughTheRenormalisation() {
        // d/dp of -sum(y log(p / sum(p))) / 4 = (-y / p + sum(y) / sum(p)) / 4; row 3 is clipped (its label's p is 0): no gradient
        values(gradient(new CategoricalCrossentropy(), Y, P),
                0.25, -0.1071428571, 0.25, -0.1893939394, 0.2272727273, 0.2272727273,
                0, 0, 0, 0.25, -0.5833333333, 0.25);
    }

    @Test
    void sigmoidCrossentropyGradientIsSigmoidMinusLabelsOverElements() {
        // bt = [[0,1],[1,1],[0,0],[1,0]]; bl = [[-2,1.5],[0.3,4],[-1,-0.2],[3,0.1]]; ((1 / (1 + np.exp(-bl)) - bt) / 8).ravel()
        Tensor y = Tensor.of(new float[][] {{0, 1}, {1, 1}, {0, 0}, {1, 0}});
        Tensor logits = Tensor.of(new float[][] {{-2, 1.5f}, {0.3f, 4}, {-1, -0.2f}, {3, 0.1f}});
        values(gradient(new BinaryCrossentropy().fromLogits(true), y, logits),
                0.0149003653, -0.0228031905, -0.0531946854, -0.0022482762,
                0.0336176777, 0.0562707503, -0.0059282341, 0.0656223984);
    }
}
