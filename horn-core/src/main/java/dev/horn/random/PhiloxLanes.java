package dev.horn.random;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Philox} for a run of consecutive blocks at once, one block per 64-bit vector lane: a
 * lane holds a 32-bit word zero-extended, so a lane-wise 64-bit multiply gives the full 32 x 32
 * product whose halves each round needs. The words are Philox's exactly (integer arithmetic
 * has one result), so a tensor drawn through here equals one drawn a block at a time; it is
 * only faster (a dropout mask of a CNN step spent ten rounds of scalar multiplies per four
 * floats).
 */
final class PhiloxLanes {
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    private static final long LOW = 0xFFFFFFFFL;

    private PhiloxLanes() {}

    /** The four words of blocks first, first + 1, ..., first + count - 1 of the stream, into words[0 .. 4 count). */
    static void fill(long key, long stream, long first, int count, int[] words) {
        int lanes = L.length();
        long[] lane = new long[4 * lanes];
        int b = 0;
        for (; b + lanes <= count; b += lanes) {
            LongVector index = LongVector.broadcast(L, first + b).add(LongVector.zero(L).addIndex(1));
            LongVector c0 = index.and(LOW);
            LongVector c1 = index.lanewise(VectorOperators.LSHR, 32);
            LongVector c2 = LongVector.broadcast(L, stream & LOW);
            LongVector c3 = LongVector.broadcast(L, stream >>> 32);
            int k0 = (int) key;
            int k1 = (int) (key >>> 32);
            for (int r = 0; r < Philox.ROUNDS; r++) {
                if (r > 0) {
                    k0 += Philox.W0;
                    k1 += Philox.W1;
                }
                LongVector p0 = c0.mul(Philox.M0 & LOW);
                LongVector p1 = c2.mul(Philox.M1 & LOW);
                LongVector n0 = p1.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.XOR, c1).lanewise(VectorOperators.XOR, k0 & LOW);
                LongVector n2 = p0.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.XOR, c3).lanewise(VectorOperators.XOR, k1 & LOW);
                c0 = n0;
                c1 = p1.and(LOW);
                c2 = n2;
                c3 = p0.and(LOW);
            }
            c0.intoArray(lane, 0);
            c1.intoArray(lane, lanes);
            c2.intoArray(lane, 2 * lanes);
            c3.intoArray(lane, 3 * lanes);
            for (int i = 0; i < lanes; i++) {
                int at = 4 * (b + i);
                words[at] = (int) lane[i];
                words[at + 1] = (int) lane[lanes + i];
                words[at + 2] = (int) lane[2 * lanes + i];
                words[at + 3] = (int) lane[3 * lanes + i];
            }
        }
        int[] w = new int[4];
        for (; b < count; b++) {
            Philox.block(key, stream, first + b, w);
            System.arraycopy(w, 0, words, 4 * b, 4);
        }
    }
}
