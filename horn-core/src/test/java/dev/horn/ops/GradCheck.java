package dev.horn.ops;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.autodiff.GradientTape;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Finite-difference gradient checks in float64: the tape's gradient of sum(f(x) * w), for a
 * fixed random w, must match central differences element by element.
 */
public final class GradCheck {

    private GradCheck() {}

    public static Tensor[] randomInputs(GradSpec spec, Random random) {
        Tensor[] inputs = new Tensor[spec.shapes().length];
        for (int i = 0; i < inputs.length; i++) {
            int size = Shape.of(spec.shapes()[i]).size();
            double[] v = new double[size];
            for (int j = 0; j < size; j++) {
                v[j] = spec.low() + (spec.high() - spec.low()) * random.nextDouble();
            }
            inputs[i] = Tensor.of(v, spec.shapes()[i]).reshape(spec.shapes()[i]);
        }
        return inputs;
    }

    /** Checks first-order gradients of spec.fn at random inputs. */
    public static void check(GradSpec spec) {
        Random random = new Random(spec.label().hashCode());
        Tensor[] x = randomInputs(spec, random);
        Tensor probe = spec.fn().apply(x);
        assertThat(probe.dtype()).as("%s must produce float64 from float64 inputs", spec).isEqualTo(DType.FLOAT64);
        Tensor w = randomLike(probe, random);
        Function<Tensor[], Tensor> loss = in -> tf.reduceSum(tf.mul(spec.fn().apply(in), w));
        compare(spec, spec.toString(), x, loss, analytic(x, loss));
    }

    /** Checks the gradient of h(x) = sum(grad f(x) * v): second derivatives through the tape. */
    public static void checkSecondOrder(GradSpec spec) {
        Random random = new Random(spec.label().hashCode() + 1);
        Tensor[] x = randomInputs(spec, random);
        Tensor w = randomLike(spec.fn().apply(x), random);
        Tensor[] v = new Tensor[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = randomLike(x[i], random);
        }
        Function<Tensor[], Tensor> h = in -> {
            Tensor[] g = analytic(in, z -> tf.reduceSum(tf.mul(spec.fn().apply(z), w)));
            Tensor sum = Tensor.scalar(0.0);
            for (int i = 0; i < g.length; i++) {
                if (g[i] != null) {
                    sum = tf.add(sum, tf.reduceSum(tf.mul(g[i], v[i])));
                }
            }
            return sum;
        };
        Tensor[] hessianVector;
        try (GradientTape outer = new GradientTape()) {
            outer.watch(x);
            Tensor value = h.apply(x);
            hessianVector = outer.gradient(value, x);
        }
        compare(spec, spec + " (second order)", x, h, hessianVector);
    }

    private static Tensor[] analytic(Tensor[] x, Function<Tensor[], Tensor> loss) {
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            Tensor value = loss.apply(x);
            return tape.gradient(value, x);
        }
    }

    private static void compare(GradSpec spec, String what, Tensor[] x, Function<Tensor[], Tensor> loss, Tensor[] grads) {
        for (int i = 0; i < x.length; i++) {
            double[] base = x[i].toDoubleArray();
            double[] expected = new double[base.length];
            for (int j = 0; j < base.length; j++) {
                expected[j] = (evaluate(loss, x, i, base, j, spec.eps()) - evaluate(loss, x, i, base, j, -spec.eps())) / (2 * spec.eps());
            }
            double[] actual = grads[i] == null ? new double[base.length] : grads[i].toDoubleArray();
            if (grads[i] != null) {
                assertThat(grads[i].shape()).as("%s: gradient shape of input %d", what, i).isEqualTo(x[i].shape());
            }
            for (int j = 0; j < base.length; j++) {
                double err = Math.abs(actual[j] - expected[j]);
                if (err > spec.tolerance() * Math.max(1, Math.abs(expected[j]))) {
                    fail("%s: d/d input %d [%d]: tape %s, finite differences %s (input shape %s)",
                            what, i, j, actual[j], expected[j], x[i].shape());
                }
            }
        }
    }

    private static double evaluate(Function<Tensor[], Tensor> loss, Tensor[] x, int which, double[] base, int j, double delta) {
        double[] moved = base.clone();
        moved[j] += delta;
        Tensor[] in = x.clone();
        in[which] = Tensor.of(moved, x[which].shape().dims()).reshape(x[which].shape().dims());
        return loss.apply(in).item();
    }

    private static Tensor randomLike(Tensor t, Random random) {
        double[] v = new double[t.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble() * 2 - 1;
        }
        return Tensor.of(v, t.shape().dims()).reshape(t.shape().dims());
    }

    /** The op kinds a function actually applies, recorded on a tape. */
    public static List<Class<? extends Op>> opsUsedBy(GradSpec spec) {
        Tensor[] x = randomInputs(spec, new Random(1));
        List<Class<? extends Op>> used = new java.util.ArrayList<>();
        ExecutionContext recorder = (op, inputs, outputs) -> {
            used.add(op.getClass());
            return ExecutionContext.EAGER.execute(op, inputs, outputs);
        };
        ExecutionContext.with(recorder, () -> spec.fn().apply(x));
        return used;
    }
}
