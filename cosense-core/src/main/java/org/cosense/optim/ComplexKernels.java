package org.cosense.optim;

import org.cosense.math.HermitianTridiagonalization;
import org.cosense.math.SymmetricTridiagonal;

/**
 * Kernels on small dense complex n×n matrices for {@link HermitianBlock}: a matrix is a pair of row arrays
 * {@code re[i][j]}, {@code im[i][j]} (separate row arrays, so that the row axpys vectorize, as in {@link DenseKernels}).
 * Counted in real multiply-adds, a complex n×n product costs 4n³, half the (2n)³ of the same product on the real
 * 2n×2n embedding; the factorizations and the tridiagonalization likewise cost half of their real-embedding versions.
 */
final class ComplexKernels {
    private ComplexKernels() {
    }

    /** A complex n×n matrix as two row-array matrices. */
    static final class CMat {
        final int n;
        final double[][] re;
        final double[][] im;

        CMat(int n) {
            this.n = n;
            re = new double[n][n];
            im = new double[n][n];
        }

        void clear() {
            for (int i = 0; i < n; i++) {
                java.util.Arrays.fill(re[i], 0);
                java.util.Arrays.fill(im[i], 0);
            }
        }

        void copyFrom(CMat o) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(o.re[i], 0, re[i], 0, n);
                System.arraycopy(o.im[i], 0, im[i], 0, n);
            }
        }
    }

    // ------------------------------------------------------------------ the real embedding [[Re, −Im], [Im, Re]]

    /**
     * The complex M of a real 2n×2n embedding E = [[Re M, −Im M], [Im M, Re M]] (row-major), read as the average of the
     * two copies of each part: exact when E has the structure, the nearest such matrix otherwise.
     */
    static void fromEmbedding(double[] e, int n, CMat out) {
        int d = 2 * n;
        for (int i = 0; i < n; i++) {
            double[] r = out.re[i];
            double[] m = out.im[i];
            int top = i * d;
            int bottom = (n + i) * d;
            for (int j = 0; j < n; j++) {
                r[j] = 0.5 * (e[top + j] + e[bottom + n + j]);
                m[j] = 0.5 * (e[bottom + j] - e[top + n + j]);
            }
        }
    }

    /** The real 2n×2n embedding of M into {@code out} (row-major). */
    static void toEmbedding(CMat m, double[] out) {
        int n = m.n;
        int d = 2 * n;
        for (int i = 0; i < n; i++) {
            double[] r = m.re[i];
            double[] q = m.im[i];
            int top = i * d;
            int bottom = (n + i) * d;
            for (int j = 0; j < n; j++) {
                out[top + j] = r[j];
                out[top + n + j] = -q[j];
                out[bottom + j] = q[j];
                out[bottom + n + j] = r[j];
            }
        }
    }

    // ------------------------------------------------------------------ factorizations

    /**
     * In place A = L Lᴴ (L lower with a real positive diagonal, the upper part zeroed); false if A is not positive
     * definite. Only the lower triangle of A is read.
     */
    static boolean cholesky(CMat a) {
        int n = a.n;
        double[][] re = a.re;
        double[][] im = a.im;
        for (int j = 0; j < n; j++) {
            double[] rj = re[j];
            double[] ij = im[j];
            double diag = rj[j];
            for (int k = 0; k < j; k++) {
                diag -= rj[k] * rj[k] + ij[k] * ij[k];
            }
            if (!(diag > 0)) {
                return false;
            }
            double ljj = Math.sqrt(diag);
            rj[j] = ljj;
            ij[j] = 0;
            double inv = 1 / ljj;
            // L_ij = (A_ij − Σ_k L_ik conj(L_jk)) / L_jj, two rows per pass (independent sums, each in the one-row order)
            int i = j + 1;
            for (; i + 1 < n; i += 2) {
                double[] ri = re[i];
                double[] ii = im[i];
                double[] rn = re[i + 1];
                double[] in = im[i + 1];
                double vr = ri[j];
                double vi = ii[j];
                double wr = rn[j];
                double wi = in[j];
                for (int k = 0; k < j; k++) {
                    double pr = rj[k];
                    double pi = ij[k];
                    vr -= ri[k] * pr + ii[k] * pi;
                    vi -= ii[k] * pr - ri[k] * pi;
                    wr -= rn[k] * pr + in[k] * pi;
                    wi -= in[k] * pr - rn[k] * pi;
                }
                ri[j] = vr * inv;
                ii[j] = vi * inv;
                rn[j] = wr * inv;
                in[j] = wi * inv;
            }
            for (; i < n; i++) {
                double[] ri = re[i];
                double[] ii = im[i];
                double vr = ri[j];
                double vi = ii[j];
                for (int k = 0; k < j; k++) {
                    vr -= ri[k] * rj[k] + ii[k] * ij[k];
                    vi -= ii[k] * rj[k] - ri[k] * ij[k];
                }
                ri[j] = vr * inv;
                ii[j] = vi * inv;
            }
            for (int c = j + 1; c < n; c++) {
                rj[c] = 0;
                ij[c] = 0;
            }
        }
        return true;
    }

    /** L⁻¹ of a lower triangular L (lower triangular) into {@code out}, by rows: row i = (e_iᵀ − Σ_{k<i} L_ik row k) / L_ii. */
    static void lowerInverse(CMat l, CMat out) {
        int n = l.n;
        out.clear();
        for (int i = 0; i < n; i++) {
            double[] or = out.re[i];
            double[] oi = out.im[i];
            double[] lr = l.re[i];
            double[] li = l.im[i];
            for (int k = 0; k < i; k++) {
                double a = lr[k];
                double b = li[k];
                // row i −= L_ik · row k (row k of L⁻¹ is zero beyond column k)
                addScaled(-a, -b, out.re[k], out.im[k], or, oi, k + 1);
            }
            or[i] += 1;
            double inv = 1 / lr[i];   // the diagonal of a Cholesky factor is real
            for (int c = 0; c <= i; c++) {
                or[c] *= inv;
                oi[c] *= inv;
            }
        }
    }

    /** Lᴴ L for a lower triangular L (Hermitian) into {@code out}: (S⁻¹ = L⁻ᴴ L⁻¹ from L⁻¹). */
    static void gramOfLower(CMat l, CMat out) {
        int n = l.n;
        out.clear();
        // Lᴴ L = Σ_k conj(row k)ᵀ row k: row i of the sum gains conj(L_ki) · row k, for k ≥ i
        for (int k = 0; k < n; k++) {
            double[] rk = l.re[k];
            double[] ik = l.im[k];
            for (int i = 0; i <= k; i++) {
                double a = rk[i];
                double b = -ik[i];
                if (a == 0 && b == 0) {
                    continue;
                }
                addScaled(a, b, rk, ik, out.re[i], out.im[i], k + 1);
            }
        }
        hermitianPart(out);
    }

    // ------------------------------------------------------------------ products

    /** C = A B (C must not be A or B). */
    static void mult(CMat a, CMat b, CMat c) {
        rowProducts(a, b, c, false);
    }

    /** C = L B for a lower triangular L (C must not be B). */
    static void lowerTimes(CMat l, CMat b, CMat c) {
        rowProducts(l, b, c, true);
    }

    /** Row i of C = Σ_k A_ik · row k of B, over k ≤ i when A is lower triangular; zero entries of A skipped. */
    private static void rowProducts(CMat a, CMat b, CMat c, boolean lower) {
        int n = a.n;
        c.clear();
        for (int i = 0; i < n; i++) {
            double[] cr = c.re[i];
            double[] ci = c.im[i];
            double[] ar = a.re[i];
            double[] ai = a.im[i];
            int end = lower ? i + 1 : n;
            for (int k = 0; k < end; k++) {
                double x = ar[k];
                double y = ai[k];
                if (x != 0 || y != 0) {
                    addScaled(x, y, b.re[k], b.im[k], cr, ci, n);
                }
            }
        }
    }

    /**
     * c += (x + iy) v on the first {@code len} entries of the split rows: c_re += x v_re − y v_im, c_im += x v_im + y v_re,
     * each sum taken in this order (the rounding of two real row axpys per part, in one pass over the rows).
     */
    static void addScaled(double x, double y, double[] vr, double[] vi, double[] cr, double[] ci, int len) {
        for (int r = 0; r < len; r++) {
            cr[r] = cr[r] + x * vr[r] - y * vi[r];
            ci[r] = ci[r] + x * vi[r] + y * vr[r];
        }
    }

    /**
     * c += v (x + iy), the scalar on the right: c_re += v_re x − v_im y, c_im += v_re y + v_im x, each sum taken in this
     * order (so a product formed with the roles of row and scalar exchanged rounds as the row-axpy form did).
     */
    static void addTimesScalar(double[] vr, double[] vi, double x, double y, double[] cr, double[] ci, int len) {
        for (int r = 0; r < len; r++) {
            cr[r] = cr[r] + vr[r] * x - vi[r] * y;
            ci[r] = ci[r] + vr[r] * y + vi[r] * x;
        }
    }

    /**
     * c += conj(v) (x + iy): c_re += (v_re x + v_im y), c_im += (v_re y − v_im x), each product pair summed before it is
     * added (the rounding of a dot product written term by term as Σ conj(v_l) s_l).
     */
    static void addConjugateTimesScalar(double[] vr, double[] vi, double x, double y, double[] cr, double[] ci, int len) {
        for (int r = 0; r < len; r++) {
            cr[r] += vr[r] * x + vi[r] * y;
            ci[r] += vr[r] * y - vi[r] * x;
        }
    }

    /** Bᴴ into {@code out}. */
    static void conjugateTranspose(CMat b, CMat out) {
        int n = b.n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out.re[j][i] = b.re[i][j];
                out.im[j][i] = -b.im[i][j];
            }
        }
    }

    /** A ← (A + Aᴴ)/2. */
    static void hermitianPart(CMat a) {
        int n = a.n;
        for (int i = 0; i < n; i++) {
            a.im[i][i] = 0;
            for (int j = i + 1; j < n; j++) {
                double r = 0.5 * (a.re[i][j] + a.re[j][i]);
                double m = 0.5 * (a.im[i][j] - a.im[j][i]);
                a.re[i][j] = r;
                a.re[j][i] = r;
                a.im[i][j] = m;
                a.im[j][i] = -m;
            }
        }
    }

    // ------------------------------------------------------------------ the smallest eigenvalue

    /**
     * The smallest eigenvalue of a Hermitian matrix (the argument is overwritten): the Householder reduction of
     * {@link HermitianTridiagonalization#reduce}, then Sturm-sequence bisection on the real tridiagonal
     * ({@link SymmetricTridiagonal#smallestEigenvalue}). −∞ if an entry is not finite.
     */
    static double minEigenvalueBisection(CMat a) {
        int n = a.n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(a.re[i][j]) || !Double.isFinite(a.im[i][j])) {
                    return Double.NEGATIVE_INFINITY;   // no step rather than a blind one
                }
            }
        }
        double[] diag = new double[n];
        double[] off = new double[n];
        HermitianTridiagonalization.reduce(a.re, a.im, diag, off);
        return SymmetricTridiagonal.smallestEigenvalue(diag, off, n);
    }
}
