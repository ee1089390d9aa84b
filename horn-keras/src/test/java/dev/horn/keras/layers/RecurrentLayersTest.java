package dev.horn.keras.layers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.Keras;
import dev.horn.keras.initializers.Initializer;
import dev.horn.keras.models.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Keras facts about the sequence layers: parameter counts, shapes, names, config, masks, states, errors. */
class RecurrentLayersTest {
    @BeforeEach
    void freshNames() {
        Keras.clearSession();
    }

    @Test
    void lstmOf32On512FeaturesHas69760Parameters() {
        Sequential model = sequential(layerEmbedding(10000, 512).inputLength(100), layerLstm(32),
                layerDense(1).activation("sigmoid"));
        String summary = model.summaryString(65);
        assertThat(summary).contains("embedding (Embedding)", "(None, 100, 512)", "5120000",
                "lstm (LSTM)", "(None, 32)", "69760", "Total params: 5,189,793");
        assertThat(model.getLayer("lstm").countParams()).isEqualTo(4L * 32 * (512 + 32 + 1));
    }

    @Test
    void gruWithResetAfterHasTwoBiasRows() {
        Gru gru = layerGru(32);
        gru.ensureBuilt(Shape.of(-1, 100, 512));
        assertThat(gru.countParams()).isEqualTo(3L * 32 * (512 + 32 + 2));
        assertThat(gru.bias().shape()).isEqualTo(Shape.of(2, 96));
        Gru before = layerGru(32).resetAfter(false);
        before.ensureBuilt(Shape.of(-1, 100, 512));
        assertThat(before.countParams()).isEqualTo(3L * 32 * (512 + 32 + 1));
    }

    @Test
    void simpleRnnAndBidirectionalParameterCounts() {
        SimpleRnn rnn = layerSimpleRnn(32);
        rnn.ensureBuilt(Shape.of(-1, 10, 512));
        assertThat(rnn.countParams()).isEqualTo(32L * (512 + 32 + 1));
        Bidirectional bi = bidirectional(layerLstm(32));
        bi.ensureBuilt(Shape.of(-1, 10, 512));
        assertThat(bi.countParams()).isEqualTo(2 * 69760L);
        assertThat(bi.computeOutputShape(Shape.of(-1, 10, 512))).isEqualTo(Shape.of(-1, 64));
        assertThat(bidirectional(layerGru(8).returnSequences(true), "sum").computeOutputShape(Shape.of(-1, 10, 4)))
                .isEqualTo(Shape.of(-1, 10, 8));
    }

    @Test
    void defaultNamesFollowKeras() {
        List<String> names = List.of(layerLstm(1).name(), layerLstm(1).name(), layerGru(1).name(), layerSimpleRnn(1).name(),
                layerEmbedding(2, 2).name(), layerMasking().name());
        assertThat(names).containsExactly("lstm", "lstm_1", "gru", "simple_rnn", "embedding", "masking");
        Bidirectional bi = bidirectional(layerLstm(4));
        assertThat(List.of(bi.name(), bi.forwardLayer().name(), bi.backwardLayer().name()))
                .containsExactly("bidirectional", "forward_lstm_2", "backward_lstm_2");
        assertThat(bi.backwardLayer().goBackwards()).isTrue();
    }

    @Test
    void lstmGivenATwoDimensionalInputSaysExpectedNdim3() {
        Lstm lstm = layerLstm(4);
        assertThatThrownBy(() -> lstm.apply(tf.zeros(2, 20)))
                .hasMessage("Input 0 of layer \"lstm\" is incompatible with the layer: expected ndim=3, found ndim=2. "
                        + "Full shape received: (2, 20)");
        assertThatThrownBy(() -> sequential(layerLstm(4).inputShape(20)))
                .hasMessageContaining("expected ndim=3, found ndim=2. Full shape received: (None, 20)");
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> layerLstm(0)).hasMessage("LSTM: units must be a positive integer, got 0");
        assertThatThrownBy(() -> layerGru(2).dropout(1.5)).hasMessage("GRU: dropout must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> bidirectional(layerLstm(2), "max")).hasMessageContaining("Invalid merge mode");
        assertThatThrownBy(() -> layerEmbedding(0, 3)).hasMessageContaining("input_dim and output_dim must be positive");
    }

