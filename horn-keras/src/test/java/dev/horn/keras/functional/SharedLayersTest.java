package dev.horn.keras.functional;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.Keras;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guide's shared layers: one LSTM encodes both tweets, and a shared layer's nodes are read by index. */
class SharedLayersTest {
    @BeforeEach
    void fresh() {
        Keras.clearSession();
        setRandomSeed(5);
    }

    @Test
    void theTweetModelSharesOneLstmBetweenBothTweets() {
        var tweetA = layerInput(280, 256);
        var tweetB = layerInput(280, 256);
        var sharedLstm = layerLstm(64);
        var encodedA = tweetA.then(sharedLstm);
        var encodedB = tweetB.then(sharedLstm);
        var predictions = layerConcatenate(List.of(encodedA, encodedB), -1)
                .then(layerDense(1).activation("sigmoid"));
        var model = kerasModel(List.of(tweetA, tweetB), predictions);
        assertThat(model.summaryString(98)).isEqualTo(SummaryText.expected("tweet-summary.txt"));
        assertThat(model.trainableVariables()).hasSize(5); // the LSTM's three weights once, the dense two

        model.compile("rmsprop", "binary_crossentropy", "accuracy");
        Tensor dataA = tweets(8, 1);
        Tensor dataB = tweets(8, 2);
        Tensor labels = Tensor.of(new float[] {1, 0, 1, 0, 1, 1, 0, 0}, 8, 1);
        var history = model.fit(List.of(dataA, dataB), labels, epochs(2), verbose(0));
        assertThat(history.metrics().keySet()).containsExactly("loss", "accuracy");

        // both encoders are the one trained LSTM
        var encoderA = kerasModel(tweetA, encodedA);
        var encoderB = kerasModel(tweetB, encodedB);
        assertThat(encoderA.predict(dataB).toFloatArray()).containsExactly(encoderB.predict(dataB).toFloatArray());
    }

    @Test
    void layerOutputIsIllDefinedOnceTheLayerIsShared() {
        var a = layerInput(280, 256);
        var lstm = layerLstm(32);
        var encodedA = a.then(lstm);
        assertThat(lstm.output()).isSameAs(encodedA);

        var b = layerInput(280, 256);
        var encodedB = b.then(lstm);
        assertThatThrownBy(lstm::output).hasMessage("Layer " + lstm.name() + " has multiple inbound nodes, hence the "
                + "notion of \"layer output\" is ill-defined. Use `getOutputAt(nodeIndex)` instead.");
        assertThat(lstm.getOutputAt(0)).isSameAs(encodedA);
        assertThat(lstm.getOutputAt(1)).isSameAs(encodedB);
        // one shape for both nodes, so output shape stays defined
        assertThat(lstm.outputShape()).isEqualTo(Shape.of(-1, 32));
        assertThat(lstm.getInputShapeAt(1)).isEqualTo(Shape.of(-1, 280, 256));
        assertThatThrownBy(() -> lstm.getOutputAt(2)).hasMessageContaining("only 2 inbound nodes");
    }

    @Test
    void aLayerWithSeveralOutputsGivesATensorForEach() {
        var x = layerInput(7, 4);
        var lstm = layerLstm(3).returnState(true);
        List<dev.horn.keras.layers.KerasTensor> outs = lstm.connect(List.of(x));
        assertThat(outs).hasSize(3);
        assertThat(outs.get(2).tensorIndex()).isEqualTo(2);
        assertThatThrownBy(() -> x.then(layerLstm(3).returnState(true))).hasMessageContaining("has 3 outputs");
        var model = kerasModel(x, outs);
        // one chain of single-input nodes: Keras prints it as a stack, the three outputs' shapes as a list
        assertThat(model.summaryString(98)).contains(
                "lstm (LSTM)                                 [(None, 3), (None, 3), (None, 3)]      96");
        List<Tensor> values = model.predictOutputs(Tensor.of(FunctionalMlpTest.randomRows(2, 7 * 4, 6), 2, 7, 4));
        assertThat(values).hasSize(3);
        // the last output of an LSTM with return_state is its last hidden state again
        assertThat(values.get(0).toFloatArray()).containsExactly(values.get(1).toFloatArray());
    }

    private static Tensor tweets(int n, long seed) {
        var r = new SplittableRandom(seed);
        float[] v = new float[n * 280 * 256];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(16) == 0 ? 1f : 0f;
        }
        return Tensor.of(v, n, 280, 256);
    }
}
