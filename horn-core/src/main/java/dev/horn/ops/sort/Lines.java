package dev.horn.ops.sort;

import dev.horn.Shape;

/**
 * A tensor seen as lines along one axis: [outer, n, inner] row-major, line {@code l} starting at
 * {@code (l / inner) * n * inner + l % inner} with stride {@code inner}.
 */
record Lines(int outer, int n, int inner) {
    static Lines of(Shape shape, int axis) {
        int outer = 1;
        int inner = 1;
        for (int i = 0; i < axis; i++) {
            outer *= shape.dim(i);
        }
        for (int i = axis + 1; i < shape.rank(); i++) {
            inner *= shape.dim(i);
        }
        return new Lines(outer, shape.dim(axis), inner);
    }

    int count() {
        return outer * inner;
    }

    /** Where line {@code l} starts when the axis has {@code length} elements. */
    int start(int l, int length) {
        return (l / inner) * length * inner + l % inner;
    }
}
