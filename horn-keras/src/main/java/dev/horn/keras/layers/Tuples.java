package dev.horn.keras.layers;

import java.util.Arrays;

/**
 * Keras' {@code normalize_tuple}: a spatial argument given as one number for every axis or one
 * per axis ({@code kernelSize(3)} is {@code (3, 3)} in a 2-D layer), checked to be in range.
 */
final class Tuples {
    private Tuples() {}

    static int[] of(String layer, String argument, int rank, int minimum, int... values) {
        if (values.length != 1 && values.length != rank) {
            throw new IllegalArgumentException(layer + ": The `" + argument + "` argument must be a tuple of " + rank
                    + " integers. Received: " + argument + "=" + Arrays.toString(values));
        }
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            out[i] = values.length == 1 ? values[0] : values[i];
            if (out[i] < minimum) {
                throw new IllegalArgumentException(layer + ": The `" + argument + "` argument must be a tuple of "
                        + rank + " integers >= " + minimum + ". Received: " + argument + "=" + Arrays.toString(values));
            }
        }
        return out;
    }

    /** A tuple as a config list. */
    static java.util.List<Integer> list(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    /**
     * Margins around a 2-D image as {@code ((top, bottom), (left, right))}, from one number for
     * all four, two ({@code (rows, cols)}, each on both sides) or four (top, bottom, left, right).
     */
    static int[][] margins(String layer, String argument, int... values) {
        int[] v = switch (values.length) {
            case 1 -> new int[] {values[0], values[0], values[0], values[0]};
            case 2 -> new int[] {values[0], values[0], values[1], values[1]};
            case 4 -> values.clone();
            default -> throw new IllegalArgumentException(layer + ": `" + argument + "` should be one integer, two "
                    + "(symmetric height and width) or four (top, bottom, left, right). Received: " + argument + "="
                    + Arrays.toString(values));
        };
        for (int x : v) {
            if (x < 0) {
                throw new IllegalArgumentException(layer + ": `" + argument + "` must be non-negative. Received: "
                        + argument + "=" + Arrays.toString(values));
            }
        }
        return new int[][] {{v[0], v[1]}, {v[2], v[3]}};
    }

    /** Margins as Keras' config nests them: [[top, bottom], [left, right]]. */
    static java.util.List<java.util.List<Integer>> list(int[][] margins) {
        return Arrays.stream(margins).map(Tuples::list).toList();
    }

    /** A (lower, upper) factor as Keras' config keeps it: the one number f for (-f, f), else the pair. */
    static Object factor(double[] range) {
        return range[0] == -range[1] ? (Object) range[1] : Arrays.stream(range).boxed().toList();
    }
}
