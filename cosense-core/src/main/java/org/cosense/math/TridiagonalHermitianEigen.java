package org.cosense.math;

import org.cosense.InvalidInputException;
import org.ejml.data.ZMatrixRMaj;

/**
 * Eigendecomposition A = V diag(λ) V^H of a small Hermitian matrix on plain arrays, for the inner
 * loops that decompose thousands of small matrices (ADMM's PSD projection, the 1D DoA estimators):
 * Householder reduction to a Hermitian tridiagonal T = Q^H A Q (EISPACK htridi), a diagonal unitary
 * D that makes T real (T = D T_r D^H), then the implicit QL algorithm with Wilkinson shifts on T_r
 * (EISPACK tql2), its rotations applied to the columns of Q D. Eigenvalues ascending, as
 * {@link HermitianEigen}, which it agrees with to rounding; no EJML objects in between.
 */
public final class TridiagonalHermitianEigen {
    private final int n;
    private final double[] values;
    private final double[] z;   // interleaved n×n, column k = eigenvector k

    private TridiagonalHermitianEigen(int n, double[] values, double[] z) {
        this.n = n;
        this.values = values;
        this.z = z;
    }

    /** Decomposes the Hermitian part of a (not modified). */
    public static TridiagonalHermitianEigen decompose(ZMatrixRMaj a) {
        InvalidInputException.require(a.numRows == a.numCols, "a shape", a.numRows + "x" + a.numCols, "must be square");
        int n = a.numRows;
        double[] h = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int ij = 2 * (i * n + j);
                int ji = 2 * (j * n + i);
                h[ij] = 0.5 * (a.data[ij] + a.data[ji]);
                h[ij + 1] = 0.5 * (a.data[ij + 1] - a.data[ji + 1]);
            }
        }
        return decomposeInPlace(h, n);
    }

    /** Decomposes the Hermitian matrix h (interleaved n×n, row-major, Hermitian on entry), overwriting it. */
    public static TridiagonalHermitianEigen decomposeInPlace(double[] h, int n) {
        double largest = 0;
        for (int i = 0; i < 2 * n * n; i++) {
            if (!Double.isFinite(h[i])) {
                throw new ArithmeticException("non-finite matrix entry");
            }
            largest = Math.max(largest, Math.abs(h[i]));
        }
        // Work on A·2^-e with its largest entry in [1, 2): a power of two is exact, so the result is the
        // same wherever nothing under- or overflows, and a matrix that decays towards zero (an ADMM
        // iterate near X = 0, entries ~1e-162) does not square into subnormals, where the QL sweeps
        // would never meet their deflation test.
        int exponent = largest > 0 ? Math.getExponent(largest) : 0;
        if (exponent != 0) {
            for (int i = 0; i < 2 * n * n; i++) {
                h[i] = Math.scalb(h[i], -exponent);
            }
        }
        // The reduction of HermitianTridiagonalization and HermitianPsdProjection, but not shared with them: here on the
        // whole pre-scaled flat matrix, β = 2/vᴴv without a per-column scaling, Q accumulated; theirs divide each column
        // by its largest entry, or update only the lower triangle with β = 1/(α(α + |x₀|)). Any one of them in place of
        // another moves the eigenvectors by rounding, and with them the 1D estimators compared with their peers.
        // q = identity
        double[] q = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            q[2 * (i * n + i)] = 1;
        }
        double[] vr = new double[n];
        double[] vi = new double[n];
        double[] pr = new double[n];
        double[] pi = new double[n];
        for (int k = 0; k < n - 2; k++) {
            double alpha = 0;
            for (int i = k + 1; i < n; i++) {
                double xr = h[2 * (i * n + k)];
                double xi = h[2 * (i * n + k) + 1];
                alpha += xr * xr + xi * xi;
            }
            alpha = Math.sqrt(alpha);
            if (alpha == 0) {
                continue;
            }
            double x0r = h[2 * ((k + 1) * n + k)];
            double x0i = h[2 * ((k + 1) * n + k) + 1];
            double ax = Math.sqrt(x0r * x0r + x0i * x0i);
            double phr = ax == 0 ? 1 : x0r / ax;
            double phi = ax == 0 ? 0 : x0i / ax;
            for (int i = 0; i <= k; i++) {
                vr[i] = 0;
                vi[i] = 0;
            }
            for (int i = k + 1; i < n; i++) {
                vr[i] = h[2 * (i * n + k)];
                vi[i] = h[2 * (i * n + k) + 1];
            }
            vr[k + 1] += phr * alpha;
            vi[k + 1] += phi * alpha;
            double vv = 0;
            for (int i = k + 1; i < n; i++) {
                vv += vr[i] * vr[i] + vi[i] * vi[i];
            }
            double beta = 2 / vv;
            // p = β A v over all rows (column k included, so the k-th row/col update is exact too).
            for (int i = k; i < n; i++) {
                double sr = 0;
                double si = 0;
                for (int j = k + 1; j < n; j++) {
                    double ar = h[2 * (i * n + j)];
                    double ai = h[2 * (i * n + j) + 1];
                    sr += ar * vr[j] - ai * vi[j];
                    si += ar * vi[j] + ai * vr[j];
                }
                pr[i] = beta * sr;
                pi[i] = beta * si;
            }
            // K = (β/2) v^H p (real for Hermitian A); w = p − K v.
            double kr = 0;
            for (int i = k + 1; i < n; i++) {
                kr += vr[i] * pr[i] + vi[i] * pi[i];
            }
            kr *= beta / 2;
            for (int i = k; i < n; i++) {
                pr[i] -= kr * vr[i];
                pi[i] -= kr * vi[i];
            }
            // A ← A − v w^H − w v^H on rows/cols k..n−1.
            for (int i = k; i < n; i++) {
                for (int j = k; j < n; j++) {
                    int idx = 2 * (i * n + j);
                    // v_i conj(w_j) + w_i conj(v_j)
                    double re = vr[i] * pr[j] + vi[i] * pi[j] + pr[i] * vr[j] + pi[i] * vi[j];
                    double im = vi[i] * pr[j] - vr[i] * pi[j] + pi[i] * vr[j] - pr[i] * vi[j];
                    h[idx] -= re;
                    h[idx + 1] -= im;
                }
            }
            // Q ← Q H = Q − β (Q v) v^H.
            for (int i = 0; i < n; i++) {
                double sr = 0;
                double si = 0;
                for (int j = k + 1; j < n; j++) {
                    double ar = q[2 * (i * n + j)];
                    double ai = q[2 * (i * n + j) + 1];
                    sr += ar * vr[j] - ai * vi[j];
                    si += ar * vi[j] + ai * vr[j];
                }
                sr *= beta;
                si *= beta;
                for (int j = k + 1; j < n; j++) {
                    q[2 * (i * n + j)] -= sr * vr[j] + si * vi[j];
                    q[2 * (i * n + j) + 1] -= si * vr[j] - sr * vi[j];
                }
            }
        }
        // Tridiagonal: d_k = T_kk (real), t_k = T_{k+1,k}; phases make the subdiagonal real.
        double[] d = new double[n];
        double[] e = new double[n];
        double dr = 1;
        double di = 0;
        double[] z = q;
        for (int k = 0; k < n; k++) {
            d[k] = h[2 * (k * n + k)];
            if (k > 0) {
                // scale column k of Q by the running phase
                for (int i = 0; i < n; i++) {
                    double a = z[2 * (i * n + k)];
                    double b = z[2 * (i * n + k) + 1];
                    z[2 * (i * n + k)] = a * dr - b * di;
                    z[2 * (i * n + k) + 1] = a * di + b * dr;
                }
            }
            if (k + 1 < n) {
                double er = h[2 * ((k + 1) * n + k)];
                double ei = h[2 * ((k + 1) * n + k) + 1];
                double mag = Math.sqrt(er * er + ei * ei);
                e[k] = mag;
                if (mag > 0) {
                    double ur = er / mag;
                    double ui = ei / mag;
                    double nr = dr * ur - di * ui;
                    double ni = dr * ui + di * ur;
                    dr = nr;
                    di = ni;
                }
            }
        }
        tql2(d, e, z, n);
        if (exponent != 0) {
            for (int i = 0; i < n; i++) {
                d[i] = Math.scalb(d[i], exponent);
            }
        }
        // Sort ascending.
        for (int i = 0; i < n - 1; i++) {
            int kmin = i;
            for (int j = i + 1; j < n; j++) {
                if (d[j] < d[kmin]) {
                    kmin = j;
                }
            }
            if (kmin != i) {
                double t = d[i];
                d[i] = d[kmin];
                d[kmin] = t;
                for (int r = 0; r < n; r++) {
                    int a = 2 * (r * n + i);
                    int b = 2 * (r * n + kmin);
                    double t0 = z[a];
                    double t1 = z[a + 1];
                    z[a] = z[b];
                    z[a + 1] = z[b + 1];
                    z[b] = t0;
                    z[b + 1] = t1;
                }
            }
        }
        return new TridiagonalHermitianEigen(n, d, z);
    }

    /**
     * Implicit QL with Wilkinson shifts on the real symmetric tridiagonal (d, e; e_k between k and k+1), rotations applied
     * to z's columns. HermitianPsdProjection has its own QL loop, kept apart because the two differ where the results
     * depend on it: this one deflates when |e_m| ≤ ε(|d_m| + |d_{m+1}|) (the neighbouring diagonal) and
     * forms the rotation as f/r, g/r; that one deflates against ε‖T‖ and forms it as f·(1/r), g·(1/r), and logs the
     * rotations instead of applying them. One loop for both would change the eigenvectors of one of them by rounding.
     */
    private static void tql2(double[] d, double[] e, double[] z, int n) {
        final double eps = 2.220446049250313e-16;
        for (int l = 0; l < n; l++) {
            int iter = 0;
            while (true) {
                int m = l;
                while (m < n - 1) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= eps * dd) {
                        break;
                    }
                    m++;
                }
                if (m == l) {
                    break;
                }
                if (++iter > 60) {
                    throw new ArithmeticException("tridiagonal QL did not converge");
                }
                double g = (d[l + 1] - d[l]) / (2 * e[l]);
                double r = Math.sqrt(g * g + 1);
                g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                double s = 1;
                double c = 1;
                double p = 0;
                boolean underflow = false;
                for (int i = m - 1; i >= l; i--) {
                    double f = s * e[i];
                    double b = c * e[i];
                    r = Math.sqrt(f * f + g * g);
                    e[i + 1] = r;
                    if (r == 0) {
                        d[i + 1] -= p;
                        e[m] = 0;
                        underflow = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                    for (int k = 0; k < n; k++) {
                        int a0 = 2 * (k * n + i);
                        int a1 = 2 * (k * n + i + 1);
                        double fr = z[a1];
                        double fi = z[a1 + 1];
                        z[a1] = s * z[a0] + c * fr;
                        z[a1 + 1] = s * z[a0 + 1] + c * fi;
                        z[a0] = c * z[a0] - s * fr;
                        z[a0 + 1] = c * z[a0 + 1] - s * fi;
                    }
                }
                if (underflow) {
                    continue;
                }
                d[l] -= p;
                e[l] = g;
                e[m] = 0;
            }
        }
    }

    public int size() {
        return n;
    }

    /** Eigenvalues ascending (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** Eigenvectors, interleaved n×n row-major, column k for values()[k] (the internal array: do not modify). */
    double[] vectorData() {
        return z;
    }

    /** Columns from (inclusive) to (exclusive) of V. */
    public ZMatrixRMaj vectors(int from, int to) {
        ZMatrixRMaj out = new ZMatrixRMaj(n, to - from);
        for (int i = 0; i < n; i++) {
            for (int c = from; c < to; c++) {
                out.set(i, c - from, z[2 * (i * n + c)], z[2 * (i * n + c) + 1]);
            }
        }
        return out;
    }

    /** The k eigenvectors of largest eigenvalue, largest first. */
    public ZMatrixRMaj dominantVectors(int k) {
        ZMatrixRMaj out = new ZMatrixRMaj(n, k);
        for (int c = 0; c < k; c++) {
            int src = n - 1 - c;
            for (int i = 0; i < n; i++) {
                out.set(i, c, z[2 * (i * n + src)], z[2 * (i * n + src) + 1]);
            }
        }
        return out;
    }
}
