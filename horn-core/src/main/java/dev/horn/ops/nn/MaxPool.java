package dev.horn.ops.nn;

import dev.horn.Tensor;
import dev.horn.TensorSpec;

/**
 * Max pooling over 1, 2 or 3 spatial axes, {@code tf.nn.max_pool1d/2d/3d}: x [batch, spatial...,
 * channels] -> the maximum of each ksize window (padding never wins).
 */
public final class MaxPool extends PoolingOp {
    public MaxPool(Window window, int[] ksize) {
        super("max_pool%d", window, ksize);
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        return pooled(inputs);
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return new Tensor[] {PoolKernels.pool(true, window, ksize, inputs[0], outputs[0].shape())};
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {new MaxPoolGrad(window, ksize).apply(in[0], g[0])};
    }
}
