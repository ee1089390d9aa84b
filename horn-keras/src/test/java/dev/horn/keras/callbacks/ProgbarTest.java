package dev.horn.keras.callbacks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress bar against Keras 2's {@code Progbar} (tf.keras 2.11-2.15 generic_utils.py): each
 * expected string is what that code prints for the same calls and clock readings.
 */
class ProgbarTest {
    /** A clock the test moves; it starts at 1000 s, and steps are binary fractions so no rounding muddles the seconds. */
    static final class FakeClock implements LongSupplier {
        private long nanos = 1_000_000_000_000L;

        void sleep(double seconds) {
            nanos += Math.round(seconds * 1e9);
        }

        @Override
        public long getAsLong() {
            return nanos;
        }
    }

    static String back(int n) {
        return "\b".repeat(n);
    }

    static Map<String, Double> values(Object... namesAndValues) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], (Double) namesAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void etaAndTimePerStepFormats() {
        assertThat(Progbar.formatEta(5.9)).isEqualTo("5s");
        assertThat(Progbar.formatEta(60)).isEqualTo("60s");
        assertThat(Progbar.formatEta(62.7)).isEqualTo("1:02");
        assertThat(Progbar.formatEta(3723.5)).isEqualTo("1:02:03");
        assertThat(Progbar.formatTime(0.0042, "step")).isEqualTo(" 4ms/step");
        assertThat(Progbar.formatTime(0.0000425, "step")).isEqualTo(" 42us/step");
        assertThat(Progbar.formatTime(2.4, "epoch")).isEqualTo(" 2s/epoch");
        assertThat(Progbar.formatTime(0, "step")).isEqualTo(" 0s/step");
    }

    /** A fit epoch as Keras 2 draws it: the throttled second step is skipped; the last batch still shows ETA; the epoch end adds val_*. */
    @Test
    void verboseOneOnATerminalRedrawsWithBackspacesAndCarriageReturns() {
        var clock = new FakeClock();
        var out = new StringBuilder();
        Progbar bar = Progbar.builder().target(469).statefulMetrics(List.of("loss", "accuracy")).dynamicDisplay(true).output(out).clock(clock).build();
        clock.sleep(0.5);
        bar.update(1, values("loss", 2.3864, "accuracy", 0.1328), false);
        clock.sleep(0.0078125);
        bar.update(2, values("loss", 1.9, "accuracy", 0.4), false);
        clock.sleep(0.5);
        bar.update(150, values("loss", 0.4188, "accuracy", 0.8781), false);
        clock.sleep(0.5);
        bar.update(300, values("loss", 0.314, "accuracy", 0.908), false);
        clock.sleep(0.75);
        bar.update(469, values("loss", 0.2551, "accuracy", 0.9263), false);
        clock.sleep(0.25);
        bar.update(469, values("loss", 0.2551, "accuracy", 0.9263, "val_loss", 0.1234, "val_accuracy", 0.96), true);
        assertThat(out.toString()).isEqualTo(
                "\r  1/469 [..............................] - ETA: 3:54 - loss: 2.3864 - accuracy: 0.1328"
                + back(86) + "\r150/469 [========>.....................] - ETA: 1s - loss: 0.4188 - accuracy: 0.8781  "
                + back(84) + "\r300/469 [==================>...........] - ETA: 0s - loss: 0.3140 - accuracy: 0.9080"
                + back(84) + "\r469/469 [==============================] - ETA: 0s - loss: 0.2551 - accuracy: 0.9263"
                + back(84) + "\r469/469 [==============================] - 3s 4ms/step - loss: 0.2551 - accuracy: 0.9263 - val_loss: 0.1234 - val_accuracy: 0.9600\n");
    }

    /** The same epoch in a log: each redraw on a new line, as R's console shows Keras output. */
    @Test
    void verboseOneOffATerminalPrintsANewLinePerRedraw() {
        var clock = new FakeClock();
        var out = new StringBuilder();
        Progbar bar = Progbar.builder().target(469).statefulMetrics(List.of("loss", "accuracy")).dynamicDisplay(false).output(out).clock(clock).build();
        clock.sleep(0.5);
        bar.update(1, values("loss", 2.3864, "accuracy", 0.1328), false);
        clock.sleep(0.0078125);
        bar.update(2, values("loss", 1.9, "accuracy", 0.4), false);
        clock.sleep(0.5);
        bar.update(150, values("loss", 0.4188, "accuracy", 0.8781), false);
        clock.sleep(0.5);
        bar.update(300, values("loss", 0.314, "accuracy", 0.908), false);
        clock.sleep(0.75);
        bar.update(469, values("loss", 0.2551, "accuracy", 0.9263), false);
        clock.sleep(0.25);
        bar.update(469, values("loss", 0.2551, "accuracy", 0.9263, "val_loss", 0.1234, "val_accuracy", 0.96), true);
        assertThat(out.toString()).isEqualTo(
                "\n"
                + "  1/469 [..............................] - ETA: 3:54 - loss: 2.3864 - accuracy: 0.1328\n"
                + "150/469 [========>.....................] - ETA: 1s - loss: 0.4188 - accuracy: 0.8781  \n"
                + "300/469 [==================>...........] - ETA: 0s - loss: 0.3140 - accuracy: 0.9080\n"
                + "469/469 [==============================] - ETA: 0s - loss: 0.2551 - accuracy: 0.9263\n"
                + "469/469 [==============================] - 3s 4ms/step - loss: 0.2551 - accuracy: 0.9263 - val_loss: 0.1234 - val_accuracy: 0.9600\n");
    }

    /** (1*1 + 0.5*2) / 3 = 0.6667, then (2 + 0.25) / 4 = 0.5625. */
    @Test
    void valuesNotStatefulAreAveragedOverTheStepsEachUpdateCovers() {
        var clock = new FakeClock();
        var out = new StringBuilder();
        Progbar bar = Progbar.builder().target(4).dynamicDisplay(true).output(out).clock(clock).build();
        clock.sleep(0.25);
        bar.update(1, values("loss", 1.0), null);
        clock.sleep(0.25);
        bar.update(3, values("loss", 0.5), null);
        clock.sleep(0.25);
        bar.update(4, values("loss", 0.25), null);
        assertThat(out.toString()).isEqualTo(
                "\r1/4 [======>.......................] - ETA: 0s - loss: 1.0000"
                + back(61) + "\r3/4 [=====================>........] - ETA: 0s - loss: 0.6667"
                + back(61) + "\r4/4 [==============================] - 1s 167ms/step - loss: 0.5625\n");
    }

    /** 469/469 - 2s - ... - 2s/epoch - 4ms/step, as fit(verbose = 2). */
    @Test
    void verboseTwoPrintsOneLineWithTimePerEpochAndStep() {
        var clock = new FakeClock();
        var out = new StringBuilder();
        Progbar bar = Progbar.builder().target(469).verbose(2).statefulMetrics(List.of("loss", "accuracy")).dynamicDisplay(false).output(out).clock(clock).build();
        clock.sleep(0.0625);
        bar.update(1, values("loss", 0.5), false);
        clock.sleep(1.9375);
        bar.update(469, values("loss", 0.2551, "accuracy", 0.9263, "val_loss", 0.1234, "val_accuracy", 0.96), true);
        assertThat(out.toString()).isEqualTo(
                "469/469 - 2s - loss: 0.2551 - accuracy: 0.9263 - val_loss: 0.1234 - val_accuracy: 0.9600 - 2s/epoch - 4ms/step\n");
    }

    /** 0.5 s a step x 999 = 8:19; 5 s x 998 = 1:23:10; 62.5 s x 997 = 17:18:32; hours go past 24; seconds truncate. */
    @Test
    void etaIsSecondsThenMinutesThenHours() {
        var clock = new FakeClock();
        var out = new StringBuilder();
        Progbar bar = Progbar.builder().target(1000).dynamicDisplay(true).output(out).clock(clock).build();
        clock.sleep(0.5);
        bar.update(1, values(), null);
        clock.sleep(5.0);
        bar.update(2, values(), null);
        clock.sleep(120.0);
        bar.update(3, values(), null);
        clock.sleep(20000.0);
        bar.update(4, values(), null);
        assertThat(out.toString()).isEqualTo(
                "\r   1/1000 [..............................] - ETA: 8:19"
                + back(54) + "\r   2/1000 [..............................] - ETA: 1:23:10"
                + back(57) + "\r   3/1000 [..............................] - ETA: 17:18:32"
                + back(58) + "\r   4/1000 [..............................] - ETA: 1855:58:20");
    }

    /** 4.5 s shows 4s (truncated), 55.125 s shows 55s, 91.5 s shows 1:31. Off a terminal each redraw is a line. */
    @Test
    void etaUnderAnHourIsMinutesAndSeconds() {
        var clock = new FakeClock();
        var out = new StringBuilder();
        Progbar bar = Progbar.builder().target(10).dynamicDisplay(false).output(out).clock(clock).build();
        clock.sleep(0.5);
        bar.update(1, values(), null);
        clock.sleep(0.25);
        bar.update(2, values(), null);
        clock.sleep(15.5);
        bar.update(3, values(), null);
        clock.sleep(30.0);
        bar.update(4, values(), null);
        assertThat(out.toString()).isEqualTo(
                "\n"
                + " 1/10 [==>...........................] - ETA: 4s\n"
                + " 2/10 [=====>........................] - ETA: 2s\n"
                + " 3/10 [========>.....................] - ETA: 55s\n"
                + " 4/10 [===========>..................] - ETA: 1:31");
    }

    /** |v| <= 1e-3 prints as %.4e (0 as 0.0000e+00, as the val_accuracy of the penguins example). */
    @Test
    void smallValuesUseExponentNotation() {
        var clock = new FakeClock();
        var out = new StringBuilder();
        Progbar bar = Progbar.builder().target(2).dynamicDisplay(false).output(out).clock(clock).build();
        clock.sleep(0.5);
        bar.update(2, values("loss", 1.234567e-05, "zero", 0.0, "tiny", -0.0005, "neg", -0.5, "big", 12345.678), null);
        assertThat(out.toString()).isEqualTo(
                "\n"
                + "2/2 [==============================] - 0s 250ms/step - loss: 1.2346e-05 - zero: 0.0000e+00 - tiny: -5.0000e-04 - neg: -0.5000 - big: 12345.6780\n");
    }

    @Test
    void verboseTwoShowsNegativeValuesInExponentNotationAsKeras2Does() {
        var clock = new FakeClock();
        var out = new StringBuilder();
        Progbar bar = Progbar.builder().target(2).verbose(2).dynamicDisplay(false).output(out).clock(clock).build();
        clock.sleep(0.5);
        bar.update(2, values("loss", 1.234567e-05, "zero", 0.0, "tiny", -0.0005, "neg", -0.5, "big", 12345.678), null);
        assertThat(out.toString()).isEqualTo(
                "2/2 - 0s - loss: 1.2346e-05 - zero: 0.0000e+00 - tiny: -5.0000e-04 - neg: -5.0000e-01 - big: 12345.6780 - 500ms/epoch - 250ms/step\n");
    }

    @Test
    void unknownTargetCountsSteps() {
        var clock = new FakeClock();
        var out = new StringBuilder();
        Progbar bar = Progbar.builder().dynamicDisplay(true).output(out).clock(clock).build();
        clock.sleep(0.5);
        bar.update(1, values("loss", 1.5), null);
        clock.sleep(0.5);
        bar.update(12, values("loss", 0.5), null);
        clock.sleep(0.5);
        bar.update(12, values("loss", 0.5), true);
        assertThat(out.toString()).isEqualTo(
                "\r      1/Unknown - 0s 500ms/step - loss: 1.5000"
                + back(46) + "\r     12/Unknown - 1s 45ms/step - loss: 0.5833 "
                + back(45) + "\r     12/Unknown - 2s 91ms/step - loss: 0.5769\n");
    }

    @Test
    void fastStepsShowMicroseconds() {
        var clock = new FakeClock();
        var out = new StringBuilder();
        Progbar bar = Progbar.builder().target(2).dynamicDisplay(false).output(out).clock(clock).build();
        clock.sleep(0.5);
        bar.update(1, values(), null);
        clock.sleep(0.00048828125);
        bar.update(2, values(), null);
        assertThat(out.toString()).isEqualTo(
                "\n"
                + "1/2 [==============>...............] - ETA: 0s\n"
                + "2/2 [==============================] - 1s 488us/step\n");
    }

    /** 2.5 s/step prints 2s/step, as Python rounds. */
    @Test
    void slowStepsShowSecondsRoundedHalfToEven() {
        var clock = new FakeClock();
        var out = new StringBuilder();
        Progbar bar = Progbar.builder().target(2).dynamicDisplay(false).output(out).clock(clock).build();
        clock.sleep(0.5);
        bar.update(1, values(), null);
        clock.sleep(2.5);
        bar.update(2, values(), null);
        assertThat(out.toString()).isEqualTo(
                "\n"
                + "1/2 [==============>...............] - ETA: 0s\n"
                + "2/2 [==============================] - 3s 2s/step\n");
    }

}
