package org.cosense.math;

import org.cosense.InvalidInputException;
import org.ejml.data.Complex_F64;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;

/**
 * Dense complex linear algebra over EJML's {@link ZMatrixRMaj} (row-major, interleaved re, im).
 *
 * <p>Conventions: {@code ^H} is the conjugate (Hermitian) transpose; {@link #vec} stacks columns
 * (column-major, as in the papers: vec(AXB) = (B^T ⊗ A) vec(X)); complex vectors as plain
 * {@code double[]} are interleaved {@code [re0, im0, re1, im1, ...]}.
 *
 * <p>The decompositions are their own classes: {@link HermitianEigen} and {@link ThinSvd}; this
 * class holds products, structure (kron, vec) and what is built on the decompositions
 * (pseudo-inverse, dominant subspace).
 */
public final class ComplexLinalg {
    private static final double EPS = Math.ulp(1.0);

    private ComplexLinalg() {
    }

    // ---------------------------------------------------------------- built on the decompositions

    /**
     * The k dominant left singular vectors (m×k) of a data matrix (m sensors × T snapshots): the
     * MUSIC signal subspace. Uses the thin SVD of the data when T ≤ m; when T > m the m×m Gram
     * matrix Y Y^H is cheaper and its squared conditioning is harmless for a subspace split.
     */
    public static ZMatrixRMaj dominantLeftSingularVectors(ZMatrixRMaj data, int k) {
        InvalidInputException.require(k >= 0 && k <= Math.min(data.numRows, data.numCols), "k", k,
                "must be in [0, min(rows, cols)] = [0, " + Math.min(data.numRows, data.numCols) + "]");
        if (data.numCols <= data.numRows) {
            return columns(ThinSvd.decompose(data).u(), 0, k);
        }
        return HermitianEigen.decompose(multTransB(data, data)).dominantVectors(k);
    }

    /** Moore–Penrose pseudo-inverse, discarding singular values ≤ max(m, n)·eps·s_max. */
    public static ZMatrixRMaj pseudoInverse(ZMatrixRMaj a) {
        return pseudoInverse(a, Math.max(a.numRows, a.numCols) * EPS);
    }

    /** Pseudo-inverse discarding singular values ≤ relativeTolerance·s_max. */
    public static ZMatrixRMaj pseudoInverse(ZMatrixRMaj a, double relativeTolerance) {
        ThinSvd s = ThinSvd.decompose(a);
        double[] sv = s.singularValues();
        int k = sv.length;
        double cut = k == 0 ? 0 : relativeTolerance * sv[0];
        // A^+ = V diag(1/s) U^H
        ZMatrixRMaj vs = s.v();
        for (int c = 0; c < k; c++) {
            double sc = sv[c];
            double f = sc > cut && sc > 0 ? 1 / sc : 0;
            for (int i = 0; i < vs.numRows; i++) {
                vs.set(i, c, vs.getReal(i, c) * f, vs.getImag(i, c) * f);
            }
        }
        return multTransB(vs, s.u());
    }

    // ---------------------------------------------------------------- structure

