package dev.horn.keras.layers;

import dev.horn.DType;
import dev.horn.Tensor;

import static dev.horn.Tf.tf;

/**
 * TensorFlow's {@code ImageProjectiveTransformV3} for affine maps, written with ops so each call
 * of a compiled train step draws and applies new transforms: output pixel (x, y) of image n
 * reads the input at (a0 x + a1 y + a2, b0 x + b1 y + b2), coordinates outside the image
 * mapped by the fill mode (reflect: d c b a | a b c d | d c b a, wrap, nearest, or constant
 * {@code fillValue}), then sampled bilinearly or from the nearest pixel.
 */
final class AffineSampler {
    /** Keras' {@code fill_mode} values. */
    static final java.util.List<String> FILL_MODES = java.util.List.of("reflect", "wrap", "constant", "nearest");

    private AffineSampler() {}

    static void checkFillMode(String layer, String fillMode, String interpolation) {
        if (!FILL_MODES.contains(fillMode)) {
            throw new IllegalArgumentException(layer + ": Unknown `fill_mode` " + fillMode + ". Only `reflect`, `wrap`, "
                    + "`constant` and `nearest` are supported.");
        }
        if (!interpolation.equals("bilinear") && !interpolation.equals("nearest")) {
            throw new IllegalArgumentException(layer + ": Unknown `interpolation` " + interpolation + ". Only `nearest` "
                    + "and `bilinear` are supported.");
        }
    }

    /**
     * Transforms a channels-last batch [n, h, w, c]; {@code m} holds six [n] tensors (a0, a1, a2,
     * b0, b1, b2), the map from output to input coordinates.
     */
    static Tensor transform(Tensor images, Tensor[] m, String fillMode, String interpolation, double fillValue) {
        int[] d = images.shape().dims();
        int n = d[0];
        int h = d[1];
        int w = d[2];
        int c = d[3];
        DType f = DType.FLOAT32;
        Tensor xs = tf.reshape(tf.cast(tf.range(0, w, 1), f), 1, 1, w);
        Tensor ys = tf.reshape(tf.cast(tf.range(0, h, 1), f), 1, h, 1);
        Tensor xIn = perImage(m[0]).mul(xs).add(perImage(m[1]).mul(ys)).add(perImage(m[2]));
        Tensor yIn = perImage(m[3]).mul(xs).add(perImage(m[4]).mul(ys)).add(perImage(m[5]));
        xIn = mapCoordinate(xIn, w, fillMode);
        yIn = mapCoordinate(yIn, h, fillMode);
        Tensor flat = tf.reshape(tf.cast(images, f), n * h * w, c);
        Tensor base = tf.reshape(tf.cast(tf.range(0, n, 1), f), n, 1, 1).mul(Tensor.scalar(f, (double) h * w));
        Sampling s = new Sampling(flat, base, h, w, fillValue);
        Tensor out;
        if (interpolation.equals("nearest")) {
            out = s.read(round(yIn), round(xIn));
        } else {
            Tensor x0 = floor(xIn);
            Tensor y0 = floor(yIn);
            Tensor one = Tensor.scalar(f, 1);
            Tensor x1 = x0.add(one);
            Tensor y1 = y0.add(one);
            Tensor wx = tf.expandDims(xIn.sub(x0), 3);
            Tensor wy = tf.expandDims(yIn.sub(y0), 3);
            Tensor top = s.read(y0, x0).mul(one.sub(wx)).add(s.read(y0, x1).mul(wx));
            Tensor bottom = s.read(y1, x0).mul(one.sub(wx)).add(s.read(y1, x1).mul(wx));
            out = top.mul(one.sub(wy)).add(bottom.mul(wy));
        }
        return tf.cast(out, images.dtype());
    }

    /** Reads pixels at integer-valued float coordinates [n, h, w]; outside the image gives the fill value. */
    private record Sampling(Tensor flat, Tensor base, int h, int w, double fillValue) {
        Tensor read(Tensor y, Tensor x) {
            DType f = DType.FLOAT32;
            Tensor inside = tf.logicalAnd(tf.logicalAnd(tf.greaterEqual(x, Tensor.scalar(f, 0)),
                    tf.lessEqual(x, Tensor.scalar(f, w - 1))), tf.logicalAnd(tf.greaterEqual(y, Tensor.scalar(f, 0)),
                    tf.lessEqual(y, Tensor.scalar(f, h - 1))));
            Tensor xc = tf.clipByValue(x, Tensor.scalar(f, 0), Tensor.scalar(f, w - 1));
            Tensor yc = tf.clipByValue(y, Tensor.scalar(f, 0), Tensor.scalar(f, h - 1));
            Tensor index = tf.cast(base.add(yc.mul(Tensor.scalar(f, w))).add(xc), DType.INT32);
            Tensor values = tf.gather(flat, index);
            Tensor keep = tf.expandDims(tf.cast(inside, f), 3);
            return values.mul(keep).add(Tensor.scalar(f, 1).sub(keep).mul(Tensor.scalar(f, fillValue)));
        }
    }

    private static Tensor floor(Tensor x) {
        return tf.floorDiv(x, Tensor.scalar(x.dtype(), 1));
    }

    /** Rounding half away from zero, as std::round in TF's kernel. */
    private static Tensor round(Tensor x) {
        return tf.sign(x).mul(floor(tf.abs(x).add(Tensor.scalar(x.dtype(), 0.5))));
    }

    private static Tensor perImage(Tensor v) {
        return tf.reshape(tf.cast(v, DType.FLOAT32), -1, 1, 1);
    }

    /** TF's map_coordinate: where a coordinate outside [0, size - 1] reads from, per fill mode. */
    private static Tensor mapCoordinate(Tensor in, int size, String fillMode) {
        DType f = DType.FLOAT32;
        Tensor max = Tensor.scalar(f, size - 1);
        Tensor zero = Tensor.scalar(f, 0);
        return switch (fillMode) {
            case "reflect" -> {
                if (size == 1) {
                    yield tf.zerosLike(in);
                }
                // half-sample symmetric: reflect about -0.5 and size - 0.5
                Tensor period = Tensor.scalar(f, 2.0 * size);
                Tensor t = tf.floorMod(in.add(Tensor.scalar(f, 0.5)), period);
                Tensor folded = tf.where(tf.less(t, Tensor.scalar(f, size)), t, period.sub(t));
                yield tf.clipByValue(folded.sub(Tensor.scalar(f, 0.5)), zero, max);
            }
            case "wrap" -> {
                if (size == 1) {
                    yield tf.zerosLike(in);
                }
                // TF's wrap, exactly: shifts by whole multiples of size counted in steps of size - 1
                Tensor n = Tensor.scalar(f, size);
                Tensor step = Tensor.scalar(f, size - 1);
                Tensor below = in.add(n.mul(floor(tf.neg(in).div(step)).add(Tensor.scalar(f, 1))));
                Tensor above = in.sub(n.mul(floor(in.div(step))));
                Tensor wrapped = tf.where(tf.less(in, zero), below, tf.where(tf.greater(in, max), above, in));
                yield tf.clipByValue(wrapped, zero, max);
            }
            case "nearest" -> tf.clipByValue(in, zero, max);
            default -> in; // constant: reads outside give the fill value
        };
    }
}
