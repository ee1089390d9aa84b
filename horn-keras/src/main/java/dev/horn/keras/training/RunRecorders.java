package dev.horn.keras.training;

import dev.horn.keras.callbacks.Callback;
import dev.horn.keras.models.Model;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The {@link RunRecorder}s on the class path, loaded once. */
final class RunRecorders {
    private static final class Loaded {
        static final List<RunRecorder> ALL = ServiceLoader.load(RunRecorder.class).stream()
                .map(ServiceLoader.Provider::get).toList();
    }

    private RunRecorders() {}

    static List<Callback> onFit(Model model, int samples, int validationSamples, int batchSize, int epochs) {
        List<Callback> out = new ArrayList<>();
        RunRecorder.Fit fit = new RunRecorder.Fit(model, samples, validationSamples, batchSize, epochs);
        for (RunRecorder r : Loaded.ALL) {
            out.addAll(r.onFit(fit));
        }
        return out;
    }

    static Map<String, Double> evaluated(Model model, Map<String, Double> results) {
        for (RunRecorder r : Loaded.ALL) {
            r.onEvaluate(model, Collections.unmodifiableMap(new LinkedHashMap<>(results)));
        }
        return results;
    }
}
