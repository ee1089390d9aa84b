package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;

import static dev.horn.Tf.tf;

/**
 * Where an image batch keeps its channels: {@code channels_last} (Keras' default, batch ×
 * spatial... × channels) or {@code channels_first} (batch × channels × spatial...). The
 * engine's windowed ops are channels-last; channels-first layers transpose around them, as
 * Keras does on CPUs.
 */
public enum DataFormat {
    CHANNELS_LAST("channels_last"),
    CHANNELS_FIRST("channels_first");

    private final String kerasName;

    DataFormat(String kerasName) {
        this.kerasName = kerasName;
    }

    public String kerasName() {
        return kerasName;
    }

    public static DataFormat of(String layer, String name) {
        for (DataFormat f : values()) {
            if (f.kerasName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException(layer + ": The `data_format` argument must be one of \"channels_first\", "
                + "\"channels_last\". Received: data_format=" + name);
    }

    /** The channel axis of a batch of this rank. */
    public int channelAxis(int rank) {
        return this == CHANNELS_LAST ? rank - 1 : 1;
    }

    /** The axis of spatial dimension i (0-based) of a batch of this rank. */
    public int spatialAxis(int rank, int i) {
        return this == CHANNELS_LAST ? 1 + i : 2 + i;
    }

    /** The spatial dims of a batch shape. */
    public int[] spatialDims(Shape shape) {
        int n = shape.rank() - 2;
        int[] dims = new int[n];
        for (int i = 0; i < n; i++) {
            dims[i] = shape.dim(spatialAxis(shape.rank(), i));
        }
        return dims;
    }

    /** A batch shape in this format from its parts. */
    public Shape shape(int batch, int[] spatial, int channels) {
        int[] dims = new int[spatial.length + 2];
        dims[0] = batch;
        dims[channelAxis(dims.length)] = channels;
        for (int i = 0; i < spatial.length; i++) {
            dims[spatialAxis(dims.length, i)] = spatial[i];
        }
        return Shape.of(dims);
    }

    /** The batch in channels-last order (a transpose for channels_first). */
    public Tensor toChannelsLast(Tensor x) {
        if (this == CHANNELS_LAST) {
            return x;
        }
        int r = x.rank();
        int[] perm = new int[r];
        perm[0] = 0;
        for (int i = 1; i < r - 1; i++) {
            perm[i] = i + 1;
        }
        perm[r - 1] = 1;
        return tf.transpose(x, perm);
    }

    /** A channels-last batch back in this format. */
    public Tensor fromChannelsLast(Tensor x) {
        if (this == CHANNELS_LAST) {
            return x;
        }
        int r = x.rank();
        int[] perm = new int[r];
        perm[0] = 0;
        perm[1] = r - 1;
        for (int i = 2; i < r; i++) {
            perm[i] = i - 1;
        }
        return tf.transpose(x, perm);
    }
}
