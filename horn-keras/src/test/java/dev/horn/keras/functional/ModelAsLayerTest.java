package dev.horn.keras.functional;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.Keras;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The guide's "all models are callable, just like layers": a trained model reused on a new input and on sequences. */
class ModelAsLayerTest {
    @BeforeEach
    void fresh() {
        Keras.clearSession();
        setRandomSeed(11);
    }

    @Test
    void aTrainedModelCalledOnANewInputReusesItsWeights() {
        var model = FunctionalMlpTest.mlp();
        model.compile("rmsprop", "categorical_crossentropy", "accuracy");
        var x = Tensor.of(FunctionalMlpTest.randomRows(32, 784, 5), 32, 784);
        var labels = toCategorical(Tensor.of(FunctionalMlpTest.labels(32), 32), 10);
        model.fit(x, labels, epochs(1), verbose(0));

        var input = layerInput(784);
        var y = input.then(model);
        assertThat(y.shape()).isEqualTo(Shape.of(-1, 10));
        var outer = kerasModel(input, y);
        assertThat(outer.predict(x).toFloatArray()).containsExactly(model.predict(x).toFloatArray());
        assertThat(outer.countParams()).isEqualTo(55050);
        assertThat(outer.summaryString(65)).contains("model (Functional)           (None, 10)                55050");
        assertThat(model.inboundNodes()).hasSize(1);

        // training the outer model trains the shared weights of the inner one
        outer.compile("sgd", "categorical_crossentropy");
        outer.fit(x, labels, epochs(1), verbose(0));
        assertThat(model.predict(x).toFloatArray()).containsExactly(outer.predict(x).toFloatArray());
    }

    @Test
    void timeDistributedModelClassifiesEachOfTwentySteps() {
        var model = FunctionalMlpTest.mlp();
        var inputSequences = layerInput(20, 784);
        var processedSequences = inputSequences.then(timeDistributed(model));
        assertThat(processedSequences.shape()).isEqualTo(Shape.of(-1, 20, 10));
        var video = kerasModel(inputSequences, processedSequences);
        assertThat(video.countParams()).isEqualTo(55050);

        var frames = Tensor.of(FunctionalMlpTest.randomRows(3 * 20, 784, 9), 3, 20, 784);
        Tensor perStep = video.predict(frames);
        assertThat(perStep.shape()).isEqualTo(Shape.of(3, 20, 10));
        Tensor direct = model.predict(tf.reshape(frames, 60, 784));
        float[] a = perStep.toFloatArray();
        float[] b = direct.toFloatArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(b[i], within(1e-6f));
        }
        assertThat(video.summaryString(65)).contains("time_distributed (TimeDistri (None, 20, 10)            55050");
    }

    @Test
    void weightsOfANestedModelSurviveSaveAndLoad(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        var input = layerInput(784);
        var outer = kerasModel(input, input.then(FunctionalMlpTest.mlp()).then(layerDense(2)));
        var x = Tensor.of(FunctionalMlpTest.randomRows(4, 784, 2), 4, 784);
        var file = dir.resolve("nested.weights.h5");
        outer.saveWeights(file);

        var input2 = layerInput(784);
        var fresh = kerasModel(input2, input2.then(FunctionalMlpTest.mlp()).then(layerDense(2)));
        assertThat(fresh.predict(x).toFloatArray()).isNotEqualTo(outer.predict(x).toFloatArray());
        fresh.loadWeights(file);
        assertThat(fresh.predict(x).toFloatArray()).containsExactly(outer.predict(x).toFloatArray());
    }

    @Test
    void aMaskMadeInsideANestedModelReachesTheLayerAfterIt() {
        var embedding = layerEmbedding(10, 3).maskZero(true);
        var lstm = layerLstm(2);
        var in1 = layerInput(5).dtype(dev.horn.DType.INT32);
        var inner = kerasModel(in1, in1.then(embedding));
        var in2 = layerInput(5).dtype(dev.horn.DType.INT32);
        var nested = kerasModel(in2, in2.then(inner).then(lstm));
        var in3 = layerInput(5).dtype(dev.horn.DType.INT32);
        var flat = kerasModel(in3, in3.then(embedding).then(lstm));
        Tensor words = Tensor.of(new int[] {3, 4, 0, 0, 0, 1, 2, 5, 7, 0}, 2, 5);
        float[] viaNested = nested.predict(words).toFloatArray();
        assertThat(viaNested).containsExactly(flat.predict(words).toFloatArray());
        float[] unmasked = lstm.apply(embedding.apply(words)).toFloatArray();
        assertThat(viaNested).isNotEqualTo(unmasked);
    }

    @Test
    void timeDistributedNeedsASequence() {
        var flat = layerInput(784);
        assertThatThrownBy(() -> flat.then(timeDistributed(layerDense(3))))
                .hasMessageContaining("`TimeDistributed` Layer should be passed an `input_shape` with at least 3 dimensions, "
                        + "received: (None, 784)");
    }

    @Test
    void aModelCalledOnTheWrongShapeNamesItsInput() {
        var model = FunctionalMlpTest.mlp();
        assertThatThrownBy(() -> layerInput(28).then(model))
                .hasMessageContaining("Input 0 of layer \"model\" is incompatible with the layer: expected shape=(None, 784), "
                        + "found shape=(None, 28)");
    }
}
