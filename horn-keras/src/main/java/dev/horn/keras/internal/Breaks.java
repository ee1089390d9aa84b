package dev.horn.keras.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Axis breaks and labels as R and ggplot2 choose them: {@link #extended} is Wilkinson's extended
 * labelling ({@code labeling::extended}, ggplot2's default for continuous scales), {@link #pretty}
 * is R's {@code pretty()}, {@link #minor} ggplot2's {@code regular_minor_breaks()} and
 * {@link #labels} R's {@code format()} of a vector of breaks (common decimals).
 */
public final class Breaks {
    private static final double[] Q = {1, 5, 2, 2.5, 4, 3};
    private static final double[] W = {0.25, 0.2, 0.5, 0.05};

    private Breaks() {
    }

    /** {@code labeling::extended(dmin, dmax, m)}: about {@code m} nice breaks covering [dmin, dmax]. */
    public static double[] extended(double dmin, double dmax, int m) {
        if (!(dmax > dmin)) {
            return new double[] {dmin};
        }
        double bestScore = -2;
        double bestMin = dmin;
        double bestMax = dmax;
        double bestStep = dmax - dmin;
        outer:
        for (int j = 1; ; j++) {
            for (int qi = 0; qi < Q.length; qi++) {
                double q = Q[qi];
                double sm = simplicityMax(qi, j);
                if (W[0] * sm + W[1] + W[2] + W[3] < bestScore) {
                    break outer;
                }
                for (int k = 2; ; k++) {
                    double dm = densityMax(k, m);
                    if (W[0] * sm + W[1] + W[2] * dm + W[3] < bestScore) {
                        break;
                    }
                    double delta = (dmax - dmin) / (k + 1) / j / q;
                    for (int z = (int) Math.ceil(Math.log10(delta)); ; z++) {
                        double step = j * q * Math.pow(10, z);
                        double cm = coverageMax(dmin, dmax, step * (k - 1));
                        if (W[0] * sm + W[1] * cm + W[2] * dm + W[3] < bestScore) {
                            break;
                        }
                        double minStart = Math.floor(dmax / step) * j - (k - 1) * j;
                        double maxStart = Math.ceil(dmin / step) * j;
                        for (double start = minStart; start <= maxStart; start++) {
                            double lmin = start * (step / j);
                            double lmax = lmin + step * (k - 1);
                            double s = simplicity(qi, j, lmin, lmax, step);
                            double c = coverage(dmin, dmax, lmin, lmax);
                            double g = density(k, m, dmin, dmax, lmin, lmax);
                            double score = W[0] * s + W[1] * c + W[2] * g + W[3];
                            if (score > bestScore) {
                                bestScore = score;
                                bestMin = lmin;
                                bestMax = lmax;
                                bestStep = step;
                            }
                        }
                    }
                }
            }
        }
        return sequence(bestMin, bestMax, bestStep);
    }

    private static double simplicity(int qi, int j, double lmin, double lmax, double lstep) {
        double eps = Math.ulp(1.0) * 100;
        double mod = lmin - lstep * Math.floor(lmin / lstep); // R's %% (sign of the divisor)
        double v = (mod < eps || lstep - mod < eps) && lmin <= 0 && lmax >= 0 ? 1 : 0;
        return 1 - qi / (Q.length - 1.0) - j + v;
    }

    private static double simplicityMax(int qi, int j) {
        return 1 - qi / (Q.length - 1.0) - j + 1;
    }

    private static double coverage(double dmin, double dmax, double lmin, double lmax) {
        double range = dmax - dmin;
        return 1 - 0.5 * (Math.pow(dmax - lmax, 2) + Math.pow(dmin - lmin, 2)) / Math.pow(0.1 * range, 2);
    }

    private static double coverageMax(double dmin, double dmax, double span) {
        double range = dmax - dmin;
        if (span > range) {
            double half = (span - range) / 2;
            return 1 - 0.5 * (2 * half * half) / Math.pow(0.1 * range, 2);
        }
        return 1;
    }

    private static double density(int k, int m, double dmin, double dmax, double lmin, double lmax) {
        double r = (k - 1) / (lmax - lmin);
        double rt = (m - 1) / (Math.max(lmax, dmax) - Math.min(dmin, lmin));
        return 2 - Math.max(r / rt, rt / r);
    }

    private static double densityMax(int k, int m) {
        return k >= m ? 2 - (k - 1.0) / (m - 1.0) : 1;
    }

    /** R's {@code pretty(c(lo, up), n)}: 1, 2 or 5 times a power of ten, covering the range. */
    public static double[] pretty(double lo, double up, int n) {
        double h = 1.5;
        double h5 = 0.5 + 1.5 * h;
        int minN = n / 3;
        double dx = up - lo;
        double cell;
        boolean small;
        if (dx == 0 && up == 0) {
            cell = 1;
            small = true;
        } else {
            cell = Math.max(Math.abs(lo), Math.abs(up));
            double u = 1 + (h5 >= 1.5 * h + 0.5 ? 1 / (1 + h) : 1.5 / (1 + h5));
            u *= Math.max(1, n) * Math.ulp(1.0);
            small = dx < cell * u * 3;
        }
        if (small) {
            if (cell > 10) {
                cell = 9 + cell / 10;
            }
            cell *= 0.75;
            if (minN > 1) {
                cell /= minN;
            }
        } else {
            cell = dx;
            if (n > 1) {
                cell /= n;
            }
        }
        double base = Math.pow(10, Math.floor(Math.log10(cell)));
        double unit = base;
        if (2 * base - cell < h * (cell - unit)) {
            unit = 2 * base;
            if (5 * base - cell < h5 * (cell - unit)) {
                unit = 5 * base;
                if (10 * base - cell < h * (cell - unit)) {
                    unit = 10 * base;
                }
            }
        }
        double eps = 1e-10;
        double ns = Math.floor(lo / unit + eps);
        double nu = Math.ceil(up / unit - eps);
        while (ns * unit > lo + eps * unit) {
            ns--;
        }
        while (nu * unit < up - eps * unit) {
            nu++;
        }
        int k = (int) (0.5 + nu - ns);
        if (k < minN) {
            k = minN - k;
            if (ns >= 0) {
                nu += k / 2;
                ns -= k / 2 + k % 2;
            } else {
                ns -= k / 2;
                nu += k / 2 + k % 2;
            }
        }
        return sequence(ns * unit, nu * unit, unit);
    }

    /** ggplot2's minor breaks: the midpoints between majors, extended by one interval each side, kept within [lo, hi]. */
    public static double[] minor(double[] major, double lo, double hi) {
        if (major.length < 2) {
            return new double[0];
        }
        List<Double> b = new ArrayList<>();
        double step = major[1] - major[0];
        if (lo < major[0]) {
            b.add(major[0] - step);
        }
        for (double m : major) {
            b.add(m);
        }
        if (hi > major[major.length - 1]) {
            b.add(major[major.length - 1] + step);
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i + 1 < b.size(); i++) {
            double mid = (b.get(i) + b.get(i + 1)) / 2;
            if (mid >= lo && mid <= hi) {
                out.add(mid);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The breaks within [lo, hi] (with a little tolerance), as ggplot2 censors them to the panel. */
    public static double[] within(double[] breaks, double lo, double hi) {
        double tol = 1e-10 * Math.max(1, hi - lo);
        return java.util.Arrays.stream(breaks).filter(b -> b >= lo - tol && b <= hi + tol).toArray();
    }

    /** R's {@code format(breaks)}: every label with the decimals the most precise break needs (7 significant digits at most). */
    public static String[] labels(double[] breaks) {
        int decimals = 0;
        for (double b : breaks) {
            if (b != 0 && Double.isFinite(b)) {
                BigDecimal r = new BigDecimal(b).round(new MathContext(7, RoundingMode.HALF_EVEN)).stripTrailingZeros();
                decimals = Math.max(decimals, Math.max(0, r.scale()));
            }
        }
        String[] out = new String[breaks.length];
        for (int i = 0; i < breaks.length; i++) {
            String s = new BigDecimal(breaks[i]).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
            out[i] = s.startsWith("-") && s.matches("-[0.]*") ? s.substring(1) : s;
        }
        return out;
    }

    private static double[] sequence(double from, double to, double by) {
        int n = (int) Math.floor((to - from) / by + 1e-10) + 1;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = from + i * by; // R's seq(from, to, by)
        }
        return s;
    }
}
