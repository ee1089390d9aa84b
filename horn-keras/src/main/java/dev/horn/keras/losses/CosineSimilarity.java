package dev.horn.keras.losses;

import dev.horn.Tensor;
import dev.horn.keras.internal.LossUtils;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code cosine_similarity} loss: the negative cosine of the angle between labels and
 * predictions along {@code axis}, {@code -sum(l2_normalize(yTrue) * l2_normalize(yPred), axis)},
 * so that minimising it makes them point the same way (-1 is the best value, 0 orthogonal).
 */
public final class CosineSimilarity extends Loss {
    private final int axis;

    /** Keras' default: along the last axis. */
    public CosineSimilarity() {
        this(-1);
    }

    public CosineSimilarity(int axis) {
        super("cosine_similarity");
        this.axis = axis;
    }

    /** The axis along which the vectors lie. */
    public CosineSimilarity axis(int value) {
        return new CosineSimilarity(value);
    }

    @Override
    public Tensor perSample(Tensor yTrue, Tensor yPred) {
        Tensor t = LossUtils.l2Normalize(tf.cast(yTrue, yPred.dtype()), axis);
        Tensor p = LossUtils.l2Normalize(yPred, axis);
        return tf.neg(tf.reduceSum(t.mul(p), axis));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("axis", axis);
        return config;
    }
}
