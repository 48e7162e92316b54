package org.cosense.math;

/**
 * Householder reduction of a Hermitian (or real symmetric) matrix to tridiagonal form T = Qᴴ A Q without accumulating
 * Q (Golub and Van Loan, Alg. 8.3.1), for callers that need eigenvalues only: the result is the diagonal of T and the
 * magnitudes of its off-diagonal, the real symmetric tridiagonal unitarily similar to T (by a diagonal of phases) that
 * {@link SymmetricTridiagonal} reads. The matrix is given as row arrays (separate rows, so that the inner loops
 * vectorize) and is overwritten.
 *
 * <p>Each step scales the column below the diagonal by its largest entry before summing squares, so nothing under- or
 * overflows for any finite input. Two other reductions in this package differ in operation order and are kept apart,
 * because merging them would move the results of their callers by rounding: {@link TridiagonalHermitianEigen}
 * accumulates Q on a flat array of the pre-scaled matrix, and {@link HermitianPsdProjection} updates the lower
 * triangle only and keeps the reflectors.
 */
public final class HermitianTridiagonalization {
    private HermitianTridiagonalization() {
    }

    /**
     * Reduces the Hermitian matrix (re, im) of order n = re.length, reading its upper triangle and overwriting it:
     * complex reflectors H = I − τ v vᴴ with the phase of the pivot in v, so that H x = α e₁ (α = −phase·‖x‖).
     * On return diag[k] = T_kk and off[k] = |T_{k+1,k}| for k < n − 1 (arrays of length at least n).
     */
    public static void reduce(double[][] re, double[][] im, double[] diag, double[] off) {
        int n = re.length;
        double[] vr = new double[n];
        double[] vi = new double[n];
        double[] wr = new double[n];
        double[] wi = new double[n];
        for (int k = 0; k < n - 2; k++) {
            // x = A[k+1.., k] = conj(A[k, k+1..]) (row k to the right of the diagonal, by symmetry)
            double[] rk = re[k];
            double[] ik = im[k];
            diag[k] = rk[k];
            double scale = 0;
            for (int i = k + 1; i < n; i++) {
                scale = Math.max(scale, Math.max(Math.abs(rk[i]), Math.abs(ik[i])));
            }
            if (scale == 0) {
                off[k] = 0;
                continue;
            }
            double norm2 = 0;
            for (int i = k + 1; i < n; i++) {
                vr[i] = rk[i] / scale;
                vi[i] = -ik[i] / scale;
                norm2 += vr[i] * vr[i] + vi[i] * vi[i];
            }
            double norm = Math.sqrt(norm2);
            double abs0 = Math.hypot(vr[k + 1], vi[k + 1]);
            double pr = abs0 == 0 ? 1 : vr[k + 1] / abs0;   // phase of the pivot
            double pi = abs0 == 0 ? 0 : vi[k + 1] / abs0;
            off[k] = norm * scale;   // |α|
            vr[k + 1] += pr * norm;   // v = x − α e₁
            vi[k + 1] += pi * norm;
            double vv = 0;
            for (int i = k + 1; i < n; i++) {
                vv += vr[i] * vr[i] + vi[i] * vi[i];
            }
            double tau = 2 / vv;
            // p = τ A22 v, K = (τ/2) vᴴ p (real), w = p − K v, A22 −= v wᴴ + w vᴴ
            // two rows per pass: independent sums, each in the order of the one-row loop
            int pair = k + 1;
            for (; pair + 1 < n; pair += 2) {
                int i = pair;
                double[] ri = re[i];
                double[] ii = im[i];
                double[] rn = re[i + 1];
                double[] in = im[i + 1];
                double sr = 0;
                double si = 0;
                double tr = 0;
                double ti = 0;
                for (int j = k + 1; j < n; j++) {
                    double xr = vr[j];
                    double xi = vi[j];
                    sr += ri[j] * xr - ii[j] * xi;
                    si += ri[j] * xi + ii[j] * xr;
                    tr += rn[j] * xr - in[j] * xi;
                    ti += rn[j] * xi + in[j] * xr;
                }
                wr[i] = tau * sr;
                wi[i] = tau * si;
                wr[i + 1] = tau * tr;
                wi[i + 1] = tau * ti;
            }
            for (int i = pair; i < n; i++) {
                double[] ri = re[i];
                double[] ii = im[i];
                double sr = 0;
                double si = 0;
                for (int j = k + 1; j < n; j++) {
                    sr += ri[j] * vr[j] - ii[j] * vi[j];
                    si += ri[j] * vi[j] + ii[j] * vr[j];
                }
                wr[i] = tau * sr;
                wi[i] = tau * si;
            }
            double vhp = 0;
            for (int i = k + 1; i < n; i++) {
                vhp += vr[i] * wr[i] + vi[i] * wi[i];
            }
            double kk = 0.5 * tau * vhp;
            for (int i = k + 1; i < n; i++) {
                wr[i] -= kk * vr[i];
                wi[i] -= kk * vi[i];
            }
            for (int i = k + 1; i < n; i++) {
                double[] ri = re[i];
                double[] ii = im[i];
                double ar = vr[i];
                double ai = vi[i];
                double br = wr[i];
                double bi = wi[i];
                for (int j = k + 1; j < n; j++) {
                    // v_i conj(w_j) + w_i conj(v_j)
                    ri[j] -= ar * wr[j] + ai * wi[j] + br * vr[j] + bi * vi[j];
                    ii[j] -= ai * wr[j] - ar * wi[j] + bi * vr[j] - br * vi[j];
                }
            }
        }
        if (n >= 2) {
            diag[n - 2] = re[n - 2][n - 2];
            off[n - 2] = Math.hypot(re[n - 1][n - 2], im[n - 1][n - 2]);
        }
        diag[n - 1] = re[n - 1][n - 1];
    }

