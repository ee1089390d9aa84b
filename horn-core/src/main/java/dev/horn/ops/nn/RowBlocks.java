package dev.horn.ops.nn;

import dev.horn.internal.cpu.Parallel;

/**
 * How im2col convolution splits its output rows (image, position) into blocks: about
 * {@link #COLUMNS} column-matrix elements each (so a block's columns stay in a core's L2 cache
 * while the GEMM reads them), at least {@link #MIN_ROWS} rows (so the GEMM's packing of the
 * filters is repaid), a multiple of 4 rows (the GEMM's register tile), and when there are few
 * blocks, as many as a multiple of the thread count, so no core idles at the end.
 *
 * @param total rows in all
 * @param rows rows per block (the last may have fewer)
 * @param count blocks
 */
record RowBlocks(int total, int rows, int count) {
    static final int COLUMNS = 1 << 16;
    static final int MIN_ROWS = 192;

    static RowBlocks of(ConvLayout l) {
        int total = l.batch() * l.outSpatial();
        int rows = Math.max(MIN_ROWS, COLUMNS / Math.max(1, l.k()));
        int count = Math.max(1, (total + rows - 1) / rows);
        int threads = Parallel.threads();
        if (count < 8 * threads && total >= threads * 4) {
            count = (count + threads - 1) / threads * threads;
        }
        rows = ((total + count - 1) / count + 3) / 4 * 4;
        count = Math.max(1, (total + rows - 1) / rows);
        return new RowBlocks(total, rows, count);
    }
}
