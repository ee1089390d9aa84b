package dev.horn.ops.nn;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import java.util.Arrays;

/**
 * The gradient of {@link Conv} with respect to its input, {@code tf.nn.conv2d_backprop_input}
 * (and so the transposed convolution): filters [kernel..., in / groups, out], dy [batch,
 * spatial'..., out] -> dx of the given input shape. Linear in both operands.
 */
public final class ConvBackpropInput extends Op {
    private final Window window;
    private final int[] inputShape;

    public ConvBackpropInput(Window window, int[] inputShape) {
        super("conv" + window.rank() + "d_backprop_input");
        this.window = window;
        this.inputShape = inputShape.clone();
    }

    @Override
    public String attributes() {
        return "input_sizes=" + Arrays.toString(inputShape) + ", " + window;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 2);
        ShapeRules.floating(name(), inputs[0]);
        ShapeRules.sameDType(name(), inputs[0], inputs[1]);
        Shape x = Shape.of(inputShape);
        Shape dy = inputs[1].shape();
        if (x.rank() > 0 && x.dim(0) == Shape.UNKNOWN && dy.rank() > 0) {
            x = x.withDim(0, dy.dim(0)); // a traced batch axis takes the gradient's batch
        }
        Conv.expectShape(name(), "out_backprop", Conv.outputShape(name(), window, x, inputs[0].shape()), dy);
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), x)};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return new Tensor[] {ConvKernels.backpropInput(window, inputs[0], inputs[1], outputs[0].shape())};
    }

    /** d filters = conv_backprop_filter(g, dy); d dy = conv(g, filters). */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {
            new ConvBackpropFilter(window, in[0].shape().dims()).apply(g[0], in[1]),
            new Conv(window).apply(g[0], in[0])
        };
    }

    @Override
    public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
        return Conv.multiplyAddCost(inputs[0].shape(), inputs[1].shape(), super.cost(inputs, outputs));
    }
}
