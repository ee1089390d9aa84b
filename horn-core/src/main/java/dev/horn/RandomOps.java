package dev.horn;

import dev.horn.ops.random.RandomTensor;
import dev.horn.ops.random.RandomTensor.Distribution;

/**
 * Random tensors from counter-based generators, reproducible with a seed. Part of {@link Tf}.
 *
 * <p>Seeds follow TensorFlow: {@link Horn#setSeed} sets the global seed, the {@code seed}
 * argument the op seed (see {@link dev.horn.random.Seeds}). Random ops take no inputs, are
 * not differentiable, and are stateful: inside a traced graph every run draws new numbers.
 */
public interface RandomOps {
    /** Float32 uniform in [0, 1). */
    default Tensor randomUniform(int... shape) { return randomUniform(shape, 0, 1, DType.FLOAT32); }
    default Tensor randomUniform(int[] shape, double min, double max) { return randomUniform(shape, min, max, DType.FLOAT32); }

    /** Uniform in [min, max); for int32/int64 both bounds are integers and min < max. */
    default Tensor randomUniform(int[] shape, double min, double max, DType dtype) {
        return new RandomTensor(Distribution.UNIFORM, Shape.of(shape), dtype, min, max, null).apply();
    }
    default Tensor randomUniform(int[] shape, double min, double max, DType dtype, long seed) {
        return new RandomTensor(Distribution.UNIFORM, Shape.of(shape), dtype, min, max, seed).apply();
    }

    /** Float32 standard normal. */
    default Tensor randomNormal(int... shape) { return randomNormal(shape, 0, 1, DType.FLOAT32); }
    default Tensor randomNormal(int[] shape, double mean, double stddev) { return randomNormal(shape, mean, stddev, DType.FLOAT32); }
    default Tensor randomNormal(int[] shape, double mean, double stddev, DType dtype) {
        return new RandomTensor(Distribution.NORMAL, Shape.of(shape), dtype, mean, stddev, null).apply();
    }
    default Tensor randomNormal(int[] shape, double mean, double stddev, DType dtype, long seed) {
        return new RandomTensor(Distribution.NORMAL, Shape.of(shape), dtype, mean, stddev, seed).apply();
    }

    /** Normal with values beyond two standard deviations from the mean drawn again. */
    default Tensor truncatedNormal(int... shape) { return truncatedNormal(shape, 0, 1, DType.FLOAT32); }
    default Tensor truncatedNormal(int[] shape, double mean, double stddev) { return truncatedNormal(shape, mean, stddev, DType.FLOAT32); }
    default Tensor truncatedNormal(int[] shape, double mean, double stddev, DType dtype) {
        return new RandomTensor(Distribution.TRUNCATED_NORMAL, Shape.of(shape), dtype, mean, stddev, null).apply();
    }
    default Tensor truncatedNormal(int[] shape, double mean, double stddev, DType dtype, long seed) {
        return new RandomTensor(Distribution.TRUNCATED_NORMAL, Shape.of(shape), dtype, mean, stddev, seed).apply();
    }

    /** Float32 ones with probability p, else zeros (Keras' {@code random_bernoulli}). */
    default Tensor randomBernoulli(int[] shape, double p) { return randomBernoulli(shape, p, DType.FLOAT32); }
    default Tensor randomBernoulli(int[] shape, double p, DType dtype) {
        return new RandomTensor(Distribution.BERNOULLI, Shape.of(shape), dtype, p, 0, null).apply();
    }
    default Tensor randomBernoulli(int[] shape, double p, DType dtype, long seed) {
        return new RandomTensor(Distribution.BERNOULLI, Shape.of(shape), dtype, p, 0, seed).apply();
    }
    default Tensor bernoulli(int[] shape, double p) { return randomBernoulli(shape, p); }

    /**
     * Inverted dropout's mask in one pass: 1 / (1 - rate) where a uniform draw in [0, 1) is at
     * least {@code rate}, else 0; the same draw and compare as {@code randomUniform} then
     * {@code greaterEqual}, cast and scale. A null seed draws from the global seed.
     */
    default Tensor dropoutMask(int[] shape, double rate, DType dtype, Long seed) {
        return new RandomTensor(Distribution.DROPOUT_MASK, Shape.of(shape), dtype, rate, 1 / (1 - rate), seed).apply();
    }

    // with a Shape, as R's shape(): tf.randomUniform(shape(1), -1, 1)
    default Tensor randomUniform(Shape shape, double min, double max) { return randomUniform(shape.dims(), min, max); }
    default Tensor randomNormal(Shape shape, double mean, double stddev) { return randomNormal(shape.dims(), mean, stddev); }
    default Tensor truncatedNormal(Shape shape, double mean, double stddev) { return truncatedNormal(shape.dims(), mean, stddev); }
}
