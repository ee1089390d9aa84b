package dev.horn.keras.initializers;

import dev.horn.DType;
import dev.horn.Horn;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.random.PhiloxStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;

class DrawsTest {
    @AfterEach
    void forgetTheGlobalSeed() {
        Horn.clearSeed();
    }

    /*
     * TensorFlow's own check of its seed scrambling (stateless_random_ops_test.py): a stateless op
     * whose seed pair is the Philox preimage of (s0, 0, s1, 0) under the scrambling key
     * (0x3ec8f720, 0x02461e29) draws what the stateful op draws on its first call with global
     * seed s0 and op seed s1. The preimages, inverting Philox4x32-10 round by round in python
     * (c0 = n3 * M0^-1, c2 = n1 * M1^-1 mod 2^32, c1 = n0 ^ hi(M1 c2) ^ k0, c3 = n2 ^ hi(M0 c0) ^ k1):
     *   (7, 17) -> (0xa926ba76898aca1a, 0x97122786ab6a7fa1)
     *   (42, 3) -> (0xf9f45dea06cb95f3, 0x6b3cb572aaa65cf5)
     */
    @Test
    void statelessSeedsAreScrambledAsTensorFlowScramblesThem() {
        assertThat(Draws.stream(0xa926ba76898aca1aL, 0x97122786ab6a7fa1L)).isEqualTo(new PhiloxStream(7, 17, 0));
        assertThat(Draws.stream(0xf9f45dea06cb95f3L, 0x6b3cb572aaa65cf5L)).isEqualTo(new PhiloxStream(42, 3, 0));
    }

    @Test
    void aStatelessDrawOfThePreimageEqualsTheFirstStatefulDraw() {
        Horn.setSeed(7);
        Tensor stateful = tf.randomUniform(new int[] {3, 5}, -1, 1, DType.FLOAT32, 17);
        float[] stateless = new float[15];
        Draws.stream(0xa926ba76898aca1aL, 0x97122786ab6a7fa1L).uniform(DType.FLOAT32, stateless, 0, 15, -1, 1);
        assertThat(stateless).containsExactly(stateful.toFloatArray());
    }

    @Test
    void aSeededDrawIsTheStatelessStreamOfTheSeedPairSeedZero() {
        Tensor t = Draws.normal(Shape.of(6), DType.FLOAT64, 0, 1, 5L);
        double[] expected = new double[6];
        Draws.stream(5, 0).normal(DType.FLOAT64, expected, 0, 6, 0, 1);
        assertThat(t.toDoubleArray()).containsExactly(expected);
    }
}
