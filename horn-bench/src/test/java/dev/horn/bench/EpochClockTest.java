package dev.horn.bench;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The clock keeps one time and one JIT figure per epoch, the first batch's end, and the JIT's time between. */
class EpochClockTest {
    @Test
    void eachEpochGetsItsTimeAndTheJitsCompileTimeDuringIt() throws Exception {
        EpochClock clock = new EpochClock();
        for (int epoch = 0; epoch < 3; epoch++) {
            clock.onEpochBegin(epoch, Map.of());
            clock.onTrainBatchEnd(0, Map.of());
            Thread.sleep(5);
            clock.onEpochEnd(epoch, Map.of());
        }
        assertThat(clock.seconds).hasSize(3).allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(0.005));
        assertThat(clock.firstBatchEnd).isPositive();
        boolean reported = ManagementFactory.getCompilationMXBean().isCompilationTimeMonitoringSupported();
        assertThat(clock.jitSeconds).hasSize(reported ? 3 : 0).allSatisfy(s -> assertThat(s).isBetween(0.0, 60.0));
    }
}