    @Test
    void lstmConfigHasKerasKeysInKerasOrder() {
        Map<String, Object> config = layerLstm(8).returnSequences(true).getConfig();
        assertThat(new ArrayList<>(config.keySet())).containsExactly("name", "trainable", "dtype", "return_sequences",
                "return_state", "go_backwards", "stateful", "unroll", "time_major", "units", "activation",
                "recurrent_activation", "use_bias", "kernel_initializer", "recurrent_initializer", "bias_initializer",
                "unit_forget_bias", "kernel_regularizer", "recurrent_regularizer", "bias_regularizer",
                "activity_regularizer", "kernel_constraint", "recurrent_constraint", "bias_constraint", "dropout",
                "recurrent_dropout", "implementation");
        assertThat(config).containsEntry("return_sequences", true);
        assertThat(((Initializer) config.get("recurrent_initializer")).name()).isEqualTo("orthogonal");
        assertThat(layerGru(2).getConfig()).containsEntry("reset_after", true);
        assertThat(layerEmbedding(5, 2).maskZero(true).getConfig()).containsEntry("mask_zero", true);
        assertThat(((Initializer) layerEmbedding(5, 2).getConfig().get("embeddings_initializer")).name()).isEqualTo("random_uniform");
    }

    @Test
    void unitForgetBiasStartsTheForgetGateAtOne() {
        Lstm lstm = layerLstm(3);
        lstm.ensureBuilt(Shape.of(-1, 2, 5));
        assertThat(lstm.bias().read().toFloatArray()).containsExactly(0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void recurrentKernelStartsOrthogonal() {
        Lstm lstm = layerLstm(6);
        lstm.ensureBuilt(Shape.of(-1, 2, 5));
        Tensor r = lstm.recurrentKernel().read();
        double[] gram = tf.matmul(r, r, false, true).toDoubleArray(); // [6, 24] has orthonormal rows
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertThat(gram[i * 6 + j]).isCloseTo(i == j ? 1 : 0, within(1e-5));
            }
        }
    }

    @Test
    void embeddingLooksUpRowsAndMasksZeros() {
        Embedding e = layerEmbedding(4, 2).maskZero(true);
        e.ensureBuilt(Shape.of(-1, 3));
        e.setWeights(List.of(Tensor.of(new float[] {0, 0, 1, 2, 3, 4, 5, 6}, 4, 2)));
        Tensor ids = Tensor.of(new int[] {1, 3, 0, 2, 0, 0}, 2, 3);
        assertThat(e.apply(ids).toFloatArray()).containsExactly(1, 2, 5, 6, 0, 0, 3, 4, 0, 0, 0, 0);
        assertThat(e.computeMask(ids, null).toBooleanArray()).containsExactly(true, true, false, true, false, false);
        assertThat(e.computeOutputShape(Shape.of(-1, 3))).isEqualTo(Shape.of(-1, 3, 2));
        assertThat(layerEmbedding(4, 2).computeMask(ids, null)).isNull();
        assertThatThrownBy(() -> layerEmbedding(4, 2).inputLength(5).apply(ids))
                .hasMessageContaining("\"input_length\" is 5, but received input has shape (2, 3)");
    }

    @Test
    void paddingMaskedByAnEmbeddingDoesNotChangeTheLstmOutput() {
        setRandomSeed(3);
        Sequential model = sequential(layerEmbedding(10, 4).maskZero(true).inputShape(Shape.UNKNOWN), layerLstm(3));
        Tensor padded = model.predict(Tensor.of(new int[] {0, 0, 4, 7, 2}, 1, 5));
        Tensor plain = model.predict(Tensor.of(new int[] {4, 7, 2}, 1, 3));
        assertThat(padded.toFloatArray()).containsExactly(plain.toFloatArray(), within(1e-6f));
        Tensor unmasked = sequential(layerEmbedding(10, 4).inputShape(5), layerLstm(3)).predict(Tensor.of(new int[] {0, 0, 4, 7, 2}, 1, 5));
        assertThat(unmasked.shape()).isEqualTo(Shape.of(1, 3));
    }

