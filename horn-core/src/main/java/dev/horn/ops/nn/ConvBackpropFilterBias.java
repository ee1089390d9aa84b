package dev.horn.ops.nn;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.array.BroadcastLike;
import java.util.Arrays;

/**
 * The filter and bias gradients of {@link ConvBias} in one op: x [batch, spatial..., in], dy
 * [batch, spatial'..., out] -> d filters of the given shape and d bias [out], the sum of dy over
 * all but its last axis. The filter-gradient kernels read every row of dy anyway, a block at a
 * time in the L1 cache, and add it into the bias sum there: as a separate bias_add_grad it was
 * one more pass over the largest gradient of a CNN's step, per layer. Linear in dy.
 */
public final class ConvBackpropFilterBias extends Op {
    private final Window window;
    private final int[] filterShape;

    public ConvBackpropFilterBias(Window window, int[] filterShape) {
        super("conv" + window.rank() + "d_backprop_filter_bias");
        this.window = window;
        this.filterShape = filterShape.clone();
    }

    @Override
    public String attributes() {
        return "filter_sizes=" + Arrays.toString(filterShape) + ", " + window;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        TensorSpec w = ConvBackpropFilter.filterSpec(name(), window, filterShape, inputs);
        return new TensorSpec[] {w, new TensorSpec(w.dtype(), Shape.of(w.shape().dim(-1)))};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return ConvKernels.backpropFilterAndBias(window, inputs[0], inputs[1], outputs[0].shape());
    }

    /** d x = conv_backprop_input(g_filters, dy); d dy = conv(x, g_filters) + g_bias broadcast over dy. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {
            new ConvBackpropInput(window, in[0].shape().dims()).apply(g[0], in[1]),
            new Conv(window).apply(in[0], g[0]).add(new BroadcastLike().apply(g[1], in[1]))
        };
    }

    @Override
    public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
        return Conv.multiplyAddCost(outputs[0].shape(), inputs[1].shape(), super.cost(inputs, outputs));
    }
}
