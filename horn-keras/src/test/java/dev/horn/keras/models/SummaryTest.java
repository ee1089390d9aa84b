package dev.horn.keras.models;

import dev.horn.keras.Keras;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryTest {
    @BeforeEach
    void freshNames() {
        Keras.clearSession();
    }

    @Test
    void seedMlpAtKerasDefaultWidth() {
        var model = sequential(layerDense(512).activation("relu").inputShape(784), layerDense(10).activation("softmax"));
        // Keras 2.x (tf.keras <= 2.8) model.summary() for this model, line_length 65
        assertThat(model.summaryString(65)).isEqualTo("""
                Model: "sequential"
                _________________________________________________________________
                Layer (type)                 Output Shape              Param #  \s
                =================================================================
                dense (Dense)                (None, 512)               401920   \s
                _________________________________________________________________
                dense_1 (Dense)              (None, 10)                5130     \s
                =================================================================
                Total params: 407,050
                Trainable params: 407,050
                Non-trainable params: 0
                _________________________________________________________________
                """);
    }

    @Test
    void seedPrintoutAtRsConsoleWidth() {
        // the seed (an R session, width 99) had built two models before: sequential_1, dense_2, dense_3
        sequential(layerDense(1).inputShape(1), layerDense(1));
        var network = sequential(layerDense(512).activation("relu").inputShape(28 * 28),
                layerDense(10).activation("softmax"));
        String line = "_".repeat(99);
        assertThat(network.summaryString(99)).isEqualTo("Model: \"sequential_1\"\n" + line + "\n"
                + "Layer (type)                                Output Shape                            Param #        \n"
                + "=".repeat(99) + "\n"
                + "dense_2 (Dense)                             (None, 512)                             401920         \n"
                + line + "\n"
                + "dense_3 (Dense)                             (None, 10)                              5130           \n"
                + "=".repeat(99) + "\n"
                + "Total params: 407,050\nTrainable params: 407,050\nNon-trainable params: 0\n" + line + "\n");
    }

    @Test
    void overviewModelWithDropoutCountsParameters() {
        var model = sequential(
                layerDense(256).activation("relu").inputShape(784),
                layerDropout(0.4),
                layerDense(128).activation("relu"),
                layerDropout(0.3),
                layerDense(10).activation("softmax"));
        String s = model.summaryString(65);
        assertThat(s).contains("dropout (Dropout)            (None, 256)               0")
                .contains("dense_2 (Dense)              (None, 10)                1290")
                .contains("Total params: 235,146\nTrainable params: 235,146\nNon-trainable params: 0\n");
        assertThat(model.countParams()).isEqualTo(235_146);
    }

    @Test
    void frozenLayersCountAsNonTrainable() {
        var model = sequential(layerDense(4).inputShape(3), layerDense(2).trainable(false));
        assertThat(model.summaryString(65)).contains("Total params: 26\nTrainable params: 16\nNon-trainable params: 10\n");
    }

    @Test
    void flattenAndReshapeShapes() {
        var model = sequential(layerReshape(28, 28).inputShape(784), layerFlatten(), layerDense(3));
        assertThat(model.summaryString(65))
                .contains("reshape (Reshape)            (None, 28, 28)            0")
                .contains("flatten (Flatten)            (None, 784)               0")
                .contains("dense (Dense)                (None, 3)                 2355");
    }

    @Test
    void unbuiltModelSaysSo() {
        var model = sequential(layerDense(4));
        assertThatThrownBy(() -> model.summaryString(65)).hasMessageContaining("has not yet been built");
    }
}
