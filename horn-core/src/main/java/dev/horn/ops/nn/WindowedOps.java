package dev.horn.ops.nn;

import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.Arrays;
import java.util.Locale;

import static dev.horn.Tf.tf;

/**
 * TensorFlow's calling conventions for the convolution and pooling ops, behind the {@code tf}
 * facade: strides, dilations and ksize given as 1 (every axis), N (one per spatial axis) or
 * N + 2 numbers (batch and channel entries 1), data formats "NWC"/"NHWC"/"NDHWC" (default) or
 * "NCW"/"NCHW"/"NCDHW" (also "channels_last"/"channels_first"). The kernels are channels last;
 * channels-first data is transposed in and out around them, as TF's CPU kernels require NHWC.
 */
public final class WindowedOps {
    private WindowedOps() {}

    /** {@code tf.nn.convolution}: the spatial rank follows from the input's rank. */
    public static Tensor convolution(String op, Tensor input, Tensor filters, int[] strides, String padding,
                                     String dataFormat, int[] dilations) {
        int r = spatialRank(op, input, filters.rank() - 2);
        boolean first = channelsFirst(op, dataFormat);
        Window window = new Window(spatial(op, "strides", strides, r, first), spatial(op, "dilations", dilations, r, first),
                Padding.parse(op, padding));
        Tensor y = new Conv(window).apply(toChannelsLast(op, input, first, r), filters);
        return fromChannelsLast(y, first);
    }

    /** {@link #convolution} with the bias [out] added and relu applied when {@code relu}, in one pass ({@link ConvBias}). */
    public static Tensor convolutionWithBias(String op, Tensor input, Tensor filters, Tensor bias, boolean relu, int[] strides,
                                             String padding, String dataFormat, int[] dilations) {
        int r = spatialRank(op, input, filters.rank() - 2);
        boolean first = channelsFirst(op, dataFormat);
        Window window = new Window(spatial(op, "strides", strides, r, first), spatial(op, "dilations", dilations, r, first),
                Padding.parse(op, padding));
        Tensor y = new ConvBias(window, relu).apply(toChannelsLast(op, input, first, r), filters, bias);
        return fromChannelsLast(y, first);
    }

    /** {@code tf.nn.depthwise_conv2d}: filters [kh, kw, in, multiplier] -> out channel c * multiplier + m. */
    public static Tensor depthwiseConv2d(Tensor input, Tensor filter, int[] strides, String padding,
                                         String dataFormat, int[] dilations) {
        String op = "depthwise_conv2d";
        Shape f = filter.shape();
        if (f.rank() != 4) {
            throw new IllegalArgumentException(op + ": filter must have rank 4 [height, width, in_channels, channel_multiplier], got "
                    + f);
        }
        int[] grouped = {f.dim(0), f.dim(1), 1, f.dim(2) * f.dim(3)};
        int in = input.rank() == 4 ? input.shape().dim(channelsFirst(op, dataFormat) ? 1 : 3) : -1;
        if (in != f.dim(2)) {
            throw new IllegalArgumentException(op + ": input channels must equal the filter's in_channels (" + f.dim(2)
                    + "), got input " + input.shape() + ", filter " + f);
        }
        return convolution(op, input, tf.reshape(filter, grouped), strides, padding, dataFormat, dilations);
    }

    /**
     * {@code tf.nn.conv_transpose} / {@code conv2d_backprop_input}: filters [kernel..., out, in]
     * (a convolution's filters read the other way), outputShape in the data format's layout.
     */
    public static Tensor convTranspose(String op, Tensor input, Tensor filters, int[] outputShape, int[] strides,
                                       String padding, String dataFormat, int[] dilations) {
        int r = spatialRank(op, input, filters.rank() - 2);
        boolean first = channelsFirst(op, dataFormat);
        if (outputShape.length != r + 2) {
            throw new IllegalArgumentException(op + ": output_shape must have " + (r + 2) + " entries, got "
                    + Arrays.toString(outputShape));
        }
        Window window = new Window(spatial(op, "strides", strides, r, first), spatial(op, "dilations", dilations, r, first),
                Padding.parse(op, padding));
        int[] lastShape = first ? channelsLast(outputShape) : outputShape.clone();
        Tensor y = new ConvBackpropInput(window, lastShape).apply(filters, toChannelsLast(op, input, first, r));
        return fromChannelsLast(y, first);
    }

    /** {@code tf.nn.conv2d_backprop_filter} and its 1-D/3-D kin: d filters of the given shape. */
    public static Tensor convBackpropFilter(String op, Tensor input, int[] filterSizes, Tensor outBackprop, int[] strides,
                                            String padding, String dataFormat, int[] dilations) {
        int r = spatialRank(op, input, filterSizes.length - 2);
        boolean first = channelsFirst(op, dataFormat);
        Window window = new Window(spatial(op, "strides", strides, r, first), spatial(op, "dilations", dilations, r, first),
                Padding.parse(op, padding));
        return new ConvBackpropFilter(window, filterSizes).apply(toChannelsLast(op, input, first, r),
                toChannelsLast(op, outBackprop, first, r));
    }

