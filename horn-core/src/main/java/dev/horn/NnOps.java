package dev.horn;

import dev.horn.ops.nn.LogSoftmax;
import dev.horn.ops.nn.Softmax;
import dev.horn.ops.nn.SoftmaxCrossEntropyWithLogits;
import dev.horn.ops.rnn.GruSequence;
import dev.horn.ops.rnn.LstmSequence;
import dev.horn.ops.nn.WindowedOps;

/**
 * Neural-network building blocks: softmax, log-softmax, convolution, pooling and the fused
 * recurrent loops. Part of
 * {@link Tf}. Convolution and pooling follow {@code tf.nn}: channels-last input by default
 * (dataFormat "NCHW" and kin for channels first), filters [kernel..., in / groups, out],
 * padding "SAME" or "VALID", strides / dilations / ksize as 1, N or N + 2 numbers (null: ones).
 */
public interface NnOps {
    /** Softmax along the last axis. */
    default Tensor softmax(Tensor logits) { return new Softmax(-1).apply(logits); }
    default Tensor softmax(Tensor logits, int axis) { return new Softmax(axis).apply(logits); }
    /** Log-softmax along the last axis. */
    default Tensor logSoftmax(Tensor logits) { return new LogSoftmax(-1).apply(logits); }
    default Tensor logSoftmax(Tensor logits, int axis) { return new LogSoftmax(axis).apply(logits); }
    /** {@code tf.nn.softmax_cross_entropy_with_logits}: per row, crossentropy of labels against softmax(logits), classes last. */
    default Tensor softmaxCrossEntropyWithLogits(Tensor labels, Tensor logits) {
        return new SoftmaxCrossEntropyWithLogits().apply(logits, labels);
    }
    /** An LSTM time loop ({@link LstmSequence}): h, c for every step and the gates, from xw, recurrent kernel, h0, c0, mask. */
    default Tensor[] lstmSequence(Tensor xw, Tensor recurrentKernel, Tensor h0, Tensor c0, Tensor mask) {
        return new LstmSequence().applyAll(xw, recurrentKernel, h0, c0, mask);
    }
    /** A GRU time loop, reset_after ({@link GruSequence}): h for every step and internals for its gradient. */
    default Tensor[] gruSequence(Tensor xw, Tensor recurrentKernel, Tensor recurrentBias, Tensor h0, Tensor mask) {
        return new GruSequence().applyAll(xw, recurrentKernel, recurrentBias, h0, mask);
    }

