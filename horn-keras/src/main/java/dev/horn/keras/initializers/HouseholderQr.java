package dev.horn.keras.initializers;

/**
 * The Q factor of a thin QR decomposition by Householder reflections, in double precision, for
 * {@link Orthogonal}. Initializers run once per weight, so a plain loop serves; the engine has
 * no QR op yet.
 */
final class HouseholderQr {
    private HouseholderQr() {}

    /**
     * For a row-major m x n matrix (m >= n), the m x n Q of A = QR with R's diagonal
     * non-negative, as Keras' {@code q * sign(diag(r))}; returned column-major, {@code q[j][i]}.
     */
    static double[][] orthonormalColumns(double[] a, int m, int n) {
        double[][] v = new double[n][m]; // A's columns, overwritten by the reflectors
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                v[j][i] = a[i * n + j];
            }
        }
        double[] rDiag = new double[n];
        for (int k = 0; k < n; k++) {
            double norm = 0;
            for (int i = k; i < m; i++) {
                norm = Math.hypot(norm, v[k][i]);
            }
            if (norm != 0) {
                if (v[k][k] < 0) {
                    norm = -norm;
                }
                for (int i = k; i < m; i++) {
                    v[k][i] /= norm;
                }
                v[k][k] += 1;
                for (int j = k + 1; j < n; j++) {
                    reflect(v[k], v[j], k, m);
                }
            }
            rDiag[k] = -norm;
        }
        // Q = H0 H1 ... Hn-1 applied to the first n unit vectors, last reflector first
        double[][] q = new double[n][m];
        for (int k = n - 1; k >= 0; k--) {
            q[k][k] = 1;
            for (int j = k; j < n; j++) {
                if (v[k][k] != 0) {
                    reflect(v[k], q[j], k, m);
                }
            }
        }
        for (int j = 0; j < n; j++) {
            double sign = Math.signum(rDiag[j]);
            for (int i = 0; i < m; i++) {
                q[j][i] *= sign;
            }
        }
        return q;
    }

    /** x -= (v . x / v[k]) v over rows k..m-1: the reflector stored in v, applied to column x. */
    private static void reflect(double[] v, double[] x, int k, int m) {
        double s = 0;
        for (int i = k; i < m; i++) {
            s += v[i] * x[i];
        }
        s = -s / v[k];
        for (int i = k; i < m; i++) {
            x[i] += s * v[i];
        }
    }
}
