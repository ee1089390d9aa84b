package dev.horn.ops.rnn;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.DefaultGemm;
import dev.horn.ops.Op;
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
public final class GruSequenceGrad extends Op {
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
        float[] r = in[0].contiguous().toFloatArray();
        float[] h0 = in[1].contiguous().toFloatArray();
        float[] mask = in[2].contiguous().toFloatArray();
        float[] h = in[3].contiguous().toFloatArray();
        float[] gates = in[4].contiguous().toFloatArray();
        float[] recH = in[5].contiguous().toFloatArray();
        float[] dH = in[6].contiguous().toFloatArray();
        int batch = in[4].shape().dim(0);
        int time = in[4].shape().dim(1);
        int u = in[0].shape().dim(0);
        int g = GruSequence.GATES * u;
        float[] dx = new float[batch * time * g];
        float[] dRec = new float[batch * time * g];
        float[] carry = new float[batch * u];
        float[] fromGemm = new float[batch * u];
        boolean[] skipped = new boolean[batch];
        for (int t = time - 1; t >= 0; t--) {
            for (int b = 0; b < batch; b++) {
                int row = (b * time + t) * u;
                int gRow = (b * time + t) * g;
                int c = b * u;
                skipped[b] = mask[b * time + t] == 0;
                if (skipped[b]) {
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
            DefaultGemm.sgemm(false, true, batch, u, g, dRec, t * g, time * g, r, 0, g, fromGemm, 0, u, false);
            for (int b = 0; b < batch; b++) {
                if (!skipped[b]) {
                    for (int j = 0; j < u; j++) {
                        carry[b * u + j] += fromGemm[b * u + j];
                    }
                }
            }
        }
        float[] hPrev = new float[batch * time * u];
        for (int b = 0; b < batch && time > 0; b++) {
            System.arraycopy(h0, b * u, hPrev, b * time * u, u);
            System.arraycopy(h, b * time * u, hPrev, b * time * u + u, (time - 1) * u);
        }
        float[] dR = new float[u * g];
        DefaultGemm.sgemm(true, false, u, g, batch * time, hPrev, 0, u, dRec, 0, g, dR, 0, g, false);
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

    @Override
    public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
        return super.cost(inputs, outputs) * Math.max(1, inputs[0].shape().dim(0));
    }
}
