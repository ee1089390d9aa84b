package dev.horn.keras.datasets;

import dev.horn.Tensor;

/**
 * One part of a data set: inputs {@code x} and targets {@code y}, with the examples along axis 0
 * of both, as {@code mnist$train$x} and {@code mnist$train$y} in R.
 */
public record Split(Tensor x, Tensor y) {
    public Split {
        if (x.rank() == 0 || y.rank() == 0 || x.shape().dim(0) != y.shape().dim(0)) {
            throw new IllegalArgumentException("x and y must hold the same number of examples along axis 0, got x "
                    + x.shape() + " and y " + y.shape());
        }
    }

    /** The number of examples. */
    public int size() {
        return x.shape().dim(0);
    }
}