    /** Kronecker product A ⊗ B ((ma·mb)×(na·nb)): block (i, j) is a_ij B. */
    public static ZMatrixRMaj kron(ZMatrixRMaj a, ZMatrixRMaj b) {
        int mb = b.numRows;
        int nb = b.numCols;
        ZMatrixRMaj out = new ZMatrixRMaj(a.numRows * mb, a.numCols * nb);
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                double ar = a.getReal(i, j);
                double ai = a.getImag(i, j);
                for (int k = 0; k < mb; k++) {
                    for (int l = 0; l < nb; l++) {
                        double br = b.getReal(k, l);
                        double bi = b.getImag(k, l);
                        out.set(i * mb + k, j * nb + l, ar * br - ai * bi, ar * bi + ai * br);
                    }
                }
            }
        }
        return out;
    }

    /** Column-major vectorization: the (m·n)×1 column with element (i, j) at index j·m + i. */
    public static ZMatrixRMaj vec(ZMatrixRMaj a) {
        int m = a.numRows;
        ZMatrixRMaj out = new ZMatrixRMaj(m * a.numCols, 1);
        for (int j = 0; j < a.numCols; j++) {
            for (int i = 0; i < m; i++) {
                out.set(j * m + i, 0, a.getReal(i, j), a.getImag(i, j));
            }
        }
        return out;
    }

    /** Inverse of {@link #vec}: a (rows·cols)-element vector (any shape) read column-major. */
    public static ZMatrixRMaj unvec(ZMatrixRMaj v, int rows, int cols) {
        InvalidInputException.require(v.getNumElements() == rows * cols, "v.length", v.getNumElements(),
                "must equal rows·cols = " + rows * cols);
        ZMatrixRMaj out = new ZMatrixRMaj(rows, cols);
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                int idx = 2 * (j * rows + i);
                out.set(i, j, v.data[idx], v.data[idx + 1]);
            }
        }
        return out;
    }

    /** A^H as a new matrix. */
    public static ZMatrixRMaj conjugateTranspose(ZMatrixRMaj a) {
        return CommonOps_ZDRM.transposeConjugate(a, null);
    }

    /** (A + A^H)/2, the Hermitian part of a square matrix. */
    public static ZMatrixRMaj hermitianPart(ZMatrixRMaj a) {
        requireSquare("a", a);
        int n = a.numRows;
        ZMatrixRMaj h = new ZMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h.set(i, j, 0.5 * (a.getReal(i, j) + a.getReal(j, i)), 0.5 * (a.getImag(i, j) - a.getImag(j, i)));
            }
        }
        return h;
    }

    /** Trace (complex). */
    public static Complex_F64 trace(ZMatrixRMaj a) {
        requireSquare("a", a);
        return CommonOps_ZDRM.trace(a, null);
    }

    /** Columns {@code from} (inclusive) to {@code to} (exclusive) as a new matrix. */
    public static ZMatrixRMaj columns(ZMatrixRMaj a, int from, int to) {
        return CommonOps_ZDRM.extract(a, 0, a.numRows, from, to);
    }

    // ---------------------------------------------------------------- products

    /** A B. */
    public static ZMatrixRMaj mult(ZMatrixRMaj a, ZMatrixRMaj b) {
        ZMatrixRMaj c = new ZMatrixRMaj(a.numRows, b.numCols);
        CommonOps_ZDRM.mult(a, b, c);
        return c;
    }

    /** A^H B. */
    public static ZMatrixRMaj multTransA(ZMatrixRMaj a, ZMatrixRMaj b) {
        ZMatrixRMaj c = new ZMatrixRMaj(a.numCols, b.numCols);
        CommonOps_ZDRM.multTransA(a, b, c);
        return c;
    }

    /** A B^H. */
    public static ZMatrixRMaj multTransB(ZMatrixRMaj a, ZMatrixRMaj b) {
        ZMatrixRMaj c = new ZMatrixRMaj(a.numRows, b.numRows);
        CommonOps_ZDRM.multTransB(a, b, c);
        return c;
    }

    /** A + B. */
    public static ZMatrixRMaj add(ZMatrixRMaj a, ZMatrixRMaj b) {
        ZMatrixRMaj c = new ZMatrixRMaj(a.numRows, a.numCols);
        CommonOps_ZDRM.add(a, b, c);
        return c;
    }

    /** A − B. */
    public static ZMatrixRMaj subtract(ZMatrixRMaj a, ZMatrixRMaj b) {
        ZMatrixRMaj c = new ZMatrixRMaj(a.numRows, a.numCols);
        CommonOps_ZDRM.subtract(a, b, c);
        return c;
    }

    /** (re + j·im)·A as a new matrix. */
    public static ZMatrixRMaj scale(double re, double im, ZMatrixRMaj a) {
        ZMatrixRMaj c = a.copy();
        CommonOps_ZDRM.scale(re, im, c);
        return c;
    }

    /** Frobenius norm ||A||_F. */
    public static double normF(ZMatrixRMaj a) {
        return Math.sqrt(squaredNorm(a.data, a.getDataLength()));
    }

    // ---------------------------------------------------------------- interleaved vectors

    /** x^H y = Σ conj(x_i) y_i of two interleaved vectors, as {re, im}. */
    public static double[] dotConj(double[] x, double[] y) {
        InvalidInputException.require(x.length == y.length, "y.length", y.length, "must equal x.length = " + x.length);
        double re = 0;
        double im = 0;
        for (int i = 0; i < x.length; i += 2) {
            re += x[i] * y[i] + x[i + 1] * y[i + 1];
            im += x[i] * y[i + 1] - x[i + 1] * y[i];
        }
        return new double[] {re, im};
    }

    /** ||x||² = Σ |x_i|² of an interleaved vector. */
    public static double squaredNorm(double[] x) {
        return squaredNorm(x, x.length);
    }

    private static double squaredNorm(double[] x, int length) {
        double s = 0;
        for (int i = 0; i < length; i++) {
            s += x[i] * x[i];
        }
        return s;
    }

    /** An n×1 column matrix holding a copy of an interleaved vector of n complex numbers. */
    public static ZMatrixRMaj columnVector(double[] interleaved) {
        InvalidInputException.require(interleaved.length % 2 == 0, "interleaved.length", interleaved.length,
                "must be even (re, im pairs)");
        ZMatrixRMaj v = new ZMatrixRMaj(interleaved.length / 2, 1);
        System.arraycopy(interleaved, 0, v.data, 0, interleaved.length);
        return v;
    }

    /** Column j of A as a new interleaved vector. */
    public static double[] column(ZMatrixRMaj a, int j) {
        double[] out = new double[2 * a.numRows];
        for (int i = 0; i < a.numRows; i++) {
            out[2 * i] = a.getReal(i, j);
            out[2 * i + 1] = a.getImag(i, j);
        }
        return out;
    }

    private static void requireSquare(String name, ZMatrixRMaj a) {
        InvalidInputException.require(a.numRows == a.numCols, name + " shape", a.numRows + "x" + a.numCols,
                "must be square");
    }

    // ---------------------------------------------------------------- element-wise and structural helpers

    /** A_1 A_2 ⋯ A_k, left to right. */
    public static ZMatrixRMaj product(ZMatrixRMaj... factors) {
        InvalidInputException.require(factors.length > 0, "factors", 0, "must be at least one");
        ZMatrixRMaj r = factors[0];
        for (int i = 1; i < factors.length; i++) {
            r = mult(r, factors[i]);
        }
        return r;
    }

    /** s·A as a new matrix. */
    public static ZMatrixRMaj scale(double s, ZMatrixRMaj a) {
        return scale(s, 0, a);
    }

    /** z·A as a new matrix. */
    public static ZMatrixRMaj scale(Complex z, ZMatrixRMaj a) {
        return scale(z.re(), z.im(), a);
    }

    /** A^T (plain transpose, no conjugation). */
    public static ZMatrixRMaj transpose(ZMatrixRMaj a) {
        return CommonOps_ZDRM.transpose(a, null);
    }

    /** The entrywise conjugate A^*. */
    public static ZMatrixRMaj conjugate(ZMatrixRMaj a) {
        ZMatrixRMaj o = a.copy();
        for (int k = 1; k < o.getDataLength(); k += 2) {
            o.data[k] = -o.data[k];
        }
        return o;
    }

    /** The n×n identity. */
    public static ZMatrixRMaj identity(int n) {
        return CommonOps_ZDRM.identity(n);
    }

    /** A + s I. */
    public static ZMatrixRMaj plusIdentity(ZMatrixRMaj a, double s) {
        requireSquare("a", a);
        ZMatrixRMaj c = a.copy();
        for (int k = 0; k < a.numRows; k++) {
            c.set(k, k, c.getReal(k, k) + s, c.getImag(k, k));
        }
        return c;
    }

    /** diag(v) of an interleaved vector. */
    public static ZMatrixRMaj diagonal(double[] interleaved) {
        int n = interleaved.length / 2;
        ZMatrixRMaj d = new ZMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            d.set(k, k, interleaved[2 * k], interleaved[2 * k + 1]);
        }
        return d;
    }

    /** Diag(A): the diagonal part of a square matrix. */
    public static ZMatrixRMaj diagonalPart(ZMatrixRMaj a) {
        requireSquare("a", a);
        ZMatrixRMaj d = new ZMatrixRMaj(a.numRows, a.numRows);
        for (int k = 0; k < a.numRows; k++) {
            d.set(k, k, a.getReal(k, k), a.getImag(k, k));
        }
        return d;
    }

    /** A^{-1}; throws ArithmeticException when A is singular. */
    public static ZMatrixRMaj inverse(ZMatrixRMaj a) {
        ZMatrixRMaj c = a.copy();
        if (!CommonOps_ZDRM.invert(c)) {
            throw new ArithmeticException("singular matrix");
        }
        return c;
    }

    /** tr(A) as a {@link Complex}. */
    public static Complex complexTrace(ZMatrixRMaj a) {
        Complex_F64 z = trace(a);
        return new Complex(z.real, z.imaginary);
    }

    /** tr(A B) without forming A B. */
    public static Complex traceOfProduct(ZMatrixRMaj a, ZMatrixRMaj b) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                double ar = a.getReal(i, j);
                double ai = a.getImag(i, j);
                double br = b.getReal(j, i);
                double bi = b.getImag(j, i);
                re += ar * br - ai * bi;
                im += ar * bi + ai * br;
            }
        }
        return new Complex(re, im);
    }
}
