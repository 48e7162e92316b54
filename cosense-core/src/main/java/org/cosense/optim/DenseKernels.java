package org.cosense.optim;

import org.cosense.math.HermitianTridiagonalization;
import org.cosense.math.SymmetricTridiagonal;
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
            // two rows per pass: independent sums, each in the order of the one-row loop
            int i = j + 1;
            for (; i + 1 < d; i += 2) {
                int ri = i * d;
                int rn = ri + d;
                double v = a[ri + j];
                double w = a[rn + j];
                for (int k = 0; k < j; k++) {
                    double ljk = a[j * d + k];
                    v -= a[ri + k] * ljk;
                    w -= a[rn + k] * ljk;
                }
                a[ri + j] = v / ljj;
                a[rn + j] = w / ljj;
            }
            for (; i < d; i++) {
                double v = a[i * d + j];
                for (int k = 0; k < j; k++) {
                    v -= a[i * d + k] * a[j * d + k];
                }
                a[i * d + j] = v / ljj;
            }
            for (int r = 0; r < j; r++) {
                a[r * d + j] = 0;
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
     * The smallest eigenvalue of a symmetric d×d block (row-major; the array is not changed): the real Householder
     * reduction of {@link HermitianTridiagonalization#reduceSymmetric}, then Sturm-sequence bisection
     * ({@link SymmetricTridiagonal#smallestEigenvalue}). −∞ if the block has a non-finite entry.
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
        double[] off = new double[d];
        HermitianTridiagonalization.reduceSymmetric(a, diag, off);
        return SymmetricTridiagonal.smallestEigenvalue(diag, off, d);
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

    /**
     * Σ a_i b_i with four partial sums (i mod 4), so that the additions do not wait on each other; the length must be a
     * multiple of 4 (else the plain sum).
     */
    static double dot4(double[] a, double[] b) {
        if ((a.length & 3) != 0) {
            return dot(a, b);
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int i = 0; i < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        return (s0 + s1) + (s2 + s3);
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

    /**
     * {@link #innerSparse} of the block's coefficients j..j+3 with Y into {@code out}: four independent sums, each over
     * its entries in the stored order (the value of the one-coefficient sum), run side by side so that one sum's
     * additions do not wait for another's.
     */
    static void innerSparse4(LmiProblem.Block b, int j, double[] yk, double[] out) {
        double[] v0 = b.coefs[j].val;
        double[] v1 = b.coefs[j + 1].val;
        double[] v2 = b.coefs[j + 2].val;
        double[] v3 = b.coefs[j + 3].val;
        int[] p0 = b.positions[j];
        int[] p1 = b.positions[j + 1];
        int[] p2 = b.positions[j + 2];
        int[] p3 = b.positions[j + 3];
        int common = Math.min(Math.min(v0.length, v1.length), Math.min(v2.length, v3.length));
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int e = 0; e < common; e++) {
            s0 += v0[e] * yk[p0[e]];
            s1 += v1[e] * yk[p1[e]];
            s2 += v2[e] * yk[p2[e]];
            s3 += v3[e] * yk[p3[e]];
        }
        out[0] = finishSum(s0, v0, p0, common, yk);
        out[1] = finishSum(s1, v1, p1, common, yk);
        out[2] = finishSum(s2, v2, p2, common, yk);
        out[3] = finishSum(s3, v3, p3, common, yk);
    }

    private static double finishSum(double s, double[] v, int[] pos, int from, double[] yk) {
        for (int e = from; e < v.length; e++) {
            s += v[e] * yk[pos[e]];
        }
        return s;
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
