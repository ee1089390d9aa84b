package dev.horn.keras.callbacks;

import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.keras.Keras;
import dev.horn.keras.models.Sequential;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;

class LearningRateSchedulerTest {
    @Test
    void setsTheRateEachEpochAndRecordsItInHistory() {
        Keras.clearSession();
        Horn.setSeed(1);
        Sequential model = sequential(layerDense(1).inputShape(2));
        model.compile(optimizerSgd(0.1), "mse");
        Tensor x = tf.randomNormal(new int[] {8, 2});
        Tensor y = tf.randomNormal(new int[] {8, 1});
        History h = model.fit(x, y, epochs(3), verbose(0),
                callbacks(new LearningRateScheduler((epoch, lr) -> epoch == 0 ? lr : lr / 2)));
        assertThat(h.metric("lr")).containsExactly((double) 0.1f, (double) 0.05f, (double) 0.025f);
        assertThat(model.optimizer().learningRate()).isEqualTo(0.025);
    }
}
