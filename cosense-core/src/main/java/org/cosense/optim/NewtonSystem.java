package org.cosense.optim;

import org.cosense.optim.LmiProblem.Row;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The factored Newton system of one iteration: M Δx − EᵀΔν = g, E Δx = r_e, with M the Schur
 * complement (factored, with a small diagonal shift if it is numerically singular) and the
 * equalities eliminated through E M⁻¹ Eᵀ.
 */
final class NewtonSystem {
    /** Cholesky attempts, the shift growing ×100 from 1e-15 of M's largest diagonal entry. */
    private static final int FACTOR_ATTEMPTS = 8;

    private final LmiProblem p;
    private final SchurComplement schur;
    private final int n;
    /** Relative diagonal shift used in the factorization (0 if none was needed). */
    private double reg;
    private LinearSolverDense<DMatrixRMaj> eSolver;   // E M⁻¹ Eᵀ (me × me), factored
    private DMatrixRMaj minvEt;                       // M⁻¹ Eᵀ (n × me)

    private NewtonSystem(LmiProblem p, SchurComplement schur) {
        this.p = p;
        this.schur = schur;
        this.n = p.n;
    }

    /** Factors the assembled Schur complement and the equality block; null if M or E M⁻¹ Eᵀ cannot be factored. */
    static NewtonSystem factor(LmiProblem p, SchurComplement sc) {
        double maxDiag = sc.maxDiagonal();
        NewtonSystem nw = new NewtonSystem(p, sc);
        double reg = 0;
        boolean ok = false;
        for (int attempt = 0; attempt < FACTOR_ATTEMPTS; attempt++) {
            if (sc.factor(reg * Math.max(maxDiag, 1e-300))) {
                if (InteriorPointSolver.DEBUG && reg > 0) System.err.println("  reg " + reg);
                ok = true;
                break;
            }
            reg = reg == 0 ? 1e-15 : reg * 100;
        }
        if (!ok) {
            return null;
        }
        nw.reg = reg;
        int me = p.equalities.size();
        if (me > 0) {
            int n = p.n;
            DMatrixRMaj et = new DMatrixRMaj(n, me);
            for (int e = 0; e < me; e++) {
                Row row = p.equalities.get(e);
                for (int j = 0; j < row.idx.length; j++) {
                    et.add(row.idx[j], e, row.val[j]);
                }
            }
            nw.minvEt = new DMatrixRMaj(n, me);
            for (int e = 0; e < me; e++) {
                double[] col = new double[n];
                for (int i = 0; i < n; i++) {
                    col[i] = et.get(i, e);
                }
                double[] sol = nw.solveM(col);
                for (int i = 0; i < n; i++) {
                    nw.minvEt.set(i, e, sol[i]);
                }
            }
            DMatrixRMaj emet = new DMatrixRMaj(me, me);
            for (int e = 0; e < me; e++) {
                Row row = p.equalities.get(e);
                for (int f = 0; f < me; f++) {
                    double sum = 0;
                    for (int j = 0; j < row.idx.length; j++) {
                        sum += row.val[j] * nw.minvEt.get(row.idx[j], f);
                    }
                    emet.set(e, f, sum);
                }
            }
            nw.eSolver = LinearSolverFactory_DDRM.lu(me);
            if (!nw.eSolver.setA(emet.copy())) {
                return null;
            }
        }
        return nw;
    }

    /** The step (Δx, Δν) of a right-hand side (g, r_e). */
    record Step(double[] dx, double[] dnu) {
    }

    /** Solves M Δx − EᵀΔν = g, E Δx = re (Δx = M⁻¹ g + M⁻¹Eᵀ Δν with (E M⁻¹ Eᵀ) Δν = re − E M⁻¹ g). */
    Step solve(double[] g, double[] re) {
        int me = re.length;
        double[] dx = solveM(g);
        double[] dnu = new double[me];
        if (me > 0) {
            DMatrixRMaj rhs = new DMatrixRMaj(me, 1);
            for (int e = 0; e < me; e++) {
                rhs.data[e] = re[e] - p.equalities.get(e).evalLinear(dx);
            }
            DMatrixRMaj dn = new DMatrixRMaj(me, 1);
            eSolver.solve(rhs, dn);
            dnu = dn.data;
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int e = 0; e < me; e++) {
                    sum += minvEt.get(i, e) * dnu[e];
                }
                dx[i] += sum;
            }
        }
        return new Step(dx, dnu);
    }

    /**
     * M⁻¹ b with iterative refinement against the unshifted M: the residual b − M Δx is exactly
     * what the dual residual inherits, so a shift needed to factor a nearly singular M (the R
     * directions a rank-one channel cannot see, RS-A) must not leak into the duals.
     */
    private double[] solveM(double[] b) {
        double[] x0 = new double[n];
        schur.solve(b, x0);
        int steps = reg > 0 ? 20 : 2;
        double prev = Double.POSITIVE_INFINITY;
        double[] best = x0.clone();
        double[] r = new double[n];
        double[] cv = new double[n];
        for (int it = 0; it < steps; it++) {
            schur.multiply(x0, r);
            double rn = 0;
            for (int i = 0; i < n; i++) {
                double v = b[i] - r[i];
                r[i] = v;
                rn += v * v;
            }
            if (!(rn < 0.25 * prev) || rn == 0) {
                if (!(rn < prev)) {
                    x0 = best;
                }
                break;
            }
            prev = rn;
            best = x0.clone();
            schur.solve(r, cv);
            for (int i = 0; i < n; i++) {
                x0[i] += cv[i];
            }
        }
        return x0;
    }
}
