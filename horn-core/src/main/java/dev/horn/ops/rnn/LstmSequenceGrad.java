package dev.horn.ops.rnn;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.DefaultGemm;
import dev.horn.internal.cpu.Parallel;
import dev.horn.ops.ShapeRules;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

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
public final class LstmSequenceGrad extends RecurrentOp {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

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
        float[] r = RnnLanes.dense(in[0]);
        float[] h0 = RnnLanes.dense(in[1]);
        float[] c0 = RnnLanes.dense(in[2]);
        float[] mask = RnnLanes.dense(in[3]);
        float[] h = RnnLanes.dense(in[4]);
        float[] c = RnnLanes.dense(in[5]);
        float[] gates = RnnLanes.dense(in[6]);
        float[] dH = RnnLanes.dense(in[7]);
        float[] dC = RnnLanes.dense(in[8]);
        int batch = in[6].shape().dim(0);
        int time = in[6].shape().dim(1);
        int u = in[0].shape().dim(0);
        int g = LstmSequence.GATES * u;
        float[] dz = new float[batch * time * g];
        float[] dhCarry = new float[batch * u];
        float[] dcCarry = new float[batch * u];
        // rows never meet going backwards either; each core runs the loop for its own rows
        Parallel.forRange(batch, rowGrain(time, u, g), (b0, b1) -> {
            float[] dhFromGemm = new float[(b1 - b0) * u];
            float[] tanhC = new float[u];
            boolean[] skipped = new boolean[b1 - b0];
            for (int t = time - 1; t >= 0; t--) {
                for (int b = b0; b < b1; b++) {
                    int row = (b * time + t) * u;
                    int gRow = (b * time + t) * g;
                    int carry = b * u;
                    skipped[b - b0] = mask[b * time + t] == 0;
                    if (skipped[b - b0]) {
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
                    cellBackward(gates, gRow, tanhC, dH, dC, row, dhCarry, dcCarry, carry, cPrev, cOff, dz, u);
                }
                // d h_{t-1} = dz[:, t] · recurrentᵀ; skipped rows of dz are zero and keep their carry
                DefaultGemm.sgemm(false, true, b1 - b0, u, g, dz, (b0 * time + t) * g, time * g, r, 0, g, dhFromGemm, 0, u, false);
                for (int b = b0; b < b1; b++) {
                    if (!skipped[b - b0]) {
                        System.arraycopy(dhFromGemm, (b - b0) * u, dhCarry, b * u, u);
                    }
                }
            }
        });
        float[] dR = kernelGradient(h0, h, dz, batch, time, u, g);
        return new Tensor[] {
                Tensor.wrap(outputs[0].dtype(), Shape.of(batch, time, g), dz),
                Tensor.wrap(outputs[1].dtype(), Shape.of(u, g), dR),
                Tensor.wrap(outputs[2].dtype(), Shape.of(batch, u), dhCarry),
                Tensor.wrap(outputs[3].dtype(), Shape.of(batch, u), dcCarry)};
    }

    /**
     * One row's gate gradients: from dh (upstream + carried) and dc (upstream + carried + through
     * h = o tanh c) to dz for the four gates' pre-activations, and the carry dc f to the step
     * before. Vectors over the units, then a scalar tail.
     */
    private static void cellBackward(float[] gates, int gRow, float[] tanhC, float[] dH, float[] dC, int row, float[] dhCarry,
                                     float[] dcCarry, int carry, float[] cPrev, int cOff, float[] dz, int u) {
        int j = 0;
        for (int upper = F.loopBound(u); j < upper; j += F.length()) {
            FloatVector i = FloatVector.fromArray(F, gates, gRow + j);
            FloatVector f = FloatVector.fromArray(F, gates, gRow + u + j);
            FloatVector g = FloatVector.fromArray(F, gates, gRow + 2 * u + j);
            FloatVector o = FloatVector.fromArray(F, gates, gRow + 3 * u + j);
            FloatVector tc = FloatVector.fromArray(F, tanhC, j);
            FloatVector dh = FloatVector.fromArray(F, dH, row + j).add(FloatVector.fromArray(F, dhCarry, carry + j));
            FloatVector dc = FloatVector.fromArray(F, dC, row + j);
            dc = dc.add(FloatVector.fromArray(F, dcCarry, carry + j)).add(dh.mul(o).mul(tc.mul(tc).neg().add(1f)));
            dc.mul(g).mul(i).mul(i.neg().add(1f)).intoArray(dz, gRow + j);
            dc.mul(FloatVector.fromArray(F, cPrev, cOff + j)).mul(f).mul(f.neg().add(1f)).intoArray(dz, gRow + u + j);
            dc.mul(i).mul(g.mul(g).neg().add(1f)).intoArray(dz, gRow + 2 * u + j);
            dh.mul(tc).mul(o).mul(o.neg().add(1f)).intoArray(dz, gRow + 3 * u + j);
            dc.mul(f).intoArray(dcCarry, carry + j);
        }
        for (; j < u; j++) {
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

}
