package dev.horn.random;

import dev.horn.DType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhiloxTest {
    /** Random123's tests/kat_vectors, the three philox4x32 10 lines: counter[4] key[2] -> output[4]. */
    private static final int[][] KAT = {
        {0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
            0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
        {0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
            0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
        {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0,
            0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1},
    };

    @Test
    void philoxMatchesRandom123KnownAnswers() {
        int[] out = new int[4];
        for (int[] v : KAT) {
            Philox.block(v[0], v[1], v[2], v[3], v[4], v[5], out);
            assertThat(out).containsExactly(v[6], v[7], v[8], v[9]);
        }
    }

    @Test
    void longFormPutsIndexInLowWordsAndStreamInHighWords() {
        int[] a = new int[4];
        int[] b = new int[4];
        long key = 0x299f31d0a4093822L;
        long stream = 0x0370734413198a2eL;
        long index = 0x85a308d3243f6a88L;
        Philox.block(key, stream, index, a);
        Philox.block(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0, b);
        assertThat(a).containsExactly(b);
    }

    /** Blocks drawn in vector lanes are Philox's, across a carry into the index's high word and for a ragged count. */
    @Test
    void laneBlocksEqualScalarBlocks() {
        long[][] cases = {{42, 7, 3}, {0x299f31d0a4093822L, 0xF370734413198a2eL, 0xFFFFFFFFL - 5}, {-1, -1, -20}};
        for (long[] c : cases) {
            int count = 37;
            int[] lanes = new int[4 * count];
            PhiloxLanes.fill(c[0], c[1], c[2], count, lanes);
            int[] one = new int[4];
            for (int b = 0; b < count; b++) {
                Philox.block(c[0], c[1], c[2] + b, one);
                assertThat(java.util.Arrays.copyOfRange(lanes, 4 * b, 4 * b + 4)).as("block %d of %s", b, java.util.Arrays.toString(c))
                        .containsExactly(one);
            }
        }
    }

    /** The dropout mask is the uniform draw compared with the rate and scaled, for any split of the range. */
    @Test
    void dropoutMaskIsTheScaledUniformComparison() {
        PhiloxStream stream = new PhiloxStream(5, 9, 11);
        int n = 2051;
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Object uniform = dev.horn.internal.cpu.HeapArrays.newArray(dtype, n);
            Object mask = dev.horn.internal.cpu.HeapArrays.newArray(dtype, n);
            stream.uniform(dtype, uniform, 0, n, 0, 1);
            stream.dropoutMask(dtype, mask, 0, 1030, 0.25, 1 / 0.75);
            stream.dropoutMask(dtype, mask, 1030, n, 0.25, 1 / 0.75);
            for (int i = 0; i < n; i++) {
                double u = java.lang.reflect.Array.getDouble(uniform, i);
                double m = java.lang.reflect.Array.getDouble(mask, i);
                double expected = dtype == DType.FLOAT32 ? ((float) u >= 0.25f ? (float) (1 / 0.75) : 0f) : (u >= 0.25 ? 1 / 0.75 : 0);
                assertThat(m).as("%s element %d", dtype, i).isEqualTo(expected);
            }
        }
    }

    @Test
    void unitFloatCoversZeroToJustBelowOne() {
        assertThat(PhiloxStream.unitFloat(0)).isEqualTo(0f);
        assertThat(PhiloxStream.unitFloat(-1)).isEqualTo(1f - (float) Math.pow(2, -23));
        assertThat(PhiloxStream.unitDouble(-1, -1)).isEqualTo(1 - Math.pow(2, -52));
    }

    @Test
    void anySplitOfTheRangeFillsTheSameValues() {
        PhiloxStream stream = new PhiloxStream(42, 7, 3);
        int n = 1001;
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.INT64}) {
            Object whole = dev.horn.internal.cpu.HeapArrays.newArray(dtype, n);
            Object pieces = dev.horn.internal.cpu.HeapArrays.newArray(dtype, n);
            stream.uniform(dtype, whole, 0, n, dtype.isFloating() ? -1 : -5, 9);
            int[] cuts = {0, 1, 2, 5, 17, 18, 333, 334, 998, n};
            for (int c = 0; c + 1 < cuts.length; c++) {
                stream.uniform(dtype, pieces, cuts[c], cuts[c + 1], dtype.isFloating() ? -1 : -5, 9);
            }
            assertThat(pieces).as("uniform %s", dtype).isEqualTo(whole);
            if (dtype.isFloating()) {
                stream.normal(dtype, whole, 0, n, 1, 2);
                stream.truncatedNormal(dtype, whole, 0, n / 2, 1, 2);
                for (int c = 0; c + 1 < cuts.length; c++) {
                    stream.normal(dtype, pieces, cuts[c], cuts[c + 1], 1, 2);
                }
                stream.truncatedNormal(dtype, pieces, 0, 100, 1, 2);
                stream.truncatedNormal(dtype, pieces, 100, n / 2, 1, 2);
                assertThat(pieces).as("normal %s", dtype).isEqualTo(whole);
            }
        }
    }
}
