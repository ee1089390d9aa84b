package dev.horn.internal.cpu;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A packed copy of B kept by its writer: products that read it give the bits of products that
 * pack B themselves, and a copy is only handed out while it matches the array.
 */
class PackedOperandsTest {
    /** All of a row-major k x n array packed row by row, as a writer keeping the copy does. */
    static float[] packAll(float[] b, int k, int n) {
        float[] packed = new float[Gemm.packedSize(k, n)];
        Gemm.packRows(b, 0, n, k, n, 0, k, 0, n, packed, 0);
        return packed;
    }

    /** The panels a copy holds, from where its writer started them. */
    static float[] contents(PackedOperands.Copy copy, int k, int n) {
        return Arrays.copyOfRange(copy.floats(), copy.start(), copy.start() + Gemm.packedSize(k, n));
    }

    /** Registers b as read by products, then keeps its copy as a writer does: strips of rows, columns in two parts. */
    private static PackedOperands.Copy publishCopy(float[] b, int k, int n) {
        assertThat(PackedOperands.lookup(b, 0, n, k, n)).as("nothing is packed before a writer keeps it").isNull();
        PackedOperands.Copy packed = PackedOperands.begin(b, b, k, n);
        assertThat(packed).isNotNull();
        int split = Math.min(n, Gemm.NR);
        for (int row = 0; row < k; row += 4) {
            int rows = Math.min(4, k - row);
            Gemm.packRows(b, row * n, n, k, n, row, rows, 0, split, packed.floats(), packed.start());
            if (split < n) {
                Gemm.packRows(b, row * n + split, n, k, n, row, rows, split, n - split, packed.floats(), packed.start());
            }
        }
        PackedOperands.publish(b, packed);
        return packed;
    }

    /** Two blocks of k, padded panels, C split across threads by panels and by rows, with an epilogue and accumulating. */
    @ParameterizedTest(name = "m={0} k={1} n={2}")
    @CsvSource({"64, 784, 512", "5, 300, 250", "130, 520, 130", "33, 40, 4200", "130, 1100, 60"})
    void productsReadingTheCopyGiveTheBitsOfProductsThatPack(int m, int k, int n) {
        Random random = new Random(m + 7L * k + 31L * n);
        float[] a = GemmShapes.uniform(random, m * k);
        float[] b = GemmShapes.uniform(random, k * n);
        float[] bias = GemmShapes.uniform(random, n);
        float[] start = GemmShapes.uniform(random, m * n);
        float[] other = b.clone(); // never registered: its products pack B themselves
        publishCopy(b, k, n);
        assertThat(contents(PackedOperands.lookup(b, 0, n, k, n), k, n)).isEqualTo(packAll(b, k, n));
        for (int threads : new int[] {1, 2}) {
            for (GemmEpilogue epilogue : new GemmEpilogue[] {null, new GemmEpilogue(bias, 0, true)}) {
                for (boolean accumulate : new boolean[] {false, true}) {
                    float[] expected = start.clone();
                    float[] actual = start.clone();
                    Parallel.withThreads(threads, () -> {
                        Gemm.sgemm(false, false, m, n, k, a, 0, k, other, 0, n, expected, 0, n, accumulate, epilogue);
                        Gemm.sgemm(false, false, m, n, k, a, 0, k, b, 0, n, actual, 0, n, accumulate, epilogue);
                    });
                    assertThat(Arrays.mismatch(actual, expected))
                            .as("first differing element, %d threads, epilogue %s, accumulate %s", threads, epilogue, accumulate)
                            .isEqualTo(-1);
                }
            }
        }
    }

    @Test
    void aCopyIsNotHandedOutWhileItsArrayIsWrittenOrAfterAnotherWrite() {
        int k = 300;
        int n = 256;
        float[] b = GemmShapes.uniform(new Random(3), k * n);
        publishCopy(b, k, n);
        assertThat(PackedOperands.lookup(b, 0, n, k, n)).isNotNull();
        assertThat(PackedOperands.lookup(b, 0, n, k - 1, n)).as("another geometry").isNull();
        assertThat(PackedOperands.lookup(b, n, n, k - 1, n)).as("a view from an offset").isNull();

        PackedOperands.Copy packed = PackedOperands.begin(b, b, k, n);
        assertThat(PackedOperands.lookup(b, 0, n, k, n)).as("while a writer is under way").isNull();
        PackedOperands.publish(b, packed);
        assertThat(PackedOperands.lookup(b, 0, n, k, n)).isNotNull();

        PackedOperands.invalidate(b);
        b[5] += 1f;
        assertThat(PackedOperands.lookup(b, 0, n, k, n)).as("after a write by other means").isNull();
    }

    /** The old array may still be read, through its copy too, while the writer fills the new one's. */
    @Test
    void aWriterMovingToANewArrayLeavesTheOldOneItsCopy() {
        int k = 260;
        int n = 260;
        float[] source = GemmShapes.uniform(new Random(4), k * n);
        PackedOperands.Copy old = publishCopy(source, k, n);
        float[] target = source.clone();
        target[0] = 2f;
        PackedOperands.Copy packed = PackedOperands.begin(source, target, k, n);
        assertThat(packed.floats()).isNotSameAs(old.floats());
        assertThat(PackedOperands.lookup(target, 0, n, k, n)).as("before publish").isNull();
        Gemm.packRows(target, 0, n, k, n, 0, k, 0, n, packed.floats(), packed.start());
        PackedOperands.Copy kept = PackedOperands.lookup(source, 0, n, k, n);
        assertThat(kept).as("the old array's copy, untouched").isSameAs(old);
        assertThat(contents(kept, k, n)).isEqualTo(packAll(source, k, n));
        PackedOperands.publish(target, packed);
        assertThat(contents(PackedOperands.lookup(target, 0, n, k, n), k, n)).isEqualTo(packAll(target, k, n));
    }

    @Test
    void smallAndVeryLargeOperandsAreNeverKept() {
        for (int size : new int[] {PackedOperands.MIN_SIZE - 1, PackedOperands.MAX_SIZE + 64}) {
            float[] b = new float[size];
            int n = size % 64 == 0 ? 64 : size;
            assertThat(PackedOperands.lookup(b, 0, n, size / n, n)).isNull();
            assertThat(PackedOperands.begin(b, b, size / n, n)).as("%d floats: not noted by the lookup", size).isNull();
        }
    }
}
