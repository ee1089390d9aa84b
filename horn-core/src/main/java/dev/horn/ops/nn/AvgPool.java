package dev.horn.ops.nn;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import java.util.Arrays;

/**
 * Average pooling over 1, 2 or 3 spatial axes, {@code tf.nn.avg_pool1d/2d/3d}: the mean of each
 * ksize window over its real cells (SAME padding at the edges is not counted, as in TF).
 */
public final class AvgPool extends Op {
    private final Window window;
    private final int[] ksize;

    public AvgPool(Window window, int[] ksize) {
        super("avg_pool" + window.rank() + "d");
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
        return new Tensor[] {PoolKernels.pool(false, window, ksize, inputs[0], outputs[0].shape())};
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {new AvgPoolGrad(window, ksize, in[0].shape().dims()).apply(g[0])};
    }
}
