package dev.horn.keras.layers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * What Keras' augmentation layers share: active only in training (at inference images pass
 * unchanged), channels-last images batched (rank 4) or single (rank 3), and random draws made
 * by ops, so a compiled train step draws anew at every call ({@code seed} fixes the stream).
 */
public abstract sealed class ImageAugmentation<L extends ImageAugmentation<L>> extends FluentLayer<L>
        permits RandomFlip, RandomImageTransform {
    private Long seed;

    @SuppressWarnings("unchecked")
    public L seed(long value) {
        seed = value;
        return (L) this;
    }

    /** Float32 draws of this shape, uniform in [low, high). */
    Tensor uniform(int[] shape, double low, double high) {
        return seed == null ? tf.randomUniform(shape, low, high, DType.FLOAT32)
                : tf.randomUniform(shape, low, high, DType.FLOAT32, seed);
    }

    /** The training-time change of a [n, h, w, c] batch. */
    abstract Tensor augment(Tensor images);

    @Override
    protected void checkInputShape(Shape inputShape) {
        if (inputShape.rank() != 3 && inputShape.rank() != 4) {
            throw InputSpec.incompatible(this, "expected ndim=4 (or 3 for one image), found ndim=" + inputShape.rank()
                    + ". Full shape received: " + Shapes.tuple(inputShape));
        }
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        if (!training) {
            return inputs;
        }
        boolean single = inputs.rank() == 3;
        Tensor y = augment(single ? tf.expandDims(inputs, 0) : inputs);
        return single ? tf.squeeze(y, 0) : y;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("seed", seed);
        return config;
    }
}
