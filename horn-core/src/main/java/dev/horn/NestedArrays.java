package dev.horn;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/** Turns nested Java arrays ({@code float[][]}, {@code int[][][]}, ...) into tensors; rows must be equal in length. */
final class NestedArrays {
    private NestedArrays() {}

    static Tensor toTensor(Object nested) {
        if (nested == null || !nested.getClass().isArray()) {
            throw new IllegalArgumentException("Tensor.of expects a Java array, got "
                    + (nested == null ? "null" : nested.getClass().getSimpleName()));
        }
        List<Integer> dims = new ArrayList<>();
        Object probe = nested;
        while (probe != null && probe.getClass().isArray()) {
            dims.add(Array.getLength(probe));
            probe = Array.getLength(probe) > 0 ? Array.get(probe, 0) : null;
        }
        Class<?> leaf = nested.getClass();
        while (leaf.getComponentType().isArray()) {
            leaf = leaf.getComponentType();
        }
        Class<?> element = leaf.getComponentType();
        DType dtype = element == float.class ? DType.FLOAT32
                : element == double.class ? DType.FLOAT64
                : element == int.class ? DType.INT32
                : element == long.class ? DType.INT64
                : element == boolean.class ? DType.BOOL
                : element == String.class ? DType.STRING
                : null;
        if (dtype == null) {
            throw new IllegalArgumentException("Tensor.of: unsupported element type " + element.getSimpleName());
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        Object flat = dev.horn.internal.cpu.HeapArrays.newArray(dtype, size);
        int[] next = {0};
        flatten(nested, 0, shape, flat, next);
        return Tensor.wrap(dtype, Shape.of(shape), flat);
    }

    private static void flatten(Object array, int depth, int[] shape, Object flat, int[] next) {
        int length = Array.getLength(array);
        if (length != shape[depth]) {
            throw new IllegalArgumentException("Tensor.of: ragged array: expected " + shape[depth]
                    + " elements at depth " + depth + " but a row has " + length);
        }
        if (depth == shape.length - 1) {
            System.arraycopy(array, 0, flat, next[0], length);
            next[0] += length;
            return;
        }
        for (int i = 0; i < length; i++) {
            flatten(Array.get(array, i), depth + 1, shape, flat, next);
        }
    }
}
