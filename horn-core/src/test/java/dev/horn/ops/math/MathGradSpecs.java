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
                of(Abs.class, "abs of positives", x -> tf.abs(x[0]), new int[] {4}).range(0.1, 2),
                of(Abs.class, "abs of negatives", x -> tf.abs(x[0]), new int[] {4}).range(-2, -0.1),
                of(Sign.class, "sign", x -> tf.mul(tf.sign(x[0]), x[0]), new int[] {5}).range(0.1, 2),
                of(Sqrt.class, "sqrt", x -> tf.sqrt(x[0]), new int[] {2, 3}).range(0.2, 3).withSecondOrder(),
                of(Rsqrt.class, "rsqrt", x -> tf.rsqrt(x[0]), new int[] {2, 3}).range(0.2, 3).withSecondOrder(),
                of(Square.class, "square", x -> tf.square(x[0]), new int[] {2, 3}).withSecondOrder(),
                of(Log1p.class, "log1p", x -> tf.log1p(x[0]), new int[] {5}).range(-0.5, 2).withSecondOrder(),
                of(Expm1.class, "expm1", x -> tf.expm1(x[0]), new int[] {5}).withSecondOrder(),
                of(Sin.class, "sin", x -> tf.sin(x[0]), new int[] {5}).withSecondOrder(),
                of(Cos.class, "cos", x -> tf.cos(x[0]), new int[] {5}).withSecondOrder(),
                of(Tanh.class, "tanh", x -> tf.tanh(x[0]), new int[] {2, 3}).withSecondOrder(),
                of(Sigmoid.class, "sigmoid", x -> tf.sigmoid(x[0]), new int[] {2, 3}).range(-5, 5).withSecondOrder(),
                of(Relu.class, "relu positive", x -> tf.relu(x[0]), new int[] {4}).range(0.1, 2),
                of(Relu.class, "relu negative", x -> tf.relu(x[0]), new int[] {4}).range(-2, -0.1),
                of(Elu.class, "elu positive", x -> tf.elu(x[0]), new int[] {4}).range(0.1, 2)
                        .withSecondOrder(),
                of(Elu.class, "elu negative", x -> tf.elu(x[0]), new int[] {4}).range(-3, -0.1).withSecondOrder(),
                of(Selu.class, "selu negative", x -> tf.selu(x[0]), new int[] {4}).range(-3, -0.1).withSecondOrder(),
                of(Selu.class, "selu positive", x -> tf.selu(x[0]), new int[] {4}).range(0.1, 3),
                of(Softplus.class, "softplus", x -> tf.softplus(x[0]), new int[] {2, 3}).range(-4, 4).withSecondOrder(),
                of(Softsign.class, "softsign", x -> tf.softsign(x[0]), new int[] {5}).range(0.1, 3).withSecondOrder(),
                of(Erf.class, "erf", x -> tf.erf(x[0]), new int[] {6}).range(-2.5, 2.5).withSecondOrder(),
                of(Gelu.class, "gelu exact", x -> tf.gelu(x[0]), new int[] {6}).range(-3, 3).withSecondOrder(),
                of(Gelu.class, "gelu tanh approximation", x -> tf.gelu(x[0], true), new int[] {6}).range(-3, 3).withSecondOrder(),
                of(LeakyRelu.class, "leaky relu negative", x -> tf.leakyRelu(x[0]), new int[] {4}).range(-2, -0.1),
                of(LeakyRelu.class, "leaky relu positive", x -> tf.leakyRelu(x[0], 0.3), new int[] {4}).range(0.1, 2),
                of(Maximum.class, "maximum broadcast", x -> tf.maximum(x[0], x[1]), new int[] {3, 4}, new int[] {4}),
                of(Minimum.class, "minimum broadcast", x -> tf.minimum(x[0], x[1]), new int[] {3, 1}, new int[] {4}),
                of(SquaredDifference.class, "squared difference", x -> tf.squaredDifference(x[0], x[1]), new int[] {2, 3}, new int[] {3})
                        .withSecondOrder()
        );
    }
}
