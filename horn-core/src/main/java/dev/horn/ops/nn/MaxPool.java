package dev.horn.ops.nn;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import java.util.Arrays;

/**
 * Max pooling over 1, 2 or 3 spatial axes, {@code tf.nn.max_pool1d/2d/3d}: x [batch, spatial...,
 * channels] -> the maximum of each ksize window (padding never wins).
 */
public final class MaxPool extends Op {
    private final Window window;
    private final int[] ksize;

    public MaxPool(Window window, int[] ksize) {
        super("max_pool" + window.rank() + "d");
        this.window = window;
        this.ksize = ksize.clone();
    }

    @Override
    public String attributes() {
        return "ksize=" + Arrays.toString(ksize) + ", " + window;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        ShapeRules.floating(name(), inputs[0]);
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), PoolLayout.outputShape(name(), window, ksize, inputs[0].shape()))};
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
