package org.cosense.systems.fangactive;

import java.util.ArrayList;
import java.util.List;

import org.cosense.bounds.AffineFisherInformation;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.HermitianEigen;
import org.cosense.optim.LinearConstraint;
import org.cosense.optim.Status;
import org.cosense.optim.TraceInverseProgram;
import org.cosense.optim.TraceInverseSolution;
import org.cosense.optim.TraceInverseSolver;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * TEST/REFERENCE ONLY: a slow, textbook log-barrier method (Boyd &amp; Vandenberghe 11.3) for tiny
 * {@link TraceInverseProgram}s (n_l ≤ ~6). Obviously right rather than fast: it minimizes
 * <pre>
 *   t·kappa − Σ_l log(kappa − f_l(X_l)) − Σ_l log det X_l − Σ_{j: ≤} log(−g_j(X)),
 *   f_l(X) = Σ_i w_i [F_l(X)^{-1}]_ii,   subject to the equalities g_j(X) = 0,
 * </pre>
 * by equality-constrained damped Newton with exact gradients and Hessians in the real coordinates
 * of the Hermitian blocks (orthonormal basis E_ii, (E_ij + E_ji)/√2, i(E_ij − E_ji)/√2), for
 * t = 1, 10, 100, … until the barrier gap m/t is below 1e-9 (the programs are normalized to kappa ≈ 1). Needs {@link TraceInverseProgram#start} (a
 * feasible point, boundary allowed) or falls back to multiples of the identity; the start is pulled
 * into the interior by X(α) = (1 − α) S + α γ c I. Its gradients are checked against finite
 * differences in {@code ReferenceBarrierSolverTest}, and it reproduces the spec's RS-A/RS-B values.
 */
final class ReferenceBarrierSolver implements TraceInverseSolver {
    private static final double GAP = 1e-9;
    private static final double MU = 10;
    static boolean DEBUG = false;

    private TraceInverseProgram prog;
    private int[] n;
    private int[] offset;
    private int dim; // all x's plus kappa (last)
    private List<double[][]> basisFim; // per block: [pq][k] = tr(M_pq B_k)
    private List<double[]> ineq; // gradient rows of ≤ constraints (over dim)
    private double[] ineqB;
    private List<double[]> eq;
    private double[] eqB;
    private int newtonSteps;

    @Override
    public synchronized TraceInverseSolution solve(TraceInverseProgram p) {
        setUp(p);
        double[] z = start();
        if (z == null) {
            return new TraceInverseSolution(Status.INFEASIBLE, null, Double.NaN, 0, "no strictly feasible start found");
        }
        newtonSteps = 0;
        int m = prog.blockCount() + ineq.size();
        for (int l = 0; l < n.length; l++) {
            m += n[l];
        }
        double t = 1;
        boolean ok = true;
        while (true) {
            ok &= centre(z, t);
            if (m / t < GAP) {
                break;
            }
            t *= MU;
        }
        List<ZMatrixRMaj> x = blocks(z);
        return new TraceInverseSolution(ok ? Status.OPTIMAL : Status.ITERATION_LIMIT, x, prog.objective(x), newtonSteps,
                ok ? "" : "Newton did not converge in some centring step");
    }

    // ------------------------------------------------------------------ coordinates

    /** tr(A B_k) for the basis of n×n Hermitian matrices, A Hermitian. */
    static double[] coordinates(ZMatrixRMaj a) {
        int nn = a.numRows;
        double[] c = new double[nn * nn];
        int k = 0;
        double r2 = Math.sqrt(2);
        for (int i = 0; i < nn; i++) {
            c[k++] = a.getReal(i, i);
        }
        for (int i = 0; i < nn; i++) {
            for (int j = i + 1; j < nn; j++) {
                c[k++] = r2 * 0.5 * (a.getReal(i, j) + a.getReal(j, i));
                c[k++] = r2 * 0.5 * (a.getImag(i, j) - a.getImag(j, i));
            }
        }
        return c;
    }

