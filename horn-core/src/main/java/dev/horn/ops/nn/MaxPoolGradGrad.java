package dev.horn.ops.nn;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import java.util.Arrays;

import static dev.horn.Tf.tf;

/**
 * The gradient of {@link MaxPoolGrad} with respect to its dy: x, g (shaped like x) -> g read at
 * each window's first maximum, shaped like the pooled output. It and {@link MaxPoolGrad} are
 * each other's transposes, so gradients of any order close over the two.
 */
public final class MaxPoolGradGrad extends Op {
    private final Window window;
    private final int[] ksize;

    public MaxPoolGradGrad(Window window, int[] ksize) {
        super("max_pool" + window.rank() + "d_grad_grad");
        this.window = window;
        this.ksize = ksize.clone();
    }

    @Override
    public String attributes() {
        return "ksize=" + Arrays.toString(ksize) + ", " + window;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 2);
        ShapeRules.floating(name(), inputs[0]);
        ShapeRules.sameDType(name(), inputs[0], inputs[1]);
        Conv.expectShape(name(), "the gradient", inputs[0].shape(), inputs[1].shape());
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), PoolLayout.outputShape(name(), window, ksize, inputs[0].shape()))};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return new Tensor[] {PoolKernels.maxPoolGradGrad(window, ksize, inputs[0], inputs[1], outputs[0].shape())};
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.zerosLike(in[0]), new MaxPoolGrad(window, ksize).apply(in[0], g[0])};
    }
}
