package dev.horn.bench;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.internal.cpu.Parallel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.horn.Tf.tf;

/**
 * float32 conv2d forward and backward (input and filter gradients) in GFLOP/s at ResNet-like and
 * MNIST-CNN shapes, against the GEMM rate of the same run at the equivalent matrix sizes (the
 * im2col products: [batch * out pixels, k*k*in] x [k*k*in, out] forward, its transposes backward).
 * A ratio of 1 means convolution costs no more than the bare matrix products; above 1 it beats
 * them. Every conv result is checked against a float64 convolution of the same data first.
 */
public final class ConvBench implements Benchmark {
    /** Largest |got - want| / max(1, |want|) accepted from the float32 kernels. */
    static final double TOLERANCE = 1e-3;

    /** A 3x3 (k x k) convolution of a batch of h x w x in images to out channels. */
    record Case(String net, int batch, int h, int w, int in, int out, int k, String padding) {
        int outH() {
            return padding.equals("SAME") ? h : h - k + 1;
        }

        int outW() {
            return padding.equals("SAME") ? w : w - k + 1;
        }

        int rows() {
            return batch * outH() * outW();
        }

        int depth() {
            return k * k * in;
        }

        double flops() {
            return 2.0 * rows() * depth() * out;
        }

        String label() {
            return h + "x" + w + "x" + in + "->" + out + " " + k + "x" + k + " b" + batch;
        }

        Case quick() {
            return new Case(net, Math.max(1, batch / 4), h, w, in, out, k, padding);
        }
    }

    static final List<Case> CASES = List.of(
            new Case("resnet", 8, 56, 56, 64, 64, 3, "SAME"),
            new Case("resnet", 16, 28, 28, 128, 128, 3, "SAME"),
            new Case("resnet", 16, 14, 14, 256, 256, 3, "SAME"),
            new Case("resnet", 32, 7, 7, 512, 512, 3, "SAME"),
            new Case("mnist-cnn", 128, 28, 28, 1, 32, 3, "VALID"),
            new Case("mnist-cnn", 128, 26, 26, 32, 64, 3, "VALID"));

    @Override
    public String name() {
        return "conv";
    }

    @Override
    public String description() {
        return "float32 conv2d forward / backward-input / backward-filter GFLOP/s vs tf.matmul at the equivalent im2col GEMM sizes";
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("reps", "timed samples per measurement, median reported (default 5; --quick: 3)");
        o.put("threads", "thread counts, e.g. 1,all (default all)");
        return o;
    }

    @Override
    public Report run(Options options) {
        boolean quick = options.flag("quick");
        int samples = options.integer("reps", quick ? 3 : 5);
        double minSample = quick ? 0.02 : 0.1;
        double warmup = quick ? 0.1 : 0.5;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int threads : options.threads("threads", "all")) {
            for (Case full : CASES) {
                Case c = quick ? full.quick() : full;
                Map<String, Double> seconds = Parallel.withThreads(threads, () -> measure(c, samples, minSample, warmup));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("net", c.net());
                row.put("shape", c.label());
                row.put("threads", threads);
                double total = 0;
                double gemmTotal = 0;
                for (String pass : new String[] {"forward", "backprop_input", "backprop_filter"}) {
                    double conv = c.flops() / seconds.get(pass) / 1e9;
                    double gemm = c.flops() / seconds.get(pass + "_gemm") / 1e9;
                    row.put(pass + "_gflops", conv);
                    row.put(pass + "_gemm_gflops", gemm);
                    row.put(pass + "_vs_gemm", conv / gemm);
                    total += seconds.get(pass);
                    gemmTotal += seconds.get(pass + "_gemm");
                }
                row.put("fwd_bwd_gflops", 3 * c.flops() / total / 1e9);
                row.put("fwd_bwd_vs_gemm", gemmTotal / total);
                rows.add(row);
            }
        }
        return new Report(rows, List.of(), Map.of())
                .withFact("gemm_shapes", "forward [b*oh*ow, k*k*in] x [k*k*in, out]; backprop_input [b*oh*ow, out] x [out, k*k*in];"
                        + " backprop_filter [k*k*in, b*oh*ow] x [b*oh*ow, out] (A transposed)");
    }

    /** Seconds per call of the three conv passes and their three GEMMs, sampled in turns. */
    private static Map<String, Double> measure(Case c, int samples, double minSample, double warmup) {
        Random random = new Random(c.h() * 31L + c.in());
        Tensor x = random(random, c.batch(), c.h(), c.w(), c.in());
        Tensor f = random(random, c.k(), c.k(), c.in(), c.out());
        Tensor dy = random(random, c.batch(), c.outH(), c.outW(), c.out());
        int[] xShape = x.shape().dims();
        int[] fShape = f.shape().dims();
        int[] one = {1};
        check(c, x, f);
        Tensor cols = random(random, c.rows(), c.depth());
        Tensor flat = random(random, c.depth(), c.out());
        Tensor dyFlat = tf.reshape(dy, c.rows(), c.out());
        Map<String, Runnable> tasks = new LinkedHashMap<>();
        tasks.put("forward", () -> tf.conv2d(x, f, one, c.padding()));
        tasks.put("forward_gemm", () -> tf.matmul(cols, flat));
        tasks.put("backprop_input", () -> tf.conv2dBackpropInput(xShape, f, dy, one, c.padding()));
        tasks.put("backprop_input_gemm", () -> tf.matmul(dyFlat, flat, false, true));
        tasks.put("backprop_filter", () -> tf.conv2dBackpropFilter(x, fShape, dy, one, c.padding()));
        tasks.put("backprop_filter_gemm", () -> tf.matmul(cols, dyFlat, true, false));
        return Timing.interleavedMedians(tasks, samples, minSample, warmup, name -> { });
    }

    /** Compares sampled outputs of the float32 forward pass with a float64 one, on the batch's first image. */
    private static void check(Case c, Tensor batch, Tensor f) {
        Tensor x = tf.slice(batch, new int[] {0, 0, 0, 0}, new int[] {1, c.h(), c.w(), c.in()});
        float[] got = tf.conv2d(x, f, 1, c.padding()).toFloatArray();
        double[] want = tf.conv2d(tf.cast(x, DType.FLOAT64), tf.cast(f, DType.FLOAT64), 1, c.padding()).toDoubleArray();
        Random random = new Random(2);
        for (int s = 0; s < 256; s++) {
            int i = s == 0 ? 0 : s == 1 ? got.length - 1 : random.nextInt(got.length);
            double err = Math.abs(got[i] - want[i]) / Math.max(1, Math.abs(want[i]));
            if (!(err <= TOLERANCE)) {
                throw new AssertionError("conv2d " + c.label() + ": y[" + i + "] = " + got[i] + ", expected " + want[i]);
            }
        }
    }

    private static Tensor random(Random random, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextFloat() * 2 - 1;
        }
        return Tensor.of(v, shape).reshape(shape);
    }
}
