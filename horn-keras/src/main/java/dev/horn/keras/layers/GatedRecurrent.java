package dev.horn.keras.layers;

import dev.horn.keras.activations.Activation;
import dev.horn.keras.activations.Activations;
import java.util.Map;

/** A recurrent layer with gates (LSTM, GRU): adds the gates' recurrent_activation, sigmoid by default. */
public abstract class GatedRecurrent<L extends GatedRecurrent<L>> extends Recurrent<L> {
    private Activation recurrentActivation = Activations.get("sigmoid");

    protected GatedRecurrent(String what, int units) {
        super(what, units);
    }

    public L recurrentActivation(String name) {
        return recurrentActivation(Activations.get(name));
    }

    @SuppressWarnings("unchecked")
    public L recurrentActivation(Activation value) {
        recurrentActivation = value;
        return (L) this;
    }

    public Activation recurrentActivation() {
        return recurrentActivation;
    }

    /** The fused ops implement tanh with sigmoid gates, Keras' defaults (and cuDNN's only form). */
    @Override
    protected boolean hasDefaultActivation() {
        return super.hasDefaultActivation() && recurrentActivation.name().equals("sigmoid");
    }

    @Override
    protected void putCellActivations(Map<String, Object> config) {
        config.put("recurrent_activation", recurrentActivation);
    }

    @Override
    protected L copyArgumentsTo(L copy) {
        copy.recurrentActivation(recurrentActivation);
        return super.copyArgumentsTo(copy);
    }
}
