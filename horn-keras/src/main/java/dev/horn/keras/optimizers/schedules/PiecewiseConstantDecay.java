package dev.horn.keras.optimizers.schedules;

import dev.horn.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code PiecewiseConstantDecay}: {@code values[0]} while {@code step <= boundaries[0]},
 * {@code values[i]} while {@code boundaries[i-1] < step <= boundaries[i]}, the last value after
 * the last boundary; one more value than boundaries.
 */
public final class PiecewiseConstantDecay extends KerasSchedule {
    private final long[] boundaries;
    private final double[] values;

    public PiecewiseConstantDecay(long[] boundaries, double[] values) {
        super("PiecewiseConstant");
        if (values.length != boundaries.length + 1) {
            throw new IllegalArgumentException("PiecewiseConstantDecay: the length of boundaries should be 1 less than "
                    + "the length of values; got " + boundaries.length + " boundaries and " + values.length + " values");
        }
        for (int i = 1; i < boundaries.length; i++) {
            if (boundaries[i] <= boundaries[i - 1]) {
                throw new IllegalArgumentException("PiecewiseConstantDecay: boundaries must increase, got "
                        + java.util.Arrays.toString(boundaries));
            }
        }
        this.boundaries = boundaries.clone();
        this.values = values.clone();
    }

    @Override
    public Tensor apply(Tensor step) {
        Tensor s = tf.cast(step, dev.horn.DType.INT64);
        Tensor rate = f(values[values.length - 1]);
        for (int i = boundaries.length - 1; i >= 0; i--) {
            rate = tf.where(tf.lessEqual(s, Tensor.scalar(boundaries[i])), f(values[i]), rate);
        }
        return rate;
    }

    @Override
    protected Map<String, Object> config() {
        List<Object> b = new ArrayList<>();
        for (long x : boundaries) {
            b.add(x);
        }
        List<Object> v = new ArrayList<>();
        for (double x : values) {
            v.add(x);
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("boundaries", b);
        c.put("values", v);
        c.put("name", "PiecewiseConstant");
        return c;
    }
}
