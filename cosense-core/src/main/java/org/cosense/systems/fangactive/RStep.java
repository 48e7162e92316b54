package org.cosense.systems.fangactive;

import java.util.ArrayList;
import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.bounds.AffineFisherInformation;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.HermitianEigen;
import org.cosense.optim.LinearConstraint;
import org.cosense.optim.Status;
import org.cosense.optim.TraceAffineForm;
import org.cosense.optim.TraceInverseProgram;
import org.cosense.optim.TraceInverseSolution;
import org.cosense.optim.TraceInverseSolver;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * The R-step (P2.1)/(P5.1) of the AO ([fangactive S3.10]) through a {@link TraceInverseSolver}.
 *
 * <p>The program handed to the solver ({@link #program}): L blocks X_l = R_l / P_t (M×M),
 * <pre>
 *   minimize kappa  s.t.  Σ_i w_i [F~_l(X_l)^{-1}]_ii ≤ kappa  (l = 1..L),  X_l ⪰ 0,
 *                         Σ_l tr X_l − L ≤ 0                                         (18b)
 *                         tr((P_t/P_s) K_l X_l) + (c_l − P_s)/P_s ≤ 0   (active IRSs only; (18a)/(42a))
 *   F~_l(X) = nu · S (F_0^(l) + Σ tr(M^(l)_pq P_t X) E_pq) S,  S = diag(1, 1, |beta_l|, |beta_l|),
 *   w = (1, 1, |beta_l|^2, |beta_l|^2),  nu = max_l CRB_l at the start point (so kappa ≈ 1 there),
 * </pre>
 * so that max_l CRB_l(R) = nu · kappa at R = P_t X. The answer is mapped back (R = P_t X),
 * projected onto the PSD cone (eigenvalues clipped), repaired to exact feasibility (IRS budgets by a
 * per-slot factor, (18b) by a common factor), and compared with the incumbent: the better exact
 * max-CRB wins, so the step never increases the objective ([fangactive S3.9], [fangactive C27]).
 */
public final class RStep {
    /**
     * Relative tolerance of the incumbent's feasibility check: a budget exceeded by rounding (e.g. an IRS power
     * P_s (1 + 2.2e-16) after the exact re-evaluation of a design scaled onto the budget) is met. The same
     * relative 1e-9 as the sweep continuation's feasibility test in {@link FangDesigner}; the figures check the
     * designs at 1e-6 ([fangactive A16]).
     */
    public static final double FEASIBILITY_TOLERANCE = 1e-9;

    private RStep() {
    }

    /**
     * @param covariances R_l
     * @param crbs        exact CRB_l (Prop. 1/2)
     * @param maxCrb      max_l CRB_l
     * @param status      the solver's status (its point is used whatever the status, also NEAR_OPTIMAL or
     *                    ITERATION_LIMIT: it is repaired to exact feasibility and kept only if it beats the incumbent)
     * @param fromSolver  true when the solver's (repaired) point beat the incumbent
     */
    public record Result(List<ZMatrixRMaj> covariances, double[] crbs, double maxCrb, Status status, boolean fromSolver) {
    }

    /**
     * Solves the R-step for fixed reflections. {@code incumbent} (may be null) is a current design; it is
     * used as the solver's start and kept when the solver does not improve on it, if it is feasible.
     */
    public static Result solve(SensingMode mode, List<IrsSlot> slots, List<double[]> psis, Budget budget, boolean irsBudgets,
            List<ZMatrixRMaj> incumbent, TraceInverseSolver solver) {
        RStepProblem data = RStepProblem.of(mode, slots, psis, budget, true);
        int l = slots.size();
        for (int k = 0; k < l; k++) {
            InvalidInputException.require(!irsBudgets || data.powers().get(k).c() < budget.irsPower(), "IRS noise power c_l", k + 1,
                    data.powers().get(k).c(), "must be below P_s = " + budget.irsPower() + " (apply RStep.guard first)");
        }
        List<ZMatrixRMaj> start = incumbent != null && feasible(data, incumbent, irsBudgets) ? incumbent : fallbackStart(data, irsBudgets);
        double startValue = exactObjective(mode, slots, psis, start);
        TraceInverseProgram program = program(data, irsBudgets, start);
        List<ZMatrixRMaj> bases = Subspace.bases(slots, program);
        TraceInverseSolution sol = Subspace.expand(solver.solve(Subspace.reduce(program, bases)), bases);
        List<ZMatrixRMaj> best = start;
        double bestValue = startValue;
        boolean fromSolver = false;
        if (sol.hasPoint()) {
            List<ZMatrixRMaj> r = repair(data, irsBudgets, sol.x());
            double v = exactObjective(mode, slots, psis, r);
            if (v < bestValue || !Double.isFinite(bestValue)) {
                best = r;
                bestValue = v;
                fromSolver = true;
            }
        }
        double[] crbs = new double[l];
        for (int k = 0; k < l; k++) {
            crbs[k] = mode.crb(slots.get(k), psis.get(k), best.get(k));
        }
        return new Result(best, crbs, bestValue, sol.status(), fromSolver);
    }

    /** max_l CRB_l (exact Prop. 1/2). */
    static double exactObjective(SensingMode mode, List<IrsSlot> slots, List<double[]> psis, List<ZMatrixRMaj> rs) {
        double w = 0;
        for (int k = 0; k < slots.size(); k++) {
            w = Math.max(w, mode.crb(slots.get(k), psis.get(k), rs.get(k)));
        }
        return w;
    }

    /** The solver's program of the class comment for the R-step data, with a feasible start (R, not X). */
    public static TraceInverseProgram program(RStepProblem data, boolean irsBudgets, List<ZMatrixRMaj> startCovariances) {
        Budget b = data.budget();
        int l = data.irsCount();
        double pt = b.bsPower();
        double nu = startCovariances == null ? 1 : data.objective(startCovariances);
        if (!(nu > 0 && Double.isFinite(nu))) {
            nu = 1;
        }
        List<AffineFisherInformation> f = new ArrayList<>();
        int[] n = new int[l];
        List<LinearConstraint> cons = new ArrayList<>();
        for (int k = 0; k < l; k++) {
            f.add(scaled(data.fims().get(k), nu, nu * pt));
            n[k] = data.fims().get(k).variableDimension();
        }
        cons.add(LinearConstraint.traceSum(n, l));
        if (irsBudgets) {
            double ps = b.irsPower();
            for (int k = 0; k < l; k++) {
                TraceAffineForm p = data.powers().get(k);
                cons.add(LinearConstraint.single(l, k, ComplexLinalg.scale(pt / ps, p.k()), (p.c() - ps) / ps, LinearConstraint.Kind.AT_MOST_ZERO));
            }
        }
        List<ZMatrixRMaj> x = startCovariances == null ? null : startCovariances.stream().map(r -> ComplexLinalg.scale(1 / pt, r)).toList();
        return new TraceInverseProgram(f, data.weights(), cons, x);
    }

    /** F_0 · a + Σ tr(M_pq · b X) E_pq. */
    static AffineFisherInformation scaled(AffineFisherInformation f, double a, double b) {
        DMatrixRMaj c = f.constant().copy();
        org.ejml.dense.row.CommonOps_DDRM.scale(a, c);
        int p = f.parameterCount();
        ZMatrixRMaj[] m = new ZMatrixRMaj[p * p];
        for (int i = 0; i < p * p; i++) {
            m[i] = ComplexLinalg.scale(b, f.coefficient(i / p, i % p));
        }
        return new AffineFisherInformation(c, m);
    }

    static boolean feasible(RStepProblem data, List<ZMatrixRMaj> rs, boolean irsBudgets) {
        double tr = 0;
        for (int k = 0; k < data.irsCount(); k++) {
            if (HermitianEigen.decompose(rs.get(k)).minEigenvalue() < -1e-12 * Math.max(1e-300, ComplexLinalg.complexTrace(rs.get(k)).re())) {
                return false;
            }
            tr += ComplexLinalg.complexTrace(rs.get(k)).re();
            if (irsBudgets && data.powers().get(k).evaluate(rs.get(k)) > data.budget().irsPower() * (1 + FEASIBILITY_TOLERANCE)) {
                return false;
            }
        }
        return tr <= data.irsCount() * data.budget().bsPower() * (1 + FEASIBILITY_TOLERANCE);
    }

    /** R_l = t_l I, t_l = min(P_t/M, (P_s − c_l)/tr K_l): feasible, and F_l(t I) ≻ 0 when identifiable. */
    static List<ZMatrixRMaj> fallbackStart(RStepProblem data, boolean irsBudgets) {
        List<ZMatrixRMaj> out = new ArrayList<>();
        Budget b = data.budget();
        for (int k = 0; k < data.irsCount(); k++) {
            int m = data.fims().get(k).variableDimension();
            double t = b.bsPower() / m;
            if (irsBudgets) {
                TraceAffineForm p = data.powers().get(k);
                double tk = ComplexLinalg.complexTrace(p.k()).re();
                if (tk > 0) {
                    t = Math.min(t, (b.irsPower() - p.c()) / tk);
                }
            }
            out.add(ComplexLinalg.scale(t, ComplexLinalg.identity(m)));
        }
        return out;
    }

    /** R = P_t X, PSD-projected, then scaled into the IRS budgets and (18b). */
    static List<ZMatrixRMaj> repair(RStepProblem data, boolean irsBudgets, List<ZMatrixRMaj> x) {
        Budget b = data.budget();
        List<ZMatrixRMaj> out = new ArrayList<>();
        double tr = 0;
        for (int k = 0; k < data.irsCount(); k++) {
            ZMatrixRMaj r = psdPart(ComplexLinalg.scale(b.bsPower(), x.get(k)));
            if (irsBudgets) {
                TraceAffineForm p = data.powers().get(k);
                double used = AffineFisherInformation.traceProduct(p.k(), r);
                if (used + p.c() > b.irsPower()) {
                    r = ComplexLinalg.scale((b.irsPower() - p.c()) / used, r);
                }
            }
            tr += ComplexLinalg.complexTrace(r).re();
            out.add(r);
        }
        double cap = data.irsCount() * b.bsPower();
        if (tr > cap) {
            double s = cap / tr;
            out = out.stream().map(r -> ComplexLinalg.scale(s, r)).toList();
        }
        return out;
    }

    /** V max(λ, 0) V^H of the Hermitian part. */
    static ZMatrixRMaj psdPart(ZMatrixRMaj a) {
        HermitianEigen e = HermitianEigen.decompose(a);
        int n = a.numRows;
        ZMatrixRMaj out = new ZMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            double lam = e.values()[i];
            if (lam <= 0) {
                continue;
            }
            ZMatrixRMaj v = e.vectors(i, i + 1);
            out = ComplexLinalg.add(out, ComplexLinalg.scale(lam, ComplexLinalg.product(v, ComplexLinalg.conjugateTranspose(v))));
        }
        return ComplexLinalg.hermitianPart(out);
    }

    /**
     * The AO guard ([fangactive S3.9], [fangactive P9]): if the noise-only IRS power c_l(psi) ≥ P_s, scale psi by the common
     * factor that makes c_l = P_s / 2 (c = σ_r^2 (|β|^2 t^2 + 2t) at the BS, σ_r^2 t at IRSs, t = ||psi||^2);
     * otherwise psi unchanged.
     */
    public static double[] guard(SensingMode mode, IrsSlot slot, double[] psi, double irsBudget) {
        double c = mode.powerAffine(slot, psi).c();
        if (c < irsBudget) {
            return psi.clone();
        }
        double t = ComplexLinalg.squaredNorm(psi);
        double sr = slot.irsNoise();
        double a = mode instanceof SensingAtBs ? sr * slot.beta().abs2() * t * t : 0; // coefficient of u^2, u = s^2
        double bq = (mode instanceof SensingAtBs ? 2 : 1) * sr * t;
        double target = irsBudget / 2;
        double u = 2 * target / (bq + Math.sqrt(bq * bq + 4 * a * target));
        return Benchmarks.scaled(psi, Math.sqrt(u));
    }
}
