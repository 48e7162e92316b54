package org.cosense.optim;

import org.cosense.optim.LmiProblem.Sparse;
import org.ejml.data.DMatrixRMaj;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Kernels on the (small) dense cone blocks of the interior-point method: d×d row-major arrays
 * for S_k, Y_k and their factors, and the sparse coefficient matrices F_ki acting on them.
 *
 * <p>Loops that the JIT should vectorize are written as axpys over separate row arrays: with
 * offsets into one flat array it cannot rule out aliasing.
 */
final class DenseKernels {
    private DenseKernels() {
    }

    // ------------------------------------------------------------------ factorizations

    /** In-place lower Cholesky (upper part zeroed); false if not positive definite. */
    static boolean cholesky(double[] a, int d) {
        for (int j = 0; j < d; j++) {
            double diag = a[j * d + j];
            for (int k = 0; k < j; k++) {
                diag -= a[j * d + k] * a[j * d + k];
            }
            if (!(diag > 0)) {
                return false;
            }
            double ljj = Math.sqrt(diag);
            a[j * d + j] = ljj;
            for (int i = j + 1; i < d; i++) {
                double v = a[i * d + j];
                for (int k = 0; k < j; k++) {
                    v -= a[i * d + k] * a[j * d + k];
                }
                a[i * d + j] = v / ljj;
            }
            for (int i = 0; i < j; i++) {
                a[i * d + j] = 0;
            }
        }
        return true;
    }

    /** (L Lᵀ)⁻¹ into out. */
    static void inverseFromCholesky(double[] l, int d, double[] out) {
        // Linv = L⁻¹ (lower), then out = Linvᵀ Linv
        double[] li = new double[d * d];
        for (int j = 0; j < d; j++) {
            li[j * d + j] = 1 / l[j * d + j];
            for (int i = j + 1; i < d; i++) {
                double v = 0;
                for (int k = j; k < i; k++) {
                    v -= l[i * d + k] * li[k * d + j];
                }
                li[i * d + j] = v / l[i * d + i];
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double v = 0;
                for (int k = j; k < d; k++) {
                    v += li[k * d + i] * li[k * d + j];
                }
                out[i * d + j] = v;
                out[j * d + i] = v;
            }
        }
    }

    /**
     * L⁻¹ Δ L⁻ᵀ (symmetric). Both triangular solves run along rows: T = L⁻¹ Δ row by row
     * (row i of T = (row i of Δ − Σ_{k<i} L_ik · row k of T) / L_ii, an axpy over contiguous rows), then
     * B = T L⁻ᵀ, whose row r solves L bᵣ = tᵣ with contiguous reads. Every entry sees the same operations in
     * the same order as the column-by-column solve, so the result is bit-identical to it.
     */
    static double[] congruenceInverse(double[] l, double[] delta, int d) {
        double[][] t = new double[d][];
        for (int i = 0; i < d; i++) {
            double[] ti = java.util.Arrays.copyOfRange(delta, i * d, i * d + d);
            for (int k = 0; k < i; k++) {
                double lik = l[i * d + k];
                double[] tk = t[k];
                for (int c = 0; c < d; c++) {
                    ti[c] -= lik * tk[c];
                }
            }
            double lii = l[i * d + i];
            for (int c = 0; c < d; c++) {
                ti[c] /= lii;
            }
            t[i] = ti;
        }
        // rows: solve L Bᵀ = Tᵀ, i.e. B = T L⁻ᵀ
        double[] b = new double[d * d];
        for (int r = 0; r < d; r++) {
            double[] tr = t[r];
            for (int i = 0; i < d; i++) {
                double v = tr[i];
                for (int k = 0; k < i; k++) {
                    v -= l[i * d + k] * b[r * d + k];
                }
                b[r * d + i] = v / l[i * d + i];
            }
        }
        symmetrize(b, d);
        return b;
    }

