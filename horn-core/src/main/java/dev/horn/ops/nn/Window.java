package dev.horn.ops.nn;

import dev.horn.Shape;
import java.util.Arrays;

/**
 * How a window slides over the spatial axes of a channels-last batch [batch, spatial..., channels]:
 * strides, dilations and padding per spatial axis, with TensorFlow's size and padding rules.
 * Convolutions take the window's extent from their filter, pooling ops from {@code ksize}.
 *
 * <p>SAME: out = ceil(in / stride), and the total padding max((out - 1) * stride + effective
 * kernel - in, 0) splits with the smaller half before, as TF does. VALID: out = (in - effective
 * kernel) / stride + 1, and a window larger than the input is an error.
 */
public record Window(int[] strides, int[] dilations, Padding padding) {
    public Window {
        strides = strides.clone();
        dilations = dilations.clone();
        if (strides.length != dilations.length) {
            throw new IllegalArgumentException("window: " + strides.length + " strides but " + dilations.length + " dilations");
        }
    }

    /** Spatial axes the window slides over. */
    public int rank() {
        return strides.length;
    }

    /** Checks that strides and dilations are positive, naming the op. */
    void validate(String op) {
        for (int i = 0; i < rank(); i++) {
            if (strides[i] < 1 || dilations[i] < 1) {
                throw new IllegalArgumentException(op + ": strides and dilations must be >= 1, got strides "
                        + Arrays.toString(strides) + ", dilations " + Arrays.toString(dilations));
            }
        }
    }

    private int effective(int kernel, int axis) {
        return (kernel - 1) * dilations[axis] + 1;
    }

    /**
     * The output's spatial dims for an input's spatial dims and the kernel's; {@code describe}
     * names the op and shapes for the error when a VALID window does not fit.
     */
    int[] outputDims(String op, int[] in, int[] kernel, String shapes) {
        int[] out = new int[rank()];
        for (int i = 0; i < rank(); i++) {
            if (in[i] == Shape.UNKNOWN) {
                out[i] = Shape.UNKNOWN;
            } else if (padding == Padding.SAME) {
                out[i] = (in[i] + strides[i] - 1) / strides[i];
            } else {
                int k = effective(kernel[i], i);
                if (k > in[i]) {
                    throw new IllegalArgumentException(op + ": the window (" + k + " on spatial axis " + i
                            + (dilations[i] > 1 ? ", dilated" : "") + ") is larger than the padded input (" + in[i]
                            + ") with VALID padding: " + shapes);
                }
                out[i] = (in[i] - k) / strides[i] + 1;
            }
        }
        return out;
    }

    /** Zeros before the input on each spatial axis. */
    int[] padBefore(int[] in, int[] kernel, int[] out) {
        int[] before = new int[rank()];
        if (padding == Padding.SAME) {
            for (int i = 0; i < rank(); i++) {
                before[i] = Math.max((out[i] - 1) * strides[i] + effective(kernel[i], i) - in[i], 0) / 2;
            }
        }
        return before;
    }

    /**
     * For every output position o and kernel position p (both flattened row-major over the
     * spatial axes), the flat spatial index of the input element the window reads there, or -1
     * where it reads padding: entry {@code o * prod(kernel) + p}. One table serves 1-, 2- and
     * 3-D windows alike, for im2col, its transpose and pooling.
     */
    int[] sources(int[] in, int[] kernel, int[] out) {
        int r = rank();
        int[] before = padBefore(in, kernel, out);
        int outSize = product(out);
        int kSize = product(kernel);
        int[] table = new int[outSize * kSize];
        int[] o = new int[r];
        int[] p = new int[r];
        for (int oi = 0; oi < outSize; oi++) {
            unflatten(oi, out, o);
            for (int pi = 0; pi < kSize; pi++) {
                unflatten(pi, kernel, p);
                int flat = 0;
                for (int a = 0; a < r; a++) {
                    int x = o[a] * strides[a] + p[a] * dilations[a] - before[a];
                    if (x < 0 || x >= in[a]) {
                        flat = -1;
                        break;
                    }
                    flat = flat * in[a] + x;
                }
                table[oi * kSize + pi] = flat;
            }
        }
        return table;
    }

    static int product(int[] dims) {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    private static void unflatten(int flat, int[] dims, int[] into) {
        for (int a = dims.length - 1; a >= 0; a--) {
            into[a] = flat % dims[a];
            flat /= dims[a];
        }
    }

    /** True when every output position reads exactly the input position it sits on (1x1, stride 1). */
    boolean isPointwise(int[] kernel) {
        for (int i = 0; i < rank(); i++) {
            if (kernel[i] != 1 || strides[i] != 1) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "strides=" + Arrays.toString(strides) + ", dilations=" + Arrays.toString(dilations) + ", padding=" + padding;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Window w && Arrays.equals(strides, w.strides) && Arrays.equals(dilations, w.dilations)
                && padding == w.padding;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(strides) + Arrays.hashCode(dilations)) + padding.hashCode();
    }
}
