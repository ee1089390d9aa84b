package dev.horn.keras.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Values given for each input or output of a model, in the three forms Keras accepts: one
 * value, a list in the model's order, or a map keyed by the input or output layer names
 * ({@code Map.of("main_output", 1.0, "aux_output", 0.2)}). The map form names its key in
 * every error.
 */
public final class PerName {
    private PerName() {}

    /**
     * One value per name. {@code oneForAll} lets a single value stand for every name (a loss);
     * otherwise a single value is only right for one name (data). Names a map leaves out get
     * {@code missing}, or fail when it is null.
     */
    public static List<Object> resolve(Object given, List<String> names, boolean oneForAll, Object missing, String what) {
        if (given instanceof Map<?, ?> map) {
            List<String> unknown = new ArrayList<>();
            for (Object key : map.keySet()) {
                if (!names.contains(String.valueOf(key))) {
                    unknown.add(String.valueOf(key));
                }
            }
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("Unknown entries in " + what + " dictionary: " + unknown
                        + ". Only expected following keys: " + names);
            }
            List<Object> out = new ArrayList<>();
            for (String name : names) {
                Object v = map.get(name);
                if (v == null && missing == null) {
                    throw new IllegalArgumentException("No data provided for \"" + name + "\" in " + what
                            + ". Need data for each key in: " + names);
                }
                out.add(v == null ? missing : v);
            }
            return out;
        }
        if (given instanceof List<?> list) {
            if (list.size() != names.size()) {
                throw new IllegalArgumentException(what + ": the model has " + names.size() + " " + names
                        + ", but " + list.size() + " values were given");
            }
            return new ArrayList<>(list);
        }
        if (given == null && missing != null) {
            return new ArrayList<>(Collections.nCopies(names.size(), missing));
        }
        if (names.size() != 1 && !oneForAll) {
            throw new IllegalArgumentException(what + ": the model has " + names.size() + " " + names
                    + ", but one value was given; pass a list or a map keyed by these names");
        }
        return new ArrayList<>(Collections.nCopies(names.size(), given));
    }
}
