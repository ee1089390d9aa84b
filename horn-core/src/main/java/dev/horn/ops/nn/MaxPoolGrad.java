package dev.horn.ops.nn;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import java.util.Arrays;

import static dev.horn.Tf.tf;

/**
 * The gradient of {@link MaxPool}: x, dy -> dx, each window's dy added at the window's first
 * maximum in x. Linear in dy; piecewise constant in x (its gradient there is zero).
 */
public final class MaxPoolGrad extends Op {
    private final Window window;
    private final int[] ksize;

    public MaxPoolGrad(Window window, int[] ksize) {
        super("max_pool" + window.rank() + "d_grad");
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
        Conv.expectShape(name(), "out_backprop", PoolLayout.outputShape(name(), window, ksize, inputs[0].shape()), inputs[1].shape());
        return new TensorSpec[] {inputs[0]};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return new Tensor[] {PoolKernels.maxPoolGrad(window, ksize, inputs[0], inputs[1])};
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.zerosLike(in[0]), new MaxPoolGradGrad(window, ksize).apply(in[0], g[0])};
    }
}