    /** {@code tf.nn.max_pool} / {@code avg_pool} of 1, 2 or 3 spatial axes. */
    public static Tensor pool(boolean max, int rank, Tensor input, int[] ksize, int[] strides, String padding, String dataFormat) {
        String op = (max ? "max_pool" : "avg_pool") + (rank >= 1 && rank <= 3 ? rank + "d" : "");
        if (rank < 1 || rank > 3) {
            throw new IllegalArgumentException(op + ": input must have rank 3, 4 or 5 (batch, 1-3 spatial axes, channels), got shape "
                    + input.shape());
        }
        boolean first = channelsFirst(op, dataFormat);
        if (input.rank() != rank + 2) {
            throw new IllegalArgumentException(op + ": input must have rank " + (rank + 2) + " [batch, "
                    + (first ? "channels, " + Conv.spatialNames(rank) : Conv.spatialNames(rank) + ", channels")
                    + "], got shape " + input.shape());
        }
        Window window = new Window(spatial(op, "strides", strides, rank, first), ones(rank), Padding.parse(op, padding));
        int[] k = spatial(op, "ksize", ksize, rank, first);
        Tensor x = toChannelsLast(op, input, first, rank);
        return fromChannelsLast(max ? new MaxPool(window, k).apply(x) : new AvgPool(window, k).apply(x), first);
    }

    private static int spatialRank(String op, Tensor input, int fromFilters) {
        int r = input.rank() - 2;
        if (r < 1 || r > 3) {
            throw new IllegalArgumentException(op + ": input must have rank 3, 4 or 5 (batch, 1-3 spatial axes, channels), got shape "
                    + input.shape());
        }
        return r;
    }

    /** True for the channels-first formats; null means the default, channels last. */
    static boolean channelsFirst(String op, String dataFormat) {
        if (dataFormat == null) {
            return false;
        }
        String f = dataFormat.strip().toUpperCase(Locale.ROOT);
        return switch (f) {
            case "NWC", "NHWC", "NDHWC", "CHANNELS_LAST" -> false;
            case "NCW", "NCHW", "NCDHW", "CHANNELS_FIRST" -> true;
            default -> throw new IllegalArgumentException(op + ": data_format must be channels last (NWC, NHWC, NDHWC) or first "
                    + "(NCW, NCHW, NCDHW), got " + dataFormat);
        };
    }

    /** Per-spatial-axis values from TF's 1, N or N+2 form; null gives ones. */
    static int[] spatial(String op, String what, int[] values, int rank, boolean channelsFirst) {
        if (values == null) {
            return ones(rank);
        }
        if (values.length == 1) {
            int[] all = new int[rank];
            Arrays.fill(all, values[0]);
            return all;
        }
        if (values.length == rank) {
            return values.clone();
        }
        if (values.length == rank + 2) {
            int from = channelsFirst ? 2 : 1;
            int channel = channelsFirst ? 1 : rank + 1;
            if (values[0] != 1 || values[channel] != 1) {
                throw new IllegalArgumentException(op + ": " + what + " " + Arrays.toString(values)
                        + " must be 1 on the batch and channel axes");
            }
            return Arrays.copyOfRange(values, from, from + rank);
        }
        throw new IllegalArgumentException(op + ": " + what + " must have 1, " + rank + " or " + (rank + 2)
                + " entries, got " + Arrays.toString(values));
    }

    private static int[] ones(int rank) {
        int[] v = new int[rank];
        Arrays.fill(v, 1);
        return v;
    }

    private static Tensor toChannelsLast(String op, Tensor x, boolean first, int rank) {
        if (!first) {
            return x;
        }
        if (x.rank() != rank + 2) {
            throw new IllegalArgumentException(op + ": input must have rank " + (rank + 2) + " [batch, channels, "
                    + Conv.spatialNames(rank) + "], got shape " + x.shape());
        }
        int[] perm = new int[rank + 2];
        for (int i = 1; i <= rank; i++) {
            perm[i] = i + 1;
        }
        perm[rank + 1] = 1;
        return tf.transpose(x, perm);
    }

    private static Tensor fromChannelsLast(Tensor y, boolean first) {
        if (!first) {
            return y;
        }
        int rank = y.rank() - 2;
        int[] perm = new int[rank + 2];
        perm[1] = rank + 1;
        for (int i = 2; i < rank + 2; i++) {
            perm[i] = i - 1;
        }
        return tf.transpose(y, perm);
    }

    private static int[] channelsLast(int[] channelsFirstShape) {
        int n = channelsFirstShape.length;
        int[] s = new int[n];
        s[0] = channelsFirstShape[0];
        System.arraycopy(channelsFirstShape, 2, s, 1, n - 2);
        s[n - 1] = channelsFirstShape[1];
        return s;
    }
}
