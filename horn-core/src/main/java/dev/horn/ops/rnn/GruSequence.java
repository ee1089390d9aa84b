package dev.horn.ops.rnn;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.DefaultGemm;
import dev.horn.internal.cpu.Parallel;
import dev.horn.ops.ShapeRules;

/**
 * A whole GRU layer's time loop in one op: Keras' GRU cell with {@code reset_after=True} (the
 * Keras 2 default, cuDNN's form), tanh activation, sigmoid recurrent activation, gates in
 * Keras' order z, r, h.
 *
 * <p>Inputs: the input projection {@code xw = x · kernel + input_bias} {@code [batch, time, 3u]},
 * the recurrent kernel {@code [u, 3u]}, the recurrent bias {@code [3u]}, {@code h0 [batch, u]}
 * and a mask {@code [batch, time]} (0 skips a step, carrying h over). Each step is one GEMM,
 * {@code rec = h · recurrent + recurrent_bias}, then:
 * <pre>
 *   z = σ(xw_z + rec_z)   r = σ(xw_r + rec_r)   hh = tanh(xw_h + r rec_h)
 *   h_t = z h_{t-1} + (1 - z) hh
 * </pre>
 * Outputs: every step's h {@code [batch, time, u]}, and for the backward pass
 * ({@link GruSequenceGrad}) the activated gates z, r, hh {@code [batch, time, 3u]} and rec_h
 * {@code [batch, time, u]}; those two are internals whose gradients are not taken. Float32 only.
 */
public final class GruSequence extends RecurrentOp {
    static final int GATES = 3;

    public GruSequence() {
        super("gru_sequence");
    }

    @Override
    public TensorSpec[] infer(TensorSpec... in) {
        ShapeRules.arity(name(), in, 5);
        int units = RecurrentShapes.units(name(), in[0], in[1], GATES);
        RecurrentShapes.float32(name(), "recurrent bias", in[2]);
        if (!in[2].shape().equals(Shape.of(GATES * units))) {
            throw new IllegalArgumentException(name() + ": the recurrent bias must be [" + GATES * units + "], got shape "
                    + in[2].shape());
        }
        RecurrentShapes.rows(name(), "h0", in[3], in[0], units);
        RecurrentShapes.mask(name(), in[4], in[0]);
        return new TensorSpec[] {RecurrentShapes.sequence(in[0], units), RecurrentShapes.sequence(in[0], GATES * units),
                RecurrentShapes.sequence(in[0], units)};
    }

    @Override
    public Tensor[] compute(Tensor[] in, TensorSpec[] outputs) {
        float[] x = RnnLanes.dense(in[0]);
        float[] r = RnnLanes.dense(in[1]);
        float[] bias = RnnLanes.dense(in[2]);
        float[] h0 = RnnLanes.dense(in[3]);
        float[] mask = RnnLanes.dense(in[4]);
        int batch = in[0].shape().dim(0);
        int time = in[0].shape().dim(1);
        int u = in[1].shape().dim(0);
        int g = GATES * u;
        float[] h = new float[batch * time * u];
        float[] gates = new float[batch * time * g];
        float[] recH = new float[batch * time * u];
        // rows of the batch never meet, so each core runs the whole loop for its own rows
        Parallel.forRange(batch, rowGrain(time, u, g), (b0, b1) -> {
            float[] rec = new float[(b1 - b0) * g];
            for (int t = 0; t < time; t++) {
                if (t == 0) {
                    DefaultGemm.sgemm(false, false, b1 - b0, g, u, h0, b0 * u, u, r, 0, g, rec, 0, g, false);
                } else {
                    DefaultGemm.sgemm(false, false, b1 - b0, g, u, h, (b0 * time + t - 1) * u, time * u, r, 0, g, rec, 0, g, false);
                }
                for (int b = b0; b < b1; b++) {
                    int row = (b * time + t) * u;
                    int gRow = (b * time + t) * g;
                    float[] hPrev = t == 0 ? h0 : h;
                    int hOff = t == 0 ? b * u : row - u;
                    if (mask[b * time + t] == 0) {
                        System.arraycopy(hPrev, hOff, h, row, u);
                        continue;
                    }
                    int recRow = (b - b0) * g;
                    for (int j = 0; j < 2 * u; j++) {
                        gates[gRow + j] = x[gRow + j] + rec[recRow + j] + bias[j];
                    }
                    RnnLanes.sigmoidInPlace(gates, gRow, 2 * u);
                    for (int j = 0; j < u; j++) {
                        float rh = rec[recRow + 2 * u + j] + bias[2 * u + j];
                        recH[row + j] = rh;
                        gates[gRow + 2 * u + j] = x[gRow + 2 * u + j] + gates[gRow + u + j] * rh;
                    }
                    RnnLanes.tanhInPlace(gates, gRow + 2 * u, u);
                    for (int j = 0; j < u; j++) {
                        float z = gates[gRow + j];
                        float hh = gates[gRow + 2 * u + j];
                        h[row + j] = hh + z * (hPrev[hOff + j] - hh);
                    }
                }
            }
        });
        return new Tensor[] {
                Tensor.wrap(outputs[0].dtype(), Shape.of(batch, time, u), h),
                Tensor.wrap(outputs[1].dtype(), Shape.of(batch, time, g), gates),
                Tensor.wrap(outputs[2].dtype(), Shape.of(batch, time, u), recH)};
    }


    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor[] d = new GruSequenceGrad().applyAll(in[1], in[3], in[4], out[0], out[1], out[2], g[0]);
        return new Tensor[] {d[0], d[1], d[2], d[3], null};
    }
}
