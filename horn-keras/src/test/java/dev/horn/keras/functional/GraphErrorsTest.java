package dev.horn.keras.functional;

import dev.horn.Tensor;
import dev.horn.keras.Keras;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad graphs and bad data for multi-input models fail at once, in Keras' words, naming what is wrong. */
class GraphErrorsTest {
    @BeforeEach
    void fresh() {
        Keras.clearSession();
    }

    @Test
    void outputsTheInputsCannotReachAreAGraphDisconnected() {
        var main = layerInput(8).name("main_input");
        var aux = layerInput(5).name("aux_input");
        var merged = layerConcatenate(main.then(layerDense(4)), aux).then(layerDense(1));
        assertThatThrownBy(() -> kerasModel(main, merged))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Graph disconnected: cannot obtain value for tensor KerasTensor(shape=(None, 5), dtype=float32, "
                        + "name='aux_input', description=\"created by layer 'aux_input'\") at layer \"concatenate\". "
                        + "The following previous layers were accessed without issue: [dense]");
    }

    @Test
    void layerNamesMustBeUniqueInAModel() {
        var in = layerInput(3);
        var out = in.then(layerDense(4).name("hidden")).then(layerDense(2).name("hidden"));
        assertThatThrownBy(() -> kerasModel(in, out)).hasMessage(
                "The name \"hidden\" is used 2 times in the model. All layer names should be unique.");
    }

    @Test
    void modelInputsMustBeInputTensors() {
        var in = layerInput(3);
        var hidden = in.then(layerDense(4));
        assertThatThrownBy(() -> kerasModel(hidden, hidden.then(layerDense(1))))
                .hasMessageContaining("Input tensors to a Functional must come from `layerInput()`")
                .hasMessageContaining("an output of layer \"dense\"");
    }

    @Test
    void aMultiInputModelNeedsOneArrayPerInput() {
        var a = layerInput(3).name("a");
        var b = layerInput(2).name("b");
        var model = kerasModel(List.of(a, b), layerConcatenate(a, b).then(layerDense(1)));
        model.compile("sgd", "mse");
        Tensor x3 = Tensor.of(new float[12], 4, 3);
        Tensor x2 = Tensor.of(new float[8], 4, 2);
        Tensor y = Tensor.of(new float[4], 4, 1);
        assertThatThrownBy(() -> model.fit(List.of(x3), y, verbose(0)))
                .hasMessage("fit x (inputs): the model has 2 [a, b], but 1 values were given");
        assertThatThrownBy(() -> model.fit(x3, y, verbose(0)))
                .hasMessageContaining("the model has 2 [a, b], but one value was given");
        assertThatThrownBy(() -> model.fit(Map.of("a", x3), y, verbose(0)))
                .hasMessage("No data provided for \"b\" in fit x (inputs). Need data for each key in: [a, b]");
        assertThatThrownBy(() -> model.fit(Map.of("a", x3, "b", x2, "c", x2), y, verbose(0)))
                .hasMessage("Unknown entries in fit x (inputs) dictionary: [c]. Only expected following keys: [a, b]");
        assertThatThrownBy(() -> model.fit(List.of(x2, x3), y, verbose(0)))
                .hasMessage("Input 0 of layer \"model\" is incompatible with the layer: expected shape=(None, 3), "
                        + "found shape=(4, 2)");
        assertThatThrownBy(() -> model.predict(List.of(x3, Tensor.of(new float[6], 3, 2))))
                .hasMessageContaining("all input arrays (x) should have the same number of samples");
        assertThat(model.fit(List.of(x3, x2), y, verbose(0)).metrics()).containsKey("loss");
    }

    @Test
    void perOutputArgumentsNameTheOutputs() {
        var in = layerInput(3);
        var first = in.then(layerDense(1).name("first"));
        var second = in.then(layerDense(1).name("second"));
        var model = kerasModel(in, List.of(first, second));
        assertThatThrownBy(() -> model.compile("sgd", Map.of("first", "mse", "third", "mse")))
                .hasMessage("Unknown entries in loss dictionary: [third]. Only expected following keys: [first, second]");
        assertThatThrownBy(() -> model.compile("sgd", List.of("mse")))
                .hasMessage("loss: the model has 2 [first, second], but 1 values were given");
        assertThatThrownBy(() -> model.compile("sgd", "mse", lossWeights(1.0)))
                .hasMessage("loss_weights: the model has 2 [first, second], but 1 values were given");
        model.compile("sgd", "mse");
        assertThatThrownBy(() -> model.predict(Tensor.of(new float[3], 1, 3)))
                .hasMessageContaining("has 2 outputs [first, second]; use predictOutputs(x)");
        assertThat(model.predictOutputs(Tensor.of(new float[3], 1, 3))).hasSize(2);
    }
}
