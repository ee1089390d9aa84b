package dev.horn.ops.sort;

/** The order of {@code tf.sort} and {@code tf.argsort}. */
public enum SortDirection {
    ASCENDING,
    DESCENDING
}
