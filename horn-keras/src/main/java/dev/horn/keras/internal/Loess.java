package dev.horn.keras.internal;

import java.util.Arrays;

/**
 * Local polynomial regression as R's {@code loess(y ~ x)} with its defaults (span 0.75, degree 2,
 * tricube weights, no robustness iterations), the smooth ggplot2's {@code geom_smooth(method =
 * "loess")} draws. The fit is computed directly at each point asked for; R interpolates between
 * the vertices of a k-d tree instead, which differs from this in the third decimal at most on
 * the short series a training history has.
 */
public final class Loess {
    private Loess() {
    }

    /** The smooth of the points (x, y) evaluated at {@code at}. */
    public static double[] fit(double[] x, double[] y, double[] at) {
        return fit(x, y, at, 0.75, 2);
    }

    public static double[] fit(double[] x, double[] y, double[] at, double span, int degree) {
        int n = x.length;
        if (n != y.length || n == 0) {
            throw new IllegalArgumentException("loess: x and y must have the same, non-zero length; got " + n + " and " + y.length);
        }
        int q = (int) Math.floor(n * span);
        double[] out = new double[at.length];
        double[] distance = new double[n];
        for (int k = 0; k < at.length; k++) {
            double x0 = at[k];
            for (int i = 0; i < n; i++) {
                distance[i] = Math.abs(x[i] - x0);
            }
            double[] sorted = distance.clone();
            Arrays.sort(sorted);
            // R: the q-th smallest distance, enlarged by span/1 when span > 1
            double h = q >= 1 ? sorted[Math.min(q, n) - 1] : sorted[0];
            if (span > 1) {
                h *= span;
            }
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                double u = h > 0 ? distance[i] / h : (distance[i] == 0 ? 0 : 1);
                w[i] = u < 1 ? Math.pow(1 - u * u * u, 3) : 0;
            }
            out[k] = localFit(x, y, w, x0, degree);
        }
        return out;
    }

    /** Weighted least squares of a polynomial in (x - x0), solved by normal equations; its value at x0 is the constant term. */
    private static double localFit(double[] x, double[] y, double[] w, double x0, int degree) {
        int used = 0;
        for (double wi : w) {
            used += wi > 0 ? 1 : 0;
        }
        int p = Math.min(degree, used - 1) + 1;
        while (p > 0) {
            double[][] a = new double[p][p + 1];
            for (int i = 0; i < x.length; i++) {
                if (w[i] == 0) {
                    continue;
                }
                double d = x[i] - x0;
                double[] pow = new double[2 * p];
                pow[0] = 1;
                for (int j = 1; j < 2 * p; j++) {
                    pow[j] = pow[j - 1] * d;
                }
                for (int r = 0; r < p; r++) {
                    for (int c = 0; c < p; c++) {
                        a[r][c] += w[i] * pow[r + c];
                    }
                    a[r][p] += w[i] * pow[r] * y[i];
                }
            }
            double[] beta = solve(a, p);
            if (beta != null) {
                return beta[0];
            }
            p--; // singular (too few distinct x): a lower degree
        }
        return Double.NaN;
    }

    private static double[] solve(double[][] a, int p) {
        for (int col = 0; col < p; col++) {
            int pivot = col;
            for (int r = col + 1; r < p; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12 * Math.max(1, Math.abs(a[0][0]))) {
                return null;
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < p; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c <= p; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] beta = new double[p];
        for (int r = 0; r < p; r++) {
            beta[r] = a[r][p] / a[r][r];
        }
        return beta;
    }
}
