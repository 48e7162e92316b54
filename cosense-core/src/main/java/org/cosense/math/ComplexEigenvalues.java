package org.cosense.math;

import org.cosense.InvalidInputException;
import org.ejml.data.ZMatrixRMaj;

/**
 * Eigenvalues of a general (non-Hermitian) complex square matrix: Householder reduction to upper
 * Hessenberg form, then the shifted QR algorithm on the Hessenberg matrix (Givens rotations,
 * Wilkinson shift from the trailing 2×2 block, deflation on negligible subdiagonal entries,
 * an exceptional shift after 10 steps without deflation), as LAPACK's zhseqr does for small n.
 *
 * <p>EJML 0.43.1 has no complex general eigen-solver; ESPRIT's rotation operator and the companion
 * matrix of {@link PolynomialRoots} need one. Eigenvalues only (no vectors): the QR steps act on
 * the active window of the Hessenberg matrix alone, which leaves its eigenvalues unchanged.
 */
public final class ComplexEigenvalues {
    private static final double EPS = 2.220446049250313e-16;
    private static final int MAX_STEPS_PER_EIGENVALUE = 60;

    private ComplexEigenvalues() {
    }

    /** Eigenvalues of a (interleaved re, im pairs, length 2n), unordered. */
    public static Complex[] of(ZMatrixRMaj a) {
        InvalidInputException.require(a.numRows == a.numCols, "matrix shape", a.numRows + "x" + a.numCols, "must be square");
        int n = a.numRows;
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                re[i * n + j] = a.getReal(i, j);
                im[i * n + j] = a.getImag(i, j);
            }
        }
        hessenberg(re, im, n);
        return hessenbergEigenvalues(re, im, n);
    }

    /**
     * Eigenvalues of an upper Hessenberg matrix given row-major in (re, im); the arrays are
     * overwritten. Entries below the subdiagonal are ignored.
     */
    public static Complex[] hessenbergEigenvalues(double[] re, double[] im, int n) {
        for (int v : new int[] {re.length, im.length}) {
            InvalidInputException.require(v == n * n, "matrix entries", v, "must be n^2 = " + n * n);
        }
        for (int i = 0; i < n * n; i++) {
            if (!(Double.isFinite(re[i]) && Double.isFinite(im[i]))) {
                // the message is built only for a bad entry: formatting n² doubles on every call costs more than the QR steps of small n
                InvalidInputException.require(false, "matrix entry", i, re[i] + "+j" + im[i], "must be finite");
            }
        }
        Complex[] out = new Complex[n];
        double[] cr = new double[Math.max(n, 1)];
        double[] ci = new double[Math.max(n, 1)];
        double[] sr = new double[Math.max(n, 1)];
        double[] si = new double[Math.max(n, 1)];
        int hi = n - 1;
        int sinceDeflation = 0;
        int totalSteps = 0;
        while (hi >= 0) {
            // Find lo: the start of the unreduced block ending at hi.
            int lo = hi;
            while (lo > 0) {
                // |re| + |im| as LAPACK's cabs1: cheaper than the modulus and as good for a negligibility test.
                double sub = Math.abs(re[lo * n + lo - 1]) + Math.abs(im[lo * n + lo - 1]);
                double diag = Math.abs(re[lo * n + lo]) + Math.abs(im[lo * n + lo]) + Math.abs(re[(lo - 1) * n + lo - 1])
                        + Math.abs(im[(lo - 1) * n + lo - 1]);
                if (sub <= EPS * diag || sub < Double.MIN_NORMAL) {
                    re[lo * n + lo - 1] = 0;
                    im[lo * n + lo - 1] = 0;
                    break;
                }
                lo--;
            }
            if (lo == hi) {
                out[hi] = new Complex(re[hi * n + hi], im[hi * n + hi]);
                hi--;
                sinceDeflation = 0;
                continue;
            }
            if (++totalSteps > MAX_STEPS_PER_EIGENVALUE * n) {
                throw new ArithmeticException("complex QR algorithm did not converge in " + totalSteps + " steps");
            }
            // Wilkinson shift: the eigenvalue of the trailing 2x2 block closer to h[hi][hi].
            double ar = re[(hi - 1) * n + hi - 1];
            double ai = im[(hi - 1) * n + hi - 1];
            double br = re[(hi - 1) * n + hi];
            double bi = im[(hi - 1) * n + hi];
            double c2r = re[hi * n + hi - 1];
            double c2i = im[hi * n + hi - 1];
            double dr = re[hi * n + hi];
            double di = im[hi * n + hi];
            double mur;
            double mui;
            sinceDeflation++;
            if (sinceDeflation % 11 == 10) {
                // Exceptional shift breaks cycles of the standard one.
                double s = Math.hypot(c2r, c2i) + Math.hypot(re[(hi - 1) * n + Math.max(hi - 2, 0)], im[(hi - 1) * n + Math.max(hi - 2, 0)]);
                mur = dr + 0.75 * s;
                mui = di + 0.4375 * s;
            } else {
                // Eigenvalues of [[a, b], [c, d]]: m ± sqrt(q), m = (a + d)/2, q = ((a - d)/2)^2 + b c.
                double hr = (ar - dr) / 2;
                double hiI = (ai - di) / 2;
                double qr = hr * hr - hiI * hiI + (br * c2r - bi * c2i);
                double qi = 2 * hr * hiI + (br * c2i + bi * c2r);
                double mod = Math.hypot(qr, qi);
                double sqr = Math.sqrt(Math.max((mod + qr) / 2, 0));
                double sqi = Math.copySign(Math.sqrt(Math.max((mod - qr) / 2, 0)), qi);
                double mr = (ar + dr) / 2;
                double mi = (ai + di) / 2;
                double e1r = mr + sqr;
                double e1i = mi + sqi;
                double e2r = mr - sqr;
                double e2i = mi - sqi;
                if (Math.hypot(e1r - dr, e1i - di) <= Math.hypot(e2r - dr, e2i - di)) {
                    mur = e1r;
                    mui = e1i;
                } else {
                    mur = e2r;
                    mui = e2i;
                }
            }
            qrStep(re, im, n, lo, hi, mur, mui, cr, ci, sr, si);
        }
        return out;
    }

    /**
     * One explicit shifted QR step on the window [lo, hi]: H − μI = QR by Givens rotations
     * G_k = [[c, s], [−conj(s), conj(c)]]... with real c, then H ← RQ + μI.
     */
    private static void qrStep(double[] re, double[] im, int n, int lo, int hi, double mur, double mui, double[] cr, double[] ci, double[] sr,
            double[] si) {
        for (int k = lo; k <= hi; k++) {
            re[k * n + k] -= mur;
            im[k * n + k] -= mui;
        }
        // Left rotations: zero the subdiagonal.
        for (int k = lo; k < hi; k++) {
            double xr = re[k * n + k];
            double xi = im[k * n + k];
            double yr = re[(k + 1) * n + k];
            double yi = im[(k + 1) * n + k];
            double nx = Math.sqrt(xr * xr + xi * xi);
            double norm = Math.sqrt(xr * xr + xi * xi + yr * yr + yi * yi);
            double c;
            double s1r;
            double s1i;
            if (norm == 0) {
                c = 1;
                s1r = 0;
                s1i = 0;
            } else if (nx == 0) {
                c = 0;
                // s = conj(y)/|y| up to the phase of x = 0: G [0; y] = [|y|; 0].
                double ny = Math.sqrt(yr * yr + yi * yi);
                s1r = yr / ny;
                s1i = -yi / ny;
            } else {
                c = nx / norm;
                // s = (x/|x|) conj(y) / norm, so that G [x; y] = [(x/|x|) norm; 0].
                double pr = xr / nx;
                double pi = xi / nx;
                s1r = (pr * yr + pi * yi) / norm;
                s1i = (pi * yr - pr * yi) / norm;
            }
            cr[k] = c;
            sr[k] = s1r;
            si[k] = s1i;
            // Rows k, k+1: [r_k; r_k1] <- [[c, s], [-conj(s), c]] [r_k; r_k1].
            for (int j = k; j <= hi; j++) {
                double ar = re[k * n + j];
                double ai = im[k * n + j];
                double br = re[(k + 1) * n + j];
                double bi = im[(k + 1) * n + j];
                re[k * n + j] = c * ar + (s1r * br - s1i * bi);
                im[k * n + j] = c * ai + (s1r * bi + s1i * br);
                re[(k + 1) * n + j] = -(s1r * ar + s1i * ai) + c * br;
                im[(k + 1) * n + j] = -(s1r * ai - s1i * ar) + c * bi;
            }
        }
        // Right multiplications by G_k^H: columns k, k+1.
        for (int k = lo; k < hi; k++) {
            double c = cr[k];
            double s1r = sr[k];
            double s1i = si[k];
            int top = Math.min(k + 2, hi);
            for (int i = lo; i <= top; i++) {
                double ar = re[i * n + k];
                double ai = im[i * n + k];
                double br = re[i * n + k + 1];
                double bi = im[i * n + k + 1];
                // [a, b] G^H, G^H = [[c, -s], [conj(s), c]].
                re[i * n + k] = c * ar + (s1r * br + s1i * bi);
                im[i * n + k] = c * ai + (s1r * bi - s1i * br);
                re[i * n + k + 1] = -(s1r * ar - s1i * ai) + c * br;
                im[i * n + k + 1] = -(s1r * ai + s1i * ar) + c * bi;
            }
        }
        for (int k = lo; k <= hi; k++) {
            re[k * n + k] += mur;
            im[k * n + k] += mui;
        }
    }

    /** In-place Householder reduction to upper Hessenberg form (a similarity: eigenvalues kept). */
    static void hessenberg(double[] re, double[] im, int n) {
        double[] vr = new double[n];
        double[] vi = new double[n];
        for (int k = 0; k < n - 2; k++) {
            double alpha = 0;
            for (int i = k + 1; i < n; i++) {
                alpha += re[i * n + k] * re[i * n + k] + im[i * n + k] * im[i * n + k];
            }
            alpha = Math.sqrt(alpha);
            if (alpha == 0) {
                continue;
            }
            double xr = re[(k + 1) * n + k];
            double xi = im[(k + 1) * n + k];
            double nx = Math.hypot(xr, xi);
            double pr = nx == 0 ? 1 : xr / nx;
            double pi = nx == 0 ? 0 : xi / nx;
            // v = x + e^{j arg x1} ||x|| e_1; H = I - 2 v v^H / (v^H v).
            double vv = 0;
            for (int i = k + 1; i < n; i++) {
                vr[i] = re[i * n + k];
                vi[i] = im[i * n + k];
            }
            vr[k + 1] += pr * alpha;
            vi[k + 1] += pi * alpha;
            for (int i = k + 1; i < n; i++) {
                vv += vr[i] * vr[i] + vi[i] * vi[i];
            }
            double beta = 2 / vv;
            // Left: A <- A - beta v (v^H A), rows k+1..n-1, all columns k..n-1.
            for (int j = k; j < n; j++) {
                double sr = 0;
                double si = 0;
                for (int i = k + 1; i < n; i++) {
                    double ar = re[i * n + j];
                    double ai = im[i * n + j];
                    sr += vr[i] * ar + vi[i] * ai;
                    si += vr[i] * ai - vi[i] * ar;
                }
                sr *= beta;
                si *= beta;
                for (int i = k + 1; i < n; i++) {
                    re[i * n + j] -= vr[i] * sr - vi[i] * si;
                    im[i * n + j] -= vr[i] * si + vi[i] * sr;
                }
            }
            // Right: A <- A - beta (A v) v^H, all rows, columns k+1..n-1.
            for (int i = 0; i < n; i++) {
                double sr = 0;
                double si = 0;
                for (int j = k + 1; j < n; j++) {
                    double ar = re[i * n + j];
                    double ai = im[i * n + j];
                    sr += ar * vr[j] - ai * vi[j];
                    si += ar * vi[j] + ai * vr[j];
                }
                sr *= beta;
                si *= beta;
                for (int j = k + 1; j < n; j++) {
                    // (A v)_i conj(v_j)
                    re[i * n + j] -= sr * vr[j] + si * vi[j];
                    im[i * n + j] -= si * vr[j] - sr * vi[j];
                }
            }
            for (int i = k + 2; i < n; i++) {
                re[i * n + k] = 0;
                im[i * n + k] = 0;
            }
        }
    }
}
