package org.cosense.estimation.atomic;

import java.util.ArrayList;
import java.util.List;
import org.cosense.InvalidInputException;
import org.cosense.math.TridiagonalHermitianEigen;
import org.cosense.math.HermitianToeplitz;
import org.ejml.data.ZMatrixRMaj;

/**
 * Weighted joint atomic-norm minimization by ADMM (Boyd et al. 2011; the form of Bhaskar, Tang and
 * Recht 2013 and Li and Chi 2016, extended to J observations sharing one Toeplitz block):
 * <pre>
 *   min  Σ_j w_j [ ½||Y_j − X_j||_F² + (τ/2)(u_0 + tr B_j) ]
 *   s.t. Q_j = [[T(u), X_j], [X_j^H, B_j]] ⪰ 0,   B_j = W_j (free Hermitian) or T(v_j),
 * </pre>
 * split as Q_j = Z_j, Z_j ⪰ 0, unscaled multipliers Λ_j, penalty ρ. Each update sets a gradient of
 * the augmented Lagrangian to zero:
 * <pre>
 *   X_j = (Y_j − 2Λ_j1 + 2ρ Z_j1) / (1 + 2ρ)
 *   W_j = Z_j2 − (Λ_j2 + (τ/2) I) / ρ                              (free block)
 *   v_j = [T*(Z_j2) − T*(Λ_j2)/ρ − (τ/(2ρ)) e_0] ./ D               (Toeplitz block)
 *   u   = [Σ_j w̄_j (T*(Z_j0) − T*(Λ_j0)/ρ) − (τ/(2ρ)) e_0] ./ D,   w̄_j = w_j / Σ_i w_i
 *   Z_j = P_PSD(Q_j + Λ_j/ρ)     (Hermitian eigendecomposition, negative eigenvalues dropped)
 *   Λ_j ← Λ_j + ρ (Q_j − Z_j)
 * </pre>
 * with D = T*(T(·)) diagonal ({@link HermitianToeplitz#gram}). Stops when the relative primal
 * residual ||Q − Z|| / max(||Q||, ||Z||) and the relative dual residual ρ||A*(Z − Z_prev)|| / ||A*Λ||
 * (A* the adjoint of (u, X, B) ↦ Q) are both ≤ tol. ρ starts at ρ_0 and is doubled or halved when
 * one residual exceeds 10× the other, at most every 10 iterations (residual balancing). Starts from
 * Z = Λ = 0, so a solve is a pure function of its input.
 */
public final class AnmAdmm {
    private final double tolerance;
    private final int maxIterations;
    private final double rho0;

    /** @param tolerance relative primal and dual residual tolerance; @param maxIterations cap; @param rho0 initial penalty */
    public AnmAdmm(double tolerance, int maxIterations, double rho0) {
        InvalidInputException.positive("ADMM tolerance", tolerance);
        InvalidInputException.positive("ADMM iteration limit", maxIterations);
        InvalidInputException.positive("ADMM initial penalty rho", rho0);
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.rho0 = rho0;
    }

    /** Tolerance 1e-6 (relative), at most 20000 iterations, ρ_0 = 1 [zhanghybrid A26]. */
    public static AnmAdmm defaults() {
        return new AnmAdmm(1e-6, 20000, 1);
    }

    public double tolerance() {
        return tolerance;
    }

    public int maxIterations() {
        return maxIterations;
    }

    /** Single observation, multiple snapshots (free second block), weight 1. */
    public AnmSolution solve(ZMatrixRMaj y, double tau) {
        return solve(List.of(AnmObservation.snapshots(y)), tau);
    }

