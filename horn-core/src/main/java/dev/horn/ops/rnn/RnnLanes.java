package dev.horn.ops.rnn;

import dev.horn.internal.cpu.VectorMath;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The element-wise pieces of the recurrent kernels, on runs of one row of floats with the
 * widest vectors the CPU has: gate activations in place, and the products of the cell update.
 * Sigmoid is computed as 0.5 tanh(x/2) + 0.5, which is exact and needs one transcendental.
 */
final class RnnLanes {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private RnnLanes() {}

    /** The tensor's floats from index 0: its own storage when that is already dense from 0 (no copy), else a copy. */
    static float[] dense(dev.horn.Tensor t) {
        return t.isContiguous() && t.offset() == 0 ? (float[]) t.storage() : t.contiguous().toFloatArray();
    }

    static void sigmoidInPlace(float[] a, int off, int len) {
        int i = 0;
        for (int upper = F.loopBound(len); i < upper; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, a, off + i);
            VectorMath.tanh(v.mul(0.5f)).fma(0.5f, 0.5f).intoArray(a, off + i);
        }
        for (; i < len; i++) {
            a[off + i] = sigmoid(a[off + i]);
        }
    }

    static void tanhInPlace(float[] a, int off, int len) {
        int i = 0;
        for (int upper = F.loopBound(len); i < upper; i += F.length()) {
            VectorMath.tanh(FloatVector.fromArray(F, a, off + i)).intoArray(a, off + i);
        }
        for (; i < len; i++) {
            a[off + i] = (float) Math.tanh(a[off + i]);
        }
    }

    static float sigmoid(float x) {
        return (float) (0.5 * Math.tanh(0.5 * x) + 0.5);
    }

    /** out[i] = a[i] * b[i] + c[i] * d[i]. */
    static void mulAddMul(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, float[] d, int dOff,
                          float[] out, int outOff, int len) {
        int i = 0;
        for (int upper = F.loopBound(len); i < upper; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, aOff + i).mul(FloatVector.fromArray(F, b, bOff + i));
            x.add(FloatVector.fromArray(F, c, cOff + i).mul(FloatVector.fromArray(F, d, dOff + i))).intoArray(out, outOff + i);
        }
        for (; i < len; i++) {
            out[outOff + i] = a[aOff + i] * b[bOff + i] + c[cOff + i] * d[dOff + i];
        }
    }

    /** out[i] = a[i] * tanh(b[i]). */
    static void mulTanh(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int len) {
        int i = 0;
        for (int upper = F.loopBound(len); i < upper; i += F.length()) {
            FloatVector t = VectorMath.tanh(FloatVector.fromArray(F, b, bOff + i));
            FloatVector.fromArray(F, a, aOff + i).mul(t).intoArray(out, outOff + i);
        }
        for (; i < len; i++) {
            out[outOff + i] = a[aOff + i] * (float) Math.tanh(b[bOff + i]);
        }
    }
}