    @Test
    void maskingSkipsAllZeroTimesteps() {
        Masking masking = layerMasking(0.0);
        Tensor x = Tensor.of(new float[] {1, 2, 0, 0, 3, 0}, 1, 3, 2);
        assertThat(masking.computeMask(x, null).toBooleanArray()).containsExactly(true, false, true);
        assertThat(masking.apply(x).toFloatArray()).containsExactly(1, 2, 0, 0, 3, 0);
        Tensor sevens = Tensor.of(new float[] {7, 7, 1, 7}, 1, 2, 2);
        assertThat(layerMasking(7).apply(sevens).toFloatArray()).containsExactly(0, 0, 1, 7);
        setRandomSeed(5);
        Sequential model = sequential(layerMasking().inputShape(Shape.UNKNOWN, 2), layerGru(2));
        Tensor withGap = model.predict(x);
        Tensor withoutGap = model.predict(Tensor.of(new float[] {1, 2, 3, 0}, 1, 2, 2));
        assertThat(withGap.toFloatArray()).containsExactly(withoutGap.toFloatArray(), within(1e-6f));
    }

    @Test
    void returnStateGivesOutputAndStatesSymbolically() {
        KerasTensor input = layerInput(7, 5);
        List<KerasTensor> out = layerLstm(4).returnState(true).connect(List.of(input));
        assertThat(out.stream().map(KerasTensor::shape).toList())
                .containsExactly(Shape.of(-1, 4), Shape.of(-1, 4), Shape.of(-1, 4));
        List<KerasTensor> gru = layerGru(3).returnSequences(true).returnState(true).connect(List.of(input));
        assertThat(gru.stream().map(KerasTensor::shape).toList()).containsExactly(Shape.of(-1, 7, 3), Shape.of(-1, 3));
    }

    @Test
    void initialStateStartsTheLoopThere() {
        setRandomSeed(9);
        Lstm lstm = layerLstm(2);
        Tensor first = Tensor.of(new float[] {1, -1, 0.5f, 2, 0, 1}, 1, 2, 3);
        Tensor second = Tensor.of(new float[] {0.3f, 0.3f, -1, 1, 1, 0}, 1, 2, 3);
        List<Tensor> afterFirst = lstm.returnState(true).applyMany(List.of(first), false, null);
        Tensor continued = lstm.applyMany(List.of(second, afterFirst.get(1), afterFirst.get(2)), false, null).getFirst();
        Tensor whole = lstm.apply(tf.concat(List.of(first, second), 1));
        assertThat(continued.toFloatArray()).containsExactly(whole.toFloatArray(), within(1e-6f));
    }

    @Test
    void statefulLayerCarriesStatesAcrossCallsUntilReset() {
        setRandomSeed(4);
        Gru gru = layerGru(3).stateful(true).batchInputShape(1, 2, 2);
        Tensor a = Tensor.of(new float[] {1, 0, 0, 1}, 1, 2, 2);
        Tensor b = Tensor.of(new float[] {-1, 1, 2, 0}, 1, 2, 2);
        gru.apply(a);
        Tensor carried = gru.apply(b);
        gru.resetStates();
        Tensor fresh = gru.apply(b);
        Gru plain = layerGru(3);
        plain.ensureBuilt(Shape.of(1, 4, 2));
        plain.setWeights(gru.getWeights());
        Tensor whole = plain.apply(tf.concat(List.of(a, b), 1));
        assertThat(carried.toFloatArray()).containsExactly(whole.toFloatArray(), within(1e-6f));
        assertThat(fresh.toFloatArray()).isNotEqualTo(carried.toFloatArray());
        assertThatThrownBy(() -> sequential(layerLstm(2).stateful(true).inputShape(3, 2)))
                .hasMessageContaining("if a RNN is stateful, it needs to know its batch size");
    }

    @Test
    void masksFlowThroughAFunctionalModelOfStackedRecurrentLayers() {
        setRandomSeed(6);
        KerasTensor ids = layerInput(Shape.UNKNOWN).dtype(DType.INT32);
        KerasTensor out = ids.then(layerEmbedding(12, 4).maskZero(true))
                .then(bidirectional(layerLstm(3).returnSequences(true)))
                .then(layerGru(2))
                .then(layerDense(1));
        var model = kerasModel(ids, out);
        Tensor padded = model.predict(Tensor.of(new int[] {0, 0, 0, 5, 9, 11}, 1, 6));
        Tensor plain = model.predict(Tensor.of(new int[] {5, 9, 11}, 1, 3));
        assertThat(padded.toFloatArray()).containsExactly(plain.toFloatArray(), within(1e-6f));
    }
}
