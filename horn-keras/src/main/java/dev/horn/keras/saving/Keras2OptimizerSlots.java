package dev.horn.keras.saving;

import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.optimizers.Optimizer;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A legacy HDF5 file's {@code optimizer_weights} as Keras 2 wrote them, matched by name where
 * Keras 3 matches by position (and gives up). Two layouts occur: tf.keras up to 2.10
 * ({@code Adam/iter:0}, hyperparameters such as {@code Adam/beta_1:0}, then slots
 * {@code Adam/dense/kernel/m:0}, every m before every v) and tf.keras 2.11 to 2.15
 * ({@code iteration:0}, then {@code Adam/m/dense/kernel:0}, m and v interleaved per variable).
 * Each weight name gives the slot kind and the variable's path; the variables, in the order
 * their paths first appear, are the model's trainable variables, as both versions create them.
 * Hyperparameters are left at the compiled values; anything else that does not fit fails, and
 * the caller starts the optimizer afresh.
 */
final class Keras2OptimizerSlots {
    /** Keras 2 slot names (both optimizer generations) to Horn's. */
    private static final Map<String, String> SLOTS = Map.ofEntries(
            Map.entry("m", "momentum"), Map.entry("v", "velocity"), Map.entry("vhat", "velocity_hat"),
            Map.entry("momentum", "momentum"), Map.entry("rms", "velocity"), Map.entry("velocity", "velocity"),
            Map.entry("mg", "average_gradient"), Map.entry("average_gradient", "average_gradient"),
            Map.entry("accumulator", "accumulator"));
    private static final java.util.Set<String> HYPERPARAMETERS = java.util.Set.of("learning_rate", "lr", "decay",
            "beta_1", "beta_2", "rho", "momentum", "epsilon");

    private Keras2OptimizerSlots() {}

    static Runnable prepare(Group group, Optimizer optimizer, List<Variable> trainable, Path path) {
        String[] names = LegacyH5.stringsAttribute(group, "weight_names", path);
        Map<String, Variable> byPath = new LinkedHashMap<>();
        List<Variable> targets = new ArrayList<>();
        List<Tensor> values = new ArrayList<>();
        for (String full : names) {
            String name = full.endsWith(":0") ? full.substring(0, full.length() - 2) : full;
            String[] parts = name.split("/");
            String last = parts[parts.length - 1];
            Dataset data = dataset(group, full, path);
            if (last.equals("iter") || last.equals("iteration")) {
                targets.add(optimizer.iterations());
                values.add(read(group, full, optimizer.iterations(), path));
                continue;
            }
            if (parts.length == 2 && data.getDimensions().length == 0 && HYPERPARAMETERS.contains(last)) {
                continue; // the compiled optimizer's own value stands, as a Keras 3 load keeps it
            }
            boolean slotFirst = parts.length >= 3 && SLOTS.containsKey(parts[1]);
            String kind = slotFirst ? parts[1] : last;
            String variablePath = String.join("/", java.util.Arrays.copyOfRange(parts, slotFirst ? 2 : 1,
                    slotFirst ? parts.length : parts.length - 1));
            String slot = SLOTS.get(kind);
            if (slot == null || parts.length < 3) {
                throw new IllegalArgumentException(path + ": optimizer weight " + full + " is not a slot Horn knows");
            }
            Variable variable = byPath.get(variablePath);
            if (variable == null) {
                if (byPath.size() == trainable.size()) {
                    throw new IllegalArgumentException(path + ": optimizer_weights name more variables than the model's "
                            + trainable.size() + " trainable ones (" + variablePath + ")");
                }
                variable = trainable.get(byPath.size());
                byPath.put(variablePath, variable);
            }
            if (!optimizer.slotNames(variable).contains(slot)) {
                throw new IllegalArgumentException(path + ": optimizer weight " + full + " is a " + slot + " slot, which "
                        + optimizer.getClass().getSimpleName() + " does not keep for " + variable.name());
            }
            Variable target = optimizer.slot(variable, slot);
            targets.add(target);
            values.add(read(group, full, target, path));
        }
        int slots = trainable.stream().mapToInt(v -> optimizer.slotNames(v).size()).sum();
        if (byPath.size() != trainable.size() || targets.size() != slots + 1) {
            throw new IllegalArgumentException(path + ": optimizer_weights hold " + (targets.size() - 1) + " slots of "
                    + byPath.size() + " variables; the model's optimizer keeps " + slots + " for " + trainable.size());
        }
        return () -> {
            for (int i = 0; i < targets.size(); i++) {
                targets.get(i).assign(values.get(i));
            }
        };
    }

    private static Dataset dataset(Group group, String name, Path path) {
        int slash = name.lastIndexOf('/');
        Group parent = slash < 0 ? group : H5Values.groupOrNull(group, name.substring(0, slash), path);
        if (parent == null || !(parent.getChildren().get(name.substring(slash + 1)) instanceof Dataset d)) {
            throw new IllegalArgumentException(path + ": optimizer weight " + name + " is missing");
        }
        return d;
    }

    private static Tensor read(Group group, String name, Variable target, Path path) {
        int slash = name.lastIndexOf('/');
        Group parent = slash < 0 ? group : H5Values.groupOrNull(group, name.substring(0, slash), path);
        return H5Values.read(parent, name.substring(slash + 1), target.shape(), target.dtype(), path,
                "optimizer weight " + name);
    }
}
