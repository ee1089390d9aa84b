package dev.horn.ops.nn;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import java.util.Arrays;

/**
 * The gradient of {@link AvgPool}: dy -> dx of the given input shape, each window's dy spread
 * evenly over its real cells. Linear; its gradient is average pooling again.
 */
public final class AvgPoolGrad extends Op {
    private final Window window;
    private final int[] ksize;
    private final int[] inputShape;

    public AvgPoolGrad(Window window, int[] ksize, int[] inputShape) {
        super("avg_pool" + window.rank() + "d_grad");
        this.window = window;
        this.ksize = ksize.clone();
        this.inputShape = inputShape.clone();
    }

    @Override
    public String attributes() {
        return "orig_input_shape=" + Arrays.toString(inputShape) + ", ksize=" + Arrays.toString(ksize) + ", " + window;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        ShapeRules.floating(name(), inputs[0]);
        Shape x = Shape.of(inputShape);
        Shape dy = inputs[0].shape();
        if (x.rank() > 0 && x.dim(0) == Shape.UNKNOWN && dy.rank() > 0) {
            x = x.withDim(0, dy.dim(0));
        }
        Conv.expectShape(name(), "out_backprop", PoolLayout.outputShape(name(), window, ksize, x), dy);
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), x)};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return new Tensor[] {PoolKernels.avgPoolGrad(window, ksize, inputs[0], outputs[0].shape())};
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {new AvgPool(window, ksize).apply(g[0])};
    }
}
