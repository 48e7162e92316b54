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
        // Row r: u_{r−c} below the diagonal, u_0 on it, conj(u_{c−r}) above (no branch per entry).
        for (int r = 0; r < n; r++) {
            int base = 2 * ((row0 + r) * stride + col0);
            for (int c = 0; c < r; c++) {
                int l = r - c;
                target[base + 2 * c] = u[2 * l];
                target[base + 2 * c + 1] = u[2 * l + 1];
            }
            target[base + 2 * r] = u[0];
            target[base + 2 * r + 1] = 0;
            for (int c = r + 1; c < n; c++) {
                int l = c - r;
                target[base + 2 * c] = u[2 * l];
                target[base + 2 * c + 1] = -u[2 * l + 1];
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
        // Row by row, entries left to right as a single loop with a branch per entry would take them: below the
        // diagonal into l = r − c, the diagonal into l = 0, above it conjugated into l = c − r.
        for (int r = 0; r < n; r++) {
            int base = 2 * ((row0 + r) * stride + col0);
            for (int c = 0; c < r; c++) {
                int l = r - c;
                out[2 * l] += x[base + 2 * c];
                out[2 * l + 1] += x[base + 2 * c + 1];
            }
            out[0] += x[base + 2 * r];
            for (int c = r + 1; c < n; c++) {
                int l = c - r;
                out[2 * l] += x[base + 2 * c];
                out[2 * l + 1] -= x[base + 2 * c + 1];
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
