package dev.horn;

import dev.horn.random.RandomTensors;

/**
 * Random tensors from counter-based generators, reproducible with a seed. Part of {@link Tf}.
 *
 * <p>Seeds follow TensorFlow: {@link Horn#setSeed} sets the global seed, the {@code seed}
 * argument the op seed (see {@link dev.horn.random.Seeds}). Random ops take no inputs and are
 * not differentiable.
 */
public interface RandomOps {
    /** Float32 uniform in [0, 1). */
    default Tensor randomUniform(int... shape) { return randomUniform(shape, 0, 1, DType.FLOAT32); }
    default Tensor randomUniform(int[] shape, double min, double max) { return randomUniform(shape, min, max, DType.FLOAT32); }

    /** Uniform in [min, max); for int32/int64 both bounds are integers and min < max. */
    default Tensor randomUniform(int[] shape, double min, double max, DType dtype) {
        return RandomTensors.uniform(shape, min, max, dtype, null);
    }
    default Tensor randomUniform(int[] shape, double min, double max, DType dtype, long seed) {
        return RandomTensors.uniform(shape, min, max, dtype, seed);
    }

    /** Float32 standard normal. */
    default Tensor randomNormal(int... shape) { return randomNormal(shape, 0, 1, DType.FLOAT32); }
    default Tensor randomNormal(int[] shape, double mean, double stddev) { return randomNormal(shape, mean, stddev, DType.FLOAT32); }
    default Tensor randomNormal(int[] shape, double mean, double stddev, DType dtype) {
        return RandomTensors.normal(shape, mean, stddev, dtype, null);
    }
    default Tensor randomNormal(int[] shape, double mean, double stddev, DType dtype, long seed) {
        return RandomTensors.normal(shape, mean, stddev, dtype, seed);
    }

    /** Normal with values beyond two standard deviations from the mean drawn again. */
    default Tensor truncatedNormal(int... shape) { return truncatedNormal(shape, 0, 1, DType.FLOAT32); }
    default Tensor truncatedNormal(int[] shape, double mean, double stddev) { return truncatedNormal(shape, mean, stddev, DType.FLOAT32); }
    default Tensor truncatedNormal(int[] shape, double mean, double stddev, DType dtype) {
        return RandomTensors.truncatedNormal(shape, mean, stddev, dtype, null);
    }
    default Tensor truncatedNormal(int[] shape, double mean, double stddev, DType dtype, long seed) {
        return RandomTensors.truncatedNormal(shape, mean, stddev, dtype, seed);
    }

    /** Float32 ones with probability p, else zeros (Keras' {@code random_bernoulli}). */
    default Tensor randomBernoulli(int[] shape, double p) { return randomBernoulli(shape, p, DType.FLOAT32); }
    default Tensor randomBernoulli(int[] shape, double p, DType dtype) {
        return RandomTensors.bernoulli(shape, p, dtype, null);
    }
    default Tensor randomBernoulli(int[] shape, double p, DType dtype, long seed) {
        return RandomTensors.bernoulli(shape, p, dtype, seed);
    }
    default Tensor bernoulli(int[] shape, double p) { return randomBernoulli(shape, p); }
}
