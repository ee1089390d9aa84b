package dev.horn.ops.rnn;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.DefaultGemm;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

/**
 * Backpropagation through time for {@link LstmSequence}: from the forward pass's inputs and
 * outputs and the gradients of its h and c sequences, the gradients of the input projection,
 * the recurrent kernel and the initial states. One GEMM per step carries the gradient to the
 * previous h ({@code dz · recurrentᵀ}); the kernel's gradient is one GEMM over all steps
 * ({@code h_prevᵀ · dz}). A masked step passes the gradients of h and c straight to the step
 * before, as its forward pass passed the states. Not differentiable itself.
 *
 * <p>Inputs: recurrent kernel, h0, c0, mask, h, c, gates (from the forward op), dh, dc.
 * Outputs: d projection {@code [batch, time, 4u]}, d recurrent kernel, d h0, d c0.
 */
public final class LstmSequenceGrad extends Op {
    public LstmSequenceGrad() {
        super("lstm_sequence_grad");
    }

    @Override
    public TensorSpec[] infer(TensorSpec... in) {
        ShapeRules.arity(name(), in, 9);
        TensorSpec gates = in[6];
        int units = RecurrentShapes.units(name(), gates, in[0], LstmSequence.GATES);
        RecurrentShapes.rows(name(), "h0", in[1], gates, units);
        RecurrentShapes.rows(name(), "c0", in[2], gates, units);
        RecurrentShapes.mask(name(), in[3], gates);
        for (int i = 4; i < 9; i++) {
            if (i != 6 && !in[i].shape().equals(RecurrentShapes.sequence(gates, units).shape())) {
                throw new IllegalArgumentException(name() + ": input " + i + " must be [batch, time, units] = "
                        + RecurrentShapes.sequence(gates, units).shape() + ", got " + in[i].shape());
            }
        }
        return new TensorSpec[] {gates, in[0], in[1], in[2]};
    }

    @Override
    public Tensor[] compute(Tensor[] in, TensorSpec[] outputs) {
        float[] r = in[0].contiguous().toFloatArray();
        float[] h0 = in[1].contiguous().toFloatArray();
        float[] c0 = in[2].contiguous().toFloatArray();
        float[] mask = in[3].contiguous().toFloatArray();
        float[] h = in[4].contiguous().toFloatArray();
        float[] c = in[5].contiguous().toFloatArray();
        float[] gates = in[6].contiguous().toFloatArray();
        float[] dH = in[7].contiguous().toFloatArray();
        float[] dC = in[8].contiguous().toFloatArray();
        int batch = in[6].shape().dim(0);
        int time = in[6].shape().dim(1);
        int u = in[0].shape().dim(0);
        int g = LstmSequence.GATES * u;
        float[] dz = new float[batch * time * g];
        float[] dhCarry = new float[batch * u];
        float[] dcCarry = new float[batch * u];
        float[] dhFromGemm = new float[batch * u];
        float[] tanhC = new float[u];
        boolean[] skipped = new boolean[batch];
        for (int t = time - 1; t >= 0; t--) {
            for (int b = 0; b < batch; b++) {
                int row = (b * time + t) * u;
                int gRow = (b * time + t) * g;
                int carry = b * u;
                skipped[b] = mask[b * time + t] == 0;
                if (skipped[b]) {
                    for (int j = 0; j < u; j++) {
                        dhCarry[carry + j] += dH[row + j];
                        dcCarry[carry + j] += dC[row + j];
                    }
                    continue;
                }
                float[] cPrev = t == 0 ? c0 : c;
                int cOff = t == 0 ? carry : row - u;
                System.arraycopy(c, row, tanhC, 0, u);
                RnnLanes.tanhInPlace(tanhC, 0, u);
                for (int j = 0; j < u; j++) {
                    float i = gates[gRow + j];
                    float f = gates[gRow + u + j];
                    float gg = gates[gRow + 2 * u + j];
                    float o = gates[gRow + 3 * u + j];
                    float tc = tanhC[j];
                    float dh = dH[row + j] + dhCarry[carry + j];
                    float dc = dC[row + j] + dcCarry[carry + j] + dh * o * (1 - tc * tc);
                    dz[gRow + j] = dc * gg * i * (1 - i);
                    dz[gRow + u + j] = dc * cPrev[cOff + j] * f * (1 - f);
                    dz[gRow + 2 * u + j] = dc * i * (1 - gg * gg);
                    dz[gRow + 3 * u + j] = dh * tc * o * (1 - o);
                    dcCarry[carry + j] = dc * f;
                }
            }
            // d h_{t-1} = dz[:, t] · recurrentᵀ; skipped rows of dz are zero and keep their carry
            DefaultGemm.sgemm(false, true, batch, u, g, dz, t * g, time * g, r, 0, g, dhFromGemm, 0, u, false);
            for (int b = 0; b < batch; b++) {
                if (!skipped[b]) {
                    System.arraycopy(dhFromGemm, b * u, dhCarry, b * u, u);
                }
            }
        }
        float[] hPrev = new float[batch * time * u];
        for (int b = 0; b < batch && time > 0; b++) {
            System.arraycopy(h0, b * u, hPrev, b * time * u, u);
            System.arraycopy(h, b * time * u, hPrev, b * time * u + u, (time - 1) * u);
        }
        float[] dR = new float[u * g];
        DefaultGemm.sgemm(true, false, u, g, batch * time, hPrev, 0, u, dz, 0, g, dR, 0, g, false);
        return new Tensor[] {
                Tensor.wrap(outputs[0].dtype(), Shape.of(batch, time, g), dz),
                Tensor.wrap(outputs[1].dtype(), Shape.of(u, g), dR),
                Tensor.wrap(outputs[2].dtype(), Shape.of(batch, u), dhCarry),
                Tensor.wrap(outputs[3].dtype(), Shape.of(batch, u), dcCarry)};
    }

    @Override
    public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
        return super.cost(inputs, outputs) * Math.max(1, inputs[0].shape().dim(0));
    }
}
