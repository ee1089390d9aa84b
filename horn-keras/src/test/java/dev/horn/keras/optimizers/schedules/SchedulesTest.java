package dev.horn.keras.optimizers.schedules;

import dev.horn.keras.saving.Format;
import dev.horn.keras.saving.OptimizerConfigs;
import dev.horn.optimizers.Adam;
import dev.horn.optimizers.LearningRateSchedule;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The schedules against Keras' formulas (learning_rate_schedule.py), evaluated in double
 * precision by Python at steps 0, 3, 10 and 25; Horn computes in float32 as Keras does.
 */
class SchedulesTest {
    private static void check(KerasSchedule s, double... expected) {
        long[] steps = {0, 3, 10, 25};
        for (int i = 0; i < steps.length; i++) {
            assertThat(s.at(steps[i])).as(s + " at step " + steps[i]).isCloseTo(expected[i], within(2e-7));
        }
    }

    @Test
    void exponentialDecay() {
        check(new ExponentialDecay(0.1, 10, 0.5), 0.1, 0.08122523963562356, 0.05, 0.01767766952966369);
        check(new ExponentialDecay(0.1, 10, 0.5, true), 0.1, 0.1, 0.05, 0.025);
    }

    @Test
    void inverseTimeDecay() {
        check(new InverseTimeDecay(0.1, 10, 0.5), 0.1, 0.08695652173913045, 0.06666666666666667, 0.044444444444444446);
    }

    @Test
    void polynomialDecayHoldsTheEndRate() {
        check(new PolynomialDecay(0.1, 10, 0.001, 2.0, false), 0.1, 0.04951, 0.001, 0.001);
    }

    @Test
    void cosineDecayWithWarmup() {
        check(new CosineDecay(0.0, 20, 0.1, 0.1, 5), 0.0, 0.06000000000000001, 0.08681980515339464, 0.010000000000000002);
    }

    @Test
    void cosineDecayRestarts() {
        check(new CosineDecayRestarts(0.1, 10, 2.0, 0.5, 0.0), 0.1, 0.07938926261462366, 0.05, 0.0073223304703363135);
    }

    @Test
    void piecewiseConstantIncludesEachBoundaryInTheEarlierPiece() {
        check(new PiecewiseConstantDecay(new long[] {3, 10}, new double[] {1.0, 0.5, 0.1}), 1.0, 1.0, 0.5, 0.1);
    }

    @Test
    void aScheduleSavesWithItsOptimizerAndLoadsBack() {
        for (KerasSchedule s : List.of(new ExponentialDecay(0.1, 10, 0.5), new CosineDecay(0.0, 20, 0.1, 0.1, 5),
                new PiecewiseConstantDecay(new long[] {3, 10}, new double[] {1.0, 0.5, 0.1}),
                new PolynomialDecay(0.1, 10), new InverseTimeDecay(0.1, 10, 0.5), new CosineDecayRestarts(0.1, 10))) {
            Adam adam = new Adam().learningRate(s);
            Object saved = OptimizerConfigs.serialize(adam, Format.KERAS3);
            var back = OptimizerConfigs.deserialize(saved, "test");
            assertThat(back.getConfig()).isEqualTo(adam.getConfig());
            LearningRateSchedule restored = OptimizerConfigs.schedule(adam.getConfig().get("learning_rate"), "test");
            assertThat(((KerasSchedule) restored).at(7)).isEqualTo(s.at(7));
        }
    }
}
