package dev.horn.ops.rnn;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.DefaultGemm;
import dev.horn.internal.cpu.Parallel;
import dev.horn.ops.ShapeRules;

/**
 * A whole LSTM layer's time loop in one op, Keras' cell with tanh activation and sigmoid
 * recurrent activation, gates in Keras' order i, f, c, o.
 *
 * <p>Inputs: the input projection {@code xw = x · kernel + bias} {@code [batch, time, 4u]}
 * (one large matmul outside the loop), the recurrent kernel {@code [u, 4u]}, the initial states
 * {@code h0}, {@code c0} {@code [batch, u]} and a mask {@code [batch, time]} (1 keeps a step, 0
 * skips it: the states carry over, as Keras' masked RNN does). Each step is one GEMM,
 * {@code z = xw[:, t] + h · recurrent}, followed by the gate math on vectors:
 * <pre>
 *   i = σ(z_i)  f = σ(z_f)  g = tanh(z_c)  o = σ(z_o)
 *   c_t = f c_{t-1} + i g    h_t = o tanh(c_t)
 * </pre>
 * Outputs: every step's {@code h} and {@code c} {@code [batch, time, u]} (the last step's are
 * the final states), and the activated gates {@code [batch, time, 4u]}, kept for the backward
 * pass ({@link LstmSequenceGrad}); the gates output is an internal: its gradient is not taken.
 * Float32 only.
 */
public final class LstmSequence extends RecurrentOp {
    static final int GATES = 4;

    public LstmSequence() {
        super("lstm_sequence");
    }

    @Override
    public TensorSpec[] infer(TensorSpec... in) {
        ShapeRules.arity(name(), in, 5);
        int units = RecurrentShapes.units(name(), in[0], in[1], GATES);
        RecurrentShapes.rows(name(), "h0", in[2], in[0], units);
        RecurrentShapes.rows(name(), "c0", in[3], in[0], units);
        RecurrentShapes.mask(name(), in[4], in[0]);
        TensorSpec states = RecurrentShapes.sequence(in[0], units);
        return new TensorSpec[] {states, states, RecurrentShapes.sequence(in[0], GATES * units)};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        float[] x = RnnLanes.dense(inputs[0]);
        float[] r = RnnLanes.dense(inputs[1]);
        float[] h0 = RnnLanes.dense(inputs[2]);
        float[] c0 = RnnLanes.dense(inputs[3]);
        float[] mask = RnnLanes.dense(inputs[4]);
        int batch = inputs[0].shape().dim(0);
        int time = inputs[0].shape().dim(1);
        int u = inputs[1].shape().dim(0);
        int g = GATES * u;
        float[] h = new float[batch * time * u];
        float[] c = new float[batch * time * u];
        float[] gates = new float[batch * time * g];
        System.arraycopy(x, 0, gates, 0, gates.length);
        // rows of the batch never meet, so each core runs the whole loop for its own rows
        Parallel.forRange(batch, rowGrain(time, u, g), (b0, b1) -> {
            for (int t = 0; t < time; t++) {
                // z[:, t] += h_{t-1} · recurrent, rows strided by time * 4u inside the gates buffer
                if (t == 0) {
                    DefaultGemm.sgemm(false, false, b1 - b0, g, u, h0, b0 * u, u, r, 0, g, gates, b0 * time * g, time * g, true);
                } else {
                    DefaultGemm.sgemm(false, false, b1 - b0, g, u, h, (b0 * time + t - 1) * u, time * u,
                            r, 0, g, gates, (b0 * time + t) * g, time * g, true);
                }
                for (int b = b0; b < b1; b++) {
                    int row = (b * time + t) * u;
                    int gRow = (b * time + t) * g;
                    float[] hPrev = t == 0 ? h0 : h;
                    float[] cPrev = t == 0 ? c0 : c;
                    int prev = t == 0 ? b * u : row - u;
                    if (mask[b * time + t] == 0) {
                        System.arraycopy(hPrev, prev, h, row, u);
                        System.arraycopy(cPrev, prev, c, row, u);
                        continue;
                    }
                    RnnLanes.sigmoidInPlace(gates, gRow, 2 * u);
                    RnnLanes.tanhInPlace(gates, gRow + 2 * u, u);
                    RnnLanes.sigmoidInPlace(gates, gRow + 3 * u, u);
                    RnnLanes.mulAddMul(gates, gRow + u, cPrev, prev, gates, gRow, gates, gRow + 2 * u, c, row, u);
                    RnnLanes.mulTanh(gates, gRow + 3 * u, c, row, h, row, u);
                }
            }
        });
        return new Tensor[] {
                Tensor.wrap(outputs[0].dtype(), Shape.of(batch, time, u), h),
                Tensor.wrap(outputs[1].dtype(), Shape.of(batch, time, u), c),
                Tensor.wrap(outputs[2].dtype(), Shape.of(batch, time, g), gates)};
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor[] d = new LstmSequenceGrad().applyAll(in[1], in[2], in[3], in[4], out[0], out[1], out[2], g[0], g[1]);
        return new Tensor[] {d[0], d[1], d[2], d[3], null};
    }
}
