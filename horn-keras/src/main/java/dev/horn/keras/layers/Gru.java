package dev.horn.keras.layers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code GRU}: kernel {@code [input, 3u]}, recurrent kernel {@code [u, 3u]}, gates in
 * Keras' order z, r, h. With {@code reset_after} (the Keras 2 default, cuDNN's form) the reset
 * gate multiplies the recurrent projection and the bias is {@code [2, 3u]} (input bias, recurrent
 * bias), so {@code 3u (input + u + 2)} parameters; without it the reset gate multiplies h
 * before its projection and the bias is {@code [3u]}. With the default activations, reset_after
 * and no recurrent dropout the loop is one fused op ({@code tf.gruSequence}).
 */
public final class Gru extends GatedRecurrent<Gru> {
    private boolean resetAfter = true;

    public Gru(int units) {
        super("GRU", units);
    }

    @Override
    public String className() {
        return "GRU";
    }

    @Override
    protected String defaultName() {
        return UniqueNames.next("gru");
    }

    public Gru resetAfter(boolean value) {
        resetAfter = value;
        return this;
    }

    @Override
    protected int gates() {
        return 3;
    }

    @Override
    protected int stateCount() {
        return 1;
    }

    @Override
    protected Shape biasShape() {
        return resetAfter ? Shape.of(2, 3 * units()) : Shape.of(3 * units());
    }

    @Override
    protected Tensor inputBias(Tensor biasValue) {
        return resetAfter ? biasRow(biasValue, 0) : biasValue;
    }

    private Tensor biasRow(Tensor biasValue, int row) {
        return tf.reshape(tf.slice(biasValue, new int[] {row, 0}, new int[] {1, 3 * units()}), 3 * units());
    }

    private Tensor recurrentBias() {
        return bias() == null ? tf.zeros(dtype(), 3 * units()) : biasRow(bias().read(), 1);
    }

    @Override
    protected Tensor[] step(Tensor projected, Tensor[] states, Tensor recurrentDropMask) {
        Tensor h = states[0];
        Tensor hIn = recurrentDropMask == null ? h : tf.mul(h, recurrentDropMask);
        Tensor[] x = tf.split(projected, 3, 1);
        Tensor[] kernels = tf.split(recurrentKernel().read(), 3, 1);
        Tensor z;
        Tensor r;
        Tensor candidate;
        if (resetAfter) {
            Tensor[] rec = tf.split(tf.add(tf.matmul(hIn, recurrentKernel().read()), recurrentBias()), 3, 1);
            z = recurrentActivation().apply(tf.add(x[0], rec[0]));
            r = recurrentActivation().apply(tf.add(x[1], rec[1]));
            candidate = activation().apply(tf.add(x[2], tf.mul(r, rec[2])));
        } else {
            z = recurrentActivation().apply(tf.add(x[0], tf.matmul(hIn, kernels[0])));
            r = recurrentActivation().apply(tf.add(x[1], tf.matmul(hIn, kernels[1])));
            candidate = activation().apply(tf.add(x[2], tf.matmul(tf.mul(r, hIn), kernels[2])));
        }
        Tensor next = tf.add(tf.mul(z, h), tf.mul(tf.sub(tf.onesLike(z), z), candidate));
        return new Tensor[] {next};
    }

    @Override
    protected Tensor[] fused(Tensor projection, Tensor[] states, Tensor mask) {
        if (!resetAfter || !hasDefaultActivation() || projection.dtype() != DType.FLOAT32) {
            return null;
        }
        Tensor[] out = tf.gruSequence(projection, recurrentKernel().read(), recurrentBias(), states[0], mask);
        return new Tensor[] {out[0], Lstm.lastStep(out[0], projection.shape().dim(0), projection.shape().dim(1))};
    }

    @Override
    protected void putCellTail(Map<String, Object> config) {
        config.put("implementation", 2);
        config.put("reset_after", resetAfter);
    }

    @Override
    protected Gru sameArguments() {
        return copyArgumentsTo(new Gru(units()).resetAfter(resetAfter));
    }
}
