package dev.horn.keras.layers;

import dev.horn.Tensor;
import dev.horn.keras.activations.Activation;
import dev.horn.keras.activations.Activations;
import java.util.Map;

/** Keras' {@code Activation} layer: applies an activation function to its input. */
public final class ActivationLayer extends FluentLayer<ActivationLayer> {
    private final Activation activation;

    public ActivationLayer(String activation) {
        this(Activations.get(activation));
    }

    public ActivationLayer(Activation activation) {
        this.activation = activation;
    }

    @Override
    public String className() {
        return "Activation";
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return activation.apply(inputs);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("activation", activation);
        return config;
    }
}
