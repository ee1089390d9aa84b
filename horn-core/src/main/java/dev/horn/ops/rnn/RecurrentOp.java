package dev.horn.ops.rnn;

import dev.horn.TensorSpec;
import dev.horn.internal.cpu.DefaultGemm;
import dev.horn.ops.Op;

/** What the fused recurrent ops and their gradients share: their cost, how they split rows across cores, and the recurrent kernel's gradient. */
abstract class RecurrentOp extends Op {
    RecurrentOp(String name) {
        super(name);
    }

    /** Each projection element meets a recurrent GEMM row of length u, so work grows with u. */
    @Override
    public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
        TensorSpec kernel = inputs[0].shape().rank() == 2 ? inputs[0] : inputs[1];
        return super.cost(inputs, outputs) * Math.max(1, kernel.shape().dim(0));
    }

    /**
     * Batch rows per chunk when the loop is split across cores by rows: enough that a chunk does
     * at least 2^20 multiply-adds in its recurrent GEMMs, below which a hand-off does not pay.
     */
    static int rowGrain(int time, int u, int g) {
        long perRow = Math.max(1L, (long) time * u * g);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ((1L << 20) + perRow - 1) / perRow));
    }

    /**
     * d recurrent kernel {@code [u, g]} = h_prevᵀ · dz over all steps in one GEMM, where h_prev is
     * h shifted one step later with h0 first ({@code [batch * time, u]}) and dz the gradients of
     * the recurrent projection ({@code [batch * time, g]}).
     */
    static float[] kernelGradient(float[] h0, float[] h, float[] dz, int batch, int time, int u, int g) {
        float[] hPrev = new float[batch * time * u];
        for (int b = 0; b < batch && time > 0; b++) {
            System.arraycopy(h0, b * u, hPrev, b * time * u, u);
            System.arraycopy(h, b * time * u, hPrev, b * time * u + u, (time - 1) * u);
        }
        float[] dR = new float[u * g];
        DefaultGemm.sgemm(true, false, u, g, batch * time, hPrev, 0, u, dz, 0, g, dR, 0, g, false);
        return dR;
    }
}
