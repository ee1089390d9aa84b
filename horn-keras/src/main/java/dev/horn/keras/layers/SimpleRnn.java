package dev.horn.keras.layers;

import dev.horn.Tensor;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code SimpleRNN}: {@code h_t = activation(x_t · kernel + h_{t-1} · recurrent + bias)},
 * {@code u (input + u + 1)} parameters. Each step is composed of ops (a matmul, an add and the
 * activation): with one gate there is nothing to fuse beyond the input projection, which is
 * already one matmul for all steps.
 */
public final class SimpleRnn extends Recurrent<SimpleRnn> {
    public SimpleRnn(int units) {
        super("SimpleRNN", units);
    }

    @Override
    public String className() {
        return "SimpleRNN";
    }

    @Override
    protected String defaultName() {
        return UniqueNames.next("simple_rnn");
    }

    @Override
    protected int gates() {
        return 1;
    }

    @Override
    protected int stateCount() {
        return 1;
    }

    @Override
    protected Tensor[] step(Tensor projected, Tensor[] states, Tensor recurrentDropMask) {
        Tensor h = recurrentDropMask == null ? states[0] : tf.mul(states[0], recurrentDropMask);
        return new Tensor[] {activation().apply(tf.add(projected, tf.matmul(h, recurrentKernel().read())))};
    }

    @Override
    protected SimpleRnn sameArguments() {
        return copyArgumentsTo(new SimpleRnn(units()));
    }
}
