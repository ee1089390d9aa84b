package dev.horn.keras.layers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code RandomFlip}: in training each image is mirrored left-right ("horizontal"),
 * top-bottom ("vertical") or each of both independently ("horizontal_and_vertical", the
 * default), each with probability 1/2; at inference the images pass unchanged.
 */
public final class RandomFlip extends FluentLayer<RandomFlip> {
    private final String mode;
    private Long seed;

    public RandomFlip() {
        this("horizontal_and_vertical");
    }

    public RandomFlip(String mode) {
        if (!mode.equals("horizontal") && !mode.equals("vertical") && !mode.equals("horizontal_and_vertical")) {
            throw new IllegalArgumentException("RandomFlip layer " + name() + " received an unknown mode argument "
                    + mode + " (expected \"horizontal\", \"vertical\" or \"horizontal_and_vertical\")");
        }
        this.mode = mode;
    }

    public RandomFlip seed(long value) {
        seed = value;
        return this;
    }

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
        Tensor x = single ? tf.expandDims(inputs, 0) : inputs;
        if (!mode.equals("vertical")) {
            x = flipSome(x, 2);
        }
        if (!mode.equals("horizontal")) {
            x = flipSome(x, 1);
        }
        return single ? tf.squeeze(x, 0) : x;
    }

    /** Each image mirrored along {@code axis} with probability 1/2. */
    private Tensor flipSome(Tensor x, int axis) {
        int n = x.shape().dim(0);
        Tensor u = seed == null ? tf.randomUniform(new int[] {n, 1, 1, 1}, 0, 1, DType.FLOAT32)
                : tf.randomUniform(new int[] {n, 1, 1, 1}, 0, 1, DType.FLOAT32, seed);
        Tensor flip = tf.cast(tf.less(u, Tensor.scalar(DType.FLOAT32, 0.5)), x.dtype());
        Tensor keep = Tensor.scalar(x.dtype(), 1).sub(flip);
        return tf.reverse(x, axis).mul(flip).add(x.mul(keep));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("mode", mode);
        config.put("seed", seed);
        return config;
    }
}
