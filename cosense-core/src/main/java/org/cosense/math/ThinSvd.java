package org.cosense.math;

import java.util.Arrays;

import org.ejml.data.ZMatrixRMaj;

/**
 * Thin singular value decomposition A = U diag(s) V^H of a complex m×n matrix, k = min(m, n):
 * U is m×k, V is n×k, both with orthonormal columns; singular values descending and non-negative.
 *
 * <p>One-sided (Hestenes) Jacobi with complex rotations: the most accurate dense SVD (small
 * singular values to high relative accuracy), O(m n²) per sweep. EJML 0.43.1 has no complex SVD.
 */
public final class ThinSvd {
    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_SWEEPS = 80;

    private final ZMatrixRMaj u;
    private final double[] singularValues;
    private final ZMatrixRMaj v;

    private ThinSvd(ZMatrixRMaj u, double[] singularValues, ZMatrixRMaj v) {
        this.u = u;
        this.singularValues = singularValues;
        this.v = v;
    }

    /** Decomposes a (the input is not modified). */
    public static ThinSvd decompose(ZMatrixRMaj a) {
        if (a.numRows < a.numCols) {
            ThinSvd t = decomposeTall(ComplexLinalg.conjugateTranspose(a));
            return new ThinSvd(t.v, t.singularValues, t.u);
        }
        return decomposeTall(a);
    }

    /** Left singular vectors U (m×k, a copy). */
    public ZMatrixRMaj u() {
        return u.copy();
    }

    /** Singular values, descending (a copy). */
    public double[] singularValues() {
        return singularValues.clone();
    }

    /** Right singular vectors V (n×k, a copy). */
    public ZMatrixRMaj v() {
        return v.copy();
    }

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

    /** One-sided Jacobi for m ≥ n: rotate columns of G = A V until pairwise orthogonal. */
    private static ThinSvd decomposeTall(ZMatrixRMaj a) {
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
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = ComplexLinalg.squaredNorm(g[p]);
                    double beta = ComplexLinalg.squaredNorm(g[q]);
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
            s[j] = Math.sqrt(ComplexLinalg.squaredNorm(g[j]));
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
        return new ThinSvd(u, sv, v);
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
                double nrm = Math.sqrt(ComplexLinalg.squaredNorm(x));
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
}
