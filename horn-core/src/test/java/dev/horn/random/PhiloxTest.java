package dev.horn.random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Known-answer vectors of Philox4x32-10 from the Random123 distribution (kat_vectors). */
class PhiloxTest {
    private static int[] run(int c0, int c1, int c2, int c3, int k0, int k1) {
        int[] out = new int[4];
        Philox.block(c0, c1, c2, c3, k0, k1, out);
        return out;
    }

    @Test
    void zeroCounterAndKey() {
        assertThat(run(0, 0, 0, 0, 0, 0)).containsExactly(0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8);
    }

    @Test
    void allOnes() {
        assertThat(run(-1, -1, -1, -1, -1, -1)).containsExactly(0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd);
    }

    @Test
    void digitsOfPi() {
        assertThat(run(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0))
                .containsExactly(0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1);
    }

    @Test
    void uniformsStayInTheUnitInterval() {
        assertThat(Philox.toFloat(-1)).isLessThan(1f);
        assertThat(Philox.toFloat(0)).isEqualTo(0f);
        assertThat(Philox.toDouble(-1, -1)).isLessThan(1.0);
    }
}
