package dev.horn.ops.nn;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.Gemm;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import java.util.Arrays;

/**
 * N-D convolution (cross-correlation, as TF), {@code tf.nn.convolution} for 1, 2 or 3 spatial
 * axes: input [batch, spatial..., in], filters [kernel..., in / groups, out] -> [batch,
 * spatial'..., out]. Channels last; the {@code tf} facade transposes channels-first data. The
 * groups are implied by the shapes, as in TF: in / filters' in-channels, which must divide both
 * channel counts (depthwise convolution is the case groups = in).
 */
public final class Conv extends Op {
    private final Window window;

    public Conv(Window window) {
        super("conv" + window.rank() + "d");
        this.window = window;
    }

    @Override
    public String attributes() {
        return window.toString();
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 2);
        ShapeRules.floating(name(), inputs[0]);
        ShapeRules.sameDType(name(), inputs[0], inputs[1]);
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), outputShape(name(), window, inputs[0].shape(), inputs[1].shape()))};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return new Tensor[] {ConvKernels.forward(window, inputs[0], inputs[1], outputs[0].shape())};
    }

    /** dx = conv_backprop_input(w, dy); dw = conv_backprop_filter(x, dy). */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {
            new ConvBackpropInput(window, in[0].shape().dims()).apply(in[1], g[0]),
            new ConvBackpropFilter(window, in[1].shape().dims()).apply(in[0], g[0])
        };
    }

    /** Multiply-adds in element-wise units, as matmul counts them. */
    @Override
    public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
        return multiplyAddCost(inputs[1].shape(), outputs[0].shape(), super.cost(inputs, outputs));
    }

    /** out elements x (kernel volume x in / groups), scaled like matmul's cost. */
    static long multiplyAddCost(Shape filter, Shape out, long fallback) {
        if (!filter.isFullyDefined() || !out.isFullyDefined()) {
            return fallback;
        }
        long perOutput = filter.size() / Math.max(1, filter.dim(-1));
        return (long) out.size() * perOutput * (2L * BroadcastLoop.GRAIN) / Gemm.PARALLEL_THRESHOLD;
    }

    /**
     * The shared shape rule of the convolution family: checks ranks, channels and groups and
     * returns the output shape; errors name the op and both shapes.
     */
    static Shape outputShape(String op, Window window, Shape x, Shape w) {
        window.validate(op);
        int r = window.rank();
        String shapes = "input " + x + ", filters " + w;
        if (x.rank() != r + 2) {
            throw new IllegalArgumentException(op + ": input must have rank " + (r + 2) + " [batch, "
                    + spatialNames(r) + ", channels], got " + shapes);
        }
        if (w.rank() != r + 2) {
            throw new IllegalArgumentException(op + ": filters must have rank " + (r + 2) + " ["
                    + spatialNames(r) + ", in_channels / groups, out_channels], got " + shapes);
        }
        int in = x.dim(r + 1);
        int filterIn = w.dim(r);
        int outChannels = w.dim(r + 1);
        if (in != Shape.UNKNOWN && filterIn != Shape.UNKNOWN) {
            if (filterIn < 1 || in % filterIn != 0) {
                throw new IllegalArgumentException(op + ": input channels (" + in + ") must be a multiple of the filters' in-channels ("
                        + filterIn + "), which sets groups = input channels / filter in-channels: " + shapes);
            }
            int groups = in / filterIn;
            if (outChannels != Shape.UNKNOWN && outChannels % groups != 0) {
                throw new IllegalArgumentException(op + ": groups (" + groups + " = " + in + " input channels / " + filterIn
                        + " filter in-channels) must divide the output channels (" + outChannels + "): " + shapes);
            }
        }
        int[] spatialIn = Arrays.copyOfRange(x.dims(), 1, r + 1);
        int[] kernel = Arrays.copyOfRange(w.dims(), 0, r);
        for (int k : kernel) {
            if (k == Shape.UNKNOWN || k < 1) {
                throw new IllegalArgumentException(op + ": filters need a known, positive kernel size, got " + shapes);
            }
        }
        int[] spatialOut = window.outputDims(op, spatialIn, kernel, shapes);
        int[] dims = new int[r + 2];
        dims[0] = x.dim(0);
        System.arraycopy(spatialOut, 0, dims, 1, r);
        dims[r + 1] = outChannels;
        return Shape.of(dims);
    }

    static String spatialNames(int rank) {
        return switch (rank) {
            case 1 -> "width";
            case 2 -> "height, width";
            default -> "depth, height, width";
        };
    }

    /** Checks that a given backprop tensor has the shape the forward op would produce. */
    static void expectShape(String op, String what, Shape expected, Shape got) {
        boolean ok = expected.rank() == got.rank();
        for (int i = 0; ok && i < got.rank(); i++) {
            ok = expected.dim(i) == got.dim(i) || expected.dim(i) == Shape.UNKNOWN || got.dim(i) == Shape.UNKNOWN;
        }
        if (!ok) {
            throw new IllegalArgumentException(op + ": " + what + " has shape " + got + " but the convolution produces " + expected);
        }
    }
}
