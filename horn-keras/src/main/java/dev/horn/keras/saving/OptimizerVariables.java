package dev.horn.keras.saving;

import dev.horn.Variable;
import dev.horn.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An optimizer's variables in the order Keras 3 saves them ({@code optimizer.variables}):
 * {@code iteration}, {@code learning_rate}, then the slots as each optimizer's {@code build}
 * creates them, group by group, a group's slots interleaved over the model's trainable variables
 * ({@code add_optimizer_variables(var_list, ["momentum", "velocity"])} gives m0, v0, m1, v1, ...),
 * then other variables (Nadam's {@code u_product}). Horn creates slots lazily, per variable, so
 * this reorders; saving and loading both use it, so files line up with Keras'.
 */
final class OptimizerVariables {
    /** The slot groups of optimizers whose build makes more than one group (from keras/src/optimizers/*.py). */
    private static final Map<String, List<List<String>>> GROUPS = Map.of(
            "Adam", List.of(List.of("momentum", "velocity"), List.of("velocity_hat")),
            "AdamW", List.of(List.of("momentum", "velocity"), List.of("velocity_hat")),
            "RMSprop", List.of(List.of("velocity"), List.of("momentum"), List.of("average_gradient")));

    private OptimizerVariables() {}

    static List<Variable> kerasOrder(Optimizer optimizer, List<Variable> trainable) {
        List<Variable> all = optimizer.variables();
        List<Variable> out = new ArrayList<>(all.subList(0, Math.min(all.size(), 2)).stream()
                .filter(v -> v.name().endsWith("/iteration") || v.name().endsWith("/learning_rate")).toList());
        Set<Variable> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        placed.addAll(out);
        List<List<String>> groups = GROUPS.get(optimizer.getClass().getSimpleName());
        if (groups == null) {
            groups = List.of(trainable.isEmpty() ? List.of() : optimizer.slotNames(trainable.getFirst()));
        }
        for (List<String> group : groups) {
            for (Variable v : trainable) {
                List<String> names = optimizer.slotNames(v);
                for (String slot : group) {
                    if (names.contains(slot)) {
                        Variable s = optimizer.slot(v, slot);
                        out.add(s);
                        placed.add(s);
                    }
                }
            }
        }
        for (Variable v : all) {
            if (!placed.contains(v)) {
                out.add(v); // slots of variables outside this model's trainable set, u_product
            }
        }
        return out;
    }
}
