package org.cosense.math;

import org.cosense.InvalidInputException;
import org.ejml.data.ZMatrixRMaj;

/**
 * The Hermitian Toeplitz operator T: C^n → H^n, T(u)_{rc} = u_{r−c} for r ≥ c and conj(u_{c−r})
 * for r &lt; c (first column u, u_0 real), and its adjoint T*.
 *
 * <p>Inner products: on matrices ⟨A, B⟩ = Re tr(A^H B); on vectors ⟨u, v⟩ = Re Σ_l conj(u_l) v_l.
 * Then ⟨T(u), X⟩ = ⟨u, T*(X)⟩ for every complex X with
 * <pre>  T*(X)_0 = Re tr X,   T*(X)_l = Σ_{r−c=l} X_{rc} + conj(Σ_{c−r=l} X_{rc})  (l ≥ 1),</pre>
 * which for Hermitian X is 2 × the sum of the l-th subdiagonal (the notes' (36)), and
 * T*(T(u)) = D ∘ u with D = [n, 2(n−1), 2(n−2), …, 2]. Vectors are interleaved (re, im) of length 2n.
 */
public final class HermitianToeplitz {
    private HermitianToeplitz() {
    }

    /** T(u) for u interleaved (length 2n); Im u_0 is ignored (the diagonal of a Hermitian matrix is real). */
    public static ZMatrixRMaj matrix(double[] u) {
        InvalidInputException.require(u.length >= 2 && u.length % 2 == 0, "u length", u.length, "must be 2n (interleaved), n >= 1");
        int n = u.length / 2;
        ZMatrixRMaj t = new ZMatrixRMaj(n, n);
        fill(u, t.data, n, 0, 0, n + 0);
        return t;
    }

    /**
     * Writes T(u) into the n×n block at (row0, col0) of a row-major interleaved matrix with
     * {@code stride} columns.
     */
    public static void fill(double[] u, double[] target, int n, int row0, int col0, int stride) {
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int l = r - c;
                int idx = 2 * ((row0 + r) * stride + col0 + c);
                if (l > 0) {
                    target[idx] = u[2 * l];
                    target[idx + 1] = u[2 * l + 1];
                } else if (l < 0) {
                    target[idx] = u[-2 * l];
                    target[idx + 1] = -u[-2 * l + 1];
                } else {
                    target[idx] = u[0];
                    target[idx + 1] = 0;
                }
            }
        }
    }

    /** T*(X) of a square complex X (interleaved, length 2n). */
    public static double[] adjoint(ZMatrixRMaj x) {
        InvalidInputException.require(x.numRows == x.numCols, "matrix shape", x.numRows + "x" + x.numCols, "must be square");
        int n = x.numRows;
        double[] out = new double[2 * n];
        adjoint(x.data, n, 0, 0, n, out);
        return out;
    }

    /** T* of the n×n block at (row0, col0) of a row-major interleaved matrix with {@code stride} columns, into out (2n). */
    public static void adjoint(double[] x, int n, int row0, int col0, int stride, double[] out) {
        java.util.Arrays.fill(out, 0, 2 * n, 0);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int idx = 2 * ((row0 + r) * stride + col0 + c);
                int l = r - c;
                if (l > 0) {
                    out[2 * l] += x[idx];
                    out[2 * l + 1] += x[idx + 1];
                } else if (l < 0) {
                    out[-2 * l] += x[idx];
                    out[-2 * l + 1] -= x[idx + 1];
                } else {
                    out[0] += x[idx];
                }
            }
        }
    }

    /** D with T*(T(u)) = D ∘ u: D_0 = n, D_l = 2(n − l). */
    public static double[] gram(int n) {
        double[] d = new double[n];
        d[0] = n;
        for (int l = 1; l < n; l++) {
            d[l] = 2.0 * (n - l);
        }
        return d;
    }
}
