package org.cosense.estimation.doa;

import org.cosense.InvalidInputException;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.HermitianEigen;
import org.ejml.data.ZMatrixRMaj;

/**
 * The K-dimensional signal subspace (orthonormal columns, N × K) of snapshots or of a covariance.
 *
 * <p>From snapshots Y (N × T) the subspace is spanned by the K dominant left singular vectors of Y.
 * When T < N these come from the small T × T Gram matrix Y^H Y (U = Y V S^{-1}), which is what makes
 * MUSIC cheap for short probing sequences (DESIGN: thin SVD instead of an N × N eigendecomposition).
 */
public final class SignalSubspace {
    private SignalSubspace() {
    }

    public static ZMatrixRMaj ofSnapshots(ZMatrixRMaj y, int k) {
        int n = y.numRows;
        int t = y.numCols;
        InvalidInputException.require(k >= 1 && k <= Math.min(n, t), "number of sources K", k,
                "must be between 1 and min(N, T) = " + Math.min(n, t));
        if (t >= n) {
            return ofCovariance(gram(y, false), k);
        }
        ZMatrixRMaj v = top(gram(y, true), k);
        // U = Y V, then normalize each column (its norm is the singular value)
        ZMatrixRMaj u = new ZMatrixRMaj(n, k);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < k; c++) {
                double re = 0;
                double im = 0;
                for (int s = 0; s < t; s++) {
                    int p = (r * t + s) * 2;
                    double ar = y.data[p];
                    double ai = y.data[p + 1];
                    double br = v.getReal(s, c);
                    double bi = v.getImag(s, c);
                    re += ar * br - ai * bi;
                    im += ar * bi + ai * br;
                }
                u.set(r, c, re, im);
            }
        }
        for (int c = 0; c < k; c++) {
            double nn = 0;
            for (int r = 0; r < n; r++) {
                double re = u.getReal(r, c);
                double im = u.getImag(r, c);
                nn += re * re + im * im;
            }
            double s = nn > 0 ? 1 / Math.sqrt(nn) : 0;
            for (int r = 0; r < n; r++) {
                u.set(r, c, u.getReal(r, c) * s, u.getImag(r, c) * s);
            }
        }
        return u;
    }

    /** K dominant eigenvectors of a Hermitian covariance (N × N). */
    public static ZMatrixRMaj ofCovariance(ZMatrixRMaj r, int k) {
        InvalidInputException.require(r.numRows == r.numCols, "covariance shape", r.numRows + "x" + r.numCols, "must be square");
        InvalidInputException.require(k >= 1 && k <= r.numRows, "number of sources K", k, "must be between 1 and N = " + r.numRows);
        return top(r, k);
    }

    /** The k eigenvectors of largest eigenvalue, largest first. */
    private static ZMatrixRMaj top(ZMatrixRMaj h, int k) {
        return HermitianEigen.decompose(h).dominantVectors(k);
    }

    /** Y^H Y (T × T) if {@code small}, else Y Y^H (N × N). */
    static ZMatrixRMaj gram(ZMatrixRMaj y, boolean small) {
        int n = y.numRows;
        int t = y.numCols;
        if (small) {
            ZMatrixRMaj g = new ZMatrixRMaj(t, t);
            for (int r = 0; r < n; r++) {
                int base = r * t * 2;
                for (int i = 0; i < t; i++) {
                    double ar = y.data[base + 2 * i];
                    double ai = -y.data[base + 2 * i + 1];
                    for (int j = i; j < t; j++) {
                        double br = y.data[base + 2 * j];
                        double bi = y.data[base + 2 * j + 1];
                        int p = (i * t + j) * 2;
                        g.data[p] += ar * br - ai * bi;
                        g.data[p + 1] += ar * bi + ai * br;
                    }
                }
            }
            for (int i = 0; i < t; i++) {
                g.data[(i * t + i) * 2 + 1] = 0;
                for (int j = 0; j < i; j++) {
                    int p = (j * t + i) * 2;
                    int q = (i * t + j) * 2;
                    g.data[q] = g.data[p];
                    g.data[q + 1] = -g.data[p + 1];
                }
            }
            return g;
        }
        return ComplexLinalg.multTransB(y, y);
    }
}
