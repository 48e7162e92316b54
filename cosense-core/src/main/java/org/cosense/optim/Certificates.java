package org.cosense.optim;

import static org.cosense.optim.DenseKernels.addSparse;
import static org.cosense.optim.DenseKernels.norm;
import static org.cosense.optim.DenseKernels.sq;

import org.cosense.optim.LmiProblem.Block;

/**
 * Infeasibility and unboundedness certificates, detected as in SDPT3: an infeasible-start
 * iterate approaches a Farkas ray when no optimum exists.
 * <ul>
 * <li>INFEASIBLE: a dual ray Y ⪰ 0 with ‖A*(Y) + Eᵀν‖ ≤ tol·b(Y,ν), where
 *     b(Y,ν) = −⟨F₀,Y⟩ + hᵀν > 0 (and small relative to ‖(Y, y, ν)‖ itself).</li>
 * <li>UNBOUNDED: a primal ray d = x with ‖F_lin(x) − S‖, ‖E x‖ ≤ tol·(−cᵀx) and ‖x‖ > 1/√tol.</li>
 * </ul>
 */
final class Certificates {
    private Certificates() {
    }

    /**
     * The certificate the iterate amounts to, or null. Only looked for on the side that is not
     * feasible to tolerance ({@code pres}, {@code dres} are the relative residuals).
     */
    static Status detect(LmiProblem p, SolverOptions opt, Iterate it, Residuals res, double pres, double dres) {
        double tol = opt.infeasibility();
        if (pres > opt.feasibility()) {
            double b = Residuals.dualLinearObjective(p, it);
            if (b > 0) {
                double[] aty = Residuals.adjoint(p, it.yMat, it.y, it.nu);
                double ny = 0;
                for (double[] yk : it.yMat) {
                    ny += sq(norm(yk));
                }
                ny = Math.sqrt(ny + sq(norm(it.y)) + sq(norm(it.nu)));
                // a ray: A*(Y) ≈ 0 relative both to its objective and to its size
                if (norm(aty) <= tol * b && norm(aty) <= Math.sqrt(tol) * ny) {
                    return Status.INFEASIBLE;
                }
            }
        }
        if (dres > opt.feasibility()) {
            double cx = 0;
            for (int i = 0; i < p.n; i++) {
                cx += p.c[i] * it.x[i];
            }
            if (cx < 0) {
                double a = 0;   // ‖F_lin(x) − S‖ = ‖R_p − F₀‖ and ‖E x‖
                for (int k = 0; k < p.blocks.size(); k++) {
                    Block b = p.blocks.get(k);
                    double[] t = res.rpBlock[k].clone();
                    addSparse(t, b.dim, b.constant, -1);
                    for (double v : t) {
                        a += v * v;
                    }
                }
                for (int r = 0; r < p.rows.size(); r++) {
                    a += sq(res.rpRow[r] - p.rows.get(r).constant);
                }
                for (int e = 0; e < p.equalities.size(); e++) {
                    a += sq(res.re[e] + p.equalities.get(e).constant);
                }
                if (Math.sqrt(a) <= tol * -cx && norm(it.x) > 1 / Math.sqrt(tol)) {
                    return Status.UNBOUNDED;
                }
            }
        }
        return null;
    }

    /** Scales the Farkas ray (the duals of an INFEASIBLE result) so that its dual objective b(Y,ν) is 1. */
    static void normalizeFarkasRay(LmiProblem p, Iterate it, InteriorPointSolver.Result r) {
        double b = Residuals.dualLinearObjective(p, it);
        if (b > 0) {
            for (double[] yk : r.y) {
                DenseKernels.scale(yk, 1 / b);
            }
            DenseKernels.scale(r.rowDual, 1 / b);
            DenseKernels.scale(r.eqDual, 1 / b);
        }
    }
}
