package dev.horn.keras.layers;

import dev.horn.DType;

/**
 * The setters every layer shares, typed to the concrete layer so chains keep going:
 * {@code layerDense(10).inputShape(784).activation("softmax")}.
 */
public abstract class FluentLayer<L extends FluentLayer<L>> extends Layer {
    @SuppressWarnings("unchecked")
    private L self() {
        return (L) this;
    }

    public L name(String name) {
        setName(name);
        return self();
    }

    /** The shape of one sample (no batch axis), on the first layer of a model. */
    public L inputShape(int... shape) {
        setDeclaredInputShape(shape, null);
        return self();
    }

    /** A fixed batch size together with {@code inputShape} (stateful models). */
    public L batchInputShape(int batchSize, int... shape) {
        setDeclaredInputShape(shape, batchSize);
        return self();
    }

    public L trainable(boolean trainable) {
        setTrainable(trainable);
        return self();
    }

    public L dtype(DType dtype) {
        setDtype(dtype);
        return self();
    }
}
