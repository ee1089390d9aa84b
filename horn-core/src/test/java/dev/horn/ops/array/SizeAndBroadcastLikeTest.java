package dev.horn.ops.array;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SizeAndBroadcastLikeTest {
    @Test
    void sizeIsTheElementCountAsAnInt32Scalar() {
        Tensor n = tf.size(tf.zeros(4, 5));
        assertThat(n.dtype()).isEqualTo(DType.INT32);
        assertThat(n.shape()).isEqualTo(Shape.of());
        assertThat(n.item()).isEqualTo(20.0);
        assertThat(new Size().infer(TensorSpec.of(DType.FLOAT32, -1, 3))[0]).isEqualTo(new TensorSpec(DType.INT32, Shape.of()));
    }

    @Test
    void broadcastLikeTakesTheShapeOfItsSecondInputAndKeepsKnownDimensionsWhenTraced() {
        Tensor x = Tensor.of(new float[] {1, 2, 3}).reshape(3, 1);
        assertThat(tf.broadcastLike(x, tf.zeros(2, 3, 4)).toFloatArray())
                .containsExactly(tf.broadcastTo(x, 2, 3, 4).toFloatArray());
        TensorSpec traced = new BroadcastLike().infer(TensorSpec.of(DType.FLOAT32, 1, 3), TensorSpec.of(DType.FLOAT32, -1, 3))[0];
        assertThat(traced.shape()).isEqualTo(Shape.of(-1, 3));
    }

    @Test
    void broadcastLikeRefusesShapesThatDoNotBroadcast() {
        assertThatThrownBy(() -> tf.broadcastLike(tf.zeros(2), tf.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("broadcast_like: cannot broadcast shape [2] to [3]");
    }
}
