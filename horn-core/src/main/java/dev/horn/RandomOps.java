package dev.horn;

import dev.horn.ops.random.RandomTensor;
import dev.horn.ops.random.RandomTensor.Distribution;

/**
 * Random tensors from counter-based generators, reproducible with {@link Horn#setSeed} and
 * per-op seeds. Inside a traced graph each call of the program draws new numbers. Part of
 * {@link Tf}.
 */
public interface RandomOps {
    /** Uniform in [0, 1), float32. */
    default Tensor randomUniform(Shape shape) { return randomUniform(shape, 0, 1, DType.FLOAT32, null); }
    default Tensor randomUniform(Shape shape, double minval, double maxval) {
        return randomUniform(shape, minval, maxval, DType.FLOAT32, null);
    }
    /** Uniform in [minval, maxval); integer dtypes draw integers. A null seed uses the global one. */
    default Tensor randomUniform(Shape shape, double minval, double maxval, DType dtype, Long seed) {
        return new RandomTensor(Distribution.UNIFORM, shape, dtype, minval, maxval, seed).apply();
    }

    default Tensor randomNormal(Shape shape) { return randomNormal(shape, 0, 1, DType.FLOAT32, null); }
    default Tensor randomNormal(Shape shape, double mean, double stddev) {
        return randomNormal(shape, mean, stddev, DType.FLOAT32, null);
    }
    default Tensor randomNormal(Shape shape, double mean, double stddev, DType dtype, Long seed) {
        return new RandomTensor(Distribution.NORMAL, shape, dtype, mean, stddev, seed).apply();
    }

    /** Normal, values beyond two standard deviations redrawn (tf.random.truncated_normal). */
    default Tensor truncatedNormal(Shape shape) { return truncatedNormal(shape, 0, 1, DType.FLOAT32, null); }
    default Tensor truncatedNormal(Shape shape, double mean, double stddev) {
        return truncatedNormal(shape, mean, stddev, DType.FLOAT32, null);
    }
    default Tensor truncatedNormal(Shape shape, double mean, double stddev, DType dtype, Long seed) {
        return new RandomTensor(Distribution.TRUNCATED_NORMAL, shape, dtype, mean, stddev, seed).apply();
    }

    /** 1 with probability p, else 0. */
    default Tensor randomBernoulli(Shape shape, double p) { return randomBernoulli(shape, p, DType.FLOAT32, null); }
    default Tensor randomBernoulli(Shape shape, double p, DType dtype, Long seed) {
        return new RandomTensor(Distribution.BERNOULLI, shape, dtype, p, 0, seed).apply();
    }
}
