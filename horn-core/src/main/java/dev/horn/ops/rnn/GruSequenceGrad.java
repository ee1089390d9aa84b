package dev.horn.ops.rnn;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.DefaultGemm;
import dev.horn.internal.cpu.Parallel;
import dev.horn.ops.ShapeRules;

/**
 * Backpropagation through time for {@link GruSequence}: gradients of the input projection, the
 * recurrent kernel, the recurrent bias and h0 from the gradient of the h sequence. One GEMM per
 * step carries the gradient to the previous h; the kernel's gradient is one GEMM over all steps.
 * A masked step passes its gradient straight to the step before. Not differentiable itself.
 *
 * <p>Inputs: recurrent kernel, h0, mask, h, gates, rec_h (from the forward op), dh. Outputs:
 * d projection {@code [batch, time, 3u]}, d recurrent kernel, d recurrent bias, d h0.
 */
public final class GruSequenceGrad extends RecurrentOp {
    public GruSequenceGrad() {
        super("gru_sequence_grad");
    }

    @Override
    public TensorSpec[] infer(TensorSpec... in) {
        ShapeRules.arity(name(), in, 7);
        TensorSpec gates = in[4];
        int units = RecurrentShapes.units(name(), gates, in[0], GruSequence.GATES);
        RecurrentShapes.rows(name(), "h0", in[1], gates, units);
        RecurrentShapes.mask(name(), in[2], gates);
        Shape states = RecurrentShapes.sequence(gates, units).shape();
        for (int i : new int[] {3, 5, 6}) {
            if (!in[i].shape().equals(states)) {
                throw new IllegalArgumentException(name() + ": input " + i + " must be [batch, time, units] = " + states
                        + ", got " + in[i].shape());
            }
        }
        return new TensorSpec[] {gates, in[0], new TensorSpec(in[0].dtype(), Shape.of(GruSequence.GATES * units)), in[1]};
    }

    @Override
    public Tensor[] compute(Tensor[] in, TensorSpec[] outputs) {
        float[] r = RnnLanes.dense(in[0]);
        float[] h0 = RnnLanes.dense(in[1]);
        float[] mask = RnnLanes.dense(in[2]);
        float[] h = RnnLanes.dense(in[3]);
        float[] gates = RnnLanes.dense(in[4]);
        float[] recH = RnnLanes.dense(in[5]);
        float[] dH = RnnLanes.dense(in[6]);
        int batch = in[4].shape().dim(0);
        int time = in[4].shape().dim(1);
        int u = in[0].shape().dim(0);
        int g = GruSequence.GATES * u;
        float[] dx = new float[batch * time * g];
        float[] dRec = new float[batch * time * g];
        float[] carry = new float[batch * u];
        // rows never meet going backwards either; each core runs the loop for its own rows
        Parallel.forRange(batch, rowGrain(time, u, g), (b0, b1) -> {
            float[] fromGemm = new float[(b1 - b0) * u];
            boolean[] skipped = new boolean[b1 - b0];
            for (int t = time - 1; t >= 0; t--) {
                for (int b = b0; b < b1; b++) {
                    int row = (b * time + t) * u;
                    int gRow = (b * time + t) * g;
                    int c = b * u;
                    skipped[b - b0] = mask[b * time + t] == 0;
                    if (skipped[b - b0]) {
                        for (int j = 0; j < u; j++) {
                            carry[c + j] += dH[row + j];
                        }
                        continue;
                    }
                    float[] hPrev = t == 0 ? h0 : h;
                    int hOff = t == 0 ? c : row - u;
                    for (int j = 0; j < u; j++) {
                        float z = gates[gRow + j];
                        float rr = gates[gRow + u + j];
                        float hh = gates[gRow + 2 * u + j];
                        float dh = dH[row + j] + carry[c + j];
                        float dz = dh * (hPrev[hOff + j] - hh) * z * (1 - z);
                        float dhh = dh * (1 - z) * (1 - hh * hh);
                        float dr = dhh * recH[row + j] * rr * (1 - rr);
                        dx[gRow + j] = dz;
                        dx[gRow + u + j] = dr;
                        dx[gRow + 2 * u + j] = dhh;
                        dRec[gRow + j] = dz;
                        dRec[gRow + u + j] = dr;
                        dRec[gRow + 2 * u + j] = dhh * rr;
                        carry[c + j] = dh * z; // the direct path through z h_{t-1}; the GEMM path is added below
                    }
                }
                DefaultGemm.sgemm(false, true, b1 - b0, u, g, dRec, (b0 * time + t) * g, time * g, r, 0, g, fromGemm, 0, u, false);
                for (int b = b0; b < b1; b++) {
                    if (!skipped[b - b0]) {
                        for (int j = 0; j < u; j++) {
                            carry[b * u + j] += fromGemm[(b - b0) * u + j];
                        }
                    }
                }
            }
        });
        float[] dR = kernelGradient(h0, h, dRec, batch, time, u, g);
        float[] dBias = new float[g];
        for (int row = 0; row < batch * time; row++) {
            for (int j = 0; j < g; j++) {
                dBias[j] += dRec[row * g + j];
            }
        }
        return new Tensor[] {
                Tensor.wrap(outputs[0].dtype(), Shape.of(batch, time, g), dx),
                Tensor.wrap(outputs[1].dtype(), Shape.of(u, g), dR),
                Tensor.wrap(outputs[2].dtype(), Shape.of(g), dBias),
                Tensor.wrap(outputs[3].dtype(), Shape.of(batch, u), carry)};
    }

}
