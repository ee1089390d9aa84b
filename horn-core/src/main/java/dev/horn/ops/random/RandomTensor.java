package dev.horn.ops.random;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.internal.cpu.Parallel;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import dev.horn.random.Philox;
import dev.horn.random.Seeds;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tensor of random numbers. Stateful: each run draws new numbers (in a graph, every call of
 * the compiled program), from a Philox stream keyed by the op's seed and counted by run, so a
 * program with a global seed set repeats exactly. Element i uses counter i of its stream only.
 */
public final class RandomTensor extends Op {
    /** The distribution; a and b are its two parameters. */
    public enum Distribution {
        /** uniform in [a, b) */
        UNIFORM,
        /** normal with mean a, standard deviation b */
        NORMAL,
        /** normal with mean a, standard deviation b, redrawn beyond 2 standard deviations */
        TRUNCATED_NORMAL,
        /** 1 with probability a, else 0 */
        BERNOULLI
    }

    private final Distribution distribution;
    private final Shape shape;
    private final DType dtype;
    private final double a;
    private final double b;
    private final long key;
    private final AtomicLong runs = new AtomicLong();

    public RandomTensor(Distribution distribution, Shape shape, DType dtype, double a, double b, Long seed) {
        super(switch (distribution) {
            case UNIFORM -> "random_uniform";
            case NORMAL -> "random_normal";
            case TRUNCATED_NORMAL -> "truncated_normal";
            case BERNOULLI -> "random_bernoulli";
        });
        if (!shape.isFullyDefined()) {
            throw new IllegalArgumentException(name() + ": shape " + shape + " must be fully defined");
        }
        boolean integer = dtype.isInteger();
        if (!dtype.isNumeric() || (integer && distribution != Distribution.UNIFORM)) {
            throw new IllegalArgumentException(name() + ": unsupported dtype " + dtype);
        }
        if (distribution == Distribution.UNIFORM && !(a < b)) {
            throw new IllegalArgumentException(name() + ": minval " + a + " must be less than maxval " + b);
        }
        if ((distribution == Distribution.NORMAL || distribution == Distribution.TRUNCATED_NORMAL) && !(b >= 0)) {
            throw new IllegalArgumentException(name() + ": stddev must be >= 0, got " + b);
        }
        if (distribution == Distribution.BERNOULLI && !(a >= 0 && a <= 1)) {
            throw new IllegalArgumentException(name() + ": probability must be in [0, 1], got " + a);
        }
        this.distribution = distribution;
        this.shape = shape;
        this.dtype = dtype;
        this.a = a;
        this.b = b;
        this.key = Seeds.nextKey(seed);
    }

    @Override
    public String attributes() {
        return "shape=" + shape + ", dtype=" + dtype + ", params=(" + a + ", " + b + ")";
    }

    @Override
    public boolean isStateful() {
        return true;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 0);
        return new TensorSpec[] {new TensorSpec(dtype, shape)};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        long run = runs.getAndIncrement();
        int n = shape.size();
        Object out = HeapArrays.newUninitialized(dtype, n);
        int k0 = (int) key;
        int k1 = (int) (key >>> 32);
        Parallel.forRange(n, BroadcastLoop.GRAIN, (s, e) -> {
            int[] words = new int[4];
            for (int i = s; i < e; i++) {
                write(out, i, sample(i, run, k0, k1, words));
            }
        });
        return new Tensor[] {Tensor.wrap(dtype, shape, out)};
    }

    private double sample(int i, long run, int k0, int k1, int[] w) {
        switch (distribution) {
            case UNIFORM -> {
                Philox.block(i, 0, (int) run, (int) (run >>> 32), k0, k1, w);
                if (dtype.isInteger()) {
                    long range = (long) b - (long) a;
                    long bits = ((w[0] & 0xFFFFFFFFL) << 32 | (w[1] & 0xFFFFFFFFL)) >>> 1;
                    return (long) a + bits % range;
                }
                double u = dtype == DType.FLOAT32 ? Philox.toFloat(w[0]) : Philox.toDouble(w[0], w[1]);
                return a + (b - a) * u;
            }
            case BERNOULLI -> {
                Philox.block(i, 0, (int) run, (int) (run >>> 32), k0, k1, w);
                return Philox.toDouble(w[0], w[1]) < a ? 1 : 0;
            }
            default -> {
                for (int attempt = 0; ; attempt++) {
                    Philox.block(i, attempt, (int) run, (int) (run >>> 32), k0, k1, w);
                    double u1 = 1 - Philox.toDouble(w[0], w[1]); // (0, 1]: log is finite
                    double u2 = Philox.toDouble(w[2], w[3]);
                    double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
                    if (distribution == Distribution.NORMAL || Math.abs(z) <= 2) {
                        return a + b * z;
                    }
                }
            }
        }
    }

    private void write(Object out, int i, double v) {
        switch (dtype) {
            case FLOAT32 -> ((float[]) out)[i] = (float) v;
            case FLOAT64 -> ((double[]) out)[i] = v;
            case INT32 -> ((int[]) out)[i] = (int) v;
            case INT64 -> ((long[]) out)[i] = (long) v;
            default -> throw new IllegalStateException(name() + ": unsupported dtype " + dtype);
        }
    }
}
