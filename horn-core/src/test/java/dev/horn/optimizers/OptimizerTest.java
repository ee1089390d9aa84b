package dev.horn.optimizers;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.Variable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

class OptimizerTest {
    static final List<Supplier<Optimizer>> ALL = List.of(SGD::new, () -> new SGD().momentum(0.5), RMSprop::new,
            () -> new RMSprop().momentum(0.5).centered(true), Adam::new, () -> new Adam().amsgrad(true), AdamW::new,
            Adagrad::new, () -> new Adadelta().epsilon(1e-4), Adamax::new, Nadam::new);

    static Map<String, Object> base(double learningRate, Double weightDecay) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learning_rate", (double) (float) learningRate); // Keras stores it in a float32 variable
        m.put("weight_decay", weightDecay);
        m.put("clipnorm", null);
        m.put("global_clipnorm", null);
        m.put("clipvalue", null);
        m.put("use_ema", false);
        m.put("ema_momentum", 0.99);
        m.put("ema_overwrite_frequency", null);
        m.put("loss_scale_factor", null);
        m.put("gradient_accumulation_steps", null);
        return m;
    }

    static void assertConfig(Optimizer opt, Map<String, Object> expected) {
        Map<String, Object> config = new LinkedHashMap<>(opt.getConfig());
        assertThat(config.remove("name")).isEqualTo(opt.name());
        assertThat(config).containsExactlyEntriesOf(expected);
    }

    @Test
    void defaultsEqualKeras() {
        var sgd = base(0.01, null);
        sgd.put("momentum", 0.0);
        sgd.put("nesterov", false);
        assertConfig(new SGD(), sgd);

        var rms = base(0.001, null);
        rms.putAll(Map.of("rho", 0.9, "momentum", 0.0, "epsilon", 1e-7, "centered", false));
        assertThat(new RMSprop().getConfig()).containsAllEntriesOf(rms);

        var adam = base(0.001, null);
        adam.put("beta_1", 0.9);
        adam.put("beta_2", 0.999);
        adam.put("epsilon", 1e-7);
        adam.put("amsgrad", false);
        assertConfig(new Adam(), adam);
        var adamw = new LinkedHashMap<>(adam);
        adamw.put("weight_decay", 0.004);
        assertConfig(new AdamW(), adamw);

        var adagrad = base(0.001, null);
        adagrad.put("initial_accumulator_value", 0.1);
        adagrad.put("epsilon", 1e-7);
        assertConfig(new Adagrad(), adagrad);

        var adadelta = base(0.001, null);
        adadelta.put("rho", 0.95);
        adadelta.put("epsilon", 1e-7);
        assertConfig(new Adadelta(), adadelta);

        var adamax = base(0.001, null);
        adamax.put("beta_1", 0.9);
        adamax.put("beta_2", 0.999);
        adamax.put("epsilon", 1e-7);
        assertConfig(new Adamax(), adamax);
        assertConfig(new Nadam(), adamax);

        assertThat(new Adam().learningRate()).isEqualTo(0.001);
        assertThat(new SGD().learningRate()).isEqualTo(0.01);
    }

    @Test
    void configLearningRateIsTheFloat32ValueAsInKeras() {
        assertThat(new Adam().getConfig().get("learning_rate")).isEqualTo(0.0010000000474974513);
    }

    @Test
    void namesAreKerasSnakeCaseMadeUnique() {
        assertThat(Optimizer.snakeCase("RMSprop")).isEqualTo("rm_sprop");
        assertThat(Optimizer.snakeCase("AdamW")).isEqualTo("adam_w");
        assertThat(Optimizer.snakeCase("SGD")).isEqualTo("sgd");
        String a = new Adamax().name();
        String b = new Adamax().name();
        assertThat(a).startsWith("adamax");
        assertThat(b).startsWith("adamax_").isNotEqualTo(a);
        assertThat(new Adam().name("my_adam").name()).isEqualTo("my_adam");
    }

    @Test
    void minimizeOnAQuadraticConvergesForEveryOptimizer() {
        for (Supplier<Optimizer> make : ALL) {
            Optimizer opt = make.get(); // Adadelta with epsilon 1e-7 moves 1e-3 per step at first: too slow here
            opt.learningRate(opt instanceof Adadelta ? 1.0 : opt instanceof Adagrad ? 0.5 : opt instanceof SGD ? 0.1 : 0.05);
            Variable w = new Variable(Tensor.of(new double[] {3.0, -2.0}), "w", true);
            Tensor target = Tensor.of(new double[] {1.0, 0.5});
            Tensor loss = null;
            for (int i = 0; i < 500; i++) {
                loss = opt.minimize(() -> {
                    Tensor d = tf.sub(w.read(), target);
                    return tf.reduceSum(tf.mul(d, d));
                }, List.of(w));
            }
            double[] got = w.read().toDoubleArray();
            assertThat(got[0]).as(opt.getConfig().toString()).isCloseTo(1.0, within(0.05));
            assertThat(got[1]).as(opt.getConfig().toString()).isCloseTo(0.5, within(0.05));
            assertThat(loss.item()).isLessThan(13.25);
            assertThat(opt.iterations().read().item()).isEqualTo(500.0);
        }
    }

    @Test
    void nullGradientsAreSkipped() {
        Variable used = new Variable(Tensor.of(new double[] {1, 2}), "used", true);
        Variable unused = new Variable(Tensor.of(new double[] {5, 6}), "unused", true);
        var adam = new Adam();
        adam.applyGradients(Arrays.asList(Tensor.of(new double[] {1, 1}), null), List.of(used, unused));
        assertThat(unused.read().toDoubleArray()).containsExactly(5, 6);
        assertThat(used.read().toDoubleArray()[0]).isLessThan(1);
        assertThat(adam.slotNames(unused)).isEmpty();
        assertThat(adam.iterations().read().item()).isEqualTo(1.0);
    }

    @Test
    void minimizeSkipsVariablesTheLossDoesNotUse() {
        Variable used = new Variable(Tensor.of(new double[] {1, 2}), "used", true);
        Variable unused = new Variable(Tensor.of(new double[] {5, 6}), "unused", true);
        new SGD().minimize(() -> tf.reduceSum(used.read()), List.of(used, unused));
        double lr = (float) 0.01; // Keras' learning rate is a float32 variable, cast to the variable's dtype
        assertThat(used.read().toDoubleArray()).containsExactly(1 - lr, 2 - lr);
        assertThat(unused.read().toDoubleArray()).containsExactly(5, 6);
    }

    @Test
    void allNullGradientsAreAnError() {
        Variable v = new Variable(Tensor.of(new double[] {1, 2}), "v", true);
        assertThatThrownBy(() -> new RMSprop().applyGradients(Arrays.asList((Tensor) null), List.of(v)))
                .hasMessageContaining("RMSprop").hasMessageContaining("No gradients provided for any variable");
    }

    @Test
    void gradientsAndVariablesMustPair() {
        Variable v = new Variable(Tensor.of(new double[] {1, 2}), "v", true);
        assertThatThrownBy(() -> new SGD().applyGradients(List.of(), List.of(v)))
                .hasMessageContaining("SGD").hasMessageContaining("0 gradients for 1 variables");
        assertThatThrownBy(() -> new SGD().applyGradients(List.of(Tensor.of(new double[] {1, 2, 3})), List.of(v)))
                .hasMessageContaining("SGD").hasMessageContaining("[3]").hasMessageContaining("[2]");
    }

    @Test
    void slotsAreNonTrainableShapedLikeTheVariableAndNamedAsInKeras() {
        Variable w = new Variable(tf.zeros(DType.FLOAT32, 2, 3), "dense_kernel", true);
        var adam = new Adam().name("adam_slots").amsgrad(true);
        adam.applyGradients(List.of(tf.ones(DType.FLOAT32, 2, 3)), List.of(w));
        assertThat(adam.slotNames(w)).containsExactly("momentum", "velocity", "velocity_hat");
        for (String s : adam.slotNames(w)) {
            Variable slot = adam.slot(w, s);
            assertThat(slot.trainable()).isFalse();
            assertThat(slot.shape()).isEqualTo(w.shape());
            assertThat(slot.dtype()).isEqualTo(DType.FLOAT32);
            assertThat(slot.name()).isEqualTo("adam_slots/dense_kernel_" + s);
        }
        assertThat(adam.variables()).extracting(Variable::name).containsExactly("adam_slots/iteration",
                "adam_slots/learning_rate", "adam_slots/dense_kernel_momentum", "adam_slots/dense_kernel_velocity",
                "adam_slots/dense_kernel_velocity_hat");
        assertThat(adam.iterations().dtype()).isEqualTo(DType.INT64);
        assertThat(adam.iterations().trainable()).isFalse();
        assertThatThrownBy(() -> adam.slot(w, "m")).hasMessageContaining("Adam").hasMessageContaining("'m'")
                .hasMessageContaining("velocity");
    }

    @Test
    void slotsFollowKerasPerOptimizer() {
        Variable w = new Variable(Tensor.of(new double[] {1, 2}), "w", true);
        Tensor g = Tensor.of(new double[] {1, 1});
        Map<Supplier<Optimizer>, List<String>> expected = new LinkedHashMap<>();
        expected.put(SGD::new, List.of());
        expected.put(() -> new SGD().momentum(0.9), List.of("momentum"));
        expected.put(RMSprop::new, List.of("velocity"));
        expected.put(() -> new RMSprop().momentum(0.9).centered(true), List.of("velocity", "momentum", "average_gradient"));
        expected.put(Adagrad::new, List.of("accumulator"));
        expected.put(Adadelta::new, List.of("accumulated_grad", "accumulated_delta_var"));
        expected.put(Adamax::new, List.of("momentum", "norm"));
        expected.put(Nadam::new, List.of("momentum", "velocity"));
        expected.forEach((make, slots) -> {
            Optimizer opt = make.get();
            opt.applyGradients(List.of(g), List.of(w));
            assertThat(opt.slotNames(w)).as(opt.name()).containsExactlyElementsOf(slots);
        });
    }

    @Test
    void adagradAccumulatorStartsAtTheInitialValue() {
        Variable w = new Variable(Tensor.of(new double[] {1, 2}), "w", true);
        var adagrad = new Adagrad().initialAccumulatorValue(0.5);
        adagrad.applyGradients(List.of(Tensor.of(new double[] {1, 2})), List.of(w));
        assertThat(adagrad.slot(w, "accumulator").read().toDoubleArray()).containsExactly(1.5, 4.5);
    }

    @Test
    void float32VariablesAreUpdatedInFloat32() {
        Variable w = new Variable(Tensor.of(new float[] {0.5f, -1.2f, 2.0f}), "w32", true);
        var adam = new Adam().learningRate(0.1);
        for (double[] g : OptimizerReferenceTest.GRADS) {
            float[] f = new float[g.length];
            for (int i = 0; i < g.length; i++) {
                f[i] = (float) g[i];
            }
            adam.applyGradients(List.of(Tensor.of(f)), List.of(w));
        }
        assertThat(w.dtype()).isEqualTo(DType.FLOAT32);
        double[] expected = {0.45332127222271595, -1.1691463174392238, 1.8513041342727854};
        float[] got = w.read().toFloatArray();
        for (int i = 0; i < 3; i++) {
            assertThat((double) got[i]).isCloseTo(expected[i], within(1e-5));
        }
    }

    @Test
    void learningRateCanChangeBetweenSteps() {
        Variable w = new Variable(Tensor.of(new double[] {1}), "w", true);
        var sgd = new SGD().learningRate(0.5);
        sgd.applyGradients(List.of(Tensor.of(new double[] {1})), List.of(w));
        sgd.learningRate(0.25);
        sgd.applyGradients(List.of(Tensor.of(new double[] {1})), List.of(w));
        assertThat(w.read().toDoubleArray()[0]).isEqualTo(0.25);
        assertThat(sgd.currentLearningRate().item()).isEqualTo(0.25);
    }

    @Test
    void scheduleIsCalledWithTheStepCountFromZero() {
        Variable w = new Variable(Tensor.of(new double[] {0}), "w", true);
        // lr = 1 / (step + 1): steps 0, 1, 2 move w by 1, 1/2, 1/3
        var sgd = new SGD().learningRate(step -> tf.div(Tensor.scalar(DType.FLOAT64, 1),
                tf.add(tf.cast(step, DType.FLOAT64), Tensor.scalar(DType.FLOAT64, 1))));
        for (int i = 0; i < 3; i++) {
            sgd.applyGradients(List.of(Tensor.of(new double[] {-1})), List.of(w));
        }
        assertThat(w.read().toDoubleArray()[0]).isCloseTo(1 + 0.5 + 1.0 / 3, within(1e-15));
        assertThat(sgd.variables()).extracting(Variable::name).noneMatch(n -> n.endsWith("learning_rate"));
        assertThatThrownBy(() -> sgd.learningRate(0.1)).hasMessageContaining("SGD")
                .hasMessageContaining("LearningRateSchedule");
    }

    @Test
    void weightDecaySkipsExcludedVariables() {
        Variable kernel = new Variable(Tensor.of(new double[] {1}), "dense/kernel", true);
        Variable bias = new Variable(Tensor.of(new double[] {1}), "dense/bias", true);
        var sgd = new SGD().learningRate(0.5).weightDecay(0.1).excludeFromWeightDecay(List.of(), List.of("bias"));
        Tensor zero = Tensor.of(new double[] {0});
        sgd.applyGradients(List.of(zero, zero), List.of(kernel, bias));
        assertThat(kernel.read().toDoubleArray()[0]).isEqualTo(1 - 0.1 * 0.5);
        assertThat(bias.read().toDoubleArray()[0]).isEqualTo(1);
    }

    @Test
    void badArgumentsNameTheOptimizerAndTheArgument() {
        assertThatThrownBy(() -> new Adam().learningRate(-0.1))
                .hasMessage("Adam: `learning_rate` must be a non-negative number. Received: learning_rate=-0.1");
        assertThatThrownBy(() -> new RMSprop().rho(1.0))
                .hasMessage("RMSprop: `rho` must be in [0, 1). Received: rho=1.0");
        assertThatThrownBy(() -> new Adadelta().rho(-0.5)).hasMessageContaining("Adadelta").hasMessageContaining("`rho`");
        assertThatThrownBy(() -> new Nadam().beta1(1.5)).hasMessageContaining("Nadam").hasMessageContaining("beta_1=1.5");
        assertThatThrownBy(() -> new Adamax().beta2(1.0)).hasMessageContaining("Adamax").hasMessageContaining("beta_2");
        assertThatThrownBy(() -> new SGD().momentum(1.5))
                .hasMessage("SGD: `momentum` must be a float between [0, 1]. Received: momentum=1.5");
        assertThatThrownBy(() -> new Adagrad().epsilon(-1)).hasMessageContaining("Adagrad").hasMessageContaining("epsilon");
        assertThatThrownBy(() -> new Adagrad().initialAccumulatorValue(-1))
                .hasMessageContaining("initial_accumulator_value");
        assertThatThrownBy(() -> new AdamW().weightDecay(null)).hasMessageContaining("AdamW")
                .hasMessageContaining("weight_decay");
        assertThatThrownBy(() -> new SGD().learningRate(Double.NaN)).hasMessageContaining("learning_rate=NaN");
    }

    @Test
    void onlyOneClippingArgument() {
        assertThatThrownBy(() -> new SGD().clipnorm(1.0).clipvalue(0.5))
                .hasMessageContaining("SGD: Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set");
        assertThatThrownBy(() -> new Adam().globalClipnorm(1.0).clipnorm(1.0)).hasMessageContaining("Adam");
        var sgd = new SGD().clipnorm(1.0);
        assertThat(sgd.getConfig()).contains(entry("clipnorm", 1.0));
    }

    @Test
    void renamingAfterTheFirstStepIsRefused() {
        Variable w = new Variable(Tensor.of(new double[] {1}), "w", true);
        var sgd = new SGD();
        sgd.applyGradients(List.of(Tensor.of(new double[] {1})), List.of(w));
        assertThatThrownBy(() -> sgd.name("other")).hasMessageContaining("SGD").hasMessageContaining("rename");
    }
}
