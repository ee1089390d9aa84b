package dev.horn.keras.functional;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.Keras;
import dev.horn.keras.models.Functional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The guide's first example: a 784-64-64-10 network written with the functional API. */
public class FunctionalMlpTest {
    @BeforeEach
    void freshNames() {
        Keras.clearSession();
        setRandomSeed(42);
    }

    public static Functional mlp() {
        var inputs = layerInput(784);
        var predictions = inputs
                .then(layerDense(64).activation("relu"))
                .then(layerDense(64).activation("relu"))
                .then(layerDense(10).activation("softmax"));
        return kerasModel(inputs, predictions);
    }

    @Test
    void summaryIsKerasStackTableWithTheInputLayer() {
        var model = mlp();
        // tf.keras 2.x prints a chain of single-input nodes without the Connected to column
        assertThat(model.summaryString(65)).isEqualTo("""
                Model: "model"
                _________________________________________________________________
                Layer (type)                 Output Shape              Param #  \s
                =================================================================
                input_1 (InputLayer)         [(None, 784)]             0        \s
                _________________________________________________________________
                dense (Dense)                (None, 64)                50240    \s
                _________________________________________________________________
                dense_1 (Dense)              (None, 64)                4160     \s
                _________________________________________________________________
                dense_2 (Dense)              (None, 10)                650      \s
                =================================================================
                Total params: 55,050
                Trainable params: 55,050
                Non-trainable params: 0
                _________________________________________________________________
                """);
        assertThat(model.layers()).hasSize(4);
        assertThat(model.outputShape()).isEqualTo(Shape.of(-1, 10));
    }

    @Test
    void trainsLikeTheSequentialModelWithTheSameWeights() {
        var functional = mlp();
        var sequential = sequential(layerDense(64).activation("relu").inputShape(784),
                layerDense(64).activation("relu"), layerDense(10).activation("softmax"));
        sequential.setWeights(functional.getWeights());
        var x = Tensor.of(randomRows(64, 784, 1), 64, 784);
        var y = toCategorical(Tensor.of(labels(64), 64), 10);
        functional.compile("rmsprop", "categorical_crossentropy", "accuracy");
        sequential.compile("rmsprop", "categorical_crossentropy", "accuracy");
        var hf = functional.fit(x, y, epochs(2), batchSize(16), verbose(0), shuffle(false));
        var hs = sequential.fit(x, y, epochs(2), batchSize(16), verbose(0), shuffle(false));
        assertThat(hf.metrics().keySet()).containsExactly("loss", "accuracy");
        assertThat(hf.metrics().get("loss")).isEqualTo(hs.metrics().get("loss"));
        assertThat(functional.predict(x).toFloatArray()).containsExactly(sequential.predict(x).toFloatArray());
        assertThat(functional.evaluate(x, y, verbose(0))).isEqualTo(sequential.evaluate(x, y, verbose(0)));
    }

    static float[] randomRows(int rows, int cols, long seed) {
        var r = new java.util.SplittableRandom(seed);
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextDouble();
        }
        return v;
    }

    static int[] labels(int n) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = (i * 7) % 10;
        }
        return y;
    }
}
