package dev.horn.ops.nn;

import dev.horn.internal.cpu.Parallel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 input gradient of a convolution as an implicit col2im: a register tile of dy rows
 * times the transposed filters gives those rows' window gradients (cols [rows, k] = dy [rows,
 * out] x w^T [out, k]), and each vector of them is added straight onto the input positions its
 * window read, without the column matrix ever being stored. Only real window elements are
 * computed: the flipped convolution (the forward kernels run on dy padded by the kernel) spends
 * its multiplies on the zero border too, 15% of them at MNIST's 26x26 from 24x24, and its
 * 32-wide output gives a narrow tile (4 rows x 2 vectors).
 *
 * <p>The tile is 3 rows x 6 vectors (18 accumulators; per dy element 6 filter loads and 3
 * broadcasts for 18 FMAs), so k must be a multiple of 6 vectors and each vector one kernel
 * position's channels (in a multiple of the vector length): 3x3 windows over 32, 64, 128...
 * channels. The transposed filters are packed once per call into 6-vector panels [out, 6V],
 * which stay in the L1 cache while an image's tiles stream past them.
 *
 * <p>Images split across the cores, each image's dx written by one core only, in an order that
 * depends on the shapes alone (panel, then tile, then row, then vector): so the bits do not
 * depend on the thread count.
 */
final class ImplicitCol2im {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int V = F.length();
    private static final int PANEL_VECTORS = 6;
    private static final int PANEL = PANEL_VECTORS * V;
    private static final int TILE_ROWS = 3;

    private ImplicitCol2im() {}

    /**
     * Where it measured faster than the flipped convolution (2 threads, same run): where that
     * one's output, the input's channels, is narrower than its 4-vector tile (MNIST 26x26x32 from
     * 64: 1.5x; 12x12x32 from 32: 1.6x), or where dy is deep enough (128 or more channels) to
     * pay for this tile's stores (14x14x256: 1.08x, 28x28x128: 1.02x against the 6-row flipped
     * tile, one thread; 7x7x512, where the flipped one is the im2col GEMM: 1.14x). Not at
     * 56x56x64 from 64 (0.9x): there the flipped 6 x 4-vector tile runs 576 deep, this one 64.
     */
    static boolean applies(ConvLayout l) {
        boolean wanted = l.in() < 4 * V || l.out() >= 8 * V;
        return wanted && l.groups() == 1 && !l.pointwise() && l.in() % V == 0 && l.k() % PANEL == 0;
    }

    /** dx [batch, inSpatial, in] = col2im(dy [rows, out] x w^T), w [k, out] from wOff; dx must start zeroed. */
    static void backpropInput(ConvLayout l, float[] w, int wOff, float[] dy, int dyOff, float[] dx) {
        int k = l.k();
        int out = l.out();
        int panels = k / PANEL;
        float[] packed = new float[k * out];
        for (int panel = 0; panel < panels; panel++) {
            for (int co = 0; co < out; co++) {
                for (int j = 0; j < PANEL; j++) {
                    packed[(panel * out + co) * PANEL + j] = w[wOff + (panel * PANEL + j) * out + co];
                }
            }
        }
        int[] position = new int[k / V]; // each vector's kernel position and first channel, for the targets
        int[] channel = new int[k / V];
        for (int v = 0; v < k / V; v++) {
            position[v] = v * V / l.in();
            channel[v] = v * V % l.in();
        }
        Parallel.forGrains(l.batch(), 1, () -> {
            float[] tile = new float[TILE_ROWS * PANEL];
            int[] targets = new int[TILE_ROWS * PANEL_VECTORS];
            return (s, e) -> {
                for (int image = s; image < e; image++) {
                    for (int panel = 0; panel < panels; panel++) {
                        for (int o0 = 0; o0 < l.outSpatial(); o0 += TILE_ROWS) {
                            int n = Math.min(TILE_ROWS, l.outSpatial() - o0);
                            int d0 = dyOff + (image * l.outSpatial() + o0) * out;
                            int d1 = n > 1 ? d0 + out : d0; // rows past n repeat the first: computed, never added
                            int d2 = n > 2 ? d0 + 2 * out : d0;
                            product(dy, d0, d1, d2, out, packed, panel * out * PANEL, tile);
                            targets(l, image, o0, n, panel, position, channel, targets);
                            for (int i = 0; i < targets.length; i++) {
                                if (targets[i] >= 0) {
                                    FloatVector.fromArray(F, dx, targets[i]).add(FloatVector.fromArray(F, tile, i * V)).intoArray(dx, targets[i]);
                                }
                            }
                        }
                    }
                }
            };
        });
    }

