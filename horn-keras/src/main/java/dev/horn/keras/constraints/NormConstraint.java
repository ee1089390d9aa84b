package dev.horn.keras.constraints;

import dev.horn.Tensor;
import java.util.Arrays;
import java.util.List;

import static dev.horn.Tf.tf;

/**
 * What the norm constraints share: the L2 norm of each weight vector along the constraint's
 * axes, and Keras' epsilon (1e-7), added to the norm a weight is divided by so that a zero
 * vector stays zero.
 */
abstract sealed class NormConstraint implements Constraint permits MaxNorm, MinMaxNorm, UnitNorm {
    /** Keras' {@code backend.epsilon()}. */
    static final double EPSILON = 1e-7;

    final int[] axes;

    NormConstraint(int[] axes) {
        if (axes.length == 0) {
            throw new IllegalArgumentException(name() + ": expected at least one axis");
        }
        this.axes = axes.clone();
    }

    /** sqrt(sum(w^2)) over the axes, kept as size-1 axes so it broadcasts against w. */
    Tensor norms(Tensor w) {
        return tf.sqrt(tf.reduceSum(tf.square(w), axes, true));
    }

    /** w * (desired / (epsilon + norms)), Keras' rescaling. */
    static Tensor rescale(Tensor w, Tensor desired, Tensor norms) {
        return w.mul(desired.div(norms.add(EPSILON)));
    }

    /** The axis as Keras writes it in a config: an int for one axis, a list for several. */
    Object axisConfig() {
        return axes.length == 1 ? (Object) axes[0] : Arrays.stream(axes).boxed().toList();
    }

    public int[] axis() {
        return axes.clone();
    }

    static int[] axesOf(Object axis) {
        if (axis == null) {
            return new int[] {0};
        }
        if (axis instanceof Number n) {
            return new int[] {n.intValue()};
        }
        if (axis instanceof List<?> list) {
            return list.stream().mapToInt(v -> ((Number) v).intValue()).toArray();
        }
        if (axis instanceof int[] a) {
            return a;
        }
        throw new IllegalArgumentException("constraint config: `axis` must be an int or a list of ints, got " + axis);
    }

    @Override
    public String toString() {
        return className() + getConfig();
    }
}
