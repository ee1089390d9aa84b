package dev.horn.keras.layers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recurrent layers on fixed weights against numpy written from Keras' cell formulas (gate
 * order i, f, c, o and z, r, h, Keras' masking: a masked step keeps the states). Batch 2,
 * 3 steps, 4 features, 3 units; x[i] = sin(0.3 i + 0.1), kernel[i] = 0.4 cos(0.7 i + s),
 * recurrent[i] = 0.3 sin(0.5 i + 0.2 + s), bias[i] = 0.1 cos(1.3 i + s), flat indices, s = 0
 * (0.5 for a Bidirectional's backward copy).
 */
class RecurrentNumbersTest {
    private static final Shape INPUT = Shape.of(2, 3, 4);
    private static final Tensor X = pattern(INPUT, i -> Math.sin(0.3 * i + 0.1));
    private static final Tensor MASK = Tensor.of(new boolean[] {true, true, false, true, false, true}, 2, 3);

    private static Tensor pattern(Shape shape, DoubleUnaryOperator f) {
        float[] v = new float[shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) f.applyAsDouble(i);
        }
        return Tensor.of(v, shape.dims());
    }

    private static <L extends Recurrent<L>> L withWeights(L layer, double shift) {
        layer.ensureBuilt(INPUT);
        List<Tensor> w = layer.getWeights();
        layer.setWeights(List.of(
                pattern(w.get(0).shape(), i -> 0.4 * Math.cos(0.7 * i + shift)),
                pattern(w.get(1).shape(), i -> 0.3 * Math.sin(0.5 * i + 0.2 + shift)),
                pattern(w.get(2).shape(), i -> 0.1 * Math.cos(1.3 * i + shift))));
        return layer;
    }

    private static void assertValues(Tensor actual, double... expected) {
        double[] a = actual.toDoubleArray();
        assertThat(a).hasSize(expected.length);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("element %d of %s", i, actual.shape()).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(2e-6));
        }
    }

    @Test
    void lstmSequenceMatchesKerasFormulas() {
        Tensor y = withWeights(new Lstm(3).returnSequences(true), 0).apply(X);
        assertThat(y.shape()).isEqualTo(Shape.of(2, 3, 3));
        assertValues(y, -0.04563450, -0.04152525, 0.00904003, -0.06825822, -0.01711899, 0.05933140, -0.00869004, -0.00222972,
                0.04242100, 0.03572013, -0.02228387, -0.05296895, 0.03358496, -0.06041495, -0.10188382, -0.02052054,
                -0.08262414, -0.05835623);
    }

    @Test
    void maskedLstmCarriesItsStatesOverMaskedSteps() {
        Lstm lstm = withWeights(new Lstm(3).returnSequences(true).returnState(true), 0);
        List<Tensor> out = lstm.applyMany(List.of(X), false, List.of(MASK));
        assertThat(out).hasSize(3);
        assertValues(out.get(0), -0.04563450, -0.04152525, 0.00904003, -0.06825822, -0.01711899, 0.05933140, -0.06825822,
                -0.01711899, 0.05933140, 0.03572013, -0.02228387, -0.05296895, 0.03572013, -0.02228387, -0.05296895,
                -0.01553990, -0.06248011, -0.03867355);
        assertValues(out.get(1), -0.06825822, -0.01711899, 0.05933140, -0.01553990, -0.06248011, -0.03867355);
        assertValues(out.get(2), -0.11388137, -0.02931062, 0.11796136, -0.02871470, -0.11266838, -0.07392118);
    }

    @Test
    void goBackwardsReadsTheLastStepFirstAndReturnsThatOrder() {
        Tensor y = withWeights(new Lstm(3).returnSequences(true).goBackwards(true), 0).apply(X);
        assertValues(y, 0.01627210, 0.00200974, 0.01070664, -0.03814707, -0.00218862, 0.05484455, -0.05979024, -0.04040128,
                0.03697993, -0.03349986, -0.04787955, -0.01056858, 0.00091501, -0.06818822, -0.07178806, 0.03408059,
                -0.05869408, -0.08778334);
    }

    @Test
    void lstmWithAnotherActivationRunsTheComposedCell() {
        Tensor y = withWeights(new Lstm(3).activation("relu"), 0).apply(X);
        assertValues(y, 0.01845355, 0.00203040, 0.03636649, 0.02093936, 0.00000000, 0.00000000);
    }

    @Test
    void gruResetAfterWithMaskMatchesKerasFormulas() {
        Gru gru = withWeights(new Gru(3).returnSequences(true), 0);
        assertThat(gru.bias().shape()).isEqualTo(Shape.of(2, 9));
        assertValues(gru.apply(X, false, MASK), -0.08823786, 0.02257275, 0.24505298, -0.16855137, 0.06705449, 0.52011184,
                -0.16855137, 0.06705449, 0.52011184, 0.42972294, -0.26417637, -0.46616947, 0.42972294, -0.26417637,
                -0.46616947, 0.22876250, -0.20330902, -0.21297674);
    }

    @Test
    void gruWithResetBeforeMatchesKerasFormulas() {
        Gru gru = withWeights(new Gru(3).resetAfter(false), 0);
        assertThat(gru.bias().shape()).isEqualTo(Shape.of(9));
        assertValues(gru.apply(X), -0.17096812, 0.03470358, 0.36197098, 0.23847362, -0.27463627, -0.31884168);
    }

    @Test
    void simpleRnnMatchesKerasFormula() {
        assertValues(withWeights(new SimpleRnn(3).returnSequences(true), 0).apply(X), 0.26502168, 0.20920682, 0.02669994,
                0.46126507, 0.34251375, 0.04248508, 0.28216348, 0.17333410, -0.01147732, -0.17504171, -0.21473015,
                -0.18137778, -0.22903525, -0.18840106, -0.09767364, 0.11841629, 0.08080652, -0.03846850);
    }

    private static Bidirectional bidirectional(boolean sequences, String mode) {
        Bidirectional bi = new Bidirectional(new Lstm(3).returnSequences(sequences), mode);
        withWeights((Lstm) bi.forwardLayer(), 0);
        withWeights((Lstm) bi.backwardLayer(), 0.5);
        bi.ensureBuilt(INPUT);
        return bi;
    }

    @Test
    void bidirectionalConcatWithMaskAlignsBothDirections() {
        Tensor y = bidirectional(true, "concat").apply(X, false, MASK);
        assertThat(y.shape()).isEqualTo(Shape.of(2, 3, 6));
        assertValues(y, -0.04563450, -0.04152525, 0.00904003, -0.04137807, 0.00085203, 0.06056352, -0.06825822, -0.01711899,
                0.05933140, -0.00684987, 0.03576718, 0.06063642, 0, 0, 0, 0, 0, 0, 0.03572013, -0.02228387, -0.05296895,
                -0.01607278, -0.06584739, -0.05318878, 0, 0, 0, 0, 0, 0, -0.01553990, -0.06248011, -0.03867355,
                -0.03956766, -0.03038897, 0.01544816);
    }

    @Test
    void bidirectionalAverageSumAndProduct() {
        assertValues(bidirectional(true, "ave").apply(X, false, MASK), -0.04350628, -0.02033661, 0.03480177, -0.03755405,
                0.00932410, 0.05998391, 0, 0, 0, 0.00982367, -0.04406563, -0.05307887, 0, 0, 0, -0.02755378, -0.04643454,
                -0.01161269);
        assertValues(bidirectional(false, "sum").apply(X), -0.04782019, -0.00208605, 0.10495451, -0.03879248, -0.17673464,
                -0.14400874);
        assertValues(bidirectional(false, "mul").apply(X), 0.00034004, -0.00000032, 0.00265273, 0.00037495, 0.00777580,
                0.00499836);
    }

    @Test
    void bidirectionalWithoutMergeReturnsBothDirections() {
        Bidirectional bi = bidirectional(false, null);
        List<Tensor> out = bi.applyMany(List.of(X), false, null);
        assertThat(out).hasSize(2);
        Tensor sum = out.get(0).add(out.get(1));
        assertValues(sum, -0.04782019, -0.00208605, 0.10495451, -0.03879248, -0.17673464, -0.14400874);
        assertThat(out.get(0).dtype()).isEqualTo(DType.FLOAT32);
    }
}
