package dev.horn.ops.array;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.internal.cpu.HeapArrays;
import java.util.Arrays;

/** Copy and fill loops shared by this package's kernels (views are read through StridedCopy). */
final class ArrayKernels {
    private ArrayKernels() {}

    /**
     * Writes the elements of {@code src} (any layout) into {@code dst}, element {@code i} of src
     * going to {@code dstOffset + sum(index[ax] * dstStrides[ax])}: a strided region of dst.
     */
    static void copyInto(Tensor src, Object dst, int dstOffset, int[] dstStrides) {
        Tensor s = src.contiguous();
        int[] dims = s.shape().dims();
        int size = s.size();
        if (size == 0) {
            return;
        }
        Object from = s.storage();
        int rank = dims.length;
        if (rank == 0) {
            System.arraycopy(from, s.offset(), dst, dstOffset, 1);
            return;
        }
        int inner = dims[rank - 1];
        int innerStride = dstStrides[rank - 1];
        int[] index = new int[rank];
        int pos = dstOffset;
        for (int in = 0; in < size; in += inner) {
            if (innerStride == 1) {
                System.arraycopy(from, s.offset() + in, dst, pos, inner);
            } else {
                for (int i = 0; i < inner; i++) {
                    System.arraycopy(from, s.offset() + in + i, dst, pos + i * innerStride, 1);
                }
            }
            for (int ax = rank - 2; ax >= 0; ax--) {
                index[ax]++;
                pos += dstStrides[ax];
                if (index[ax] < dims[ax]) {
                    break;
                }
                pos -= dstStrides[ax] * dims[ax];
                index[ax] = 0;
            }
        }
    }

    /** A fresh array of n elements all equal to value (strings: empty, bools: value != 0). */
    static Object filled(DType dtype, int n, double value) {
        Object a = HeapArrays.newArray(dtype, n);
        switch (dtype) {
            case FLOAT32 -> Arrays.fill((float[]) a, (float) value);
            case FLOAT64 -> Arrays.fill((double[]) a, value);
            case INT32 -> Arrays.fill((int[]) a, (int) value);
            case INT64 -> Arrays.fill((long[]) a, (long) value);
            case BOOL -> Arrays.fill((boolean[]) a, value != 0);
            case STRING -> Arrays.fill((String[]) a, "");
        }
        return a;
    }

    /** The values of an int32 or int64 tensor as longs, row-major. */
    static long[] indices(Tensor t) {
        Tensor c = t.contiguous();
        long[] out = new long[c.size()];
        if (c.dtype() == DType.INT32) {
            int[] s = (int[]) c.storage();
            for (int i = 0; i < out.length; i++) {
                out[i] = s[c.offset() + i];
            }
        } else {
            System.arraycopy(c.storage(), c.offset(), out, 0, out.length);
        }
        return out;
    }

    static void integerIndices(String op, String what, dev.horn.TensorSpec t) {
        if (!t.dtype().isInteger()) {
            throw new IllegalArgumentException(op + ": " + what + " must be int32 or int64, got " + t.dtype());
        }
    }

    static int product(int[] dims, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) {
            p *= dims[i];
        }
        return p;
    }
}
