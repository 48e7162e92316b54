package org.cosense.systems.fangactive;

import java.util.ArrayList;
import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.bounds.AffineFisherInformation;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.HermitianEigen;
import org.cosense.math.RandomStream;
import org.cosense.optim.DualTraceInverseSolver;
import org.cosense.optim.GaussianRandomization;
import org.cosense.optim.LinearConstraint;
import org.cosense.optim.Status;
import org.cosense.optim.TraceAffineForm;
import org.cosense.optim.TraceInverseProgram;
import org.cosense.optim.TraceInverseSolution;
import org.cosense.optim.TraceInverseSolver;
import org.cosense.optim.WarmStart;
import org.ejml.data.ZMatrixRMaj;

/**
 * The Psi-step of IRS l for a fixed R_{s,l} ([fangactive S3.11]): safeguarded SCA on the SDR in
 * Theta = psi psi^H, then Gaussian randomization with the incumbent kept.
 *
 * <pre>
 *   Θ ← ψ_in ψ_in^H;  J ← J_l(Θ) = tr(F_l(Θ)^{-1})  (exact lifted FIM: W recomputed at Θ)
 *   repeat I_SCA times:
 *     Θ* ← argmin of the SDR program at Θ (see {@link #program}) by the {@link TraceInverseSolver}
 *     τ ← 1; Θ_τ = Θ + τ(Θ* − Θ), scaled by the largest s ≤ 1 meeting the exact power P_l(sΘ_τ) ≤ P_s
 *            (ASSUMED: the linearized (25) is optimistic, [fangactive E15]; the documentation only halves τ, which stalls on the
 *            budget boundary); while J_l(Θ_τ) > J: τ ← τ/2 (stop SCA below 2^-10)
 *     Θ ← Θ + τ(Θ* − Θ); stop when the relative decrease of J ≤ eps_SCA
 *   Θ = V Λ V^H (λ < 0 clipped); candidates ψ_in, √λ_1 v_1, V Λ^{1/2} r_q (r_q ~ CN(0, I), q = 1..Q)
 *   each: amplitude clipped to a_max (a_max ψ / max|ψ_n|), then if the exact power (8)/(34) > P_s
 *         scaled by the largest s ≤ 1 meeting it ({@link Benchmarks#scaleToBudget}); exact CRB_l
 *   return the best (ψ_in wins ties: the step never increases CRB_l)
 * </pre>
 * Passive variant (benchmark, σ_r^2 = 0 slots): diag(Θ) = 1 in the SDR, no power constraint,
 * candidates projected to unit modulus exp(j arg ψ_n).
 */
public final class PsiStep {
    private PsiStep() {
    }

    /**
     * @param psi           the chosen reflection
     * @param crbIn         CRB_l of the input reflection
     * @param crb           CRB_l of {@link #psi} (≤ crbIn)
     * @param relaxedTrace  J_l(Θ^(i)) for i = 0, 1, … (nonincreasing; [fangactive C26])
     * @param candidates    candidates evaluated (incumbent included)
     * @param fromRandomization true when a randomization candidate replaced the incumbent
     * @param solverStatuses the status of each SDR solve of the SCA loop, in order
     * @param draws         Gaussian draws made: Q, or 0 when the final Θ was numerically rank one and
     *                      {@link AoSettings#skipRankOneRandomization()} is on ([fangactive S3.15.3])
     */
    public record Result(double[] psi, double crbIn, double crb, double[] relaxedTrace, int candidates, boolean fromRandomization,
            List<Status> solverStatuses, int draws) {
        public Result {
            solverStatuses = List.copyOf(solverStatuses);
        }
    }

    /** Relaxed objective J_l(Θ) with the exact lifted FIM; +∞ when singular. */
    public static double relaxedObjective(SensingMode mode, IrsSlot slot, ZMatrixRMaj rs, ZMatrixRMaj theta) {
        return FangBounds.traceCrb(mode.liftedFim(slot, rs, theta));
    }

    /**
     * The SDR program at the iterate Θ (one block, n = N):
     * <pre>
     *   minimize Σ_i w_i [F~(X)^{-1}]_ii over X ⪰ 0,  Θ = s X  (s = a_max^2 active, 1 passive),
     *   F~(X) = nu · S F̂(s X) S,  S = diag(1, 1, |β|, |β|),  w = (1, 1, |β|^2, |β|^2),  nu = J_l(Θ)
     *   (so the objective is 1 at the start X0 = Θ/s, and CRB-scale = nu · objective);
     *   active:  [X]_nn − 1 ≤ 0 (n = 1..N),   tr((s/P_s) K X) + (c − P_s)/P_s ≤ 0  (K, c of
     *            {@link ScaSurrogate#power}: the linearized (25) or exact (47));
     *   passive: [X]_nn − 1 = 0 (n = 1..N).
     * </pre>
     */
    public static TraceInverseProgram program(SensingMode mode, IrsSlot slot, ZMatrixRMaj rs, ZMatrixRMaj theta, Budget budget, boolean passive) {
        return program(mode, slot, rs, theta, relaxedObjective(mode, slot, rs, theta), budget, passive);
    }

