package dev.horn.internal.cpu;

/**
 * Where a float32 GEMM hands its finished sums when nothing needs C itself: an optimizer's
 * update consumes a weight gradient tile by tile while the tile is still in registers' reach,
 * so the gradient is never written to memory and read back ({@link Gemm#sgemm(boolean, boolean,
 * int, int, int, float[], int, int, float[], int, int, GemmSink)}). Each element of C reaches
 * the sink exactly once, with the bits a stored C would hold; blocks may arrive from several
 * threads at once, never overlapping.
 */
@FunctionalInterface
public interface GemmSink {
    /**
     * Rows [i, i + rows) by columns [j, j + cols) of C: element (i + r, j + c) is
     * {@code sums[off + r * stride + c]}.
     */
    void accept(int i, int j, int rows, int cols, float[] sums, int off, int stride);

}
