package dev.horn.internal.cpu;

/**
 * What a float32 GEMM does to C's elements as it stores the finished sums: add a bias per
 * column and optionally clamp below zero (relu), TensorFlow's fused MatMul + BiasAdd + Relu. C
 * = relu(op(A) op(B) + bias) then costs no pass of its own over C; every element is the full
 * product's sum plus the bias, then the clamp, the same float operations in the same order as
 * matmul, add and relu run one after another, so the bits are theirs.
 *
 * @param bias n floats, column j's at {@code biasOffset + j}
 * @param relu clamp the biased sums below zero (NaN stays NaN, as relu's max(x, 0))
 */
public record GemmEpilogue(float[] bias, int biasOffset, boolean relu) {
    /** The same epilogue for the columns from {@code j0} on (a piece of C's columns). */
    GemmEpilogue from(int j0) {
        return j0 == 0 ? this : new GemmEpilogue(bias, biasOffset + j0, relu);
    }

    /** Applies it to rows [0, m) x columns [0, n) of C already holding the sums (the native BLAS path). */
    void applyTo(float[] c, int cOff, int ldc, int m, int n) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[row + j] = value(c[row + j], j);
            }
        }
    }

    /** One finished sum of column j, biased and clamped. */
    float value(float sum, int j) {
        float v = sum + bias[biasOffset + j];
        return relu ? Math.max(v, 0f) : v;
    }
}
