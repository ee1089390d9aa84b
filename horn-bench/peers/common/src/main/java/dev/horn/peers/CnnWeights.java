package dev.horn.peers;

/**
 * The initial weights of mnist-cnn in Keras' layout: conv kernels [kh][kw][in][out], dense
 * kernels [in][out] with the flattened features in (row, col, channel) order; biases zero.
 * Engines with other layouts convert with {@link #convOutInHw} and {@link #denseAfterChannelsFirstFlatten}.
 */
public record CnnWeights(float[] conv1, float[] conv1Bias, float[] conv2, float[] conv2Bias, float[] dense1,
                         float[] dense1Bias, float[] dense2, float[] dense2Bias) {
    public static final int FILTERS1 = 32, FILTERS2 = 64, POOLED = 12, HIDDEN = 128;
    public static final int FLAT = POOLED * POOLED * FILTERS2;

    /** Glorot-uniform kernels (fans as Keras counts them: receptive field × channels). */
    public static CnnWeights glorot(long seed) {
        return new CnnWeights(
                conv(3, 3, 1, FILTERS1, seed), new float[FILTERS1],
                conv(3, 3, FILTERS1, FILTERS2, seed + 1), new float[FILTERS2],
                Glorot.uniform(FLAT, HIDDEN, seed + 2), new float[HIDDEN],
                Glorot.uniform(HIDDEN, Mnist.CLASSES, seed + 3), new float[Mnist.CLASSES]);
    }

    private static float[] conv(int kh, int kw, int in, int out, long seed) {
        return Glorot.uniform(kh * kw * in * out, kh * kw * in, kh * kw * out, seed);
    }

    /** A [kh][kw][in][out] kernel as [out][in][kh][kw] (PyTorch's Conv2d weight). */
    public static float[] convOutInHw(float[] k, int kh, int kw, int in, int out) {
        float[] t = new float[k.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        t[((o * in + i) * kh + y) * kw + x] = k[((y * kw + x) * in + i) * out + o];
                    }
                }
            }
        }
        return t;
    }

    /**
     * The first dense kernel [(row, col, channel)][out] as a PyTorch Linear weight
     * [out][(channel, row, col)], for an engine that flattens channels-first maps.
     */
    public static float[] denseAfterChannelsFirstFlatten(float[] k) {
        float[] t = new float[k.length];
        for (int r = 0; r < POOLED; r++) {
            for (int c = 0; c < POOLED; c++) {
                for (int ch = 0; ch < FILTERS2; ch++) {
                    int keras = (r * POOLED + c) * FILTERS2 + ch;
                    int torch = (ch * POOLED + r) * POOLED + c;
                    for (int o = 0; o < HIDDEN; o++) {
                        t[o * FLAT + torch] = k[keras * HIDDEN + o];
                    }
                }
            }
        }
        return t;
    }
}
