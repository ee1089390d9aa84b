package dev.horn.keras.metrics;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.keras.internal.LossUtils;

import static dev.horn.Tf.tf;

/**
 * The base of {@link Mean} and {@link Sum}, as Keras' {@code Reduce}: keeps a weighted
 * {@code total} (and, for a mean, the {@code count} of weight seen) of the values it is given.
 */
public abstract class Reduce extends Metric {
    private final boolean mean;
    private final Variable total;
    private final Variable count;

    Reduce(String name, boolean mean) {
        super(name);
        this.mean = mean;
        this.total = addWeight("total");
        this.count = mean ? addWeight("count") : null;
    }

    /**
     * Accumulates values, each weighted by {@code sampleWeight} (null means all ones). As Keras,
     * weights of shape [batch] or [batch, 1] meet values of shape [batch] or [batch, n]; weights
     * with fewer axes than that first reduce the values' extra trailing axes.
     */
    public void update(Tensor values, Tensor sampleWeight) {
        Tensor v = tf.cast(values, DType.FLOAT32);
        Tensor weightCount;
        if (sampleWeight == null) {
            weightCount = LossUtils.size(v, DType.FLOAT32);
        } else {
            Tensor w = LossUtils.alignWeights(v, sampleWeight);
            if (w.rank() > 0 && w.rank() < v.rank()) {
                int[] extra = new int[v.rank() - w.rank()];
                for (int i = 0; i < extra.length; i++) {
                    extra[i] = w.rank() + i;
                }
                v = mean ? tf.reduceMean(v, extra) : tf.reduceSum(v, extra);
            }
            w = LossUtils.broadcastWeights(w, v);
            v = v.mul(w);
            weightCount = tf.reduceSum(w);
        }
        total.assignAdd(tf.reduceSum(v));
        if (mean) {
            count.assignAdd(weightCount);
        }
    }

    /** Accumulates values with weight one each. */
    public void update(Tensor values) {
        update(values, null);
    }

    @Override
    public Tensor result() {
        return mean ? LossUtils.divNoNan(total.read(), count.read()) : total.read();
    }
}
