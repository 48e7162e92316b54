package org.cosense.optim;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Random convex programs with a planted optimum (test support). */
final class RandomInstances {
    private RandomInstances() {
    }

    /** An LMI-form SDP whose optimum x* and value are known by construction. */
    record Planted(ConvexProgram program, VectorVar x, double optimum, double[] xStar, AffineMatrix[] lmis,
                   Affine[] rows) {
    }

    static DMatrixRMaj randomSymmetric(Random rnd, int d) {
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double v = rnd.nextGaussian();
                a.set(i, j, v);
                a.set(j, i, v);
            }
        }
        return a;
    }

    static DMatrixRMaj randomOrthogonal(Random rnd, int d) {
        DMatrixRMaj q = new DMatrixRMaj(d, d);
        for (int c = 0; c < d; c++) {
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = rnd.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < c; k++) {
                    double dot = 0;
                    for (int i = 0; i < d; i++) {
                        dot += v[i] * q.get(i, k);
                    }
                    for (int i = 0; i < d; i++) {
                        v[i] -= dot * q.get(i, k);
                    }
                }
            }
            double nrm = 0;
            for (double x : v) {
                nrm += x * x;
            }
            nrm = Math.sqrt(nrm);
            for (int i = 0; i < d; i++) {
                q.set(i, c, v[i] / nrm);
            }
        }
        return q;
    }

    /**
     * Strict complementarity planted: per block S* = Q diag(λ, 0) Qᵀ, Y* = Q diag(0, ω) Qᵀ;
     * half of the linear rows active with y* > 0, half slack; F₀ = S* − Σ x*_i F_i and
     * c = A*(Y*) make (x*, Y*) a KKT pair, so the optimum is cᵀx*.
     */
    static Planted planted(long seed, int n, int[] dims, int lpRows) {
        Random rnd = new Random(seed);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = rnd.nextGaussian();
        }
        double[] c = new double[n];
        var p = ConvexProgram.builder();
        VectorVar x = p.vector("x", n);
        AffineMatrix[] lmis = new AffineMatrix[dims.length];
        for (int k = 0; k < dims.length; k++) {
            int d = dims[k];
            DMatrixRMaj[] f = new DMatrixRMaj[n];
            for (int i = 0; i < n; i++) {
                f[i] = randomSymmetric(rnd, d);
            }
            DMatrixRMaj q = randomOrthogonal(rnd, d);
            int r = d / 2;
            DMatrixRMaj ls = new DMatrixRMaj(d, d);
            DMatrixRMaj ly = new DMatrixRMaj(d, d);
            for (int i = 0; i < d; i++) {
                if (i < r) {
                    ls.set(i, i, 0.5 + 1.5 * rnd.nextDouble());
                } else {
                    ly.set(i, i, 0.5 + 1.5 * rnd.nextDouble());
                }
            }
            DMatrixRMaj sStar = congruence(q, ls);
            DMatrixRMaj yStar = congruence(q, ly);
            DMatrixRMaj f0 = sStar.copy();
            for (int i = 0; i < n; i++) {
                CommonOps_DDRM.addEquals(f0, -xs[i], f[i]);
                c[i] += CommonOps_DDRM.elementSum(elementMult(f[i], yStar));
            }
            AffineMatrix a = AffineMatrix.zeros(d);
            for (int u = 0; u < d; u++) {
                for (int v = u; v < d; v++) {
                    double[] co = new double[n];
                    for (int i = 0; i < n; i++) {
                        co[i] = f[i].get(u, v);
                    }
                    a.set(u, v, x.dot(co).plus(f0.get(u, v)));
                }
            }
            lmis[k] = a;
            p.lmi("F" + k, a);
        }
        Affine[] rows = new Affine[lpRows];
        for (int rr = 0; rr < lpRows; rr++) {
            double[] co = new double[n];
            double ax = 0;
            for (int i = 0; i < n; i++) {
                co[i] = rnd.nextGaussian();
                ax += co[i] * xs[i];
            }
            boolean active = rr % 2 == 0;
            double sStar = active ? 0 : 0.5 + rnd.nextDouble();
            double yStar = active ? 0.5 + rnd.nextDouble() : 0;
            for (int i = 0; i < n; i++) {
                c[i] += co[i] * yStar;
            }
            rows[rr] = x.dot(co).plus(sStar - ax);
            p.ge(rows[rr], 0);
        }
        double opt = 0;
        for (int i = 0; i < n; i++) {
            opt += c[i] * xs[i];
        }
        p.minimize(x.dot(c));
        return new Planted(p.build(), x, opt, xs, lmis, rows);
    }

    /** min tr(F(x)⁻¹), F = A₀ + Σ x_i A_i with random PSD A_i, x ≥ 0, Σ x ≤ 1. */
    static ConvexProgram traceInverse(long seed, int n, int d) {
        Random rnd = new Random(seed);
        var p = ConvexProgram.builder();
        VectorVar x = p.nonnegativeVector("x", n);
        DMatrixRMaj[] a = new DMatrixRMaj[n + 1];
        for (int i = 0; i <= n; i++) {
            DMatrixRMaj b = new DMatrixRMaj(d, 2);
            for (int u = 0; u < d; u++) {
                for (int v = 0; v < 2; v++) {
                    b.set(u, v, rnd.nextGaussian());
                }
            }
            a[i] = new DMatrixRMaj(d, d);
            CommonOps_DDRM.multTransB(b, b, a[i]);
            if (i == 0) {
                CommonOps_DDRM.scale(0.01, a[0]);
            }
        }
        AffineMatrix f = AffineMatrix.zeros(d);
        for (int u = 0; u < d; u++) {
            for (int v = u; v < d; v++) {
                double[] co = new double[n];
                for (int i = 0; i < n; i++) {
                    co[i] = a[i + 1].get(u, v);
                }
                f.set(u, v, x.dot(co).plus(a[0].get(u, v) + (u == v ? 1e-3 : 0)));
            }
        }
        p.le(x.sum(), 1);
        p.minimize(p.traceInverse(f));
        return p.build();
    }

    private static DMatrixRMaj elementMult(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.elementMult(a, b, c);
        return c;
    }

    private static DMatrixRMaj congruence(DMatrixRMaj q, DMatrixRMaj d) {
        DMatrixRMaj t = new DMatrixRMaj(q.numRows, q.numRows);
        DMatrixRMaj out = new DMatrixRMaj(q.numRows, q.numRows);
        CommonOps_DDRM.mult(q, d, t);
        CommonOps_DDRM.multTransB(t, q, out);
        return out;
    }
}
