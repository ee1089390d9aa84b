package dev.horn;

import dev.horn.internal.cpu.HeapArrays;
import java.lang.reflect.Array;

/**
 * Turns nested Java arrays ({@code float[][]}, {@code int[][][]}, ...) into tensors: the
 * nesting depth is the rank, the lengths are the dimensions, and rows must be equal in length.
 * A boxed scalar ({@code 3.5f}, {@code 2L}, {@code true}, {@code "a"}) gives a rank-0 tensor.
 */
final class NestedArrays {
    private NestedArrays() {}

    static Tensor toTensor(Object nested) {
        if (nested == null) {
            throw new IllegalArgumentException("Tensor.of expects a Java array or a boxed scalar, got null");
        }
        if (!nested.getClass().isArray()) {
            return scalar(nested);
        }
        int rank = 0;
        Class<?> element = nested.getClass();
        while (element.isArray()) {
            element = element.getComponentType();
            rank++;
        }
        DType dtype = dtypeOf(element);
        if (dtype == null) {
            throw new IllegalArgumentException("Tensor.of: unsupported element type " + element.getSimpleName()
                    + "; expected float, double, int, long, boolean or String arrays");
        }
        // dimensions from the first row at every depth; under an empty axis the rest are 0
        int[] shape = new int[rank];
        Object probe = nested;
        for (int d = 0; d < rank; d++) {
            if (probe == null) {
                throw new IllegalArgumentException("Tensor.of: null row at depth " + d);
            }
            shape[d] = Array.getLength(probe);
            probe = shape[d] > 0 && d + 1 < rank ? Array.get(probe, 0) : null;
            if (shape[d] == 0) {
                break;
            }
        }
        Shape s = Shape.of(shape);
        Object flat = HeapArrays.newArray(dtype, s.size());
        int[] next = {0};
        flatten(nested, 0, shape, flat, next, new int[rank]);
        if (dtype == DType.STRING) {
            for (String v : (String[]) flat) {
                if (v == null) {
                    throw new IllegalArgumentException("Tensor.of: null string element");
                }
            }
        }
        return Tensor.wrap(dtype, s, flat);
    }

    private static DType dtypeOf(Class<?> element) {
        return element == float.class ? DType.FLOAT32
                : element == double.class ? DType.FLOAT64
                : element == int.class ? DType.INT32
                : element == long.class ? DType.INT64
                : element == boolean.class ? DType.BOOL
                : element == String.class ? DType.STRING
                : null;
    }

    private static Tensor scalar(Object value) {
        return switch (value) {
            case Float f -> Tensor.scalar(f);
            case Double d -> Tensor.scalar(d);
            case Integer i -> Tensor.scalar(i);
            case Long l -> Tensor.scalar(l);
            case Boolean b -> Tensor.scalar(b);
            case String str -> Tensor.wrap(DType.STRING, Shape.scalar(), new String[] {str});
            default -> throw new IllegalArgumentException("Tensor.of expects a Java array or a boxed scalar, got "
                    + value.getClass().getSimpleName());
        };
    }

    private static void flatten(Object array, int depth, int[] shape, Object flat, int[] next, int[] at) {
        if (array == null) {
            throw new IllegalArgumentException("Tensor.of: null row at " + position(at, depth));
        }
        int length = Array.getLength(array);
        if (length != shape[depth]) {
            throw new IllegalArgumentException("Tensor.of: ragged array: row " + position(at, depth) + " has " + length
                    + " elements but the first row at depth " + depth + " has " + shape[depth]
                    + "; every row must have the same length");
        }
        if (depth == shape.length - 1) {
            System.arraycopy(array, 0, flat, next[0], length);
            next[0] += length;
            return;
        }
        for (int i = 0; i < length; i++) {
            at[depth] = i;
            flatten(Array.get(array, i), depth + 1, shape, flat, next, at);
        }
    }

    /** The index path of a row, such as {@code [1][0]}. */
    private static String position(int[] at, int depth) {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < depth; d++) {
            sb.append('[').append(at[d]).append(']');
        }
        return depth == 0 ? "[]" : sb.toString();
    }
}
