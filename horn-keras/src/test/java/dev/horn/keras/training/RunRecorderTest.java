package dev.horn.keras.training;

import dev.horn.Tensor;
import dev.horn.keras.callbacks.Callback;
import dev.horn.keras.models.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;

/** fit and evaluate tell the RunRecorders on the class path (this test registers one) what they do. */
class RunRecorderTest {
    /** Registered in src/test/resources/META-INF/services; keeps what the last fit and evaluate reported. */
    public static final class Recording implements RunRecorder {
        static Fit lastFit;
        static final List<Integer> epochsEnded = new ArrayList<>();
        static Map<String, Double> lastEvaluation;

        @Override
        public List<Callback> onFit(Fit fit) {
            lastFit = fit;
            epochsEnded.clear();
            return List.of(new Callback() {
                @Override
                public void onEpochEnd(int epoch, Map<String, Double> logs) {
                    epochsEnded.add(epoch);
                }
            });
        }

        @Override
        public void onEvaluate(Model model, Map<String, Double> results) {
            lastEvaluation = results;
        }
    }

    @Test
    void fitReportsRowsBatchSizeAndEpochsAndItsCallbackSeesEveryEpoch() {
        var x = Tensor.of(new float[40], 20, 2);
        var y = Tensor.of(new float[20], 20, 1);
        // zeros: no random draw, so the seeded streams of the tests that follow are not moved on
        var model = sequential(layerDense(1).activation("sigmoid").kernelInitializer("zeros").inputShape(2));
        model.compile(optimizerSgd(), "binary_crossentropy", "accuracy");
        model.fit(x, y, epochs(3), batchSize(4), validationSplit(0.25), verbose(0));
        assertThat(Recording.lastFit.model()).isSameAs(model);
        assertThat(Recording.lastFit.samples()).isEqualTo(15);
        assertThat(Recording.lastFit.validationSamples()).isEqualTo(5);
        assertThat(Recording.lastFit.batchSize()).isEqualTo(4);
        assertThat(Recording.lastFit.epochs()).isEqualTo(3);
        assertThat(Recording.epochsEnded).containsExactly(0, 1, 2);

        Map<String, Double> results = model.evaluate(x, y, verbose(0));
        assertThat(Recording.lastEvaluation).isEqualTo(results);
        assertThat(List.copyOf(Recording.lastEvaluation.keySet())).containsExactly("loss", "accuracy");
    }
}
