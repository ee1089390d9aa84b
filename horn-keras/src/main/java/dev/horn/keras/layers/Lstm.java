package dev.horn.keras.layers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.initializers.Initializer;
import java.util.List;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code LSTM}: kernel {@code [input, 4u]}, recurrent kernel {@code [u, 4u]}, bias
 * {@code [4u]}, gates in Keras' order i, f, c, o, so {@code 4u (input + u + 1)} parameters
 * (LSTM(32) on 512 features: 69,760). With the default activations and no recurrent dropout
 * the whole loop is one fused op ({@code tf.lstmSequence}); otherwise each step is composed.
 */
public final class Lstm extends GatedRecurrent<Lstm> {
    private boolean unitForgetBias = true;

    public Lstm(int units) {
        super("LSTM", units);
    }

    @Override
    public String className() {
        return "LSTM";
    }

    @Override
    protected String defaultName() {
        return UniqueNames.next("lstm");
    }

    /** Adds 1 to the forget gate's bias at initialisation (Keras' default, after Jozefowicz et al.). */
    public Lstm unitForgetBias(boolean value) {
        unitForgetBias = value;
        return this;
    }

    @Override
    protected int gates() {
        return 4;
    }

    @Override
    protected int stateCount() {
        return 2;
    }

    @Override
    protected Initializer biasWeightInitializer(Initializer given) {
        return unitForgetBias ? new UnitForgetBias(given, units()) : given;
    }

    @Override
    protected Tensor[] step(Tensor projected, Tensor[] states, Tensor recurrentDropMask) {
        Tensor h = recurrentDropMask == null ? states[0] : tf.mul(states[0], recurrentDropMask);
        Tensor[] z = tf.split(tf.add(projected, tf.matmul(h, recurrentKernel().read())), 4, 1);
        Tensor i = recurrentActivation().apply(z[0]);
        Tensor f = recurrentActivation().apply(z[1]);
        Tensor c = tf.add(tf.mul(f, states[1]), tf.mul(i, activation().apply(z[2])));
        Tensor o = recurrentActivation().apply(z[3]);
        return new Tensor[] {tf.mul(o, activation().apply(c)), c};
    }

    @Override
    protected Tensor[] fused(Tensor projection, Tensor[] states, Tensor mask) {
        if (!hasDefaultActivation() || projection.dtype() != DType.FLOAT32) {
            return null;
        }
        Tensor[] out = tf.lstmSequence(projection, recurrentKernel().read(), states[0], states[1], mask);
        int batch = projection.shape().dim(0);
        int time = projection.shape().dim(1);
        return new Tensor[] {out[0], lastStep(out[0], batch, time), lastStep(out[1], batch, time)};
    }

    static Tensor lastStep(Tensor sequence, int batch, int time) {
        int units = sequence.shape().dim(2);
        return tf.reshape(tf.slice(sequence, new int[] {0, time - 1, 0}, new int[] {batch, 1, units}), batch, units);
    }

    @Override
    protected void putCellOptions(Map<String, Object> config) {
        config.put("unit_forget_bias", unitForgetBias);
    }

    @Override
    protected void putCellTail(Map<String, Object> config) {
        config.put("implementation", 2);
    }

    @Override
    protected Lstm sameArguments() {
        return copyArgumentsTo(new Lstm(units()).unitForgetBias(unitForgetBias));
    }

    /** The bias initializer with the forget gate's block set to ones: [given(u), 1, given(2u)]. */
    private record UnitForgetBias(Initializer given, int units) implements Initializer {
        @Override
        public Tensor apply(Shape shape, DType dtype) {
            return tf.concat(List.of(given.apply(Shape.of(units), dtype), tf.ones(dtype, units),
                    given.apply(Shape.of(2 * units), dtype)), 0);
        }

        @Override
        public String name() {
            return given.name();
        }

        @Override
        public Map<String, Object> getConfig() {
            return given.getConfig();
        }
    }
}