    /**
     * targets[r * 6 + v]: where vector v of the panel for row o0 + r adds into dx, -1 where its
     * window reads padding there or the row is past n.
     */
    private static void targets(ConvLayout l, int image, int o0, int n, int panel, int[] position, int[] channel, int[] targets) {
        int kv = l.kernelVolume();
        int in = l.in();
        int[] sources = l.sources();
        int imageBase = image * l.inSpatial() * in;
        for (int r = 0; r < TILE_ROWS; r++) {
            int row = (o0 + r) * kv;
            for (int v = 0, gv = panel * PANEL_VECTORS; v < PANEL_VECTORS; v++, gv++) {
                int at = r < n ? sources[row + position[gv]] : -1;
                targets[r * PANEL_VECTORS + v] = at < 0 ? -1 : imageBase + at * in + channel[gv];
            }
        }
    }

    /** tile [3, 6V] = dy rows at d0, d1, d2 (out elements each) times the packed panel [out, 6V] from p. */
    private static void product(float[] dy, int d0, int d1, int d2, int out, float[] packed, int p, float[] tile) {
        FloatVector a00 = FloatVector.zero(F), a01 = a00, a02 = a00, a03 = a00, a04 = a00, a05 = a00;
        FloatVector a10 = a00, a11 = a00, a12 = a00, a13 = a00, a14 = a00, a15 = a00;
        FloatVector a20 = a00, a21 = a00, a22 = a00, a23 = a00, a24 = a00, a25 = a00;
        for (int co = 0; co < out; co++, p += PANEL) {
            FloatVector w0 = FloatVector.fromArray(F, packed, p);
            FloatVector w1 = FloatVector.fromArray(F, packed, p + V);
            FloatVector w2 = FloatVector.fromArray(F, packed, p + 2 * V);
            FloatVector w3 = FloatVector.fromArray(F, packed, p + 3 * V);
            FloatVector w4 = FloatVector.fromArray(F, packed, p + 4 * V);
            FloatVector w5 = FloatVector.fromArray(F, packed, p + 5 * V);
            FloatVector x0 = FloatVector.broadcast(F, dy[d0 + co]);
            a00 = w0.fma(x0, a00);
            a01 = w1.fma(x0, a01);
            a02 = w2.fma(x0, a02);
            a03 = w3.fma(x0, a03);
            a04 = w4.fma(x0, a04);
            a05 = w5.fma(x0, a05);
            FloatVector x1 = FloatVector.broadcast(F, dy[d1 + co]);
            a10 = w0.fma(x1, a10);
            a11 = w1.fma(x1, a11);
            a12 = w2.fma(x1, a12);
            a13 = w3.fma(x1, a13);
            a14 = w4.fma(x1, a14);
            a15 = w5.fma(x1, a15);
            FloatVector x2 = FloatVector.broadcast(F, dy[d2 + co]);
            a20 = w0.fma(x2, a20);
            a21 = w1.fma(x2, a21);
            a22 = w2.fma(x2, a22);
            a23 = w3.fma(x2, a23);
            a24 = w4.fma(x2, a24);
            a25 = w5.fma(x2, a25);
        }
        // through a scratch tile: a helper taking the vectors as arguments would not be inlined, and would box them
        a00.intoArray(tile, 0);
        a01.intoArray(tile, V);
        a02.intoArray(tile, 2 * V);
        a03.intoArray(tile, 3 * V);
        a04.intoArray(tile, 4 * V);
        a05.intoArray(tile, 5 * V);
        a10.intoArray(tile, 6 * V);
        a11.intoArray(tile, 7 * V);
        a12.intoArray(tile, 8 * V);
        a13.intoArray(tile, 9 * V);
        a14.intoArray(tile, 10 * V);
        a15.intoArray(tile, 11 * V);
        a20.intoArray(tile, 12 * V);
        a21.intoArray(tile, 13 * V);
        a22.intoArray(tile, 14 * V);
        a23.intoArray(tile, 15 * V);
        a24.intoArray(tile, 16 * V);
        a25.intoArray(tile, 17 * V);
    }
}
