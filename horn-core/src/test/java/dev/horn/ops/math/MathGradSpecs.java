package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.GradSpec;
import java.util.List;

import static dev.horn.Tf.tf;
import static dev.horn.ops.GradSpec.of;

/** Gradient-check rows for the element-wise math ops. */
public final class MathGradSpecs {
    private MathGradSpecs() {}

    public static List<GradSpec> specs() {
        return List.of(
                of(Add.class, "add broadcast rows", x -> tf.add(x[0], x[1]), new int[] {3, 4}, new int[] {4}).withSecondOrder(),
                of(Add.class, "add broadcast both ways", x -> tf.add(x[0], x[1]), new int[] {3, 1}, new int[] {1, 4}),
                of(Sub.class, "sub broadcast column", x -> tf.sub(x[0], x[1]), new int[] {2, 3}, new int[] {2, 1}).withSecondOrder(),
                of(Mul.class, "mul broadcast scalar", x -> tf.mul(x[0], x[1]), new int[] {2, 3}, new int[] {}).withSecondOrder(),
                of(Div.class, "div", x -> tf.div(x[0], x[1]), new int[] {2, 3}, new int[] {3}).range(0.5, 2).withSecondOrder(),
                of(Neg.class, "neg", x -> tf.neg(x[0]), new int[] {5}).withSecondOrder(),
                of(Exp.class, "exp", x -> tf.exp(x[0]), new int[] {2, 3}).withSecondOrder(),
                of(Log.class, "log", x -> tf.log(x[0]), new int[] {2, 3}).range(0.5, 3).withSecondOrder(),
                of(Pow.class, "pow", x -> tf.pow(x[0], x[1]), new int[] {2, 3}, new int[] {3}).range(0.5, 2).withSecondOrder(),
                of(Cast.class, "cast float64 -> float32 -> float64",
                        x -> tf.cast(tf.mul(tf.cast(x[0], dev.horn.DType.FLOAT32), Tensor.scalar(3f)), dev.horn.DType.FLOAT64), new int[] {4}).coarse(1e-2, 1e-3),
                of(Where.class, "where", x -> tf.where(tf.greater(x[0], tf.zerosLike(x[0])), x[0], x[1]), new int[] {2, 3}, new int[] {3})
        );
    }
}
