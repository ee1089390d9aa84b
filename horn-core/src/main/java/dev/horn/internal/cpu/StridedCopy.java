package dev.horn.internal.cpu;

import dev.horn.DType;

/** Gathers a strided view into a fresh row-major array: the one place views become contiguous. */
public final class StridedCopy {
    private StridedCopy() {}

    public static Object copy(Object src, int offset, int[] strides, int[] dims, DType dtype) {
        int rank = dims.length;
        int size = 1;
        for (int d : dims) {
            size *= d;
        }
        Object dst = HeapArrays.newArray(dtype, size);
        if (size == 0) {
            return dst;
        }
        if (rank == 0) {
            System.arraycopy(src, offset, dst, 0, 1);
            return dst;
        }
        int inner = dims[rank - 1];
        int innerStride = strides[rank - 1];
        int[] index = new int[rank];
        int pos = offset;
        for (int out = 0; out < size; out += inner) {
            if (innerStride == 1) {
                System.arraycopy(src, pos, dst, out, inner);
            } else {
                copyStrided(src, pos, innerStride, dst, out, inner, dtype);
            }
            // advance the multi-index over all but the last axis
            for (int ax = rank - 2; ax >= 0; ax--) {
                index[ax]++;
                pos += strides[ax];
                if (index[ax] < dims[ax]) {
                    break;
                }
                pos -= strides[ax] * dims[ax];
                index[ax] = 0;
            }
        }
        return dst;
    }

    private static void copyStrided(Object src, int pos, int stride, Object dst, int out, int n, DType dtype) {
        switch (dtype) {
            case FLOAT32 -> {
                float[] s = (float[]) src;
                float[] d = (float[]) dst;
                for (int i = 0; i < n; i++) {
                    d[out + i] = s[pos + i * stride];
                }
            }
            case FLOAT64 -> {
                double[] s = (double[]) src;
                double[] d = (double[]) dst;
                for (int i = 0; i < n; i++) {
                    d[out + i] = s[pos + i * stride];
                }
            }
            case INT32 -> {
                int[] s = (int[]) src;
                int[] d = (int[]) dst;
                for (int i = 0; i < n; i++) {
                    d[out + i] = s[pos + i * stride];
                }
            }
            case INT64 -> {
                long[] s = (long[]) src;
                long[] d = (long[]) dst;
                for (int i = 0; i < n; i++) {
                    d[out + i] = s[pos + i * stride];
                }
            }
            case BOOL -> {
                boolean[] s = (boolean[]) src;
                boolean[] d = (boolean[]) dst;
                for (int i = 0; i < n; i++) {
                    d[out + i] = s[pos + i * stride];
                }
            }
            case STRING -> {
                Object[] s = (Object[]) src;
                Object[] d = (Object[]) dst;
                for (int i = 0; i < n; i++) {
                    d[out + i] = s[pos + i * stride];
                }
            }
        }
    }
}
