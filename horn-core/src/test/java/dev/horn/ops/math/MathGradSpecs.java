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
                of(Where.class, "where", x -> tf.where(tf.greater(x[0], tf.zerosLike(x[0])), x[0], x[1]), new int[] {2, 3}, new int[] {3}),

                // functions; kinked ones sampled on each side of the kink
                of(Abs.class, "abs positive", x -> tf.abs(x[0]), new int[] {2, 3}).range(0.1, 2).withSecondOrder(),
                of(Abs.class, "abs negative", x -> tf.abs(x[0]), new int[] {2, 3}).range(-2, -0.1),
                of(Sign.class, "x * sign(x) is |x|", x -> tf.mul(x[0], tf.sign(x[0])), new int[] {2, 3}).range(-2, -0.1),
                of(Sqrt.class, "sqrt", x -> tf.sqrt(x[0]), new int[] {2, 3}).range(0.5, 3).withSecondOrder(),
                of(Rsqrt.class, "rsqrt", x -> tf.rsqrt(x[0]), new int[] {2, 3}).range(0.5, 3).withSecondOrder(),
                of(Square.class, "square", x -> tf.square(x[0]), new int[] {2, 3}).withSecondOrder(),
                of(Log1p.class, "log1p", x -> tf.log1p(x[0]), new int[] {2, 3}).range(-0.5, 2).withSecondOrder(),
                of(Expm1.class, "expm1", x -> tf.expm1(x[0]), new int[] {2, 3}).withSecondOrder(),
                of(Sin.class, "sin", x -> tf.sin(x[0]), new int[] {2, 3}).withSecondOrder(),
                of(Cos.class, "cos", x -> tf.cos(x[0]), new int[] {2, 3}).withSecondOrder(),
                of(Tanh.class, "tanh", x -> tf.tanh(x[0]), new int[] {2, 3}).withSecondOrder(),
                of(Erf.class, "erf", x -> tf.erf(x[0]), new int[] {2, 3}).withSecondOrder(),
                of(Erf.class, "erf tail", x -> tf.erf(x[0]), new int[] {4}).range(2, 3.5).withSecondOrder(),

                // activations
                of(Sigmoid.class, "sigmoid", x -> tf.sigmoid(x[0]), new int[] {2, 3}).range(-5, 5).withSecondOrder(),
                of(Relu.class, "relu positive", x -> tf.relu(x[0]), new int[] {2, 3}).range(0.1, 2).withSecondOrder(),
                of(Relu.class, "relu negative", x -> tf.relu(x[0]), new int[] {2, 3}).range(-2, -0.1),
                of(Elu.class, "elu positive", x -> tf.elu(x[0]), new int[] {2, 3}).range(0.1, 2).withSecondOrder(),
                of(Elu.class, "elu negative", x -> tf.elu(x[0]), new int[] {2, 3}).range(-3, -0.1).withSecondOrder(),
                of(Selu.class, "selu positive", x -> tf.selu(x[0]), new int[] {2, 3}).range(0.1, 2).withSecondOrder(),
                of(Selu.class, "selu negative", x -> tf.selu(x[0]), new int[] {2, 3}).range(-3, -0.1).withSecondOrder(),
                of(Softplus.class, "softplus", x -> tf.softplus(x[0]), new int[] {2, 3}).range(-5, 5).withSecondOrder(),
                of(Softsign.class, "softsign positive", x -> tf.softsign(x[0]), new int[] {2, 3}).range(0.1, 3).withSecondOrder(),
                of(Softsign.class, "softsign negative", x -> tf.softsign(x[0]), new int[] {2, 3}).range(-3, -0.1).withSecondOrder(),
                of(Gelu.class, "gelu exact", x -> tf.gelu(x[0]), new int[] {2, 3}).range(-4, 4).withSecondOrder(),
                of(Gelu.class, "gelu tanh form", x -> tf.gelu(x[0], true), new int[] {2, 3}).range(-4, 4).withSecondOrder(),
                of(LeakyRelu.class, "leaky_relu positive", x -> tf.leakyRelu(x[0]), new int[] {2, 3}).range(0.1, 2),
                of(LeakyRelu.class, "leaky_relu negative alpha 0.3", x -> tf.leakyRelu(x[0], 0.3), new int[] {2, 3}).range(-2, -0.1),

                // binary
                of(Maximum.class, "maximum broadcast rows", x -> tf.maximum(x[0], x[1]), new int[] {3, 4}, new int[] {4}).withSecondOrder(),
                of(Minimum.class, "minimum broadcast column", x -> tf.minimum(x[0], x[1]), new int[] {3, 4}, new int[] {3, 1}).withSecondOrder(),
                of(SquaredDifference.class, "squared_difference broadcast", x -> tf.squaredDifference(x[0], x[1]),
                        new int[] {2, 3}, new int[] {3}).withSecondOrder(),
                of(FloorMod.class, "floor_mod within one period", x -> tf.floorMod(
                        tf.add(x[0], Tensor.scalar(10.0)), tf.add(x[1], Tensor.scalar(6.0))), new int[] {2, 3}, new int[] {3}).range(0.5, 2),
                of(ClipByValue.class, "clip_by_value with broadcast bounds", x -> tf.clipByValue(x[0],
                        tf.sub(tf.mul(x[1], Tensor.scalar(0.25)), Tensor.scalar(1.0)),
                        tf.add(tf.mul(x[2], Tensor.scalar(0.25)), Tensor.scalar(1.0))), new int[] {3, 4}, new int[] {4}, new int[] {})
        );
    }
}
