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

    /** L⁻¹ Δ L⁻ᵀ (symmetric). */
    static double[] congruenceInverse(double[] l, double[] delta, int d) {
        double[] t = delta.clone();
        // columns: solve L T = Δ
        for (int c = 0; c < d; c++) {
            for (int i = 0; i < d; i++) {
                double v = t[i * d + c];
                for (int k = 0; k < i; k++) {
                    v -= l[i * d + k] * t[k * d + c];
                }
                t[i * d + c] = v / l[i * d + i];
            }
        }
        // rows: solve L Bᵀ = Tᵀ, i.e. B = T L⁻ᵀ
        double[] b = new double[d * d];
        for (int r = 0; r < d; r++) {
            for (int i = 0; i < d; i++) {
                double v = t[r * d + i];
                for (int k = 0; k < i; k++) {
                    v -= l[i * d + k] * b[r * d + k];
                }
                b[r * d + i] = v / l[i * d + i];
            }
        }
        symmetrize(b, d);
        return b;
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
