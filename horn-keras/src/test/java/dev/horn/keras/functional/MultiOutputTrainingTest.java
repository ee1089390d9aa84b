package dev.horn.keras.functional;

import dev.horn.Tensor;
import dev.horn.keras.Keras;
import dev.horn.keras.layers.Dense;
import dev.horn.keras.models.Functional;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Loss weights change the gradient, not only the log; metrics and validation data go per output. */
class MultiOutputTrainingTest {
    private static final Tensor X = Tensor.of(new float[] {1, 2, 3, -1, 0, 2}, 2, 3);
    private static final Tensor Y1 = Tensor.of(new float[] {1, 0}, 2, 1);
    private static final Tensor Y2 = Tensor.of(new float[] {2, -1}, 2, 1);

    private Dense first;
    private Dense second;

    @BeforeEach
    void fresh() {
        Keras.clearSession();
    }

    private Functional twoHeads() {
        var in = layerInput(3).name("x");
        first = layerDense(1).useBias(false).kernelInitializer("ones").name("first");
        second = layerDense(1).useBias(false).kernelInitializer("ones").name("second");
        return kerasModel(in, List.of(in.then(first), in.then(second)));
    }

    @Test
    void oneSgdStepFollowsTheWeightedLosses() {
        var model = twoHeads();
        model.compile(optimizerSgd(0.1), "mse", lossWeights(Map.of("first", 0.5)));
        Map<String, Double> logs = model.trainOnBatch(X, Map.of("first", Y1, "second", Y2));
        // predictions with kernels of ones: row sums 6 and 1
        double mse1 = ((6 - 1) * (6 - 1) + (1 - 0) * (1 - 0)) / 2.0;
        double mse2 = ((6 - 2) * (6 - 2) + (1 + 1) * (1 + 1)) / 2.0;
        assertThat(logs.get("first_loss")).isCloseTo(mse1, within(1e-5));
        assertThat(logs.get("second_loss")).isCloseTo(mse2, within(1e-5));
        assertThat(logs.get("loss")).isCloseTo(0.5 * mse1 + mse2, within(1e-5));
        // d(w * mse)/dK = w * 2/n * X^T (XK - y), n = 2
        float[] x = X.toFloatArray();
        double[] r1 = {5, 1};
        double[] r2 = {4, 2};
        float[] k1 = first.kernel().storedValue().toFloatArray();
        float[] k2 = second.kernel().storedValue().toFloatArray();
        for (int j = 0; j < 3; j++) {
            double g1 = 0.5 * (x[j] * r1[0] + x[3 + j] * r1[1]);
            double g2 = 1.0 * (x[j] * r2[0] + x[3 + j] * r2[1]);
            assertThat((double) k1[j]).isCloseTo(1 - 0.1 * g1, within(1e-6));
            assertThat((double) k2[j]).isCloseTo(1 - 0.1 * g2, within(1e-6));
        }
    }

    @Test
    void metricsPerOutputAndNamedValidationData() {
        var model = twoHeads();
        model.compile("sgd", Map.of("first", "mse", "second", "mae"), Map.of("first", List.of("mae"), "second", "mse"));
        var history = model.fit(X, List.of(Y1, Y2), epochs(1), verbose(0),
                validationData(Map.of("x", X), Map.of("first", Y1, "second", Y2)));
        assertThat(history.metrics().keySet()).containsExactly("loss", "first_loss", "second_loss", "first_mae",
                "second_mse", "val_loss", "val_first_loss", "val_second_loss", "val_first_mae", "val_second_mse");
        Map<String, Double> scores = model.testOnBatch(List.of(X), List.of(Y1, Y2));
        // the second output's loss is mae, its metric mse, both of the same predictions
        float[] p = model.predictOutputs(X).get(1).toFloatArray();
        float[] y = Y2.toFloatArray();
        assertThat(scores.get("second_loss")).isCloseTo((Math.abs(p[0] - y[0]) + Math.abs(p[1] - y[1])) / 2.0, within(1e-5));
        assertThat(scores.get("second_mse")).isCloseTo(((p[0] - y[0]) * (p[0] - y[0]) + (p[1] - y[1]) * (p[1] - y[1])) / 2.0,
                within(1e-4));
    }
}
