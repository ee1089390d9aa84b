package dev.horn.ops.math;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

import static dev.horn.Tf.tf;

/**
 * Converts to another dtype, as {@code tf.cast}: float to integer truncates toward zero,
 * numbers to bool are {@code x != 0}, bool to numbers 0/1. Strings cast only to strings.
 */
public final class Cast extends Op {
    private final DType to;

    public Cast(DType to) {
        super("cast");
        this.to = to;
    }

    @Override
    public String attributes() {
        return "dtype=" + to;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        if ((inputs[0].dtype() == DType.STRING) != (to == DType.STRING)) {
            throw new IllegalArgumentException("cast: cannot cast " + inputs[0].dtype() + " to " + to);
        }
        return new TensorSpec[] {new TensorSpec(to, inputs[0].shape())};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0];
        if (x.dtype() == to) {
            return new Tensor[] {x};
        }
        x = x.contiguous();
        int n = x.size();
        int off = x.offset();
        Object src = x.storage();
        Object dst = HeapArrays.newArray(to, n);
        switch (to) {
            case FLOAT32 -> {
                float[] d = (float[]) dst;
                switch (x.dtype()) {
                    case FLOAT64 -> { double[] s = (double[]) src; for (int i = 0; i < n; i++) d[i] = (float) s[off + i]; }
                    case INT32 -> { int[] s = (int[]) src; for (int i = 0; i < n; i++) d[i] = s[off + i]; }
                    case INT64 -> { long[] s = (long[]) src; for (int i = 0; i < n; i++) d[i] = s[off + i]; }
                    case BOOL -> { boolean[] s = (boolean[]) src; for (int i = 0; i < n; i++) d[i] = s[off + i] ? 1 : 0; }
                    default -> throw unsupported(x.dtype());
                }
            }
            case FLOAT64 -> {
                double[] d = (double[]) dst;
                for (int i = 0; i < n; i++) {
                    d[i] = asDouble(src, x.dtype(), off + i);
                }
            }
            case INT32 -> {
                int[] d = (int[]) dst;
                for (int i = 0; i < n; i++) {
                    d[i] = (int) asLong(src, x.dtype(), off + i);
                }
            }
            case INT64 -> {
                long[] d = (long[]) dst;
                for (int i = 0; i < n; i++) {
                    d[i] = asLong(src, x.dtype(), off + i);
                }
            }
            case BOOL -> {
                boolean[] d = (boolean[]) dst;
                for (int i = 0; i < n; i++) {
                    d[i] = asDouble(src, x.dtype(), off + i) != 0;
                }
            }
            default -> throw unsupported(x.dtype());
        }
        return new Tensor[] {Tensor.wrap(to, x.shape(), dst)};
    }

    private static double asDouble(Object src, DType from, int i) {
        return switch (from) {
            case FLOAT32 -> ((float[]) src)[i];
            case FLOAT64 -> ((double[]) src)[i];
            case INT32 -> ((int[]) src)[i];
            case INT64 -> ((long[]) src)[i];
            case BOOL -> ((boolean[]) src)[i] ? 1 : 0;
            case STRING -> throw new IllegalArgumentException("cast: string is not a number");
        };
    }

    private static long asLong(Object src, DType from, int i) {
        return switch (from) {
            case INT32 -> ((int[]) src)[i];
            case INT64 -> ((long[]) src)[i];
            default -> (long) asDouble(src, from, i);
        };
    }

    private IllegalArgumentException unsupported(DType from) {
        return new IllegalArgumentException("cast: cannot cast " + from + " to " + to);
    }

    /** Gradients flow between floating types only. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        boolean flows = in[0].dtype().isFloating() && to.isFloating();
        return new Tensor[] {flows ? tf.cast(g[0], in[0].dtype()) : null};
    }
}
