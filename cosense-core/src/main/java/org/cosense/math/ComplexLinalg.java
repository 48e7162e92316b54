package org.cosense.math;

import java.util.Arrays;

import org.cosense.InvalidInputException;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.ejml.dense.row.decompose.hessenberg.TridiagonalDecompositionHouseholder_ZDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Dense complex linear algebra over EJML's {@link ZMatrixRMaj} (row-major, interleaved re, im).
 *
 * <p>Conventions: {@code ^H} is the conjugate (Hermitian) transpose; {@link #vec} stacks columns
 * (column-major, as in the papers: vec(AXB) = (B^T ⊗ A) vec(X)); complex vectors as plain
 * {@code double[]} are interleaved {@code [re0, im0, re1, im1, ...]}.
 *
 * <p>EJML 0.43.1 has no complex eigen or singular value decomposition (only LU, QR, Cholesky and
 * a Householder tridiagonalization), so:
 * <ul>
 *   <li>{@link #hermitianEigen}: A = Q T Q^H (EJML complex Householder), then a diagonal unitary
 *       D makes T = D T_r D^H real symmetric tridiagonal, whose eigensystem T_r = W Λ W^T comes
 *       from EJML's real symmetric QR algorithm; V = Q D W. Exact in exact arithmetic, no pair
 *       picking as the 2n×2n real embedding would need, and about 8× cheaper than it.</li>
 *   <li>{@link #svd}: one-sided (Hestenes) Jacobi with complex rotations — the most accurate
 *       dense SVD (small singular values to high relative accuracy), O(m n²) per sweep.</li>
 * </ul>
 */
public final class ComplexLinalg {
    private static final double EPS = Math.ulp(1.0);

    private ComplexLinalg() {
    }

    /**
     * Eigensystem of a Hermitian matrix: {@code values} in ASCENDING order, {@code vectors} n×n
     * unitary with column i the eigenvector of {@code values[i]}: A = V diag(λ) V^H.
     */
    public record HermitianEigen(double[] values, ZMatrixRMaj vectors) {
        /** Columns {@code from} (inclusive) to {@code to} (exclusive) of the eigenvector matrix. */
        public ZMatrixRMaj vectors(int from, int to) {
            return columns(vectors, from, to);
        }
    }

    /**
     * Thin SVD A = U diag(s) V^H of an m×n matrix, k = min(m, n): U is m×k, V is n×k, both with
     * orthonormal columns; singular values DESCENDING and non-negative.
     */
    public record Svd(ZMatrixRMaj u, double[] singularValues, ZMatrixRMaj v) {
        /** Numerical rank: singular values above max(m, n)·eps·s_max (the MATLAB default). */
        public int rank() {
            if (singularValues.length == 0) {
                return 0;
            }
            double tol = Math.max(u.numRows, v.numRows) * EPS * singularValues[0];
            int r = 0;
            for (double s : singularValues) {
                if (s > tol) {
                    r++;
                }
            }
            return r;
        }
    }

    // ---------------------------------------------------------------- decompositions

    /**
     * Eigendecomposition of a Hermitian matrix; eigenvalues ascending (as LAPACK's zheev). The
     * input is not modified; it is symmetrized as (A + A^H)/2 first, so rounding noise that makes
     * it slightly non-Hermitian is harmless.
     */
    public static HermitianEigen hermitianEigen(ZMatrixRMaj a) {
        requireSquare("a", a);
        int n = a.numRows;
        if (n == 0) {
            return new HermitianEigen(new double[0], new ZMatrixRMaj(0, 0));
        }
        ZMatrixRMaj h = hermitianPart(a);
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

    /** Thin SVD of a complex m×n matrix (see {@link Svd}); the input is not modified. */
    public static Svd svd(ZMatrixRMaj a) {
        if (a.numRows < a.numCols) {
            Svd t = svdTall(conjugateTranspose(a));
            return new Svd(t.v(), t.singularValues(), t.u());
        }
        return svdTall(a);
    }

    /** One-sided Jacobi for m ≥ n: rotate columns of G = A V until pairwise orthogonal. */
    private static Svd svdTall(ZMatrixRMaj a) {
        int m = a.numRows;
        int n = a.numCols;
        double[][] g = new double[n][2 * m]; // columns of A V, each interleaved
        double[][] vc = new double[n][2 * n]; // columns of V
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                g[j][2 * i] = a.getReal(i, j);
                g[j][2 * i + 1] = a.getImag(i, j);
            }
            vc[j][2 * j] = 1;
        }
        double tol = EPS * Math.sqrt(m);
        for (int sweep = 0; sweep < 80; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = squaredNorm(g[p]);
                    double beta = squaredNorm(g[q]);
                    if (alpha == 0 || beta == 0) {
                        continue;
                    }
                    // c = g_p^H g_q
                    double cr = 0;
                    double ci = 0;
                    double[] gp = g[p];
                    double[] gq = g[q];
                    for (int i = 0; i < 2 * m; i += 2) {
                        cr += gp[i] * gq[i] + gp[i + 1] * gq[i + 1];
                        ci += gp[i] * gq[i + 1] - gp[i + 1] * gq[i];
                    }
                    double cm = Math.hypot(cr, ci);
                    if (cm <= tol * Math.sqrt(alpha) * Math.sqrt(beta)) {
                        continue;
                    }
                    rotated = true;
                    // [[a, c], [c*, b]] = D [[a, |c|], [|c|, b]] D^H, D = diag(1, e^{-iφ}); a real
                    // Jacobi rotation R diagonalizes the middle; apply J = D R to the columns.
                    double zeta = (beta - alpha) / (2 * cm);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    if (zeta == 0) {
                        t = 1;
                    }
                    double cs = 1 / Math.sqrt(1 + t * t);
                    double sn = cs * t;
                    double er = cr / cm; // e^{iφ}
                    double ei = ci / cm;
                    rotate(gp, gq, cs, sn, er, ei);
                    rotate(vc[p], vc[q], cs, sn, er, ei);
                }
            }
            if (!rotated) {
                break;
            }
        }
        double[] s = new double[n];
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            s[j] = Math.sqrt(squaredNorm(g[j]));
            order[j] = j;
        }
        Arrays.sort(order, (x, y) -> Double.compare(s[y], s[x]));
        double smax = n > 0 ? s[order[0]] : 0;
        ZMatrixRMaj u = new ZMatrixRMaj(m, n);
        ZMatrixRMaj v = new ZMatrixRMaj(n, n);
        double[] sv = new double[n];
        boolean[] missing = new boolean[n];
        for (int c = 0; c < n; c++) {
            int j = order[c];
            sv[c] = s[j];
            // Exactly zero (or underflowing) columns have no direction: completed below.
            if (s[j] > smax * 1e-290 && s[j] > 0) {
                for (int i = 0; i < m; i++) {
                    u.set(i, c, g[j][2 * i] / s[j], g[j][2 * i + 1] / s[j]);
                }
            } else {
                missing[c] = true;
                sv[c] = 0;
            }
            for (int i = 0; i < n; i++) {
                v.set(i, c, vc[j][2 * i], vc[j][2 * i + 1]);
            }
        }
        completeOrthonormalColumns(u, missing);
        return new Svd(u, sv, v);
    }

    // x' = cs x - e^{-iφ} sn y ;  y' = sn x + e^{-iφ} cs y
    private static void rotate(double[] x, double[] y, double cs, double sn, double er, double ei) {
        for (int i = 0; i < x.length; i += 2) {
            double xr = x[i];
            double xi = x[i + 1];
            // e^{-iφ} y
            double yr = er * y[i] + ei * y[i + 1];
            double yi = er * y[i + 1] - ei * y[i];
            x[i] = cs * xr - sn * yr;
            x[i + 1] = cs * xi - sn * yi;
            y[i] = sn * xr + cs * yr;
            y[i + 1] = sn * xi + cs * yi;
        }
    }

    /** Fills the flagged columns with unit vectors orthogonal to all others (Gram–Schmidt twice). */
    private static void completeOrthonormalColumns(ZMatrixRMaj u, boolean[] missing) {
        int m = u.numRows;
        int k = u.numCols;
        int nextBasis = 0;
        for (int c = 0; c < k; c++) {
            if (!missing[c]) {
                continue;
            }
            while (true) {
                double[] x = new double[2 * m];
                x[2 * (nextBasis++ % m)] = 1;
                for (int pass = 0; pass < 2; pass++) {
                    for (int o = 0; o < k; o++) {
                        if (o == c || (missing[o] && o > c)) {
                            continue;
                        }
                        double pr = 0;
                        double pi = 0;
                        for (int i = 0; i < m; i++) {
                            double ur = u.getReal(i, o);
                            double ui = u.getImag(i, o);
                            pr += ur * x[2 * i] + ui * x[2 * i + 1];
                            pi += ur * x[2 * i + 1] - ui * x[2 * i];
                        }
                        for (int i = 0; i < m; i++) {
                            double ur = u.getReal(i, o);
                            double ui = u.getImag(i, o);
                            x[2 * i] -= pr * ur - pi * ui;
                            x[2 * i + 1] -= pr * ui + pi * ur;
                        }
                    }
                }
                double nrm = Math.sqrt(squaredNorm(x));
                if (nrm > 0.1) {
                    for (int i = 0; i < m; i++) {
                        u.set(i, c, x[2 * i] / nrm, x[2 * i + 1] / nrm);
                    }
                    break;
                }
                if (nextBasis > 3 * m) {
                    throw new ArithmeticException("could not complete an orthonormal basis");
                }
            }
        }
    }

    /**
     * The k dominant left singular vectors (m×k) of a data matrix (m sensors × T snapshots): the
     * MUSIC signal subspace. Uses the thin SVD of the data when T ≤ m; when T > m the m×m Gram
     * matrix Y Y^H is cheaper and its squared conditioning is harmless for a subspace split.
     */
    public static ZMatrixRMaj dominantLeftSingularVectors(ZMatrixRMaj data, int k) {
        InvalidInputException.require(k >= 0 && k <= Math.min(data.numRows, data.numCols), "k", k,
                "must be in [0, min(rows, cols)] = [0, " + Math.min(data.numRows, data.numCols) + "]");
        if (data.numCols <= data.numRows) {
            return columns(svd(data).u(), 0, k);
        }
        HermitianEigen e = hermitianEigen(multTransB(data, data));
        ZMatrixRMaj out = new ZMatrixRMaj(data.numRows, k);
        int n = data.numRows;
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                out.set(i, c, e.vectors().getReal(i, n - 1 - c), e.vectors().getImag(i, n - 1 - c));
            }
        }
        return out;
    }

    /** Moore–Penrose pseudo-inverse, discarding singular values ≤ max(m, n)·eps·s_max. */
    public static ZMatrixRMaj pseudoInverse(ZMatrixRMaj a) {
        return pseudoInverse(a, Math.max(a.numRows, a.numCols) * EPS);
    }

    /** Pseudo-inverse discarding singular values ≤ relativeTolerance·s_max. */
    public static ZMatrixRMaj pseudoInverse(ZMatrixRMaj a, double relativeTolerance) {
        Svd s = svd(a);
        int k = s.singularValues().length;
        double cut = k == 0 ? 0 : relativeTolerance * s.singularValues()[0];
        // A^+ = V diag(1/s) U^H
        ZMatrixRMaj vs = s.v().copy();
        for (int c = 0; c < k; c++) {
            double sc = s.singularValues()[c];
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
