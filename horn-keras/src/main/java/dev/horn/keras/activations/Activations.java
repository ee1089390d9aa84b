package dev.horn.keras.activations;

import dev.horn.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' activation functions ({@code keras.activations}), by constant, by factory for the ones
 * with arguments, and by name with {@link #get}. Each is a composition of engine ops, so it runs
 * eagerly, inside a traced {@link dev.horn.graph.Function}, and under a gradient tape alike.
 * {@snippet :
 * Activation relu = Activations.get("relu");          // Activations.RELU
 * Activation capped = Activations.relu(0.1, 6.0, 0);   // leaky below 0, clipped at 6
 * Tensor y = capped.apply(x);
 * }
 *
 * <p>The names and defaults are Keras 2's (the Keras the R documentation describes):
 * <ul>
 *   <li>{@code "leaky_relu"} is {@code tf.nn.leaky_relu}, slope 0.2 below zero, as Keras 2 finds
 *       it by that name (and as Keras 3's {@code leaky_relu}, negative_slope 0.2). The
 *       {@code LeakyReLU} <em>layer</em> defaults to 0.3; that default belongs to the layer.
 *   <li>{@code "hard_sigmoid"} is Keras 2's {@code max(0, min(1, 0.2 x + 0.5))}. Keras 3 changed
 *       it to {@code relu6(x + 3) / 6}, slope 1/6: {@link #hardSigmoidKeras3()} gives that one.
 *   <li>{@code "gelu"} is the exact form, {@code x Phi(x)}; {@link #gelu(boolean)} selects the
 *       tanh approximation.
 * </ul>
 */
public final class Activations {
    private Activations() {}

    /** max(x, 0). */
    public static final Activation RELU = Activation.of("relu", x -> tf.relu(x));
    public static final Activation SIGMOID = Activation.of("sigmoid", x -> tf.sigmoid(x));
    public static final Activation TANH = Activation.of("tanh", x -> tf.tanh(x));
    /** Softmax along the last axis. */
    public static final Activation SOFTMAX = Activation.of("softmax", x -> tf.softmax(x, -1));
    /** log(exp(x) + 1). */
    public static final Activation SOFTPLUS = Activation.of("softplus", x -> tf.softplus(x));
    /** x / (|x| + 1). */
    public static final Activation SOFTSIGN = Activation.of("softsign", x -> tf.softsign(x));
    /** x for x > 0, exp(x) - 1 otherwise (alpha 1). */
    public static final Activation ELU = Activation.of("elu", x -> tf.elu(x));
    /** scale * elu(x, alpha) with Klambauer et al.'s alpha = 1.6732632, scale = 1.0507010. */
    public static final Activation SELU = Activation.of("selu", x -> tf.selu(x));
    /** Exact gelu, x Phi(x) = 0.5 x (1 + erf(x / sqrt 2)). */
    public static final Activation GELU = Activation.of("gelu", x -> tf.gelu(x, false));
    /** x sigmoid(x). */
    public static final Activation SWISH = Activation.of("swish", x -> tf.silu(x));
    /** The same function as {@link #SWISH}, under {@code tf.nn.silu}'s name. */
    public static final Activation SILU = Activation.of("silu", x -> tf.silu(x));
    /** x for x > 0, 0.2 x otherwise ({@code tf.nn.leaky_relu}). */
    public static final Activation LEAKY_RELU = Activation.of("leaky_relu", x -> tf.leakyRelu(x, 0.2));
    /** min(max(x, 0), 6) ({@code tf.nn.relu6}). */
    public static final Activation RELU6 = Activation.of("relu6", Activations::relu6);
    public static final Activation EXPONENTIAL = Activation.of("exponential", x -> tf.exp(x));
    /** Keras 2's piecewise-linear sigmoid, max(0, min(1, 0.2 x + 0.5)). */
    public static final Activation HARD_SIGMOID = Activation.of("hard_sigmoid",
            x -> tf.clipByValue(x.mul(0.2).add(0.5), 0, 1));
    /** x tanh(softplus(x)) (Misra, 2019). */
    public static final Activation MISH = Activation.of("mish", x -> x.mul(tf.tanh(tf.softplus(x))));
    /** Log-softmax along the last axis ({@code tf.nn.log_softmax}). */
    public static final Activation LOG_SOFTMAX = Activation.of("log_softmax", x -> tf.logSoftmax(x, -1));
    /** The identity. */
    public static final Activation LINEAR = Activation.of("linear", x -> x);

    private static final Map<String, Activation> BY_NAME = byName(List.of(
            ELU, EXPONENTIAL, GELU, HARD_SIGMOID, LEAKY_RELU, LINEAR, LOG_SOFTMAX, MISH, RELU, RELU6,
            SELU, SIGMOID, SILU, SOFTMAX, SOFTPLUS, SOFTSIGN, SWISH, TANH));

    /**
     * The activation Keras knows by {@code name}; null means {@link #LINEAR}, as Keras'
     * {@code activations.get(None)}.
     *
     * @throws IllegalArgumentException for a name Keras 2 does not know, listing those it does
     */
    public static Activation get(String name) {
        if (name == null) {
            return LINEAR;
        }
        Activation a = BY_NAME.get(name);
        if (a == null) {
            throw new IllegalArgumentException("Unknown activation function: '" + name + "'. Expected one of "
                    + String.join(", ", BY_NAME.keySet()) + ", or a custom one from Activation.of(name, function)");
        }
        return a;
    }

    /** The names {@link #get} accepts, in alphabetical order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** Keras' {@code relu(x, alpha)}: slope {@code alpha} below zero. */
    public static Activation relu(double alpha) {
        return relu(alpha, null, 0);
    }

    /**
     * Keras' {@code relu(x, alpha, max_value, threshold)}: x for threshold <= x < max_value,
     * max_value above it, alpha (x - threshold) below the threshold. {@code maxValue} null
     * means no upper bound.
     */
    public static Activation relu(double alpha, Double maxValue, double threshold) {
        if (maxValue != null && maxValue < 0) {
            throw new IllegalArgumentException("relu: max_value must be non-negative, got " + maxValue);
        }
        if (alpha == 0 && maxValue == null && threshold == 0) {
            return RELU;
        }
        return Activation.of("relu", x -> relu(x, alpha, maxValue, threshold));
    }

    /** Keras' elu with slope parameter alpha: x for x > 0, alpha (exp(x) - 1) otherwise. */
    public static Activation elu(double alpha) {
        if (alpha == 1) {
            return ELU;
        }
        // as Keras' backend.elu: the op's alpha-1 result, scaled where x <= 0
        return Activation.of("elu", x -> {
            Tensor res = tf.elu(x);
            return tf.where(tf.greater(x, tf.zerosLike(x)), res, res.mul(alpha));
        });
    }

    /** Leaky relu with the given slope below zero. */
    public static Activation leakyRelu(double alpha) {
        return alpha == 0.2 ? LEAKY_RELU : Activation.of("leaky_relu", x -> tf.leakyRelu(x, alpha));
    }

    /** Softmax along {@code axis}. */
    public static Activation softmax(int axis) {
        return axis == -1 ? SOFTMAX : Activation.of("softmax", x -> tf.softmax(x, axis));
    }

    /** gelu; {@code approximate} selects 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))). */
    public static Activation gelu(boolean approximate) {
        return approximate ? Activation.of("gelu", x -> tf.gelu(x, true)) : GELU;
    }

    /** Keras 3's hard_sigmoid, relu6(x + 3) / 6 = max(0, min(1, x / 6 + 0.5)). */
    public static Activation hardSigmoidKeras3() {
        return HARD_SIGMOID_KERAS3;
    }

    /** One instance, so that saving knows it from Keras 2's under the same name. */
    private static final Activation HARD_SIGMOID_KERAS3 = Activation.of("hard_sigmoid", x -> relu6(x.add(3)).div(6));

    private static Tensor relu6(Tensor x) {
        return tf.clipByValue(x, 0, 6);
    }

    /** Keras 2's backend.relu, step by step, so the edge cases (threshold, alpha, max) agree. */
    private static Tensor relu(Tensor x, double alpha, Double maxValue, double threshold) {
        if (alpha != 0 && maxValue == null && threshold == 0) {
            return tf.leakyRelu(x, alpha);
        }
        Tensor negativePart = null;
        if (alpha != 0) {
            negativePart = tf.relu(threshold != 0 ? x.neg().add(threshold) : x.neg());
        }
        Tensor y;
        if (threshold != 0) {
            // x where x > threshold, else 0
            y = x.mul(tf.cast(tf.greater(x, Tensor.scalar(x.dtype(), threshold)), x.dtype()));
        } else {
            y = tf.relu(x);
        }
        if (maxValue != null) {
            y = tf.clipByValue(y, 0, maxValue);
        }
        if (negativePart != null) {
            y = y.sub(negativePart.mul(alpha));
        }
        return y;
    }

    private static Map<String, Activation> byName(List<Activation> all) {
        Map<String, Activation> m = new LinkedHashMap<>();
        all.stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(a -> m.put(a.name(), a));
        return Collections.unmodifiableMap(m);
    }
}
