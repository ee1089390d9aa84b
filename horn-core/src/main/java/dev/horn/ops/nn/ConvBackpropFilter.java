package dev.horn.ops.nn;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import java.util.Arrays;

/**
 * The gradient of {@link Conv} with respect to its filters, {@code tf.nn.conv2d_backprop_filter}:
 * x [batch, spatial..., in], dy [batch, spatial'..., out] -> d filters of the given shape.
 * Linear in both operands.
 */
public final class ConvBackpropFilter extends Op {
    private final Window window;
    private final int[] filterShape;

    public ConvBackpropFilter(Window window, int[] filterShape) {
        super("conv" + window.rank() + "d_backprop_filter");
        this.window = window;
        this.filterShape = filterShape.clone();
    }

    @Override
    public String attributes() {
        return "filter_sizes=" + Arrays.toString(filterShape) + ", " + window;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        return new TensorSpec[] {filterSpec(name(), window, filterShape, inputs)};
    }

    /** The filter gradient's spec from x and dy, checked for op {@code name} (this one or the fused filter-and-bias one). */
    static TensorSpec filterSpec(String name, Window window, int[] filterShape, TensorSpec[] inputs) {
        ShapeRules.arity(name, inputs, 2);
        ShapeRules.floating(name, inputs[0]);
        ShapeRules.sameDType(name, inputs[0], inputs[1]);
        Shape w = Shape.of(filterShape);
        Conv.expectShape(name, "out_backprop", Conv.outputShape(name, window, inputs[0].shape(), w), inputs[1].shape());
        return new TensorSpec(inputs[0].dtype(), w);
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return new Tensor[] {ConvKernels.backpropFilter(window, inputs[0], inputs[1], outputs[0].shape())};
    }

    /** d x = conv_backprop_input(g, dy); d dy = conv(x, g). */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {
            new ConvBackpropInput(window, in[0].shape().dims()).apply(g[0], in[1]),
            new Conv(window).apply(in[0], g[0])
        };
    }

    @Override
    public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
        return Conv.multiplyAddCost(outputs[0].shape(), inputs[1].shape(), super.cost(inputs, outputs));
    }
}
