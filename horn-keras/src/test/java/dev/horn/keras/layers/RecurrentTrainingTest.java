package dev.horn.keras.layers;

import dev.horn.Tensor;
import dev.horn.keras.Keras;
import dev.horn.keras.callbacks.History;
import dev.horn.keras.models.Sequential;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiled train step through an embedding (int32 inputs, mask_zero) and each recurrent
 * layer: on a small learnable task (is the last real token above 10? sequences pre-padded with
 * zeros to length 8) the loss falls.
 */
class RecurrentTrainingTest {
    private static final int SAMPLES = 192;
    private static final int LENGTH = 8;
    private Tensor x;
    private Tensor y;

    @BeforeEach
    void data() {
        Keras.clearSession();
        setRandomSeed(1);
        Random random = new Random(2);
        int[] ids = new int[SAMPLES * LENGTH];
        float[] labels = new float[SAMPLES];
        for (int s = 0; s < SAMPLES; s++) {
            int length = 3 + random.nextInt(LENGTH - 2);
            int last = 0;
            for (int t = LENGTH - length; t < LENGTH; t++) {
                last = 1 + random.nextInt(19);
                ids[s * LENGTH + t] = last;
            }
            labels[s] = last > 10 ? 1 : 0;
        }
        x = Tensor.of(ids, SAMPLES, LENGTH);
        y = Tensor.of(labels, SAMPLES, 1);
    }

    private void assertLearns(Supplier<Layer> recurrent) {
        Sequential model = sequential(layerEmbedding(20, 8).maskZero(true).inputShape(LENGTH), recurrent.get(),
                layerDense(1).activation("sigmoid"));
        model.compile(optimizerAdam(0.01), "binary_crossentropy", "accuracy");
        History history = model.fit(x, y, epochs(6), batchSize(32), verbose(0));
        List<Double> loss = history.metrics().get("loss");
        assertThat(loss.getLast()).as("loss by epoch %s", loss).isLessThan(0.75 * loss.getFirst());
    }

    @Test
    void lstmLearns() {
        assertLearns(() -> layerLstm(8));
    }

    @Test
    void gruLearns() {
        assertLearns(() -> layerGru(8));
    }

    @Test
    void simpleRnnLearns() {
        assertLearns(() -> layerSimpleRnn(8));
    }

    @Test
    void bidirectionalLstmWithDropoutsLearns() {
        assertLearns(() -> bidirectional(layerLstm(8).dropout(0.1).recurrentDropout(0.1)));
    }
}
