package org.cosense.math;

import java.util.Arrays;

import org.cosense.InvalidInputException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.ejml.dense.row.decompose.hessenberg.TridiagonalDecompositionHouseholder_ZDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigendecomposition A = V diag(λ) V^H of a Hermitian matrix, eigenvalues in ascending order (as
 * LAPACK's zheev), V unitary with column i the eigenvector of λ_i.
 *
 * <p>EJML 0.43.1 has no complex eigendecomposition, so: A = Q T Q^H (EJML's complex Householder
 * tridiagonalization), then a diagonal unitary D makes T = D T_r D^H real symmetric
 * tridiagonal, whose eigensystem T_r = W Λ W^T comes from EJML's real symmetric QR algorithm;
 * V = Q D W. Exact in exact arithmetic, no pair picking as the 2n×2n real embedding would need,
 * and about 8× cheaper than it.
 */
public final class HermitianEigen {
    private final double[] values;
    private final ZMatrixRMaj vectors;

    private HermitianEigen(double[] values, ZMatrixRMaj vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes a Hermitian matrix. The input is not modified; it is symmetrized as (A + A^H)/2
     * first, so rounding noise that makes it slightly non-Hermitian is harmless.
     */
    public static HermitianEigen decompose(ZMatrixRMaj a) {
        InvalidInputException.require(a.numRows == a.numCols, "a shape", a.numRows + "x" + a.numCols, "must be square");
        int n = a.numRows;
        if (n == 0) {
            return new HermitianEigen(new double[0], new ZMatrixRMaj(0, 0));
        }
        ZMatrixRMaj h = ComplexLinalg.hermitianPart(a);
        ZMatrixRMaj t;
        ZMatrixRMaj q;
        if (n <= 2) {
            // Already tridiagonal; EJML 0.43.1's complex Householder throws on n = 2.
            t = h;
            q = CommonOps_ZDRM.identity(n);
        } else {
            TridiagonalDecompositionHouseholder_ZDRM tri = new TridiagonalDecompositionHouseholder_ZDRM();
            if (!tri.decompose(h.copy())) {
                throw new ArithmeticException("tridiagonalization failed (non-finite input?)");
            }
            t = tri.getT(null);
            q = tri.getQ(null, false);
        }
        // Phase factors d_k so that conj(d_{k+1}) t_{k+1,k} d_k = |t_{k+1,k}| is real.
        double[] dRe = new double[n];
        double[] dIm = new double[n];
        dRe[0] = 1;
        DMatrixRMaj tr = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            tr.set(k, k, t.getReal(k, k));
            if (k + 1 < n) {
                double er = t.getReal(k + 1, k);
                double ei = t.getImag(k + 1, k);
                double mag = Math.hypot(er, ei);
                double pr = mag > 0 ? er / mag : 1;
                double pi = mag > 0 ? ei / mag : 0;
                dRe[k + 1] = dRe[k] * pr - dIm[k] * pi;
                dIm[k + 1] = dRe[k] * pi + dIm[k] * pr;
                tr.set(k + 1, k, mag);
                tr.set(k, k + 1, mag);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(tr)) {
            throw new ArithmeticException("symmetric eigen decomposition did not converge");
        }
        Integer[] order = new Integer[n];
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            lambda[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(order, (x, y) -> Double.compare(lambda[x], lambda[y]));
        // QD: column k of Q times d_k.
        double[] qd = q.data;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                int idx = 2 * (i * n + k);
                double re = qd[idx];
                double im = qd[idx + 1];
                qd[idx] = re * dRe[k] - im * dIm[k];
                qd[idx + 1] = re * dIm[k] + im * dRe[k];
            }
        }
        double[] values = new double[n];
        ZMatrixRMaj v = new ZMatrixRMaj(n, n);
        double[] w = new double[n];
        for (int c = 0; c < n; c++) {
            int src = order[c];
            values[c] = lambda[src];
            DMatrixRMaj wc = eig.getEigenVector(src);
            double norm = 0;
            for (int k = 0; k < n; k++) {
                w[k] = wc.get(k);
                norm += w[k] * w[k];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                double re = 0;
                double im = 0;
                int row = 2 * i * n;
                for (int k = 0; k < n; k++) {
                    re += qd[row + 2 * k] * w[k];
                    im += qd[row + 2 * k + 1] * w[k];
                }
                v.set(i, c, re / norm, im / norm);
            }
        }
        return new HermitianEigen(values, v);
    }

    /** Order n of the matrix. */
    public int size() {
        return values.length;
    }

    /** Eigenvalues in ascending order (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** Eigenvalues in descending order. */
    public double[] valuesDescending() {
        int n = values.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = values[n - 1 - i];
        }
        return out;
    }

    /** λ_min (the first of {@link #values()}); the matrix must not be empty. */
    public double minEigenvalue() {
        return values[0];
    }

    /** The unitary eigenvector matrix V (a copy), columns in the order of {@link #values()}. */
    public ZMatrixRMaj vectors() {
        return vectors.copy();
    }

    /** Columns {@code from} (inclusive) to {@code to} (exclusive) of V. */
    public ZMatrixRMaj vectors(int from, int to) {
        return ComplexLinalg.columns(vectors, from, to);
    }

    /** The k eigenvectors of largest eigenvalue, largest first (n×k): a signal subspace. */
    public ZMatrixRMaj dominantVectors(int k) {
        int n = values.length;
        InvalidInputException.require(k >= 0 && k <= n, "k", k, "must be in [0, " + n + "]");
        ZMatrixRMaj out = new ZMatrixRMaj(n, k);
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                out.set(i, c, vectors.getReal(i, n - 1 - c), vectors.getImag(i, n - 1 - c));
            }
        }
        return out;
    }
}