    /** As {@link #program(SensingMode, IrsSlot, ZMatrixRMaj, ZMatrixRMaj, Budget, boolean)} with J_l(Θ) already known. */
    static TraceInverseProgram program(SensingMode mode, IrsSlot slot, ZMatrixRMaj rs, ZMatrixRMaj theta, double relaxed, Budget budget,
            boolean passive) {
        return program(LiftedSlot.of(mode, slot, rs), slot, theta, relaxed, budget, passive);
    }

    /** As above with the slot at R_s as a function of Θ. */
    private static TraceInverseProgram program(LiftedSlot lifted, IrsSlot slot, ZMatrixRMaj theta, double relaxed, Budget budget,
            boolean passive) {
        int n = slot.n();
        double s = passive ? 1 : budget.maxAmplitude() * budget.maxAmplitude();
        double nu = relaxed;
        if (!(nu > 0 && Double.isFinite(nu))) {
            nu = 1;
        }
        double b = slot.beta().abs();
        AffineFisherInformation hat = lifted.surrogate(theta).congruence(new double[] {1, 1, b, b});
        AffineFisherInformation f = RStep.scaled(hat, nu, nu * s);
        List<LinearConstraint> cons = new ArrayList<>();
        LinearConstraint.Kind kind = passive ? LinearConstraint.Kind.EQUAL_ZERO : LinearConstraint.Kind.AT_MOST_ZERO;
        for (int k = 0; k < n; k++) {
            cons.add(LinearConstraint.diagonal(1, 0, n, k, 1, kind));
        }
        if (!passive) {
            double ps = budget.irsPower();
            TraceAffineForm p = lifted.power(theta);
            cons.add(LinearConstraint.single(1, 0, ComplexLinalg.scale(s / ps, p.k()), (p.c() - ps) / ps, LinearConstraint.Kind.AT_MOST_ZERO));
        }
        return new TraceInverseProgram(List.of(f), List.of(new double[] {1, 1, b * b, b * b}), cons, List.of(ComplexLinalg.scale(1 / s, theta)));
    }

    /**
     * Runs the Psi-step with the rules of {@link AoSettings#fast()} and no memory of earlier SCA loops.
     * {@code psiIn} must be feasible (|ψ_n| ≤ a_max, exact power ≤ P_s under rs; passive: |ψ_n| = 1); {@code rng}
     * supplies the randomization draws ({@link FangStreams#randomization}).
     */
    public static Result run(SensingMode mode, IrsSlot slot, ZMatrixRMaj rs, double[] psiIn, Budget budget, boolean passive,
            AoOptions options, TraceInverseSolver solver, RandomStream rng) {
        return run(mode, slot, rs, psiIn, budget, passive, options, solver, rng, AoSettings.fast(), new AoWork());
    }

    /**
     * Runs the Psi-step under {@code settings}, counting into {@code work} and (with
     * {@link AoSettings#reuseScaSolutions()}) answering an SCA loop seen before from it ([fangactive S3.15.2]).
     */
    public static Result run(SensingMode mode, IrsSlot slot, ZMatrixRMaj rs, double[] psiIn, Budget budget, boolean passive,
            AoOptions options, TraceInverseSolver solver, RandomStream rng, AoSettings settings, AoWork work) {
        SensingAtBs.requirePsi(slot, psiIn);
        InvalidInputException.require(!passive || slot.irsNoise() == 0, "sigma_r^2", slot.irsNoise(), "must be 0 for the passive benchmark");
        work.psiSteps++;
        AoWork.ScaKey key = settings.reuseScaSolutions()
                ? new AoWork.ScaKey(mode, slot, passive, options.scaIterations(), budget, AoWork.Bits.of(rs.data), AoWork.Bits.of(psiIn))
                : null;
        AoWork.ScaOutcome sca = key == null ? null : work.recall(key);
        if (sca != null) {
            work.scaLoopsReused++;
        } else {
            sca = sca(mode, slot, rs, psiIn, budget, passive, options, solver, earlySolver(solver, settings), settings.warmStartScaSolves(), work);
            if (key != null) {
                work.remember(key, sca);
            }
        }
        int draws = options.randomizationDraws();
        long t0 = System.nanoTime();
        if (settings.skipRankOneRandomization() && draws > 0 && numericallyRankOne(sca.theta())) {
            draws = 0; // every draw is the principal candidate up to a relative perturbation below sqrt(RANK_ONE) ([fangactive S3.15.3])
            work.randomizationsSkipped++;
        } else {
            work.randomizations++;
        }
        long t1 = System.nanoTime();
        work.rankOneTestNanos += t1 - t0;
        Result r = randomize(mode, slot, rs, psiIn, sca.theta(), budget, passive, draws, rng, sca.trace(), sca.statuses());
        work.randomizationNanos += System.nanoTime() - t1;
        return r;
    }

