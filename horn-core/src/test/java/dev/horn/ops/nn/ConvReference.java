package dev.horn.ops.nn;

/**
 * Naive float64 convolution and pooling with TensorFlow's rules written out longhand, channels
 * last, 2-D: the reference the fast kernels are checked against. SAME: out = ceil(in / s),
 * padding total max((out - 1) s + (k - 1) d + 1 - in, 0), the smaller half before.
 */
final class ConvReference {
    private ConvReference() {}

    static int outSize(int in, int k, int s, int d, boolean same) {
        int ek = (k - 1) * d + 1;
        return same ? (in + s - 1) / s : (in - ek) / s + 1;
    }

    static int padBefore(int in, int k, int s, int d, boolean same) {
        if (!same) {
            return 0;
        }
        int out = outSize(in, k, s, d, true);
        return Math.max((out - 1) * s + (k - 1) * d + 1 - in, 0) / 2;
    }

    /** x [n, h, w, c], f [kh, kw, c / groups, o] -> [n, oh, ow, o], flat. */
    static double[] conv2d(double[] x, int[] xs, double[] f, int[] fs, int[] stride, int[] dil, boolean same) {
        int n = xs[0], h = xs[1], w = xs[2], c = xs[3];
        int kh = fs[0], kw = fs[1], cg = fs[2], o = fs[3];
        int groups = c / cg;
        int og = o / groups;
        int oh = outSize(h, kh, stride[0], dil[0], same), ow = outSize(w, kw, stride[1], dil[1], same);
        int ph = padBefore(h, kh, stride[0], dil[0], same), pw = padBefore(w, kw, stride[1], dil[1], same);
        double[] y = new double[n * oh * ow * o];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    for (int q = 0; q < o; q++) {
                        int g = q / og;
                        double sum = 0;
                        for (int a = 0; a < kh; a++) {
                            for (int e = 0; e < kw; e++) {
                                int ii = i * stride[0] + a * dil[0] - ph;
                                int jj = j * stride[1] + e * dil[1] - pw;
                                if (ii < 0 || ii >= h || jj < 0 || jj >= w) {
                                    continue;
                                }
                                for (int ci = 0; ci < cg; ci++) {
                                    sum += x[((b * h + ii) * w + jj) * c + g * cg + ci] * f[((a * kw + e) * cg + ci) * o + q];
                                }
                            }
                        }
                        y[((b * oh + i) * ow + j) * o + q] = sum;
                    }
                }
            }
        }
        return y;
    }

    /** Max or average (over real cells) pooling of x [n, h, w, c]. */
    static double[] pool2d(boolean max, double[] x, int[] xs, int[] k, int[] stride, boolean same) {
        int n = xs[0], h = xs[1], w = xs[2], c = xs[3];
        int oh = outSize(h, k[0], stride[0], 1, same), ow = outSize(w, k[1], stride[1], 1, same);
        int ph = padBefore(h, k[0], stride[0], 1, same), pw = padBefore(w, k[1], stride[1], 1, same);
        double[] y = new double[n * oh * ow * c];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    for (int q = 0; q < c; q++) {
                        double acc = max ? Double.NEGATIVE_INFINITY : 0;
                        int count = 0;
                        for (int a = 0; a < k[0]; a++) {
                            for (int e = 0; e < k[1]; e++) {
                                int ii = i * stride[0] + a - ph;
                                int jj = j * stride[1] + e - pw;
                                if (ii >= 0 && ii < h && jj >= 0 && jj < w) {
                                    double v = x[((b * h + ii) * w + jj) * c + q];
                                    acc = max ? Math.max(acc, v) : acc + v;
                                    count++;
                                }
                            }
                        }
                        y[((b * oh + i) * ow + j) * c + q] = max ? acc : acc / count;
                    }
                }
            }
        }
        return y;
    }
}
