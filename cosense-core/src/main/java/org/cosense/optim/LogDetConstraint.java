package org.cosense.optim;

import java.util.ArrayList;
import java.util.List;

import org.cosense.optim.LmiProblem.Block;

/**
 * The constraint log det G(x) ≥ ℓ by the Lagrangian method (why: the conic interior-point method
 * handles −w log det in the objective — Toh's complementarity S Y = w I — but a log-det constraint
 * needs the exponential cone, which it does not have).
 *
 * <pre>
 *   P:     minimize f(x)  s.t.  (the other constraints),  log det G(x) ≥ ℓ
 *   P(λ):  minimize f(x) − λ log det G(x)  s.t. (the other constraints),   λ ≥ 0
 *   h(λ) = log det G(x*(λ)) is nondecreasing in λ (convexity); the dual function of P in λ is
 *   d(λ) = d_{P(λ)} + λ ℓ.  KKT of P ⇔ x*(λ*) with λ* (h(λ*) − ℓ) = 0, h(λ*) ≥ ℓ.
 * </pre>
 * Algorithm: bracket λ* by factors of 4 from λ = 1 (the programs arrive O(1)-scaled), then bisect
 * on log λ until |h − ℓ| ≤ 1e-9 (1 + |ℓ|) (or 60 steps), keeping the bracket end with h ≥ ℓ (primal
 * feasible). If h ≥ ℓ down to λ = 1e-12, the program without the constraint is solved: if it meets
 * it, λ* = 0 (inactive). (λ = 0 is not the start: without the −log det term the optimum may sit
 * on det G = 0, a degenerate program.) If h < ℓ up to λ = 1e12, the program max log det G(x) over
 * the other constraints decides: below ℓ → INFEASIBLE.
 * The reported objective is f(x) (the −λ log det G term removed), the dual objective d(λ), and the
 * gap their difference; each inner solve is the ordinary method.
 */
final class LogDetConstraint {
    private static final boolean DEBUG = Boolean.getBoolean("cosense.optim.debug");

    private LogDetConstraint() {
    }

    record Outcome(InteriorPointSolver.Result result, double multiplier, int innerSolves) {
    }

    private static LmiProblem withWeight(LmiProblem p, int block, double weight, boolean dropObjective) {
        List<Block> blocks = new ArrayList<>(p.blocks);
        Block b = p.blocks.get(block);
        blocks.set(block, new Block(b.name, b.dim, weight, b.constant, b.vars, b.coefs));
        if (dropObjective) {
            for (int k = 0; k < blocks.size(); k++) {
                Block o = blocks.get(k);
                if (k != block && o.logDetWeight > 0) {
                    blocks.set(k, new Block(o.name, o.dim, 0, o.constant, o.vars, o.coefs));
                }
            }
        }
        double[] c = dropObjective ? new double[p.n] : p.c;
        return new LmiProblem(p.n, c, dropObjective ? 0 : p.c0, blocks, p.rows, p.equalities);
    }

    /** log det of the block's slack G(x) at the result. */
    private static double h(InteriorPointSolver.Result r, LmiProblem p, int block) {
        return InteriorPointSolver.logDet(r.s[block], p.blocks.get(block).dim);
    }

    static Outcome solve(LmiProblem p, int block, double level, SolverOptions opt) {
        double tol = 1e-9 * (1 + Math.abs(level));
        int[] solves = {0};
        java.util.function.DoubleFunction<InteriorPointSolver.Result> at = lam -> {
            solves[0]++;
            InteriorPointSolver.Result r = InteriorPointSolver.solve(withWeight(p, block, lam, false), opt);
            if (DEBUG) System.err.println("lambda " + lam + " " + r.status + (r.status.hasPoint() ? " h " + h(r, p, block) : ""));
            return r;
        };
        java.util.function.Predicate<InteriorPointSolver.Result> feasible = r -> r.status.hasPoint() && h(r, p, block) >= level - tol;
        // bracket λ* by factors of 4 from λ = 1 (programs arrive O(1)-scaled); lo: h < ℓ (or λ = 0), hi: h ≥ ℓ
        double lam = 1;
        InteriorPointSolver.Result r = at.apply(lam);
        double lo;
        double hi;
        InteriorPointSolver.Result rHi;
        if (feasible.test(r)) {
            hi = lam;
            rHi = r;
            lo = 0;
            while (true) {
                lam /= 4;
                if (lam < 1e-12) {
                    // h ≥ ℓ for every λ > 0 tried: the constraint is inactive if the program without it satisfies it
                    InteriorPointSolver.Result r0 = at.apply(0);
                    // a solve that stalled within 10x of the tolerances (NEAR_OPTIMAL) is accepted as well
                    if ((r0.status == Status.OPTIMAL || r0.status == Status.NEAR_OPTIMAL) && h(r0, p, block) >= level - tol) {
                        return new Outcome(r0, 0, solves[0]);
                    }
                    break;
                }
                r = at.apply(lam);
                if (!feasible.test(r)) {
                    lo = lam;
                    break;
                }
                hi = lam;
                rHi = r;
            }
        } else {
            lo = lam;
            while (true) {
                lam *= 4;
                if (lam > 1e12) {
                    // max log det G over the other constraints: below ℓ means no point satisfies all constraints
                    solves[0]++;
                    InteriorPointSolver.Result m = InteriorPointSolver.solve(withWeight(p, block, 1, true), opt);
                    if (m.status.hasPoint() && h(m, p, block) < level - tol) {
                        m.status = Status.INFEASIBLE;
                        return new Outcome(m, Double.NaN, solves[0]);
                    }
                    r.status = Status.NUMERICAL_ERROR;
                    return new Outcome(r, lam, solves[0]);
                }
                r = at.apply(lam);
                if (feasible.test(r)) {
                    hi = lam;
                    rHi = r;
                    break;
                }
                lo = lam;
            }
        }
        double lamHi = hi;
        for (int it = 0; it < 60 && lo > 0 && hi / lo > 1 + 1e-12; it++) {
            double mid = Math.sqrt(lo * hi);
            r = at.apply(mid);
            if (feasible.test(r)) {
                hi = mid;
                rHi = r;
                lamHi = mid;
                if (h(r, p, block) <= level + tol) {
                    break;
                }
            } else {
                lo = mid;
            }
        }
        int count = solves[0];
        // report P's objective f(x) and the dual function d(λ) = d_{P(λ)} + λ ℓ
        double hx = h(rHi, p, block);
        rHi.primalObjective += lamHi * hx;
        rHi.dualObjective += lamHi * level;
        rHi.gap = rHi.primalObjective - rHi.dualObjective;
        rHi.relativeGap = Math.abs(rHi.gap) / Math.max(Math.max(Math.abs(rHi.primalObjective), Math.abs(rHi.dualObjective)), Double.MIN_NORMAL);
        return new Outcome(rHi, lamHi, count);
    }
}
