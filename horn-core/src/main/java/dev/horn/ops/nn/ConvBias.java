package dev.horn.ops.nn;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

/**
 * A convolution with its bias added and, optionally, relu applied in the same pass
 * (TensorFlow's fused {@code _FusedConv2D} with {@code BiasAdd} and {@code Relu}): x, filters,
 * bias [out] -> relu(conv(x, filters) + bias). A Keras convolution layer's output was three
 * passes over the largest tensor of a CNN's step (the convolution, then bias and relu fused
 * into one element-wise pass that read and wrote it again); the register-tiled kernels add the
 * bias and clamp before they store. The gradient is written with the convolution's own
 * backprop ops, on relu_grad of the upstream gradient where relu is fused, the filter and bias
 * gradients in one ({@link ConvBackpropFilterBias}).
 */
public final class ConvBias extends Op {
    private final Window window;
    private final boolean relu;

    public ConvBias(Window window, boolean relu) {
        super("conv" + window.rank() + "d_bias" + (relu ? "_relu" : ""));
        this.window = window;
        this.relu = relu;
    }

    @Override
    public String attributes() {
        return window.toString();
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 3);
        ShapeRules.floating(name(), inputs[0]);
        ShapeRules.sameDType(name(), inputs[0], inputs[1]);
        ShapeRules.sameDType(name(), inputs[0], inputs[2]);
        TensorSpec y = new TensorSpec(inputs[0].dtype(), Conv.outputShape(name(), window, inputs[0].shape(), inputs[1].shape()));
        ShapeRules.bias(name(), inputs[2].shape(), y.shape().dim(-1), "the output channels of filters " + inputs[1].shape());
        return new TensorSpec[] {y};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return new Tensor[] {ConvKernels.forward(window, inputs[0], inputs[1], new ConvKernels.Epilogue(inputs[2], relu),
                outputs[0].shape())};
    }

    /** With g' = relu_grad(g, y) (g when no relu): dx as for conv; d filters and d bias (g' summed) in one pass over g'. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor gy = relu ? new ReluGrad().apply(g[0], out[0]) : g[0];
        Tensor[] filtersAndBias = new ConvBackpropFilterBias(window, in[1].shape().dims()).applyAll(in[0], gy);
        return new Tensor[] {
            new ConvBackpropInput(window, in[0].shape().dims()).apply(in[1], gy),
            filtersAndBias[0],
            filtersAndBias[1]
        };
    }

    @Override
    public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
        return Conv.multiplyAddCost(inputs[1].shape(), outputs[0].shape(), super.cost(inputs, outputs));
    }
}
