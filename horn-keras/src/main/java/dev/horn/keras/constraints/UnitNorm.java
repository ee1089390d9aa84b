package dev.horn.keras.constraints;

import dev.horn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keras' {@code UnitNorm}: each weight vector along {@code axis} divided by (epsilon + its norm). */
public final class UnitNorm extends NormConstraint {
    public UnitNorm(int... axis) {
        super(axis);
    }

    @Override
    public Tensor apply(Tensor w) {
        return w.div(norms(w).add(EPSILON));
    }

    @Override
    public String name() {
        return "unit_norm";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("axis", axisConfig());
        return config;
    }
}
