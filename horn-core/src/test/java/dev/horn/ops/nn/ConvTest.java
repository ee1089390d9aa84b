package dev.horn.ops.nn;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.autodiff.GradientTape;
import dev.horn.graph.Function;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ConvTest {
    private static Tensor random(Random r, int... shape) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = r.nextGaussian();
        }
        return Tensor.of(v, shape).reshape(shape);
    }

    private static void assertClose(double[] actual, double[] expected, double tol) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(tol * Math.max(1, Math.abs(expected[i]))));
        }
    }

    /** Numbers from numpy: a 4x4 ramp under a 2x2 box filter, SAME stride 1: TF pads the one extra row and column after. */
    @Test
    void sameConvPadsTheOddCellAfterAsTensorFlowDoes() {
        Tensor x = tf.reshape(tf.cast(tf.range(16), DType.FLOAT32), 1, 4, 4, 1);
        Tensor f = tf.ones(DType.FLOAT32, 2, 2, 1, 1);
        float[] y = tf.conv2d(x, f, 1, "SAME").toFloatArray();
        assertThat(y).containsExactly(10, 14, 18, 10, 26, 30, 34, 18, 42, 46, 50, 26, 25, 27, 29, 15);
        float[] strided = tf.conv2d(x, f, 2, "SAME").toFloatArray();
        assertThat(strided).containsExactly(10, 18, 42, 50);
    }

    @ParameterizedTest(name = "{0}x{1}x{2}x{3} filter {4}x{5}x{6}x{7} strides {8},{9} dilations {10},{11} {12}")
    @CsvSource({
        "2, 7, 6, 3, 3, 3, 3, 5, 1, 1, 1, 1, SAME",
        "2, 7, 6, 3, 3, 3, 3, 5, 2, 2, 1, 1, SAME",
        "1, 8, 9, 4, 3, 2, 4, 6, 2, 3, 1, 1, VALID",
        "1, 9, 9, 2, 3, 3, 2, 3, 1, 1, 2, 2, SAME",
        "1, 9, 8, 2, 2, 3, 2, 2, 1, 1, 3, 2, VALID",
        "2, 6, 5, 6, 3, 3, 2, 9, 1, 1, 1, 1, SAME",
        "2, 6, 5, 6, 3, 3, 1, 6, 2, 1, 1, 1, SAME",
        "2, 6, 5, 6, 3, 3, 1, 6, 1, 1, 1, 1, SAME",
        "1, 7, 6, 5, 3, 3, 1, 5, 1, 1, 2, 1, VALID",
        "1, 6, 5, 32, 3, 3, 16, 4, 1, 1, 1, 1, SAME",
        "2, 7, 5, 16, 3, 3, 16, 32, 1, 1, 1, 1, SAME",
        "1, 6, 7, 32, 3, 2, 32, 16, 1, 1, 1, 1, VALID",
        "3, 5, 4, 8, 1, 1, 8, 5, 1, 1, 1, 1, VALID",
        "2, 6, 6, 4, 1, 1, 4, 3, 2, 2, 1, 1, SAME",
        "1, 10, 11, 37, 3, 3, 37, 19, 1, 1, 1, 1, SAME",
        "1, 4, 4, 3, 4, 4, 3, 2, 1, 1, 1, 1, SAME",
        // implicit GEMM: 6x4 tiles over 64-wide panels (tails of 3, 5 and 1 rows), 4x2 tiles for 32 outputs, the
        // filter gradient's channel quads; padded tiles gathered; more rows than one summing block
        "1, 5, 5, 8, 3, 3, 8, 64, 1, 1, 1, 1, VALID",
        "2, 7, 6, 4, 3, 3, 4, 128, 2, 1, 1, 2, SAME",
        "1, 6, 7, 8, 3, 3, 8, 32, 1, 1, 1, 1, VALID",
        "1, 12, 12, 32, 3, 3, 32, 8, 1, 1, 1, 1, VALID",
        "2, 48, 48, 4, 3, 3, 4, 64, 1, 1, 1, 1, SAME",
        "1, 5, 7, 4, 3, 3, 4, 64, 1, 1, 1, 1, SAME",
        "1, 5, 5, 4, 3, 3, 4, 128, 1, 1, 1, 1, SAME",
        // filter gradients over any channel count: a first layer's single channel, 3 channels into 16, 2 into a panel
        "2, 9, 8, 1, 3, 3, 1, 32, 1, 1, 1, 1, VALID",
        "1, 7, 7, 3, 3, 3, 3, 16, 1, 1, 1, 1, SAME",
        "1, 6, 8, 2, 3, 3, 2, 64, 2, 2, 1, 1, SAME",
        "2, 50, 50, 1, 3, 3, 1, 32, 1, 1, 1, 1, SAME",
        // a filter panel too large to stay cached: the im2col GEMM again
        "1, 4, 4, 288, 3, 3, 288, 64, 1, 1, 1, 1, SAME",
        // input gradient by implicit col2im: 32 channels over 3x3 or 3x2 (k = 3 or 2 panels), 16 over 3x2
        // dilated, stride 2, 128 deep dy; tiles of 3 rows with a 1- or 2-row tail, odd dy depths
        "3, 7, 7, 32, 3, 3, 32, 19, 1, 1, 1, 1, VALID",
        "2, 9, 8, 32, 3, 3, 32, 20, 2, 2, 1, 1, SAME",
        "1, 9, 8, 16, 3, 2, 16, 24, 1, 1, 2, 1, SAME",
        "2, 6, 6, 64, 3, 3, 64, 128, 1, 1, 1, 1, SAME",
        // windows of at most 9 elements into 16 or 32 outputs, filters held in registers: strided, dilated, odd row counts
        "3, 7, 6, 1, 3, 3, 1, 16, 2, 1, 1, 1, SAME",
        "1, 6, 7, 2, 2, 2, 2, 32, 1, 1, 2, 1, VALID",
        "1, 5, 5, 1, 1, 3, 1, 32, 1, 1, 1, 1, SAME"
    })
    void conv2dMatchesTheNaiveReferenceWithGradients(int n, int h, int w, int c, int kh, int kw, int cg, int o,
                                                     int sh, int sw, int dh, int dw, String padding) {
        Random r = new Random(h * 31 + c);
        Tensor x = random(r, n, h, w, c);
        Tensor f = random(r, kh, kw, cg, o);
        int[] xs = {n, h, w, c};
        int[] fs = {kh, kw, cg, o};
        int[] strides = {sh, sw};
        int[] dil = {dh, dw};
        boolean same = padding.equals("SAME");
        double[] expected = ConvReference.conv2d(x.toDoubleArray(), xs, f.toDoubleArray(), fs, strides, dil, same);
        assertClose(tf.conv2d(x, f, strides, padding, null, dil).toDoubleArray(), expected, 1e-12);
        Tensor y32 = tf.conv2d(tf.cast(x, DType.FLOAT32), tf.cast(f, DType.FLOAT32), strides, padding, null, dil);
        assertThat(y32.dtype()).isEqualTo(DType.FLOAT32);
        assertClose(y32.toDoubleArray(), expected, 1e-4);
        // the adjoints: <conv(x, f), g> = <x, backprop_input(f, g)> = <f, backprop_filter(x, g)>
        Tensor g = random(r, y32.shape().dims());
        double lhs = tf.reduceSum(tf.mul(tf.conv2d(x, f, strides, padding, null, dil), g)).item();
        GradientTape tape = new GradientTape();
        Tensor loss;
        try (tape) {
            tape.watch(x, f);
            loss = tf.reduceSum(tf.mul(tf.conv2d(x, f, strides, padding, null, dil), g));
        }
        Tensor[] grads = tape.gradient(loss, x, f);
        assertThat(loss.item()).isCloseTo(lhs, within(1e-9));
        assertThat(tf.reduceSum(tf.mul(grads[0], x)).item()).isCloseTo(lhs, within(1e-9 * Math.max(1, Math.abs(lhs))));
        assertThat(tf.reduceSum(tf.mul(grads[1], f)).item()).isCloseTo(lhs, within(1e-9 * Math.max(1, Math.abs(lhs))));
        // float32 kernels (direct, im2col or flipped) give the float64 gradients
        Tensor[] grads32;
        try (GradientTape tape32 = new GradientTape()) {
            Tensor x32 = tf.cast(x, DType.FLOAT32);
            Tensor f32 = tf.cast(f, DType.FLOAT32);
            tape32.watch(x32, f32);
            Tensor loss32 = tf.reduceSum(tf.mul(tf.conv2d(x32, f32, strides, padding, null, dil), tf.cast(g, DType.FLOAT32)));
            grads32 = tape32.gradient(loss32, x32, f32);
        }
        assertClose(grads32[0].toDoubleArray(), grads[0].toDoubleArray(), 1e-4);
        assertClose(grads32[1].toDoubleArray(), grads[1].toDoubleArray(), 1e-4);
    }

    /**
     * A batch of several row blocks (stride 1) or image chunks of the scatter-add input gradient
     * (stride 2: 64 images of 15x15 windows of 3x3x16 per chunk) gives what its images give one
     * by one.
     */
    @ParameterizedTest(name = "stride {0}, {1} images, split at {2}")
    @CsvSource({"1, 20, 11", "2, 70, 64"})
    void chunkedBatchEqualsImageByImage(int stride, int n, int split) {
        Random r = new Random(5);
        Tensor x = tf.cast(random(r, n, 30, 30, 16), DType.FLOAT32);
        Tensor f = tf.cast(random(r, 3, 3, 16, 8), DType.FLOAT32);
        int o = 30 / stride;
        Tensor g = tf.cast(random(r, n, o, o, 8), DType.FLOAT32);
        Tensor[] all = convGrads(x, f, g, stride);
        Tensor y = tf.conv2d(x, f, stride, "SAME");
        for (int i : new int[] {0, split - 1, split, n - 1}) {
            Tensor xi = tf.slice(x, new int[] {i, 0, 0, 0}, new int[] {1, 30, 30, 16});
            Tensor gi = tf.slice(g, new int[] {i, 0, 0, 0}, new int[] {1, o, o, 8});
            Tensor[] one = convGrads(xi, f, gi, stride);
            assertThat(tf.slice(y, new int[] {i, 0, 0, 0}, new int[] {1, o, o, 8}).toFloatArray())
                    .containsExactly(tf.conv2d(xi, f, stride, "SAME").toFloatArray());
            assertThat(tf.slice(all[0], new int[] {i, 0, 0, 0}, new int[] {1, 30, 30, 16}).toFloatArray())
                    .containsExactly(one[0].toFloatArray());
        }
        Tensor[] head = convGrads(tf.slice(x, new int[] {0, 0, 0, 0}, new int[] {split, 30, 30, 16}), f,
                tf.slice(g, new int[] {0, 0, 0, 0}, new int[] {split, o, o, 8}), stride);
        Tensor[] tail = convGrads(tf.slice(x, new int[] {split, 0, 0, 0}, new int[] {n - split, 30, 30, 16}), f,
                tf.slice(g, new int[] {split, 0, 0, 0}, new int[] {n - split, o, o, 8}), stride);
        // filter gradients sum thousands of products each: float32 rounding of about 1e-3 absolute
        assertClose(all[1].toDoubleArray(), tf.add(head[1], tail[1]).toDoubleArray(), 1e-3);
    }

    private static Tensor[] convGrads(Tensor x, Tensor f, Tensor g, int stride) {
        return convGrads(x, f, g, stride, "SAME");
    }

    private static Tensor[] convGrads(Tensor x, Tensor f, Tensor g, int stride, String padding) {
        GradientTape tape = new GradientTape();
        Tensor loss;
        try (tape) {
            tape.watch(x, f);
            loss = tf.reduceSum(tf.mul(tf.conv2d(x, f, stride, padding), g));
        }
        return tape.gradient(loss, x, f);
    }

    /**
     * The fused op adds the bias and applies relu exactly as the separate ops do, on every kernel
     * path: implicit GEMM (64 and 32 outputs, gathered at padding), direct, im2col, float64.
     */
    @ParameterizedTest(name = "{0}x{1}x{2}x{3} -> {4} {5} {6}")
    @CsvSource({
        "2, 9, 8, 8, 64, SAME, FLOAT32",
        "2, 9, 8, 8, 32, VALID, FLOAT32",
        "1, 7, 7, 1, 32, SAME, FLOAT32",
        "2, 6, 5, 2, 5, SAME, FLOAT32",
        "1, 6, 6, 37, 19, VALID, FLOAT32",
        "2, 6, 5, 3, 4, SAME, FLOAT64"
    })
    void convolutionWithBiasEqualsConvolutionThenBiasThenRelu(int n, int h, int w, int c, int out, String padding, DType dtype) {
        Random r = new Random(n * 7 + out);
        Tensor x = tf.cast(random(r, n, h, w, c), dtype);
        Tensor f = tf.cast(random(r, 3, 3, c, out), dtype);
        Tensor b = tf.cast(random(r, out), dtype);
        int[] one = {1};
        Tensor plain = tf.add(tf.conv2d(x, f, one, padding), b);
        assertThat(tf.convolutionWithBias(x, f, b, false, one, padding, null, null).toDoubleArray())
                .containsExactly(plain.toDoubleArray());
        assertThat(tf.convolutionWithBias(x, f, b, true, one, padding, null, null).toDoubleArray())
                .containsExactly(tf.relu(plain).toDoubleArray());
    }

    /** bias_add_grad sums every axis but the last: 80 channels (four vectors and one), more rows than one block. */
    @ParameterizedTest(name = "{0} channels")
    @CsvSource({"80", "64", "5"})
    void biasAddGradIsTheSumOverAllButTheLastAxis(int channels) {
        Random r = new Random(channels);
        Tensor g = random(r, 3, 700, channels);
        double[] expected = tf.reduceSum(g, 0, 1).toDoubleArray();
        assertClose(new BiasAddGrad().apply(g).toDoubleArray(), expected, 1e-12);
        assertClose(new BiasAddGrad().apply(tf.cast(g, DType.FLOAT32)).toDoubleArray(), expected, 1e-4);
    }

    /**
     * The implicit-GEMM, col2im and shallow kernels, bias_add_grad, the fused filter and bias
     * gradients, NarrowConv and the im2col paths (19 outputs) give
     * the same bits on one thread as on all of them.
     */
    @ParameterizedTest(name = "{0} -> {1} channels, {2}")
    @CsvSource({"32, 64, VALID", "1, 32, SAME", "4, 64, SAME", "32, 32, VALID", "3, 19, SAME", "8, 19, VALID", "64, 128, SAME"})
    void convolutionBitsDoNotDependOnTheThreadCount(int in, int out, String padding) {
        Random r = new Random(in + out);
        Tensor x = tf.cast(random(r, 9, 26, 26, in), DType.FLOAT32);
        Tensor f = tf.cast(random(r, 3, 3, in, out), DType.FLOAT32);
        Tensor b = tf.cast(random(r, out), DType.FLOAT32);
        java.util.function.Supplier<float[][]> all = () -> {
            Tensor y = tf.convolutionWithBias(x, f, b, true, new int[] {1}, padding, null, null);
            Tensor[] g = convGrads(x, f, y, 1, padding);
            Window window = new Window(new int[] {1, 1}, new int[] {1, 1}, Padding.valueOf(padding));
            Tensor[] filterAndBias = new ConvBackpropFilterBias(window, new int[] {3, 3, in, out}).applyAll(x, y);
            return new float[][] {y.toFloatArray(), g[0].toFloatArray(), g[1].toFloatArray(), new BiasAddGrad().apply(y).toFloatArray(),
                filterAndBias[0].toFloatArray(), filterAndBias[1].toFloatArray()};
        };
        float[][] one = dev.horn.internal.cpu.Parallel.withThreads(1, all);
        float[][] many = all.get();
        for (int i = 0; i < one.length; i++) { // Arrays.equals: AssertJ's element diff is slow on 300K floats
            assertThat(java.util.Arrays.equals(many[i], one[i])).as("output %d bit for bit", i).isTrue();
        }
    }

    /**
     * The fused layer's filter and bias gradients (one conv2d_backprop_filter_bias op: the
     * shallow kernel, the implicit-GEMM tiles, or the im2col GEMM and bias_add_grad) equal the
     * float64 gradients of conv2d, then the bias, then relu.
     */
    @ParameterizedTest(name = "{0}x{1}x{1}x{2} -> {3}, {4}")
    @CsvSource({"3, 12, 1, 32, VALID", "2, 9, 2, 16, SAME", "2, 10, 8, 64, SAME", "1, 9, 32, 32, VALID", "2, 7, 3, 19, SAME",
        "1, 70, 1, 32, SAME"})
    void convolutionWithBiasGradientsAreThoseOfConvolutionThenBiasThenRelu(int n, int h, int c, int out, String padding) {
        Random r = new Random(h * 3 + c);
        Tensor x = random(r, n, h, h, c);
        Tensor f = random(r, 3, 3, c, out);
        Tensor b = random(r, out);
        int[] one = {1};
        Tensor g = random(r, tf.conv2d(x, f, one, padding).shape().dims());
        Tensor x32 = tf.cast(x, DType.FLOAT32);
        Tensor f32 = tf.cast(f, DType.FLOAT32);
        Tensor b32 = tf.cast(b, DType.FLOAT32);
        Tensor[] fused;
        Tensor y32;
        try (GradientTape tape = new GradientTape()) {
            tape.watch(f32, b32);
            y32 = tf.convolutionWithBias(x32, f32, b32, true, one, padding, null, null);
            fused = tape.gradient(tf.reduceSum(tf.mul(y32, tf.cast(g, DType.FLOAT32))), f32, b32);
        }
        // relu's mask from the float32 outputs: float64 ones within rounding of 0 could fall on the other side
        Tensor masked = new ReluGrad().apply(g, tf.cast(y32, DType.FLOAT64));
        Tensor[] expected;
        try (GradientTape tape = new GradientTape()) {
            tape.watch(f, b);
            expected = tape.gradient(tf.reduceSum(tf.mul(tf.add(tf.conv2d(x, f, one, padding), b), masked)), f, b);
        }
        assertClose(fused[0].toDoubleArray(), expected[0].toDoubleArray(), 1e-4);
        assertClose(fused[1].toDoubleArray(), expected[1].toDoubleArray(), 1e-4);
    }

    @Test
    void convolutionWithBiasNamesAWrongBiasShape() {
        Tensor x = tf.zeros(DType.FLOAT32, 1, 5, 5, 2);
        Tensor f = tf.zeros(DType.FLOAT32, 3, 3, 2, 4);
        assertThatThrownBy(() -> tf.convolutionWithBias(x, f, tf.zeros(DType.FLOAT32, 3), true, new int[] {1}, "SAME", null, null))
                .hasMessageContaining("conv2d_bias_relu").hasMessageContaining("[4]").hasMessageContaining("[3]");
    }

    @Test
    void conv1dAndConv3dAgreeWithConv2dOnAFlatAxis() {
        Random r = new Random(3);
        Tensor x = random(r, 2, 9, 4);
        Tensor f = random(r, 3, 4, 5);
        Tensor y1 = tf.conv1d(x, f, 2, "SAME");
        Tensor y2 = tf.conv2d(tf.reshape(x, 2, 1, 9, 4), tf.reshape(f, 1, 3, 4, 5), 2, "SAME");
        assertThat(y1.shape().dims()).containsExactly(2, 5, 5);
        assertClose(y1.toDoubleArray(), y2.toDoubleArray(), 1e-12);
        Tensor y3 = tf.conv3d(tf.reshape(x, 2, 1, 1, 9, 4), tf.reshape(f, 1, 1, 3, 4, 5), 2, "SAME");
        assertClose(y3.toDoubleArray(), y2.toDoubleArray(), 1e-12);
        Tensor x3 = random(r, 1, 4, 5, 6, 2);
        Tensor f3 = random(r, 2, 3, 2, 2, 3);
        Tensor y = tf.conv3d(x3, f3, new int[] {1, 2, 1}, "VALID", null, null);
        assertThat(y.shape().dims()).containsExactly(1, 3, 2, 5, 3);
        // slice by slice along depth, the 3-D convolution is a sum of 2-D ones
        Tensor expected = tf.zeros(DType.FLOAT64, 1, 2, 5, 3);
        for (int d = 0; d < 2; d++) {
            Tensor xs = tf.reshape(tf.slice(x3, new int[] {0, 1 + d, 0, 0, 0}, new int[] {1, 1, 5, 6, 2}), 1, 5, 6, 2);
            Tensor fs = tf.reshape(tf.slice(f3, new int[] {d, 0, 0, 0, 0}, new int[] {1, 3, 2, 2, 3}), 3, 2, 2, 3);
            expected = tf.add(expected, tf.conv2d(xs, fs, new int[] {2, 1}, "VALID"));
        }
        Tensor second = tf.reshape(tf.slice(y, new int[] {0, 1, 0, 0, 0}, new int[] {1, 1, 2, 5, 3}), 1, 2, 5, 3);
        assertClose(second.toDoubleArray(), expected.toDoubleArray(), 1e-12);
    }

    @Test
    void channelsFirstIsTheTransposeOfChannelsLast() {
        Random r = new Random(4);
        Tensor x = random(r, 2, 7, 6, 3);
        Tensor f = random(r, 3, 3, 3, 4);
        Tensor last = tf.conv2d(x, f, new int[] {1, 2, 2, 1}, "SAME", "NHWC", null);
        Tensor first = tf.conv2d(tf.transpose(x, 0, 3, 1, 2), f, new int[] {1, 1, 2, 2}, "SAME", "NCHW", null);
        assertClose(tf.transpose(first, 0, 2, 3, 1).toDoubleArray(), last.toDoubleArray(), 1e-12);
        Tensor pooled = tf.maxPool(tf.transpose(x, 0, 3, 1, 2), new int[] {2}, new int[] {2}, "SAME", "NCHW");
        assertClose(tf.transpose(pooled, 0, 2, 3, 1).toDoubleArray(),
                tf.maxPool2d(x, new int[] {2}, new int[] {2}, "SAME").toDoubleArray(), 0);
    }

    /** depthwise_conv2d's output channel c * multiplier + m is input channel c under filter [.., c, m]. */
    @Test
    void depthwiseConvolvesEachChannelWithItsOwnFilters() {
        Random r = new Random(6);
        Tensor x = random(r, 2, 6, 5, 3);
        Tensor f = random(r, 3, 3, 3, 2);
        Tensor y = tf.depthwiseConv2d(x, f, new int[] {1, 2, 2, 1}, "SAME");
        assertThat(y.shape().dims()).containsExactly(2, 3, 3, 6);
        for (int c = 0; c < 3; c++) {
            Tensor xc = tf.slice(x, new int[] {0, 0, 0, c}, new int[] {2, 6, 5, 1});
            for (int m = 0; m < 2; m++) {
                Tensor fcm = tf.slice(f, new int[] {0, 0, c, m}, new int[] {3, 3, 1, 1});
                Tensor expected = tf.conv2d(xc, fcm, 2, "SAME");
                Tensor got = tf.slice(y, new int[] {0, 0, 0, c * 2 + m}, new int[] {2, 3, 3, 1});
                assertClose(got.toDoubleArray(), expected.toDoubleArray(), 1e-12);
            }
        }
    }

    /** conv2d_transpose is the input gradient of conv2d: <conv(x, f), y> = <x, conv_transpose(y, f)>. */
    @Test
    void conv2dTransposeIsTheAdjointOfConv2d() {
        Random r = new Random(7);
        Tensor x = random(r, 2, 7, 8, 3);
        Tensor f = random(r, 3, 3, 3, 4);
        Tensor y = random(r, 2, 4, 4, 4);
        double forward = tf.reduceSum(tf.mul(tf.conv2d(x, f, 2, "SAME"), y)).item();
        Tensor t = tf.conv2dTranspose(y, f, new int[] {2, 7, 8, 3}, new int[] {2}, "SAME");
        assertThat(t.shape().dims()).containsExactly(2, 7, 8, 3);
        assertThat(tf.reduceSum(tf.mul(x, t)).item()).isCloseTo(forward, within(1e-9));
        assertThat(tf.conv2dBackpropInput(new int[] {2, 7, 8, 3}, f, y, new int[] {2}, "SAME").toDoubleArray())
                .containsExactly(t.toDoubleArray());
    }

    @Test
    void tracedConvolutionAndPoolingEqualEager() {
        Random r = new Random(8);
        Tensor x = tf.cast(random(r, 4, 12, 12, 5), DType.FLOAT32);
        Tensor f = tf.cast(random(r, 3, 3, 5, 8), DType.FLOAT32);
        java.util.function.Function<Tensor[], Tensor> net = in -> tf.maxPool2d(
                tf.relu(tf.conv2d(in[0], in[1], 1, "SAME")), 2, 2, "VALID");
        Function traced = Function.of(net::apply);
        assertThat(traced.call(x, f).toFloatArray()).containsExactly(net.apply(new Tensor[] {x, f}).toFloatArray());
    }

    @Test
    void badShapesNameTheOpAndTheShapes() {
        Tensor image = tf.zeros(DType.FLOAT32, 28, 28, 1);
        Tensor f = tf.zeros(DType.FLOAT32, 3, 3, 1, 8);
        assertThatThrownBy(() -> tf.conv2d(image, f, 1, "SAME"))
                .hasMessageContaining("conv2d").hasMessageContaining("rank 4").hasMessageContaining("[28, 28, 1]");
        Tensor batch = tf.zeros(DType.FLOAT32, 2, 28, 28, 3);
        assertThatThrownBy(() -> tf.conv2d(batch, tf.zeros(DType.FLOAT32, 3, 3, 2, 8), 1, "SAME"))
                .hasMessageContaining("conv2d").hasMessageContaining("input channels (3)").hasMessageContaining("[3, 3, 2, 8]");
        assertThatThrownBy(() -> tf.conv2d(tf.zeros(DType.FLOAT32, 2, 5, 5, 4), tf.zeros(DType.FLOAT32, 3, 3, 2, 5), 1, "SAME"))
                .hasMessageContaining("groups (2").hasMessageContaining("output channels (5)");
        assertThatThrownBy(() -> tf.conv2d(tf.zeros(DType.FLOAT32, 1, 4, 4, 1), tf.zeros(DType.FLOAT32, 5, 3, 1, 1), 1, "VALID"))
                .hasMessageContaining("conv2d").hasMessageContaining("larger than the padded input").hasMessageContaining("[1, 4, 4, 1]");
        assertThatThrownBy(() -> tf.maxPool2d(tf.zeros(DType.FLOAT32, 1, 2, 2, 1), 3, 1, "VALID"))
                .hasMessageContaining("max_pool2d").hasMessageContaining("larger than the padded input");
        assertThatThrownBy(() -> tf.conv2d(batch, f, 1, "FULL")).hasMessageContaining("SAME").hasMessageContaining("FULL");
        assertThatThrownBy(() -> tf.conv2d(batch, tf.zeros(DType.FLOAT32, 3, 3, 3, 8), new int[] {1, 2, 3}, "SAME"))
                .hasMessageContaining("strides must have 1, 2 or 4 entries");
        assertThatThrownBy(() -> tf.maxPool2d(image, 2, 2, "VALID")).hasMessageContaining("max_pool2d").hasMessageContaining("[28, 28, 1]");
    }
}
