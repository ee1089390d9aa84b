package dev.horn.ops.nn;

import dev.horn.Tensor;
import dev.horn.ops.GradSpec;
import java.util.List;

import static dev.horn.Tf.tf;
import static dev.horn.ops.GradSpec.of;

/** Gradient-check rows for the neural-network ops. */
public final class NnGradSpecs {
    private NnGradSpecs() {}

    private static final Window SAME_2 = new Window(new int[] {2, 2}, new int[] {1, 1}, Padding.SAME);
    private static final Window POOL_SAME = new Window(new int[] {2, 1}, new int[] {1, 1}, Padding.SAME);
    private static final int[] POOL_K = {3, 2};

    public static List<GradSpec> specs() {
        return List.of(
                of(Softmax.class, "softmax last axis", x -> tf.softmax(x[0]), new int[] {3, 5}).withSecondOrder(),
                of(Softmax.class, "softmax axis 0 of rank 3", x -> tf.softmax(x[0], 0), new int[] {3, 2, 4}).withSecondOrder(),
                of(LogSoftmax.class, "log_softmax last axis", x -> tf.logSoftmax(x[0]), new int[] {3, 5}).withSecondOrder(),
                of(LogSoftmax.class, "log_softmax axis 1 of rank 3", x -> tf.logSoftmax(x[0], 1), new int[] {2, 4, 3}).withSecondOrder(),
                of(SoftmaxCrossEntropyWithLogits.class, "softmax_cross_entropy_with_logits, soft labels in both",
                        x -> tf.softmaxCrossEntropyWithLogits(x[1], x[0]), new int[] {3, 5}, new int[] {3, 5}).withSecondOrder(),
                of(Conv.class, "conv2d SAME stride 2", x -> tf.conv2d(x[0], x[1], 2, "SAME"),
                        new int[] {2, 5, 6, 3}, new int[] {3, 2, 3, 4}).withSecondOrder(),
                of(Conv.class, "conv2d VALID dilated, 2 groups", x -> tf.conv2d(x[0], x[1], new int[] {1}, "VALID", null, new int[] {2, 1}),
                        new int[] {1, 6, 5, 4}, new int[] {2, 2, 2, 6}).withSecondOrder(),
                of(Conv.class, "conv2d 1x1 pointwise", x -> tf.conv2d(x[0], x[1], 1, "VALID"),
                        new int[] {2, 3, 3, 4}, new int[] {1, 1, 4, 3}).withSecondOrder(),
                of(Conv.class, "conv1d SAME stride 2 channels first", x -> tf.conv1d(x[0], x[1], new int[] {2}, "SAME", "NCW", null),
                        new int[] {2, 3, 7}, new int[] {3, 3, 2}),
                of(Conv.class, "conv3d SAME", x -> tf.conv3d(x[0], x[1], 1, "SAME"),
                        new int[] {1, 3, 4, 3, 2}, new int[] {2, 3, 2, 2, 2}),
                of(Conv.class, "depthwise_conv2d multiplier 2", x -> tf.depthwiseConv2d(x[0], x[1], new int[] {1}, "SAME"),
                        new int[] {1, 4, 4, 3}, new int[] {3, 3, 3, 2}),
                of(ConvBackpropInput.class, "conv2d_transpose stride 2", x -> tf.conv2dTranspose(x[0], x[1], new int[] {2, 7, 6, 3},
                        new int[] {2}, "SAME"), new int[] {2, 4, 3, 4}, new int[] {3, 3, 3, 4}).withSecondOrder(),
                of(ConvBackpropFilter.class, "conv2d_backprop_filter stride 2", x -> tf.conv2dBackpropFilter(x[0], new int[] {3, 2, 3, 4},
                        x[1], new int[] {2}, "SAME"), new int[] {2, 5, 6, 3}, new int[] {2, 3, 3, 4}).withSecondOrder(),
                of(MaxPool.class, "max_pool2d SAME 3x2 window", x -> new MaxPool(POOL_SAME, POOL_K).apply(x[0]),
                        new int[] {2, 5, 4, 3}),
                of(MaxPool.class, "max_pool1d VALID", x -> tf.maxPool1d(x[0], new int[] {2}, new int[] {2}, "VALID"),
                        new int[] {2, 7, 3}),
                of(MaxPoolGrad.class, "max_pool2d_grad in its dy", x -> new MaxPoolGrad(POOL_SAME, POOL_K).apply(x[0], x[1]),
                        new int[] {2, 5, 4, 3}, new int[] {2, 3, 4, 3}),
                of(MaxPoolGradGrad.class, "max_pool2d_grad_grad in its g", x -> new MaxPoolGradGrad(POOL_SAME, POOL_K).apply(x[0], x[1]),
                        new int[] {2, 5, 4, 3}, new int[] {2, 5, 4, 3}),
                of(AvgPool.class, "avg_pool2d SAME 3x2 window", x -> new AvgPool(POOL_SAME, POOL_K).apply(x[0]),
                        new int[] {2, 5, 4, 3}).withSecondOrder(),
                of(AvgPool.class, "avg_pool3d VALID", x -> tf.avgPool3d(x[0], new int[] {2}, new int[] {1, 2, 1}, "VALID"),
                        new int[] {1, 3, 4, 3, 2}),
                of(AvgPoolGrad.class, "avg_pool2d_grad", x -> new AvgPoolGrad(POOL_SAME, POOL_K, new int[] {2, 5, 4, 3}).apply(x[0]),
                        new int[] {2, 3, 4, 3}).withSecondOrder(),
                of(ConvBias.class, "conv2d with bias and relu, SAME stride 2",
                        x -> tf.convolutionWithBias(x[0], x[1], x[2], true, new int[] {2}, "SAME", null, null),
                        new int[] {2, 5, 6, 3}, new int[] {3, 2, 3, 4}, new int[] {4}),
                of(ConvBias.class, "conv2d with bias, channels first",
                        x -> tf.convolutionWithBias(x[0], x[1], x[2], false, new int[] {1}, "VALID", "NCHW", null),
                        new int[] {2, 3, 5, 4}, new int[] {2, 2, 3, 4}, new int[] {4}).withSecondOrder(),
                of(ConvBackpropFilterBias.class, "conv2d_backprop_filter_bias stride 2, both outputs",
                        x -> filterAndBiasSquares(new ConvBackpropFilterBias(SAME_2, new int[] {3, 2, 3, 4}).applyAll(x[0], x[1])),
                        new int[] {2, 5, 6, 3}, new int[] {2, 3, 3, 4}).withSecondOrder(),
                of(BiasAddGrad.class, "bias_add_grad over all but the last axis", x -> new BiasAddGrad().apply(x[0]),
                        new int[] {2, 3, 5}).withSecondOrder(),
                of(ReluGrad.class, "relu_grad of g, masked by a fixed y",
                        x -> new ReluGrad().apply(x[0], tf.cast(Tensor.of(new float[] {1, -1, 2, -2, 0.5f, 0}).reshape(2, 3), x[0].dtype())),
                        new int[] {2, 3}).withSecondOrder()
        );
    }

    /** One tensor of both outputs, so the check runs through each: the filter's squares summed plus the bias's. */
    private static Tensor filterAndBiasSquares(Tensor[] filterAndBias) {
        return tf.add(tf.reduceSum(tf.mul(filterAndBias[0], filterAndBias[0])), tf.reduceSum(tf.mul(filterAndBias[1], filterAndBias[1])));
    }
}
