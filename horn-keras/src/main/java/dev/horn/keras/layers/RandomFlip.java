package dev.horn.keras.layers;

import dev.horn.DType;
import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code RandomFlip}: in training each image is mirrored left-right ("horizontal"),
 * top-bottom ("vertical") or each of both independently ("horizontal_and_vertical", the
 * default), each with probability 1/2; at inference the images pass unchanged.
 */
public final class RandomFlip extends ImageAugmentation<RandomFlip> {
    private final String mode;

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

    @Override
    Tensor augment(Tensor images) {
        Tensor x = images;
        if (!mode.equals("vertical")) {
            x = flipSome(x, 2);
        }
        if (!mode.equals("horizontal")) {
            x = flipSome(x, 1);
        }
        return x;
    }

    /** Each image mirrored along {@code axis} with probability 1/2. */
    private Tensor flipSome(Tensor x, int axis) {
        Tensor u = uniform(new int[] {x.shape().dim(0), 1, 1, 1}, 0, 1);
        Tensor flip = tf.cast(tf.less(u, Tensor.scalar(DType.FLOAT32, 0.5)), x.dtype());
        Tensor keep = Tensor.scalar(x.dtype(), 1).sub(flip);
        return tf.reverse(x, axis).mul(flip).add(x.mul(keep));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("mode", mode);
        return config;
    }
}
