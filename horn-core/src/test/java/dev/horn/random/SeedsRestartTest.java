package dev.horn.random;

import dev.horn.DType;
import dev.horn.Horn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link Seeds#restartAt}: what follows depends on the global seed and the key only. */
class SeedsRestartTest {
    @AfterEach
    void clear() {
        Seeds.setGlobal(null);
    }

    private static float[] draw(Long opSeed) {
        return (opSeed == null ? tf.randomUniform(new int[] {5}, 0, 1, DType.FLOAT32)
                : tf.randomUniform(new int[] {5}, 0, 1, DType.FLOAT32, opSeed)).toFloatArray();
    }

    @Test
    void theSameKeyRepeatsTheDrawsWhateverRanBefore() {
        Horn.setSeed(3);
        Seeds.restartAt(14);
        float[] unseeded = draw(null);
        float[] seeded = draw(9L);
        Horn.setSeed(3);
        draw(null);
        draw(9L);
        draw(null);
        Seeds.restartAt(14);
        assertThat(draw(null)).containsExactly(unseeded);
        assertThat(draw(9L)).containsExactly(seeded);
    }

    @Test
    void anotherKeyOrSeedDrawsOtherNumbers() {
        Horn.setSeed(3);
        Seeds.restartAt(14);
        float[] a = draw(9L);
        Seeds.restartAt(15);
        assertThat(draw(9L)).isNotEqualTo(a);
        Horn.setSeed(4);
        Seeds.restartAt(14);
        assertThat(draw(9L)).isNotEqualTo(a);
    }

    @Test
    void withoutAGlobalSeedItChangesNothing() {
        Seeds.setGlobal(null);
        Seeds.restartAt(1);
        assertThat(Seeds.global()).isNull();
        assertThat(draw(null)).isNotEqualTo(draw(null));
    }
}