    /** The joint weighted problem over observations sharing T(u) (same row count M). */
    public AnmSolution solve(List<AnmObservation> observations, double tau) {
        InvalidInputException.require(!observations.isEmpty(), "observations", 0, "need at least one");
        InvalidInputException.require(tau > 0 && Double.isFinite(tau), "regularization tau", tau, "must be positive and finite");
        int m = observations.get(0).rows();
        int jn = observations.size();
        double wsum = 0;
        for (AnmObservation o : observations) {
            InvalidInputException.require(o.rows() == m, "observation rows", o.rows(), "must all equal M = " + m);
            wsum += o.weight();
        }
        double[] dm = HermitianToeplitz.gram(m);
        int[] size = new int[jn];
        double[][] z = new double[jn][];
        double[][] lam = new double[jn][];
        double[][] q = new double[jn][];
        double[][] zPrev = new double[jn][];
        for (int j = 0; j < jn; j++) {
            size[j] = m + observations.get(j).columns();
            int len = 2 * size[j] * size[j];
            z[j] = new double[len];
            lam[j] = new double[len];
            q[j] = new double[len];
            zPrev[j] = new double[len];
        }
        double[] u = new double[2 * m];
        double[] tadj = new double[2 * Math.max(m, maxColumns(observations))];
        double[] tadj2 = new double[tadj.length];
        double rho = rho0;
        int lastChange = 0;
        double rp = Double.POSITIVE_INFINITY;
        double rd = Double.POSITIVE_INFINITY;
        int it = 0;
        ZMatrixRMaj[] work = new ZMatrixRMaj[jn];
        for (int j = 0; j < jn; j++) {
            work[j] = new ZMatrixRMaj(size[j], size[j]);
        }
        while (it < maxIterations) {
            it++;
            // u update from the (0,0) blocks of all observations.
            double[] acc = new double[2 * m];
            for (int j = 0; j < jn; j++) {
                int n = size[j];
                double wb = observations.get(j).weight() / wsum;
                HermitianToeplitz.adjoint(z[j], m, 0, 0, n, tadj);
                HermitianToeplitz.adjoint(lam[j], m, 0, 0, n, tadj2);
                for (int i = 0; i < 2 * m; i++) {
                    acc[i] += wb * (tadj[i] - tadj2[i] / rho);
                }
            }
            acc[0] -= tau / (2 * rho);
            for (int l = 0; l < m; l++) {
                u[2 * l] = acc[2 * l] / dm[l];
                u[2 * l + 1] = l == 0 ? 0 : acc[2 * l + 1] / dm[l];
            }
            for (int j = 0; j < jn; j++) {
                AnmObservation o = observations.get(j);
                int n = size[j];
                int lc = o.columns();
                double[] qj = q[j];
                double[] zj = z[j];
                double[] lj = lam[j];
                HermitianToeplitz.fill(u, qj, m, 0, 0, n);
                // X_j and its mirror X_j^H.
                double[] y = o.y().data;
                for (int r = 0; r < m; r++) {
                    for (int c = 0; c < lc; c++) {
                        int idx = 2 * (r * n + m + c);
                        int yi = 2 * (r * lc + c);
                        double xr = (y[yi] - 2 * lj[idx] + 2 * rho * zj[idx]) / (1 + 2 * rho);
                        double xi = (y[yi + 1] - 2 * lj[idx + 1] + 2 * rho * zj[idx + 1]) / (1 + 2 * rho);
                        qj[idx] = xr;
                        qj[idx + 1] = xi;
                        int mir = 2 * ((m + c) * n + r);
                        qj[mir] = xr;
                        qj[mir + 1] = -xi;
                    }
                }
                if (o.block() == AnmObservation.Block.FREE) {
                    for (int r = 0; r < lc; r++) {
                        for (int c = 0; c < lc; c++) {
                            int idx = 2 * ((m + r) * n + m + c);
                            qj[idx] = zj[idx] - lj[idx] / rho - (r == c ? tau / (2 * rho) : 0);
                            qj[idx + 1] = zj[idx + 1] - lj[idx + 1] / rho;
                        }
                    }
                } else {
                    double[] dl = HermitianToeplitz.gram(lc);
                    HermitianToeplitz.adjoint(zj, lc, m, m, n, tadj);
                    HermitianToeplitz.adjoint(lj, lc, m, m, n, tadj2);
                    double[] v = new double[2 * lc];
                    for (int l = 0; l < lc; l++) {
                        double e0 = l == 0 ? tau / (2 * rho) : 0;
                        v[2 * l] = (tadj[2 * l] - tadj2[2 * l] / rho - e0) / dl[l];
                        v[2 * l + 1] = l == 0 ? 0 : (tadj[2 * l + 1] - tadj2[2 * l + 1] / rho) / dl[l];
                    }
                    HermitianToeplitz.fill(v, qj, lc, m, m, n);
                }
            }
            // Z and Λ updates, residuals.
            double qq = 0;
            double zz = 0;
            double pr = 0;
            double[] dAccU = new double[2 * m];
            double[] lAccU = new double[2 * m];
            double dRest = 0;
            double lRest = 0;
            for (int j = 0; j < jn; j++) {
                AnmObservation o = observations.get(j);
                int n = size[j];
                double[] qj = q[j];
                double[] lj = lam[j];
                double[] zj = z[j];
                System.arraycopy(zj, 0, zPrev[j], 0, zj.length);
                double[] vd = work[j].data;
                for (int i = 0; i < vd.length; i++) {
                    vd[i] = qj[i] + lj[i] / rho;
                }
                projectPsd(work[j], zj);
                for (int i = 0; i < zj.length; i++) {
                    double d = qj[i] - zj[i];
                    lj[i] += rho * d;
                    pr += d * d;
                    qq += qj[i] * qj[i];
                    zz += zj[i] * zj[i];
                }
                // Dual residual pieces: A*(Z − Z_prev) and A*Λ.
                double wb = o.weight() / wsum;
                double[] dz = new double[zj.length];
                for (int i = 0; i < dz.length; i++) {
                    dz[i] = zj[i] - zPrev[j][i];
                }
                HermitianToeplitz.adjoint(dz, m, 0, 0, n, tadj);
                HermitianToeplitz.adjoint(lj, m, 0, 0, n, tadj2);
                for (int i = 0; i < 2 * m; i++) {
                    dAccU[i] += wb * tadj[i];
                    lAccU[i] += wb * tadj2[i];
                }
                int lc = o.columns();
                dRest += 4 * blockNorm2(dz, n, 0, m, m, lc);
                lRest += 4 * blockNorm2(lj, n, 0, m, m, lc);
                if (o.block() == AnmObservation.Block.FREE) {
                    dRest += blockNorm2(dz, n, m, m, lc, lc);
                    lRest += blockNorm2(lj, n, m, m, lc, lc);
                } else {
                    HermitianToeplitz.adjoint(dz, lc, m, m, n, tadj);
                    dRest += norm2(tadj, 2 * lc);
                    HermitianToeplitz.adjoint(lj, lc, m, m, n, tadj2);
                    lRest += norm2(tadj2, 2 * lc);
                }
            }
            rp = Math.sqrt(pr) / Math.max(Math.sqrt(Math.max(qq, zz)), 1e-300);
            rd = rho * Math.sqrt(norm2(dAccU, 2 * m) + dRest) / Math.max(Math.sqrt(norm2(lAccU, 2 * m) + lRest), 1e-300);
            if (rp <= tolerance && rd <= tolerance) {
                break;
            }
            if (it - lastChange >= 10) {
                if (rp > 10 * rd) {
                    rho *= 2;
                    lastChange = it;
                } else if (rd > 10 * rp) {
                    rho /= 2;
                    lastChange = it;
                }
            }
        }
        List<ZMatrixRMaj> xs = new ArrayList<>();
        List<ZMatrixRMaj> bs = new ArrayList<>();
        for (int j = 0; j < jn; j++) {
            int n = size[j];
            int lc = observations.get(j).columns();
            ZMatrixRMaj x = new ZMatrixRMaj(m, lc);
            ZMatrixRMaj b = new ZMatrixRMaj(lc, lc);
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < lc; c++) {
                    int idx = 2 * (r * n + m + c);
                    x.set(r, c, q[j][idx], q[j][idx + 1]);
                }
            }
            for (int r = 0; r < lc; r++) {
                for (int c = 0; c < lc; c++) {
                    int idx = 2 * ((m + r) * n + m + c);
                    b.set(r, c, q[j][idx], q[j][idx + 1]);
                }
            }
            xs.add(x);
            bs.add(b);
        }
        boolean ok = rp <= tolerance && rd <= tolerance;
        return new AnmSolution(u, xs, bs, AnmSolution.objective(observations, tau, u[0], xs, bs), ok, it, rp, rd, tau, "admm");
    }

    private static int maxColumns(List<AnmObservation> obs) {
        int c = 0;
        for (AnmObservation o : obs) {
            c = Math.max(c, o.columns());
        }
        return c;
    }

    private static double norm2(double[] a, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += a[i] * a[i];
        }
        return s;
    }

    private static double blockNorm2(double[] a, int stride, int r0, int c0, int rows, int cols) {
        double s = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int idx = 2 * ((r0 + r) * stride + c0 + c);
                s += a[idx] * a[idx] + a[idx + 1] * a[idx + 1];
            }
        }
        return s;
    }

    /**
     * out = P_PSD(v): Σ_{λ_i > 0} λ_i e_i e_i^H. The eigen-decomposition runs on v scaled by a power of two to a largest
     * entry in [1, 2) (exact, so results are unchanged in the normal range): when the optimum is X = 0 the iterates decay
     * geometrically, and the sums of squares of the tridiagonal reduction would otherwise underflow.
     */
    static void projectPsd(ZMatrixRMaj v, double[] out) {
        double big = 0;
        for (double a : v.data) {
            big = Math.max(big, Math.abs(a));
        }
        int shift = big > 0 && Double.isFinite(big) ? -Math.getExponent(big) : 0;
        ZMatrixRMaj w = v;
        if (shift != 0) {
            w = v.copy();
            double f = Math.scalb(1.0, shift);
            for (int i = 0; i < w.data.length; i++) {
                w.data[i] *= f;
            }
        }
        TridiagonalHermitianEigen e = TridiagonalHermitianEigen.decompose(w);
        double[] lambda = e.values();
        if (shift != 0) {
            for (int i = 0; i < lambda.length; i++) {
                lambda[i] = Math.scalb(lambda[i], -shift);
            }
        }
        int n = v.numRows;
        java.util.Arrays.fill(out, 0);
        double[] vd = e.vectors(0, n).data;
        for (int k = 0; k < n; k++) {
            double l = lambda[k];
            if (l <= 0) {
                continue;
            }
            for (int r = 0; r < n; r++) {
                double ar = vd[2 * (r * n + k)];
                double ai = vd[2 * (r * n + k) + 1];
                for (int c = r; c < n; c++) {
                    double br = vd[2 * (c * n + k)];
                    double bi = vd[2 * (c * n + k) + 1];
                    // λ a_r conj(a_c)
                    double re = l * (ar * br + ai * bi);
                    double im = l * (ai * br - ar * bi);
                    out[2 * (r * n + c)] += re;
                    out[2 * (r * n + c) + 1] += im;
                    if (c != r) {
                        out[2 * (c * n + r)] += re;
                        out[2 * (c * n + r) + 1] -= im;
                    }
                }
            }
        }
        for (int r = 0; r < n; r++) {
            out[2 * (r * n + r) + 1] = 0;
        }
    }
}
