package dev.horn.bench;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The floor pairs each epoch with the floor timed after it, and skips the first epoch. */
class GemmFloorTest {
    @Test
    void pairedRatioIsTheMedianOfEachLaterEpochOverItsOwnFloor() {
        // a machine that slows down by half in the middle: epochs and floors drift together
        List<Double> epochs = List.of(4.0, 1.0, 1.5, 1.5, 1.0);
        List<Double> floors = List.of(0.5, 0.5, 0.75, 0.75, 0.5);
        assertThat(GemmFloor.pairedRatio(epochs, floors)).isEqualTo(2.0);
        // one epoch run while the machine was fast: its ratio is 4, the others 2 and 3 (unpaired medians: 2 / 1)
        assertThat(GemmFloor.pairedRatio(List.of(3.0, 2.0, 1.0, 3.0), List.of(1.0, 1.0, 0.25, 1.0))).isEqualTo(3.0);
    }

    @Test
    void oneEpochHasNoRatioAndMismatchedListsAreAnError() {
        assertThat(GemmFloor.pairedRatio(List.of(2.0), List.of(1.0))).isNaN();
        assertThatThrownBy(() -> GemmFloor.pairedRatio(List.of(2.0, 1.0), List.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("2 epochs but 1 floor samples");
    }

    @Test
    void anEpochOfProductsTakesMeasurableTime() {
        GemmFloor floor = new GemmFloor();
        double s = floor.epochSeconds();
        assertThat(s).isPositive().isLessThan(120);
        floor.onEpochEnd(0, java.util.Map.of());
        assertThat(floor.afterEpoch).hasSize(1);
    }
}
