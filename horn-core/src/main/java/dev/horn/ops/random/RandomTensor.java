package dev.horn.ops.random;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import dev.horn.ops.StateAccess;
import dev.horn.random.RandomTensors;
import dev.horn.random.Seeds;

/**
 * A tensor of random numbers, as an op so that it also lives in graphs. Stateful: every run
 * draws the next numbers of its Philox stream (see {@link dev.horn.random.Seeds}), so a
 * compiled training step gets fresh dropout masks each call, and a program run after
 * {@link dev.horn.Horn#setSeed} repeats exactly.
 */
public final class RandomTensor extends Op {
    /** The distribution; a and b are its two parameters. */
    public enum Distribution {
        /** uniform in [a, b) */
        UNIFORM,
        /** normal with mean a, standard deviation b */
        NORMAL,
        /** normal with mean a, standard deviation b, drawn again beyond 2 standard deviations */
        TRUNCATED_NORMAL,
        /** 1 with probability a, else 0 */
        BERNOULLI,
        /** a dropout keep mask: b where a uniform draw in [0, 1) is at least a (the rate), else 0 */
        DROPOUT_MASK
    }

    private final Distribution distribution;
    private final Shape shape;
    private final DType dtype;
    private final double a;
    private final double b;
    private final Long seed;

    public RandomTensor(Distribution distribution, Shape shape, DType dtype, double a, double b, Long seed) {
        super(switch (distribution) {
            case UNIFORM -> "random_uniform";
            case NORMAL -> "random_normal";
            case TRUNCATED_NORMAL -> "truncated_normal";
            case BERNOULLI -> "random_bernoulli";
            case DROPOUT_MASK -> "dropout_mask";
        });
        this.distribution = distribution;
        this.shape = shape;
        this.dtype = dtype;
        this.a = a;
        this.b = b;
        this.seed = seed;
    }

    @Override
    public String attributes() {
        return "shape=" + shape + ", dtype=" + dtype + ", params=(" + a + ", " + b + ")" + (seed == null ? "" : ", seed=" + seed);
    }

    @Override
    public boolean isStateful() {
        return true;
    }

    /** Each call takes the next op counter and stream blocks from the seed table: calls keep their order. */
    @Override
    public StateAccess stateAccess() {
        return StateAccess.writes(Seeds.class);
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 0);
        if (!shape.isFullyDefined()) {
            throw new IllegalArgumentException(name() + ": shape " + shape + " must be fully defined");
        }
        if (distribution == Distribution.NORMAL || distribution == Distribution.TRUNCATED_NORMAL) {
            if (!dtype.isFloating()) {
                throw new IllegalArgumentException(name() + ": expected float32 or float64, got " + dtype);
            }
            if (!(b >= 0)) {
                throw new IllegalArgumentException(name() + ": stddev must be >= 0, got " + b);
            }
        }
        return new TensorSpec[] {new TensorSpec(dtype, shape)};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        int[] dims = shape.dims();
        return new Tensor[] {switch (distribution) {
            case UNIFORM -> RandomTensors.uniform(dims, a, b, dtype, seed);
            case NORMAL -> RandomTensors.normal(dims, a, b, dtype, seed);
            case TRUNCATED_NORMAL -> RandomTensors.truncatedNormal(dims, a, b, dtype, seed);
            case BERNOULLI -> RandomTensors.bernoulli(dims, a, dtype, seed);
            case DROPOUT_MASK -> RandomTensors.dropoutMask(dims, a, b, dtype, seed);
        }};
    }
}
