package dev.horn.internal.cpu;

import dev.horn.Shape;
import dev.horn.Tensor;

/**
 * Walks the output of an element-wise op with numpy broadcasting, handing the kernel
 * contiguous output segments. Along a segment each input either advances one element per
 * output element (stride 1) or repeats one element (stride 0), which is what vector loops
 * need. Adjacent axes that every input treats alike are merged first, so same-shape inputs are
 * one segment and a bias added to rows is one segment per row.
 */
public final class BroadcastLoop {
    /** Elements per parallel chunk: below twice this an op runs on one core. */
    public static final int GRAIN = Integer.getInteger("horn.grain", 1 << 15);

    @FunctionalInterface
    public interface Segment {
        /**
         * Computes output elements [outPos, outPos + length); input k starts at storage index
         * {@code offsets[k]} and advances by {@code strides[k]} (0 or 1) per element.
         */
        void run(int outPos, int length, int[] offsets, int[] strides);
    }

    private final int[] dims;
    private final int[][] inputStrides;
    private final int[] baseOffsets;
    private final int size;

    /** Inputs must be contiguous (see {@link Tensor#contiguous()}) and broadcast to {@code out}. */
    public BroadcastLoop(Shape out, Tensor... inputs) {
        int rank = out.rank();
        int[] outDims = out.dims();
        int[][] strides = new int[inputs.length][rank];
        baseOffsets = new int[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            Tensor t = inputs[k];
            baseOffsets[k] = t.offset();
            int[] own = t.shape().strides();
            int shift = rank - t.rank();
            for (int ax = 0; ax < t.rank(); ax++) {
                strides[k][ax + shift] = t.shape().dim(ax) == 1 && outDims[ax + shift] != 1 ? 0 : own[ax];
            }
        }
        // merge axis ax into ax+1 when every input's stride on ax equals stride(ax+1) * dim(ax+1)
        int[] mergedDims = new int[Math.max(rank, 1)];
        int[][] mergedStrides = new int[inputs.length][Math.max(rank, 1)];
        int m = 0;
        for (int ax = 0; ax < rank; ax++) {
            if (outDims[ax] == 1) {
                continue; // a size-1 axis moves no input
            }
            boolean mergeable = m > 0;
            for (int k = 0; k < inputs.length && mergeable; k++) {
                mergeable = mergedStrides[k][m - 1] == strides[k][ax] * outDims[ax];
            }
            if (!mergeable) {
                mergedDims[m++] = 1;
            }
            mergedDims[m - 1] *= outDims[ax];
            for (int k = 0; k < inputs.length; k++) {
                mergedStrides[k][m - 1] = strides[k][ax];
            }
        }
        if (m == 0) {
            m = 1;
            mergedDims[0] = 1;
        }
        dims = java.util.Arrays.copyOf(mergedDims, m);
        inputStrides = new int[inputs.length][];
        for (int k = 0; k < inputs.length; k++) {
            inputStrides[k] = java.util.Arrays.copyOf(mergedStrides[k], m);
            int inner = inputStrides[k][m - 1];
            if (inner != 0 && inner != 1) {
                throw new IllegalArgumentException("input " + k + " is not contiguous");
            }
        }
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        size = out.size() == 0 ? 0 : n;
    }

    public int size() {
        return size;
    }

    /** Elements per segment where no range cuts it: the merged innermost axis. */
    public int innerLength() {
        return dims[dims.length - 1];
    }

    /** Runs the kernel over all segments, split across cores when large. */
    public void run(Segment kernel) {
        Parallel.forRangeBalanced(size, GRAIN, (start, end) -> runRange(start, end, kernel));
    }

    private void runRange(int start, int end, Segment kernel) {
        int rank = dims.length;
        int inner = dims[rank - 1];
        int inputs = baseOffsets.length;
        int[] offsets = new int[inputs];
        int[] innerStrides = new int[inputs];
        for (int k = 0; k < inputs; k++) {
            innerStrides[k] = inputStrides[k][rank - 1];
        }
        int pos = start;
        while (pos < end) {
            int row = pos / inner;
            int col = pos - row * inner;
            int length = Math.min(inner - col, end - pos);
            for (int k = 0; k < inputs; k++) {
                int off = baseOffsets[k] + col * innerStrides[k];
                int r = row;
                for (int ax = rank - 2; ax >= 0 && r > 0; ax--) {
                    off += (r % dims[ax]) * inputStrides[k][ax];
                    r /= dims[ax];
                }
                offsets[k] = off;
            }
            kernel.run(pos, length, offsets, innerStrides);
            pos += length;
        }
    }
}