    /**
     * Reduces the real symmetric matrix a of order n = a.length, reading its upper triangle and overwriting it, with
     * real reflectors H = I − 2 v vᵀ/(vᵀv). On return diag[k] = T_kk and off[k] = T_{k+1,k} (signed; its magnitude is
     * what the eigenvalues depend on). The real arithmetic divides by vᵀv where {@link #reduce} multiplies by τ = 2/vᴴv:
     * a real matrix passed to {@link #reduce} gives the same T only to rounding.
     */
    public static void reduceSymmetric(double[][] a, double[] diag, double[] off) {
        int d = a.length;
        double[] v = new double[d];
        double[] w = new double[d];
        for (int k = 0; k < d - 2; k++) {
            // x = A[k+1.., k] (= row k to the right of the diagonal, by symmetry)
            double[] ak = a[k];
            double scale = 0;
            for (int i = k + 1; i < d; i++) {
                scale = Math.max(scale, Math.abs(ak[i]));
            }
            diag[k] = ak[k];
            if (scale == 0) {
                off[k] = 0;
                continue;
            }
            double norm2 = 0;
            for (int i = k + 1; i < d; i++) {
                v[i] = ak[i] / scale;
                norm2 += v[i] * v[i];
            }
            double alpha = -Math.copySign(Math.sqrt(norm2), v[k + 1]);
            off[k] = alpha * scale;
            v[k + 1] -= alpha;
            double vv = 0;
            for (int i = k + 1; i < d; i++) {
                vv += v[i] * v[i];
            }
            // A22 ← H A22 H: p = (2/vᵀv) A22 v, w = p − (pᵀv/vᵀv) v, A22 −= v wᵀ + w vᵀ
            // two rows per pass: independent sums, each in the order of the one-row loop
            int pair = k + 1;
            for (; pair + 1 < d; pair += 2) {
                int i = pair;
                double[] ai = a[i];
                double[] an = a[i + 1];
                double s = 0;
                double t = 0;
                for (int j = k + 1; j < d; j++) {
                    s += ai[j] * v[j];
                    t += an[j] * v[j];
                }
                w[i] = 2 * s / vv;
                w[i + 1] = 2 * t / vv;
            }
            for (int i = pair; i < d; i++) {
                double[] ai = a[i];
                double s = 0;
                for (int j = k + 1; j < d; j++) {
                    s += ai[j] * v[j];
                }
                w[i] = 2 * s / vv;
            }
            double pv = 0;
            for (int i = k + 1; i < d; i++) {
                pv += w[i] * v[i];
            }
            double c = pv / vv;
            for (int i = k + 1; i < d; i++) {
                w[i] -= c * v[i];
            }
            for (int i = k + 1; i < d; i++) {
                double[] ai = a[i];
                double vi = v[i];
                double wi = w[i];
                for (int j = k + 1; j < d; j++) {
                    ai[j] -= vi * w[j] + wi * v[j];
                }
            }
        }
        if (d >= 2) {
            diag[d - 2] = a[d - 2][d - 2];
            off[d - 2] = a[d - 1][d - 2];
        }
        diag[d - 1] = a[d - 1][d - 1];
    }
}
