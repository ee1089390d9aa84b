package dev.horn.keras;

import dev.horn.Tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Assertions on tensor values against numbers computed in double precision elsewhere (numpy). */
public final class Expect {
    private Expect() {}

    /** Each value equal to the expected one within 1e-5 relative or 1e-6 absolute (float32 rounding). */
    public static void values(Tensor actual, double... expected) {
        double[] v = actual.toDoubleArray();
        assertThat(v).as("number of values of %s", actual).hasSize(expected.length);
        for (int i = 0; i < v.length; i++) {
            double tolerance = Math.max(1e-6, 1e-5 * Math.abs(expected[i]));
            assertThat(v[i]).as("value %d of %s", i, actual).isCloseTo(expected[i], within(tolerance));
        }
    }

    /** A scalar close to the expected value. */
    public static void scalar(Tensor actual, double expected) {
        assertThat(actual.rank()).as("rank of %s", actual).isZero();
        values(actual, expected);
    }

    public static Tensor t(float[][] values) {
        return Tensor.of(values);
    }

    public static Tensor t(float... values) {
        return Tensor.of(values, values.length);
    }
}