    /** Σ_{k ≥ 2} max(λ_k, 0) ≤ {@link AoSettings#RANK_ONE} · λ_1 ([fangactive S3.15.3]). */
    static boolean numericallyRankOne(ZMatrixRMaj theta) {
        double[] v = HermitianEigen.decompose(theta).valuesDescending();
        double rest = 0;
        for (int k = 1; k < v.length; k++) {
            rest += Math.max(v[k], 0);
        }
        return v[0] > 0 && rest <= AoSettings.RANK_ONE * v[0];
    }

    /**
     * The solver of the SCA iterations before the last possible one: {@code solver} at the relative gap
     * {@link AoSettings#EARLY_SCA_GAP} when {@link AoSettings#looseEarlyScaSolves()} is on and the gap is looser than
     * the solver's own ([fangactive S3.15.4]), else {@code solver} itself.
     */
    static TraceInverseSolver earlySolver(TraceInverseSolver solver, AoSettings settings) {
        if (settings.looseEarlyScaSolves() && solver instanceof DualTraceInverseSolver d
                && d.options().relativeGap() < AoSettings.EARLY_SCA_GAP) {
            return new DualTraceInverseSolver(d.options().withRelativeGap(AoSettings.EARLY_SCA_GAP));
        }
        return solver;
    }

    /**
     * The safeguarded SCA loop on the SDR ([fangactive S3.11.4]): the final Θ, J after each accepted step, the statuses.
     * Iterations i &lt; I_SCA − 1 solve with {@code early}, the last possible one with {@code solver} ([fangactive S3.15.4]);
     * with {@code warmStart} the solves after the first start where the previous one was first centred ([fangactive S3.15.13]).
     */
    private static AoWork.ScaOutcome sca(SensingMode mode, IrsSlot slot, ZMatrixRMaj rs, double[] psiIn, Budget budget, boolean passive,
            AoOptions options, TraceInverseSolver solver, TraceInverseSolver early, boolean warmStart, AoWork work) {
        double ps = budget.irsPower();
        LiftedSlot lifted = LiftedSlot.of(mode, slot, rs); // the parts fixed by the slot and R_s, formed once ([fangactive S3.15.9])
        ZMatrixRMaj theta = FangLift.lift(psiIn);
        double j = FangBounds.traceCrb(lifted.liftedFim(theta));
        List<Double> trace = new ArrayList<>();
        trace.add(j);
        List<Status> statuses = new ArrayList<>();
        WarmStart warm = warmStart ? new WarmStart() : null;   // one sequence per SCA loop: the loop stays a function of its inputs
        for (int i = 0; i < options.scaIterations() && Double.isFinite(j); i++) {
            TraceInverseSolver at = i < options.scaIterations() - 1 ? early : solver;
            // j is J_l(theta), evaluated when theta was accepted: the program's scale nu without a second evaluation
            long t0 = System.nanoTime();
            TraceInverseProgram prog = program(lifted, slot, theta, j, budget, passive);
            long t1 = System.nanoTime();
            TraceInverseSolution sol = at.solve(prog, warm);
            long t2 = System.nanoTime();
            work.sdrFormingNanos += t1 - t0;
            work.sdrSolveNanos += t2 - t1;
            work.sdrSolves++;
            work.sdrIterations += sol.iterations();
            statuses.add(sol.status());
            // any point is usable, also NEAR_OPTIMAL or ITERATION_LIMIT: the step below re-evaluates it with the exact
            // relaxed objective and power and accepts it only if J does not increase (the status is kept in the result)
            if (!sol.hasPoint()) {
                break;
            }
            double s = passive ? 1 : budget.maxAmplitude() * budget.maxAmplitude();
            ZMatrixRMaj star = ComplexLinalg.hermitianPart(ComplexLinalg.scale(s, sol.x().get(0)));
            ZMatrixRMaj dir = ComplexLinalg.subtract(star, theta);
            double tau = 1;
            ZMatrixRMaj next = null;
            double jn = Double.NaN;
            while (tau >= AoOptions.MIN_STEP) {
                ZMatrixRMaj cand = ComplexLinalg.hermitianPart(ComplexLinalg.add(theta, ComplexLinalg.scale(tau, dir)));
                if (!passive && lifted.liftedIrsPower(cand) > ps) {
                    // the linearized (25) is optimistic ([fangactive E15]): pull the candidate back onto the exact budget
                    cand = scaleThetaToBudget(lifted, mode, slot, cand, ps);
                }
                double jc = FangBounds.traceCrb(lifted.liftedFim(cand));
                if (jc <= j) {
                    next = cand;
                    jn = jc;
                    break;
                }
                tau /= 2;
            }
            work.lineSearchNanos += System.nanoTime() - t2;
            if (next == null) {
                break; // safeguard: no acceptable step
            }
            boolean done = j - jn <= AoOptions.SCA_TOLERANCE * j;
            theta = next;
            j = jn;
            trace.add(j);
            if (done) {
                break;
            }
        }
        return new AoWork.ScaOutcome(theta, List.copyOf(trace), List.copyOf(statuses));
    }