    /** {@code tf.nn.convolution}: 1-3 spatial axes, taken from the input's rank; groups implied by the channels. */
    default Tensor convolution(Tensor input, Tensor filters, int[] strides, String padding, String dataFormat, int[] dilations) {
        return WindowedOps.convolution("convolution", input, filters, strides, padding, dataFormat, dilations);
    }
    default Tensor conv1d(Tensor input, Tensor filters, int stride, String padding) { return conv1d(input, filters, new int[] {stride}, padding, null, null); }
    default Tensor conv1d(Tensor input, Tensor filters, int[] stride, String padding, String dataFormat, int[] dilations) {
        return WindowedOps.convolution("conv1d", checkRank("conv1d", input, 3), filters, stride, padding, dataFormat, dilations);
    }
    default Tensor conv2d(Tensor input, Tensor filters, int stride, String padding) { return conv2d(input, filters, new int[] {stride}, padding); }
    default Tensor conv2d(Tensor input, Tensor filters, int[] strides, String padding) { return conv2d(input, filters, strides, padding, null, null); }
    default Tensor conv2d(Tensor input, Tensor filters, int[] strides, String padding, String dataFormat, int[] dilations) {
        return WindowedOps.convolution("conv2d", checkRank("conv2d", input, 4), filters, strides, padding, dataFormat, dilations);
    }
    default Tensor conv3d(Tensor input, Tensor filters, int stride, String padding) { return conv3d(input, filters, new int[] {stride}, padding, null, null); }
    default Tensor conv3d(Tensor input, Tensor filters, int[] strides, String padding, String dataFormat, int[] dilations) {
        return WindowedOps.convolution("conv3d", checkRank("conv3d", input, 5), filters, strides, padding, dataFormat, dilations);
    }
    /**
     * {@code relu(convolution(input, filters) + bias)} (no relu when {@code relu} is false) in one pass over the
     * output, as TensorFlow's fused conv2d: bias [out channels], the rest as {@link #convolution}.
     */
    default Tensor convolutionWithBias(Tensor input, Tensor filters, Tensor bias, boolean relu, int[] strides, String padding,
                                       String dataFormat, int[] dilations) {
        return WindowedOps.convolutionWithBias("convolution", input, filters, bias, relu, strides, padding, dataFormat, dilations);
    }
    /** {@code tf.nn.depthwise_conv2d}: filter [kh, kw, in, multiplier], output channel c * multiplier + m. */
    default Tensor depthwiseConv2d(Tensor input, Tensor filter, int[] strides, String padding) { return depthwiseConv2d(input, filter, strides, padding, null, null); }
    default Tensor depthwiseConv2d(Tensor input, Tensor filter, int[] strides, String padding, String dataFormat, int[] dilations) {
        return WindowedOps.depthwiseConv2d(checkRank("depthwise_conv2d", input, 4), filter, strides, padding, dataFormat, dilations);
    }
    /** {@code tf.nn.conv2d_transpose}: filters [kh, kw, out, in], the output's full shape given. */
    default Tensor conv2dTranspose(Tensor input, Tensor filters, int[] outputShape, int[] strides, String padding) {
        return conv2dTranspose(input, filters, outputShape, strides, padding, null, null);
    }
    default Tensor conv2dTranspose(Tensor input, Tensor filters, int[] outputShape, int[] strides, String padding, String dataFormat, int[] dilations) {
        return WindowedOps.convTranspose("conv2d_transpose", checkRank("conv2d_transpose", input, 4), filters, outputShape, strides, padding, dataFormat, dilations);
    }
    /** {@code tf.nn.conv_transpose}: 1-3 spatial axes. */
    default Tensor convTranspose(Tensor input, Tensor filters, int[] outputShape, int[] strides, String padding, String dataFormat, int[] dilations) {
        return WindowedOps.convTranspose("conv_transpose", input, filters, outputShape, strides, padding, dataFormat, dilations);
    }
    /** {@code tf.nn.conv2d_backprop_input}: the input gradient of conv2d (= conv2d_transpose of dy). */
    default Tensor conv2dBackpropInput(int[] inputSizes, Tensor filters, Tensor outBackprop, int[] strides, String padding) {
        return WindowedOps.convTranspose("conv2d_backprop_input", checkRank("conv2d_backprop_input", outBackprop, 4), filters, inputSizes, strides, padding, null, null);
    }
    /** {@code tf.nn.conv2d_backprop_filter}: the filter gradient of conv2d. */
    default Tensor conv2dBackpropFilter(Tensor input, int[] filterSizes, Tensor outBackprop, int[] strides, String padding) {
        return WindowedOps.convBackpropFilter("conv2d_backprop_filter", checkRank("conv2d_backprop_filter", input, 4), filterSizes, outBackprop, strides, padding, null, null);
    }
    default Tensor maxPool1d(Tensor input, int[] ksize, int[] strides, String padding) { return WindowedOps.pool(true, 1, input, ksize, strides, padding, null); }
    default Tensor maxPool2d(Tensor input, int[] ksize, int[] strides, String padding) { return WindowedOps.pool(true, 2, input, ksize, strides, padding, null); }
    default Tensor maxPool2d(Tensor input, int ksize, int stride, String padding) { return maxPool2d(input, new int[] {ksize}, new int[] {stride}, padding); }
    default Tensor maxPool3d(Tensor input, int[] ksize, int[] strides, String padding) { return WindowedOps.pool(true, 3, input, ksize, strides, padding, null); }
    /** {@code tf.nn.max_pool}: the spatial rank follows from the input's rank. */
    default Tensor maxPool(Tensor input, int[] ksize, int[] strides, String padding, String dataFormat) {
        return WindowedOps.pool(true, input.rank() - 2, input, ksize, strides, padding, dataFormat);
    }
    default Tensor avgPool1d(Tensor input, int[] ksize, int[] strides, String padding) { return WindowedOps.pool(false, 1, input, ksize, strides, padding, null); }
    default Tensor avgPool2d(Tensor input, int[] ksize, int[] strides, String padding) { return WindowedOps.pool(false, 2, input, ksize, strides, padding, null); }
    default Tensor avgPool2d(Tensor input, int ksize, int stride, String padding) { return avgPool2d(input, new int[] {ksize}, new int[] {stride}, padding); }
    default Tensor avgPool3d(Tensor input, int[] ksize, int[] strides, String padding) { return WindowedOps.pool(false, 3, input, ksize, strides, padding, null); }
    /** {@code tf.nn.avg_pool}: the spatial rank follows from the input's rank. */
    default Tensor avgPool(Tensor input, int[] ksize, int[] strides, String padding, String dataFormat) {
        return WindowedOps.pool(false, input.rank() - 2, input, ksize, strides, padding, dataFormat);
    }

    private static Tensor checkRank(String op, Tensor input, int rank) {
        if (input.rank() != rank) {
            throw new IllegalArgumentException(op + ": input must have rank " + rank + ", got shape " + input.shape()
                    + (input.rank() == rank - 1 ? " (a single example? add the batch axis first)" : ""));
        }
        return input;
    }
}