    /**
     * L⁻¹ Δ L⁻ᵀ (symmetric) with both triangular solves as row axpys: T = L⁻¹ Δ as in {@link #congruenceInverse}, then,
     * Δ being symmetric, Tᵀ = Δ L⁻ᵀ and L⁻¹ Tᵀ = L⁻¹ Δ L⁻ᵀ by the same row-wise forward substitution. The second solve
     * adds in another order than {@link #congruenceInverse}, so the two agree to rounding, not bit for bit.
     */
    static double[] congruenceInverseByRows(double[] l, double[] delta, int d) {
        double[][] t = forwardRows(l, delta, d);
        double[] tt = new double[d * d];
        for (int i = 0; i < d; i++) {
            double[] ti = t[i];
            for (int c = 0; c < d; c++) {
                tt[c * d + i] = ti[c];
            }
        }
        double[][] b = forwardRows(l, tt, d);
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(b[i], 0, out, i * d, d);
        }
        symmetrize(out, d);
        return out;
    }

    /** L⁻¹ M by rows: row i = (row i of M − Σ_{k<i} L_ik · row k of the result) / L_ii. */
    private static double[][] forwardRows(double[] l, double[] m, int d) {
        double[][] t = new double[d][];
        for (int i = 0; i < d; i++) {
            double[] ti = java.util.Arrays.copyOfRange(m, i * d, i * d + d);
            for (int k = 0; k < i; k++) {
                double lik = l[i * d + k];
                if (lik != 0) {
                    axpy(-lik, t[k], ti, d);
                }
            }
            double lii = l[i * d + i];
            for (int c = 0; c < d; c++) {
                ti[c] /= lii;
            }
            t[i] = ti;
        }
        return t;
    }

    /**
     * The smallest eigenvalue of a symmetric d×d block (row-major; the array is not changed): Householder reduction to a
     * tridiagonal T = Qᵀ A Q without accumulating Q (Golub and Van Loan, Alg. 8.3.1), then bisection on the Sturm
     * sequence count of T's eigenvalues below x (Alg. 8.4.2), from the Gershgorin interval down to adjacent doubles.
     * −∞ if the block has a non-finite entry.
     */
    static double minEigenvalueBisection(double[] sym, int d) {
        double[][] a = new double[d][];
        for (int i = 0; i < d; i++) {
            a[i] = java.util.Arrays.copyOfRange(sym, i * d, i * d + d);
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(a[i][j])) {
                    return Double.NEGATIVE_INFINITY;   // no step rather than a blind one
                }
            }
        }
        double[] diag = new double[d];
        double[] off = new double[d];   // off[k] = T[k+1, k]
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
            // A22 ← H A22 H with H = I − 2 v vᵀ/(vᵀv): p = (2/vᵀv) A22 v, w = p − (pᵀv/vᵀv) v, A22 −= v wᵀ + w vᵀ
            double pv = 0;
            for (int i = k + 1; i < d; i++) {
                double[] ai = a[i];
                double s = 0;
                for (int j = k + 1; j < d; j++) {
                    s += ai[j] * v[j];
                }
                w[i] = 2 * s / vv;
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
        return smallestEigenvalueOfTridiagonal(diag, off, d);
    }

    /**
     * The smallest eigenvalue of the symmetric tridiagonal matrix with diagonal {@code diag} and off-diagonal
     * {@code off[k] = T[k+1, k]}: bisection on the Sturm sequence count of its eigenvalues below x (Golub and Van Loan,
     * Alg. 8.4.2), from the Gershgorin interval down to adjacent doubles.
     */
    static double smallestEigenvalueOfTridiagonal(double[] diag, double[] off, int d) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d; i++) {
            double r = (i > 0 ? Math.abs(off[i - 1]) : 0) + (i < d - 1 ? Math.abs(off[i]) : 0);
            lo = Math.min(lo, diag[i] - r);
            hi = Math.max(hi, diag[i] + r);
        }
        double pivmin = Double.MIN_NORMAL * Math.max(1, hi - lo);
        // down to adjacent doubles, or 2^-80 of the spectrum's bound for an eigenvalue near 0 (at most about 80 halvings)
        double floor = 0x1p-80 * Math.max(Math.abs(lo), Math.abs(hi));
        while (hi - lo > floor) {
            double mid = 0.5 * (lo + hi);
            if (!(mid > lo && mid < hi)) {
                break;
            }
            if (sturmCountBelow(diag, off, d, mid, pivmin) >= 1) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** The number of eigenvalues of the tridiagonal (diag, off) below x (Sturm sequence of the LDLᵀ pivots). */
    private static int sturmCountBelow(double[] diag, double[] off, int d, double x, double pivmin) {
        int count = 0;
        double q = diag[0] - x;
        for (int i = 0; ; i++) {
            if (Math.abs(q) < pivmin) {
                q = -pivmin;
            }
            if (q < 0) {
                count++;
            }
            if (i == d - 1) {
                return count;
            }
            q = diag[i + 1] - x - off[i] * off[i] / q;
        }
    }

    static double minEigenvalue(EigenDecomposition_F64<DMatrixRMaj> eig, double[] a, int d) {
        if (!eig.decompose(DMatrixRMaj.wrap(d, d, a))) {
            return Double.NEGATIVE_INFINITY;   // no step rather than a blind one
        }
        double mn = Double.POSITIVE_INFINITY;
        for (int i = 0; i < d; i++) {
            mn = Math.min(mn, eig.getEigenvalue(i).real);
        }
        return mn;
    }

    /** log det A of a positive definite block (−∞ if it is not). */
    static double logDet(double[] a, int d) {
        double[] c = a.clone();
        if (!cholesky(c, d)) {
            return Double.NEGATIVE_INFINITY;
        }
        double v = 0;
        for (int i = 0; i < d; i++) {
            v += 2 * Math.log(c[i * d + i]);
        }
        return v;
    }

    // ------------------------------------------------------------------ products

    /**
     * A B (d×d row-major). B is split into row arrays so that the inner axpy indexes both
     * operands alike, which the JIT vectorizes.
     */
    static double[] mult(double[] a, double[] b, int d) {
        double[][] br = new double[d][];
        for (int k = 0; k < d; k++) {
            br[k] = java.util.Arrays.copyOfRange(b, k * d, k * d + d);
        }
        double[] crow = new double[d];
        double[] c = new double[d * d];
        for (int i = 0; i < d; i++) {
            java.util.Arrays.fill(crow, 0);
            for (int k = 0; k < d; k++) {
                double aik = a[i * d + k];
                if (aik != 0) {
                    axpy(aik, br[k], crow, d);
                }
            }
            System.arraycopy(crow, 0, c, i * d, d);
        }
        return c;
    }

    static void symmetrize(double[] a, int d) {
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double v = 0.5 * (a[i * d + j] + a[j * d + i]);
                a[i * d + j] = v;
                a[j * d + i] = v;
            }
        }
    }

    /** y[0..len) += a·x[0..len). */
    static void axpy(double a, double[] x, double[] y, int len) {
        for (int r = 0; r < len; r++) {
            y[r] += a * x[r];
        }
    }

    // ------------------------------------------------------------------ sparse coefficients on dense blocks

    /** dst += f·A for a sparse symmetric A. */
    static void addSparse(double[] dst, int d, Sparse a, double f) {
        for (int e = 0; e < a.nnz(); e++) {
            dst[a.row[e] * d + a.col[e]] += f * a.val[e];
        }
    }

    /** ⟨A, Y⟩ = Σ A[a,c] Y[a,c] for symmetric sparse A. */
    static double innerSparse(Sparse a, double[] yk, int d) {
        double sum = 0;
        for (int e = 0; e < a.nnz(); e++) {
            sum += a.val[e] * yk[a.row[e] * d + a.col[e]];
        }
        return sum;
    }

    /** tr(A B) = Σ A[a,c] B[c,a] for symmetric sparse A and any B. */
    static double innerSparseT(Sparse a, double[] bm, int d) {
        double sum = 0;
        for (int e = 0; e < a.nnz(); e++) {
            sum += a.val[e] * bm[a.col[e] * d + a.row[e]];
        }
        return sum;
    }

    // ------------------------------------------------------------------ vectors

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double sq(double v) {
        return v * v;
    }

    static void scale(double[] a, double f) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= f;
        }
    }
}