    /** X = Σ x_k B_k. */
    static ZMatrixRMaj matrix(double[] x, int off, int nn) {
        ZMatrixRMaj m = new ZMatrixRMaj(nn, nn);
        int k = off;
        double r2 = Math.sqrt(2);
        for (int i = 0; i < nn; i++) {
            m.set(i, i, x[k++], 0);
        }
        for (int i = 0; i < nn; i++) {
            for (int j = i + 1; j < nn; j++) {
                double re = x[k++] / r2;
                double im = x[k++] / r2;
                m.set(i, j, re, im);
                m.set(j, i, re, -im);
            }
        }
        return m;
    }

    private void setUp(TraceInverseProgram p) {
        prog = p;
        n = p.blockSizes();
        offset = new int[n.length];
        int d = 0;
        for (int l = 0; l < n.length; l++) {
            offset[l] = d;
            d += n[l] * n[l];
        }
        dim = d + 1;
        basisFim = new ArrayList<>();
        for (AffineFisherInformation f : p.fims()) {
            int q = f.parameterCount();
            double[][] b = new double[q * q][];
            for (int pq = 0; pq < q * q; pq++) {
                b[pq] = coordinates(f.coefficient(pq / q, pq % q));
            }
            basisFim.add(b);
        }
        ineq = new ArrayList<>();
        eq = new ArrayList<>();
        List<Double> ib = new ArrayList<>();
        List<Double> eb = new ArrayList<>();
        for (LinearConstraint c : p.constraints()) {
            double[] row = new double[dim];
            for (int l = 0; l < n.length; l++) {
                if (c.coefficients().get(l) != null) {
                    System.arraycopy(coordinates(c.coefficients().get(l)), 0, row, offset[l], n[l] * n[l]);
                }
            }
            if (c.kind() == LinearConstraint.Kind.EQUAL_ZERO) {
                eq.add(row);
                eb.add(c.offset());
            } else {
                ineq.add(row);
                ib.add(c.offset());
            }
        }
        ineqB = ib.stream().mapToDouble(Double::doubleValue).toArray();
        eqB = eb.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private List<ZMatrixRMaj> blocks(double[] z) {
        List<ZMatrixRMaj> x = new ArrayList<>();
        for (int l = 0; l < n.length; l++) {
            x.add(matrix(z, offset[l], n[l]));
        }
        return x;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    // ------------------------------------------------------------------ start

    private double[] start() {
        List<ZMatrixRMaj> s = prog.start();
        double[] alphas = s == null ? new double[] {1} : new double[] {0.3, 0.1, 0.03, 1e-2, 1e-3, 1e-4, 1e-5};
        double[] gammas = {1, 0.5, 0.1, 0.01, 1e-3, 1e-4};
        for (double a : alphas) {
            for (double g : gammas) {
                double[] z = new double[dim];
                for (int l = 0; l < n.length; l++) {
                    double c = s == null ? 1 : Math.max(ComplexLinalg.complexTrace(s.get(l)).re() / n[l], 1e-12);
                    ZMatrixRMaj x = ComplexLinalg.scale(a * g * c, ComplexLinalg.identity(n[l]));
                    if (s != null) {
                        x = ComplexLinalg.add(x, ComplexLinalg.scale(1 - a, ComplexLinalg.hermitianPart(s.get(l))));
                    }
                    System.arraycopy(coordinates(x), 0, z, offset[l], n[l] * n[l]);
                }
                boolean eqOk = true;
                for (int j = 0; j < eq.size(); j++) {
                    eqOk &= Math.abs(dot(eq.get(j), z) + eqB[j]) <= 1e-12 * (1 + Math.abs(eqB[j]));
                }
                if (!eqOk) {
                    continue;
                }
                double worst = 0;
                boolean fin = true;
                for (int l = 0; l < n.length; l++) {
                    double f = blockValue(l, z);
                    fin &= Double.isFinite(f);
                    worst = Math.max(worst, f);
                }
                if (!fin) {
                    continue;
                }
                z[dim - 1] = 1.5 * worst + 1e-9;
                if (Double.isFinite(barrier(z, 1)) && strictlyInterior(z)) {
                    return z;
                }
            }
        }
        return null;
    }

    /** Slacks well above rounding (a start on the boundary up to rounding would stall Newton). */
    private boolean strictlyInterior(double[] z) {
        for (int j = 0; j < ineq.size(); j++) {
            if (dot(ineq.get(j), z) + ineqB[j] > -1e-6 * (1 + Math.abs(ineqB[j]))) {
                return false;
            }
        }
        for (int l = 0; l < n.length; l++) {
            ZMatrixRMaj x = matrix(z, offset[l], n[l]);
            if (HermitianEigen.decompose(x).minEigenvalue() <= 1e-9 * ComplexLinalg.complexTrace(x).re()) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ barrier and derivatives

    /** F_l at z; null if not positive definite. */
    private DMatrixRMaj fim(int l, double[] z) {
        AffineFisherInformation f = prog.fims().get(l);
        int q = f.parameterCount();
        DMatrixRMaj fm = f.constant().copy();
        double[][] b = basisFim.get(l);
        for (int pq = 0; pq < q * q; pq++) {
            double s = 0;
            for (int k = 0; k < b[pq].length; k++) {
                s += b[pq][k] * z[offset[l] + k];
            }
            fm.data[pq] += s;
        }
        DMatrixRMaj sym = fm.copy();
        CommonOps_DDRM.transpose(fm, sym);
        CommonOps_DDRM.addEquals(sym, fm);
        CommonOps_DDRM.scale(0.5, sym);
        return sym;
    }

    /** F^{-1} through the Jacobi-equilibrated Cholesky factor (accurate for badly scaled F); null unless F ≻ 0. */
    private static DMatrixRMaj inversePd(DMatrixRMaj f) {
        int q = f.numRows;
        double[] d = new double[q];
        for (int i = 0; i < q; i++) {
            if (!(f.get(i, i) > 0)) {
                return null;
            }
            d[i] = 1 / Math.sqrt(f.get(i, i));
        }
        DMatrixRMaj sc = new DMatrixRMaj(q, q);
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                sc.set(i, j, d[i] * f.get(i, j) * d[j]);
            }
        }
        CholeskyDecomposition_F64<DMatrixRMaj> ch = DecompositionFactory_DDRM.chol(q, true);
        if (!ch.decompose(sc.copy())) {
            return null;
        }
        DMatrixRMaj low = ch.getT(null);
        DMatrixRMaj li = low.copy();
        if (!CommonOps_DDRM.invert(li)) {
            return null;
        }
        DMatrixRMaj inv = new DMatrixRMaj(q, q);
        CommonOps_DDRM.multTransA(li, li, inv); // S^{-1} = L^{-T} L^{-1}
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                inv.set(i, j, d[i] * inv.get(i, j) * d[j]);
            }
        }
        return inv;
    }

