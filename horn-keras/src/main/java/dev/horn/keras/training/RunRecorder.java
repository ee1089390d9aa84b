package dev.horn.keras.training;

import dev.horn.keras.callbacks.Callback;
import dev.horn.keras.models.Model;
import java.util.List;
import java.util.Map;

/**
 * What a tracked run (tfruns' {@code training_run}) learns from Keras without any code in the
 * user's script: {@code fit} asks each recorder for callbacks, {@code evaluate} hands it its
 * results. Recorders are found with {@link java.util.ServiceLoader} (horn-runs provides one,
 * active only inside a run), so Keras knows nothing of run directories.
 */
public interface RunRecorder {

    /** One {@code fit} call: the model, its training and validation rows, batch size and epochs. */
    record Fit(Model model, int samples, int validationSamples, int batchSize, int epochs) {}

    /** The callbacks to add to this {@code fit}; empty when not recording. */
    List<Callback> onFit(Fit fit);

    /** Called with the results of every {@code evaluate}. */
    void onEvaluate(Model model, Map<String, Double> results);
}
