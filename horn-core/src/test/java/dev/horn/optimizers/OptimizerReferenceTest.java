package dev.horn.optimizers;

import dev.horn.Tensor;
import dev.horn.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Three steps of each optimizer on a float64 variable with a fixed gradient sequence, against
 * Keras' update rules transcribed to numpy: the expected values are printed by
 * {@code src/test/resources/optimizers/keras_reference.py} (same case names).
 */
class OptimizerReferenceTest {
    static final double[] W0 = {0.5, -1.2, 2.0};
    static final double[][] GRADS = {{0.1, -0.2, 0.3}, {-0.4, 0.25, 0.05}, {0.3, 0.3, -0.6}};
    static final double[][] GRADS_AMSGRAD = {{2.0, -0.2, 0.3}, {0.01, 0.25, 0.05}, {0.01, 0.3, -0.6}};
    static final double[] B0 = {0.1, -0.1};
    static final double[][] GRADS_B = {{1.0, 0.5}, {0.2, -0.2}, {0.0, 0.4}};

    /** Runs three steps; with expected.length == 2 a second variable B0 gets GRADS_B. */
    static void check(Supplier<Optimizer> make, double[][] grads, double[]... expected) {
        Optimizer opt = make.get();
        List<Variable> vars = new ArrayList<>(List.of(new Variable(Tensor.of(W0.clone()), "w", true)));
        if (expected.length == 2) {
            vars.add(new Variable(Tensor.of(B0.clone()), "b", true));
        }
        for (int t = 0; t < 3; t++) {
            List<Tensor> g = new ArrayList<>(List.of(Tensor.of(grads[t].clone())));
            if (expected.length == 2) {
                g.add(Tensor.of(GRADS_B[t].clone()));
            }
            opt.applyGradients(g, vars);
        }
        assertThat(opt.iterations().read().item()).isEqualTo(3.0);
        for (int i = 0; i < expected.length; i++) {
            double[] got = vars.get(i).read().toDoubleArray();
            for (int k = 0; k < got.length; k++) {
                assertThat(got[k]).as("%s variable %d element %d", opt.name(), i, k)
                        .isCloseTo(expected[i][k], within(1e-12 * Math.max(1, Math.abs(expected[i][k]))));
            }
        }
    }

    static void check(Supplier<Optimizer> make, double[]... expected) {
        check(make, GRADS, expected);
    }

    @Test
    void sgd() {
        check(() -> new SGD().learningRate(0.1), new double[] {0.5, -1.2350000005215407, 2.025000000372529});
    }

    @Test
    void sgdMomentum() {
        check(() -> new SGD().learningRate(0.1).momentum(0.9),
                new double[] {0.518900000281632, -1.2233000003471972, 1.969199999541044});
    }

    @Test
    void sgdNesterov() {
        check(() -> new SGD().learningRate(0.1).momentum(0.9).nesterov(true),
                new double[] {0.5170100002534688, -1.2559700008340178, 1.9972799999594688});
    }

    @Test
    void rmsprop() {
        check(() -> new RMSprop().learningRate(0.01),
                new double[] {0.47986723724266495, -1.216012070689555, 1.9916684818352721});
    }

    @Test
    void rmspropCenteredMomentum() {
        check(() -> new RMSprop().learningRate(0.01).momentum(0.5).centered(true),
                new double[] {0.46991214073468185, -1.202867558566763, 1.9619946128971482});
    }

    @Test
    void adam() {
        check(() -> new Adam().learningRate(0.1),
                new double[] {0.45332127222271595, -1.1691463174392238, 1.8513041342727854});
    }

    @Test
    void adamAmsgradKeepsTheLargestVelocity() {
        check(() -> new Adam().learningRate(0.1).amsgrad(true), GRADS_AMSGRAD,
                new double[] {0.28030518709076624, -1.1691463174392238, 1.8513041342727854});
        check(() -> new Adam().learningRate(0.1), GRADS_AMSGRAD,
                new double[] {0.28022124176211266, -1.1691463174392238, 1.8513041342727854});
    }

    @Test
    void adamw() {
        check(() -> new AdamW().learningRate(0.1),
                new double[] {0.4527791136861527, -1.167780366852374, 1.8490164100372612});
    }

    @Test
    void adagrad() {
        check(() -> new Adagrad().learningRate(0.1),
                new double[] {0.4968289077808573, -1.257573323544113, 2.0004999712466076});
    }

    @Test
    void adadelta() {
        check(() -> new Adadelta().learningRate(1.0),
                new double[] {0.49887013921728857, -1.2019234901218594, 2.000053474425705});
    }

    @Test
    void adamax() {
        check(() -> new Adamax().learningRate(0.1),
                new double[] {0.4388503544795562, -1.1593863172166337, 1.8629916913019364});
    }

    @Test
    void nadam() {
        check(() -> new Nadam().learningRate(0.1),
                new double[] {0.43341696662387524, -1.2434717982650396, 1.9610537605179004});
    }

    @Test
    void nadamAdvancesItsMomentumCacheOncePerStepNotPerVariable() {
        check(() -> new Nadam().learningRate(0.1),
                new double[] {0.43341696662387524, -1.2434717982650396, 1.9610537605179004},
                new double[] {-0.04265302244101431, -0.24196514217075138});
    }

    @Test
    void sgdClipnorm() {
        check(() -> new SGD().learningRate(0.1).clipnorm(0.3),
                new double[] {0.505032935385055, -1.2120231626791713, 1.9972791079550007});
    }

    @Test
    void sgdClipvalue() {
        check(() -> new SGD().learningRate(0.1).clipvalue(0.25),
                new double[] {0.4899999998509884, -1.2300000004470348, 1.9949999999254941});
    }

    @Test
    void sgdGlobalClipnorm() {
        check(() -> new SGD().learningRate(0.1).globalClipnorm(0.3),
                new double[] {0.5084269549027264, -1.2192482860991292, 2.0111643423859857},
                new double[] {0.06369004204343813, -0.11620128797352806});
    }

    @Test
    void sgdWeightDecay() {
        check(() -> new SGD().learningRate(0.1).weightDecay(0.1),
                new double[] {0.48494849977492543, -1.1995068000001552, 1.9662449995154887});
    }
}