    private double blockValue(int l, double[] z) {
        DMatrixRMaj f = fim(l, z);
        DMatrixRMaj fi = inversePd(f);
        if (fi == null) {
            return Double.POSITIVE_INFINITY;
        }
        double s = 0;
        double[] w = prog.weights().get(l);
        for (int i = 0; i < w.length; i++) {
            s += w[i] * fi.get(i, i);
        }
        return s;
    }

    /** The barrier at parameter t; +∞ outside the domain. */
    double barrier(double[] z, double t) {
        return t * z[dim - 1] + logBarrier(z);
    }

    /** −Σ log(slacks) (the barrier without t·kappa); +∞ outside the domain. */
    double logBarrier(double[] z) {
        double kappa = z[dim - 1];
        double v = 0;
        for (int l = 0; l < n.length; l++) {
            double f = blockValue(l, z);
            if (!(kappa - f > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            v -= Math.log(kappa - f);
            double[] ev = HermitianEigen.decompose(matrix(z, offset[l], n[l])).values();
            for (double e : ev) {
                if (!(e > 0)) {
                    return Double.POSITIVE_INFINITY;
                }
                v -= Math.log(e);
            }
        }
        for (int j = 0; j < ineq.size(); j++) {
            double g = dot(ineq.get(j), z) + ineqB[j];
            if (!(g < 0)) {
                return Double.POSITIVE_INFINITY;
            }
            v -= Math.log(-g);
        }
        return v;
    }

    /** Gradient (length dim) and Hessian (dim×dim) of the barrier at t. */
    void derivatives(double[] z, double t, double[] grad, DMatrixRMaj hess) {
        java.util.Arrays.fill(grad, 0);
        hess.zero();
        double kappa = z[dim - 1];
        grad[dim - 1] += t;
        for (int l = 0; l < n.length; l++) {
            int nl2 = n[l] * n[l];
            int off = offset[l];
            // epigraph term −log(kappa − f_l)
            DMatrixRMaj fi = inversePd(fim(l, z));
            int q = fi.numRows;
            double[] w = prog.weights().get(l);
            DMatrixRMaj om = new DMatrixRMaj(q, q);
            for (int i = 0; i < q; i++) {
                om.set(i, i, w[i]);
            }
            DMatrixRMaj pm = new DMatrixRMaj(q, q);
            DMatrixRMaj tmp = new DMatrixRMaj(q, q);
            CommonOps_DDRM.mult(fi, om, tmp);
            CommonOps_DDRM.mult(tmp, fi, pm); // P = F^{-1} Ω F^{-1}
            double f = CommonOps_DDRM.trace(tmp);
            double s = kappa - f;
            double[][] b = basisFim.get(l);
            DMatrixRMaj[] dF = new DMatrixRMaj[nl2];
            double[] gf = new double[nl2]; // ∇f = −tr(P dF_k)
            for (int k = 0; k < nl2; k++) {
                dF[k] = new DMatrixRMaj(q, q);
                for (int pq = 0; pq < q * q; pq++) {
                    dF[k].data[pq] = b[pq][k];
                }
                DMatrixRMaj sym = dF[k].copy();
                CommonOps_DDRM.transpose(dF[k], sym);
                CommonOps_DDRM.addEquals(sym, dF[k]);
                CommonOps_DDRM.scale(0.5, sym);
                dF[k] = sym;
                gf[k] = -dot(pm.data, dF[k].data);
            }
            // ∇²f_kk' = 2 tr(P dF_k F^{-1} dF_k')
            DMatrixRMaj[] tk = new DMatrixRMaj[nl2];
            for (int k = 0; k < nl2; k++) {
                DMatrixRMaj a = new DMatrixRMaj(q, q);
                tk[k] = new DMatrixRMaj(q, q);
                CommonOps_DDRM.mult(pm, dF[k], a);
                CommonOps_DDRM.mult(a, fi, tk[k]);
            }
            for (int k = 0; k < nl2; k++) {
                grad[off + k] += gf[k] / s;
                for (int k2 = 0; k2 < nl2; k2++) {
                    double h2 = 2 * dot(tk[k].data, transposeOf(dF[k2]).data);
                    hess.add(off + k, off + k2, h2 / s + gf[k] * gf[k2] / (s * s));
                }
                hess.add(off + k, dim - 1, -gf[k] / (s * s));
                hess.add(dim - 1, off + k, -gf[k] / (s * s));
            }
            grad[dim - 1] += -1 / s;
            hess.add(dim - 1, dim - 1, 1 / (s * s));
            // −log det X: grad −tr(X^{-1} B_k), Hessian tr(X^{-1} B_k X^{-1} B_k')
            ZMatrixRMaj xi = ComplexLinalg.inverse(matrix(z, off, n[l]));
            double[] gx = coordinates(ComplexLinalg.hermitianPart(xi));
            ZMatrixRMaj[] xb = new ZMatrixRMaj[nl2];
            for (int k = 0; k < nl2; k++) {
                double[] e = new double[nl2];
                e[k] = 1;
                xb[k] = ComplexLinalg.product(xi, matrix(e, 0, n[l]));
                grad[off + k] -= gx[k];
            }
            for (int k = 0; k < nl2; k++) {
                for (int k2 = 0; k2 < nl2; k2++) {
                    hess.add(off + k, off + k2, ComplexLinalg.traceOfProduct(xb[k], xb[k2]).re());
                }
            }
        }
        for (int j = 0; j < ineq.size(); j++) {
            double[] a = ineq.get(j);
            double g = dot(a, z) + ineqB[j];
            for (int k = 0; k < dim; k++) {
                if (a[k] == 0) {
                    continue;
                }
                grad[k] += a[k] / (-g);
                for (int k2 = 0; k2 < dim; k2++) {
                    hess.add(k, k2, a[k] * a[k2] / (g * g));
                }
            }
        }
    }

    private static DMatrixRMaj transposeOf(DMatrixRMaj a) {
        DMatrixRMaj t = new DMatrixRMaj(a.numCols, a.numRows);
        CommonOps_DDRM.transpose(a, t);
        return t;
    }

    /** Damped equality-constrained Newton on the barrier at t, in place; false if not converged. */
    private boolean centre(double[] z, double t) {
        int me = eq.size();
        double[] grad = new double[dim];
        DMatrixRMaj hess = new DMatrixRMaj(dim, dim);
        for (int it = 0; it < 200; it++) {
            newtonSteps++;
            derivatives(z, t, grad, hess);
            DMatrixRMaj kkt = new DMatrixRMaj(dim + me, dim + me);
            DMatrixRMaj rhs = new DMatrixRMaj(dim + me, 1);
            double scale = 0;
            for (int i = 0; i < dim; i++) {
                scale = Math.max(scale, Math.abs(hess.get(i, i)));
            }
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < dim; j++) {
                    kkt.set(i, j, hess.get(i, j));
                }
                kkt.add(i, i, 1e-14 * scale);
                rhs.set(i, 0, -grad[i]);
            }
            for (int j = 0; j < me; j++) {
                for (int i = 0; i < dim; i++) {
                    kkt.set(dim + j, i, eq.get(j)[i]);
                    kkt.set(i, dim + j, eq.get(j)[i]);
                }
            }
            DMatrixRMaj sol = new DMatrixRMaj(dim + me, 1);
            if (!CommonOps_DDRM.solve(kkt, rhs, sol)) {
                if (DEBUG) {
                    System.err.println("singular KKT t=" + t);
                }
                return false;
            }
            double[] dz = new double[dim];
            for (int i = 0; i < dim; i++) {
                dz[i] = sol.get(i, 0);
            }
            double lambda2 = -dot(grad, dz);
            if (lambda2 / 2 <= 1e-10) {
                return true;
            }
            double phi = logBarrier(z);
            double step = 1;
            double[] trial = new double[dim];
            while (true) {
                for (int i = 0; i < dim; i++) {
                    trial[i] = z[i] + step * dz[i];
                }
                // φ(trial) − φ(z) with t·Δkappa exact (t·kappa alone would swamp the decrease in rounding)
                double v = t * (trial[dim - 1] - z[dim - 1]) + (logBarrier(trial) - phi);
                if (v <= -0.25 * step * lambda2) {
                    break;
                }
                step *= 0.5;
                if (step < 1e-14) {
                    if (DEBUG) {
                        System.err.println("stall t=" + t + " lambda2=" + lambda2 + " phi=" + phi);
                    }
                    if (DEBUG && lambda2 >= 1e-2) {
                        System.err.println("FAIL t=" + t + " lambda2=" + lambda2 + " kappa=" + z[dim - 1] + " dim=" + dim + " eq=" + eq.size());
                    }
                    return lambda2 < 1e-2; // stalled at rounding level, near the central path: suboptimality ~ (m + λ²)/t
                }
            }
            System.arraycopy(trial, 0, z, 0, dim);
            if (DEBUG && it > 190) {
                System.err.println("it " + it + " t=" + t + " lambda2=" + lambda2 + " step=" + step + " kappa=" + z[dim - 1]);
            }
        }
        return false;
    }
}
