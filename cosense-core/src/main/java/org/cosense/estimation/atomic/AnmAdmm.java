package org.cosense.estimation.atomic;

import java.util.ArrayList;
import java.util.List;
import org.cosense.InvalidInputException;
import org.cosense.math.HermitianPsdProjection;
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
 *   Q̂_j = α Q_j + (1 − α) Z_j                                      (over-relaxation)
 *   Z_j = P_PSD(Q̂_j + Λ_j/ρ)    ({@link HermitianPsdProjection}: negative eigenvalues dropped)
 *   Λ_j ← Λ_j + ρ (Q̂_j − Z_j)
 * </pre>
 * with D = T*(T(·)) diagonal ({@link HermitianToeplitz#gram}) and Z_j on the right of Q̂_j the
 * previous iterate (Boyd et al. 2011, Sec. 3.4.3; α = 1 is plain ADMM). Stops when the relative
 * primal residual ||Q − Z|| / max(||Q||, ||Z||) and the relative dual residual
 * ρ||A*(Z − Z_prev)|| / ||A*Λ|| (A* the adjoint of (u, X, B) ↦ Q) are both ≤ tol. ρ starts at ρ_0
 * and is doubled or halved when one residual exceeds 10× the other, at most once per balancing
 * period (residual balancing, Sec. 3.4.1). Starts from Z = Λ = 0, so a solve is a pure function of
 * its input.
 */
public final class AnmAdmm {
    /** Over-relaxation factor of {@link #defaults()} [zhanghybrid A26]. */
    public static final double DEFAULT_RELAXATION = 1.6;
    private static final double BALANCE_RATIO = 10;
    private static final double BALANCE_FACTOR = 2;

    private final double tolerance;
    private final int maxIterations;
    private final double rho0;
    private final double relaxation;
    private final int balancePeriod;

    /**
     * @param tolerance relative primal and dual residual tolerance; @param maxIterations cap; @param rho0 initial penalty;
     * @param relaxation over-relaxation α in [1, 2) (1: none); @param balancePeriod least number of iterations between two
     * changes of ρ by residual balancing (1: every iteration)
     */
    public AnmAdmm(double tolerance, int maxIterations, double rho0, double relaxation, int balancePeriod) {
        InvalidInputException.positive("ADMM tolerance", tolerance);
        InvalidInputException.positive("ADMM iteration limit", maxIterations);
        InvalidInputException.positive("ADMM initial penalty rho", rho0);
        InvalidInputException.require(relaxation >= 1 && relaxation < 2, "ADMM relaxation alpha", relaxation, "must be in [1, 2)");
        InvalidInputException.positive("ADMM penalty update period", balancePeriod);
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.rho0 = rho0;
        this.relaxation = relaxation;
        this.balancePeriod = balancePeriod;
    }

    /** The default update rule (α = 1.6, ρ rebalanced at every iteration) with the given tolerance, cap and ρ_0. */
    public AnmAdmm(double tolerance, int maxIterations, double rho0) {
        this(tolerance, maxIterations, rho0, DEFAULT_RELAXATION, 1);
    }

    /**
     * Tolerance 1e-6 (relative), at most 20000 iterations, ρ_0 = 1, over-relaxation α = 1.6, ρ doubled or halved at every
     * iteration where one residual exceeds ten times the other [zhanghybrid A26].
     */
    public static AnmAdmm defaults() {
        return new AnmAdmm(1e-6, 20000, 1);
    }

    /**
     * The update rule of the numpy ADMM in {@code cvxopt_anm.py}: no over-relaxation, ρ changed at most every 10
     * iterations; same tolerance, cap and ρ_0 as {@link #defaults()}. Its iterates match the peer's iteration for
     * iteration up to rounding [zhanghybrid A26].
     */
    public static AnmAdmm peerRule() {
        return new AnmAdmm(1e-6, 20000, 1, 1, 10);
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
        double[][] work = new double[jn][];
        double[][] dz = new double[jn][];
        HermitianPsdProjection[] psd = new HermitianPsdProjection[jn];
        for (int j = 0; j < jn; j++) {
            work[j] = new double[2 * size[j] * size[j]];
            dz[j] = new double[2 * size[j] * size[j]];
            psd[j] = new HermitianPsdProjection(size[j]);
        }
        double[] acc = new double[2 * m];
        double[] v = new double[tadj.length];
        double[][] toeplitzGram = new double[jn][];
        for (int j = 0; j < jn; j++) {
            toeplitzGram[j] = HermitianToeplitz.gram(observations.get(j).columns());
        }
        double[][] lamAdjoint = new double[jn][2 * m];
        double[] dAccU = new double[2 * m];
        double[] lAccU = new double[2 * m];
        while (it < maxIterations) {
            it++;
            // u update from the (0,0) blocks of all observations.
            java.util.Arrays.fill(acc, 0);
            for (int j = 0; j < jn; j++) {
                int n = size[j];
                double wb = observations.get(j).weight() / wsum;
                HermitianToeplitz.adjoint(z[j], m, 0, 0, n, tadj);
                double[] la = lamAdjoint[j];
                for (int i = 0; i < 2 * m; i++) {
                    acc[i] += wb * (tadj[i] - la[i] / rho);
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
                    double[] dl = toeplitzGram[j];
                    HermitianToeplitz.adjoint(zj, lc, m, m, n, tadj);
                    HermitianToeplitz.adjoint(lj, lc, m, m, n, tadj2);
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
            java.util.Arrays.fill(dAccU, 0);
            java.util.Arrays.fill(lAccU, 0);
            double dRest = 0;
            double lRest = 0;
            for (int j = 0; j < jn; j++) {
                AnmObservation o = observations.get(j);
                int n = size[j];
                double[] qj = q[j];
                double[] lj = lam[j];
                // The previous Z_j becomes zPrev[j] by swapping buffers; the projection writes the new one.
                double[] zp = z[j];
                double[] zj = zPrev[j];
                z[j] = zj;
                zPrev[j] = zp;
                double[] vd = work[j];
                for (int i = 0; i < vd.length; i++) {
                    // over-relaxed Q̂ = α Q + (1 − α) Z_prev, kept in vd until the multiplier update
                    vd[i] = relaxation * qj[i] + (1 - relaxation) * zp[i] + lj[i] / rho;
                }
                psd[j].project(vd, zj);
                double[] dzj = dz[j];
                for (int i = 0; i < zj.length; i++) {
                    double d = qj[i] - zj[i];
                    lj[i] += rho * (relaxation * qj[i] + (1 - relaxation) * zp[i] - zj[i]);
                    pr += d * d;
                    qq += qj[i] * qj[i];
                    zz += zj[i] * zj[i];
                    dzj[i] = zj[i] - zp[i];
                }
                // Dual residual pieces: A*(Z − Z_prev) and A*Λ.
                double wb = o.weight() / wsum;
                HermitianToeplitz.adjoint(dzj, m, 0, 0, n, tadj);
                // T* of Λ_j's (0,0) block, kept for the next u update (Λ_j does not change in between).
                double[] la = lamAdjoint[j];
                HermitianToeplitz.adjoint(lj, m, 0, 0, n, la);
                for (int i = 0; i < 2 * m; i++) {
                    dAccU[i] += wb * tadj[i];
                    lAccU[i] += wb * la[i];
                }
                int lc = o.columns();
                dRest += 4 * blockNorm2(dzj, n, 0, m, m, lc);
                lRest += 4 * blockNorm2(lj, n, 0, m, m, lc);
                if (o.block() == AnmObservation.Block.FREE) {
                    dRest += blockNorm2(dzj, n, m, m, lc, lc);
                    lRest += blockNorm2(lj, n, m, m, lc, lc);
                } else {
                    HermitianToeplitz.adjoint(dzj, lc, m, m, n, tadj);
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
            if (it - lastChange >= balancePeriod) {
                if (rp > BALANCE_RATIO * rd) {
                    rho *= BALANCE_FACTOR;
                    lastChange = it;
                } else if (rd > BALANCE_RATIO * rp) {
                    rho /= BALANCE_FACTOR;
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
}