    /**
     * s Θ with the largest s ≤ 1 such that the exact lifted power P(sΘ) = A s^2 + B s ≤ P_s (A: the echo
     * re-amplification terms of (23a)/(23b), zero at IRSs; B: the first-pass terms).
     */
    static ZMatrixRMaj scaleThetaToBudget(SensingMode mode, IrsSlot slot, ZMatrixRMaj rs, ZMatrixRMaj theta, double ps) {
        return scaleThetaToBudget(LiftedSlot.of(mode, slot, rs), mode, slot, theta, ps);
    }

    private static ZMatrixRMaj scaleThetaToBudget(LiftedSlot lifted, SensingMode mode, IrsSlot slot, ZMatrixRMaj theta, double ps) {
        double total = lifted.liftedIrsPower(theta);
        double b = lifted.firstPassPower(theta) + (mode instanceof SensingAtBs ? slot.irsNoise() * ComplexLinalg.complexTrace(theta).re() : 0);
        double a = Math.max(0, total - b);
        double s = 2 * ps / (b + Math.sqrt(b * b + 4 * a * ps));
        s = Math.min(1, s) * (1 - 1e-12); // strictly inside: rounding must not leave it above P_s
        return ComplexLinalg.scale(s, theta);
    }

    private static Result randomize(SensingMode mode, IrsSlot slot, ZMatrixRMaj rs, double[] psiIn, ZMatrixRMaj theta, Budget budget,
            boolean passive, int draws, RandomStream rng, List<Double> trace, List<Status> statuses) {
        ReflectionScorer scorer = mode.scorer(slot, rs); // Q candidates at one R_s
        double crbIn = mode.crb(slot, psiIn, rs);
        // the candidates scored together, each bit for bit as scorer.crb would ([fangactive S3.15.11])
        GaussianRandomization.Result g = GaussianRandomization.run(theta, draws, rng, z -> feasibleCandidate(scorer, z, budget, passive),
                scorer::crbs, psiIn, crbIn);
        double[] best = g.best();
        double bestCrb = g.score();
        boolean fromRand = g.improved();
        if (fromRand) {
            // report the closed form's value; the scorer agrees to rounding, which must not make the step increase CRB_l
            bestCrb = mode.crb(slot, best, rs);
            if (!(bestCrb <= crbIn)) {
                best = psiIn.clone();
                bestCrb = crbIn;
                fromRand = false;
            }
        }
        double[] tr = trace.stream().mapToDouble(Double::doubleValue).toArray();
        return new Result(best, crbIn, bestCrb, tr, g.evaluated(), fromRand, statuses, draws);
    }

    /** Clip to a_max, then rescale into the IRS budget (active); unit modulus (passive); null for ψ = 0. */
    static double[] feasibleCandidate(ReflectionScorer scorer, double[] psi, Budget budget, boolean passive) {
        double max = 0;
        for (int k = 0; k < psi.length / 2; k++) {
            max = Math.max(max, Math.hypot(psi[2 * k], psi[2 * k + 1]));
        }
        if (!(max > 0) || !Double.isFinite(max)) {
            return null;
        }
        if (passive) {
            return Benchmarks.unitModulus(psi);
        }
        double[] out = max > budget.maxAmplitude() ? Benchmarks.scaled(psi, budget.maxAmplitude() / max) : psi;
        if (scorer.irsPower(out) > budget.irsPower()) {
            out = Benchmarks.scaleToBudget(scorer, out, budget.irsPower(), budget.maxAmplitude());
        }
        return out;
    }
}
