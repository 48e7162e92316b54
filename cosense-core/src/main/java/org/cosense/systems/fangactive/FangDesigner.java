package org.cosense.systems.fangactive;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.cosense.InvalidInputException;
import org.cosense.optim.DualLmiSolver;
import org.cosense.optim.DualTraceInverseSolver;
import org.cosense.optim.SolverOptions;
import org.cosense.optim.Status;
import org.cosense.optim.TraceInverseSolver;
import org.ejml.data.ZMatrixRMaj;

/**
 * The paper's design procedures for one channel realization ([fangactive S3.9], [fangactive S3.12]), generic over
 * the convex solver: the proposed alternating optimization (AO) and the four benchmarks.
 *
 * <pre>
 *   AO(start Ψ^(0), R^(0) or none):  Ψ ← guard(Ψ^(0)); J_prev ← ∞
 *     for k = 1..K_AO:  R ← R-step(Ψ) (incumbent R kept if better);  ψ_l ← Psi-step_l(R_l, ψ_l) ∀l;
 *                       J ← max_l CRB_l;  stop if J_prev − J ≤ eps_AO · J_prev;  J_prev ← J
 *     finally R ← R-step(Ψ) once more (the loop ends with a Psi-step; R is then optimal for the final Ψ)
 *   proposed          = AO from the transmit-only start (random phases at a_max) and, with two starts,
 *                       AO from the reflective-only solution (its isotropic R as the incumbent); the better
 *   transmit BF only  = one R-step with the random phases
 *   reflective BF only = R = (P_t/M) I; ψ from random phases at the largest common amplitude meeting P_s,
 *                       then Psi-steps with R fixed until the relative decrease is < eps_AO (≤ K_AO sweeps)
 *   isotropic         = reflective BF only (ASSUMED, 3.12)
 *   passive IRS       = AO on σ_r^2 = 0 slots, |ψ_n| = 1 (passive Psi-step), no IRS budget
 *   passive reflective-only = the paper's passive benchmark read literally: R = (P_t/M) I, random unit-modulus
 *                       phases, then passive Psi-steps with R fixed as in reflective BF only
 * </pre>
 * With the incumbent rules of {@link RStep} and {@link PsiStep} every half-step is nonincreasing, so
 * proposed ≤ transmit-only and proposed ≤ reflective-only on the same realization (two starts).
 *
 * <p>Random numbers (common random numbers, 3.13): the random phases come from
 * {@link FangStreams#benchmarkPhases}; the Psi-step of IRS l in AO iteration k of stage s draws from
 * {@link FangStreams#randomization}(seed, draw, l, 10000 s + k), with stages 0 = AO from the
 * transmit-only start, 1 = AO from the reflective-only start, 2 = the reflective-only benchmark,
 * 3 = the passive benchmark, 4 = AO from a sweep neighbour's design ({@link #proposed(AoResult, FangDesign)}),
 * 5 = the literal passive benchmark ({@link #passiveReflectiveOnly()}).
 */
public final class FangDesigner {
    static final int STAGE_TRANSMIT_START = 0;
    static final int STAGE_REFLECTIVE_START = 1;
    static final int STAGE_REFLECTIVE_ONLY = 2;
    static final int STAGE_PASSIVE = 3;
    static final int STAGE_CONTINUATION = 4;
    static final int STAGE_PASSIVE_REFLECTIVE_ONLY = 5;

    private final SensingMode mode;
    private final List<IrsSlot> slots;
    private final Budget budget;
    private final AoOptions options;
    private final TraceInverseSolver solver;
    private final long seed;
    private final long draw;
    private final AoSettings settings;
    private final AoWork work = new AoWork();
    /** The global bound of sensing at the IRSs under this budget, once computed ([fangactive S3.15.6]); NaN before. */
    private double globalBound = Double.NaN;

    /**
     * The solver of the figures and the simulate command: the dual route ({@link DualTraceInverseSolver}) with the
     * bisection step length ([fangactive S3.15]), the factored Schur forming and the Hermitian block iterated on as a complex
     * matrix ([fangactive S3.15.5]).
     */
    public static TraceInverseSolver recommendedSolver() {
        return new DualTraceInverseSolver(DualLmiSolver.recommendedOptions().withStepLength(SolverOptions.StepLength.BISECTION)
                .withSchurForming(SolverOptions.SchurForming.FACTORED).withHermitianBlocks(SolverOptions.HermitianBlocks.NATIVE));
    }

    /** A designer with the work-saving rules of {@link AoSettings#fast()}. */
    public FangDesigner(SensingMode mode, List<IrsSlot> slots, Budget budget, AoOptions options, TraceInverseSolver solver, long seed,
            long draw) {
        this(mode, slots, budget, options, AoSettings.fast(), solver, seed, draw);
    }

    /** A designer whose AO runs under {@code settings} ({@link AoSettings#reference()}: the loop as printed). */
    public FangDesigner(SensingMode mode, List<IrsSlot> slots, Budget budget, AoOptions options, AoSettings settings,
            TraceInverseSolver solver, long seed, long draw) {
        InvalidInputException.require(mode != null && solver != null && options != null && budget != null, "designer inputs", null,
                "mode, budget, options and solver must be given");
        InvalidInputException.require(!slots.isEmpty(), "number of IRSs L", 0, "must be ≥ 1");
        InvalidInputException.require(settings != null, "AO settings", null, "must be given");
        this.settings = settings;
        this.mode = mode;
        this.slots = List.copyOf(slots);
        this.budget = budget;
        this.options = options;
        this.solver = solver;
        this.seed = seed;
        this.draw = draw;
    }

    /** The work done so far by this designer's procedures (Psi-steps, SDR solves, reuses, randomizations). */
    public AoWork.Counts work() {
        return work.counts();
    }

    /** Where this designer's time went so far (R-steps, SDR forming and solves, randomization, ...; per stage). */
    public AoWork.Times times() {
        return work.times();
    }

    /**
     * The max-CRB at or below which a design of this designer has attained the global bound of sensing at the IRSs
     * ([fangactive S3.15.6]): B (1 + {@link AoSettings#BOUND_ATTAINED}) for active IRSs with
     * {@link AoSettings#stopAtGlobalBound()}; 0 otherwise (never reached: a CRB is positive). B depends on the slots'
     * sensors and P_s only, so it is computed once per designer.
     */
    private double attained(boolean passive) {
        if (passive || !settings.stopAtGlobalBound() || !(mode instanceof SensingAtIrs)) {
            return 0;
        }
        if (Double.isNaN(globalBound)) {
            globalBound = IrsSensingBound.maxCrbBound(slots, budget.irsPower());
        }
        return globalBound * (1 + AoSettings.BOUND_ATTAINED);
    }

    private int n() {
        return slots.get(0).n();
    }

    /** psi_l = a_max exp(j arg r_l) (benchmark phases), guarded (3.9). */
    public List<double[]> transmitOnlyReflections() {
        List<double[]> psi = Benchmarks.randomPhaseReflections(slots.size(), n(), budget.maxAmplitude(), seed, draw);
        List<double[]> out = new ArrayList<>();
        for (int l = 0; l < slots.size(); l++) {
            out.add(RStep.guard(mode, slots.get(l), psi.get(l), budget.irsPower()));
        }
        return out;
    }

    /** Transmit BF only: one R-step with the random phases. */
    public AoResult transmitOnly() {
        List<double[]> psi = transmitOnlyReflections();
        RStep.Result r = rStep(slots, psi, true, null);
        FangDesign d = FangDesign.evaluate(mode, slots, r.covariances(), psi);
        return new AoResult(d, new double[] {d.maxCrb()}, new double[] {d.maxCrb()}, 1, "transmit-only");
    }

    /** Reflective BF only ([fangactive E11], [fangactive S3.12]). */
    public AoResult reflectiveOnly() {
        int m = slots.get(0).m();
        List<ZMatrixRMaj> rs = Benchmarks.isotropicCovariances(slots.size(), m, budget.bsPower());
        List<double[]> unit = Benchmarks.randomPhaseReflections(slots.size(), n(), 1, seed, draw);
        List<double[]> psi = new ArrayList<>();
        for (int l = 0; l < slots.size(); l++) {
            psi.add(Benchmarks.scaleToBudget(mode, slots.get(l), unit.get(l), rs.get(l), budget.irsPower(), budget.maxAmplitude()));
        }
        return reflectionsOnly(slots, rs, psi, false, STAGE_REFLECTIVE_ONLY, "reflective-only");
    }

    /**
     * The paper's passive benchmark read literally ([fangactive A17]; Section V: the reflections are optimized with [Theta_l]_nn = 1):
     * isotropic R_l = (P_t/M) I as in reflective BF only, random unit-modulus starting phases, passive Psi-steps with
     * R fixed ([fangactive S3.12]). Passive slots: no amplifier noise, no IRS budget. {@link #passive()} also
     * optimizes R and is the stronger benchmark.
     */
    public AoResult passiveReflectiveOnly() {
        List<IrsSlot> passiveSlots = Benchmarks.passiveSlots(slots);
        List<ZMatrixRMaj> rs = Benchmarks.isotropicCovariances(passiveSlots.size(), passiveSlots.get(0).m(), budget.bsPower());
        List<double[]> psi = Benchmarks.randomPassiveReflections(passiveSlots.size(), n(), seed, draw);
        return reflectionsOnly(passiveSlots, rs, psi, true, STAGE_PASSIVE_REFLECTIVE_ONLY, "passive reflective-only");
    }

    /** Psi-step sweeps with R fixed until the relative decrease of the max-CRB is below eps_AO (at most K_AO sweeps). */
    private AoResult reflectionsOnly(List<IrsSlot> s, List<ZMatrixRMaj> rs, List<double[]> start, boolean passive, int stage,
            String label) {
        long t0 = System.nanoTime();
        try {
            return reflectionsOnlyUntimed(s, rs, start, passive, stage, label);
        } finally {
            work.stageNanos[stage] += System.nanoTime() - t0;
        }
    }

    private AoResult reflectionsOnlyUntimed(List<IrsSlot> s, List<ZMatrixRMaj> rs, List<double[]> start, boolean passive, int stage,
            String label) {
        List<double[]> psi = start;
        List<Double> half = new ArrayList<>();
        double j = evaluate(s, rs, psi).maxCrb();
        half.add(j);
        int k = 0;
        while (k < options.maxIterations()) {
            psi = psiSweep(s, rs, psi, passive, stage, k, new EnumMap<>(Status.class), null);
            k++;
            double jn = evaluate(s, rs, psi).maxCrb();
            half.add(jn);
            boolean done = Double.isFinite(j) && j - jn <= options.tolerance() * j;
            j = jn;
            if (done) {
                break;
            }
            if (jn <= attained(passive)) {
                work.boundStops++; // no sweep can lower it by more than BOUND_ATTAINED ([fangactive S3.15.6])
                break;
            }
        }
        double[] h = toArray(half);
        return new AoResult(FangDesign.evaluate(mode, s, rs, psi), h, h, k, label);
    }

    /** Isotropic transmission (Fig. 7) = reflective BF only (ASSUMED, 3.12). */
    public AoResult isotropic() {
        return reflectiveOnly();
    }

    /** Passive IRS: AO on σ_r^2 = 0 slots with unit-modulus reflections and no IRS budget. */
    public AoResult passive() {
        List<double[]> psi = Benchmarks.randomPassiveReflections(slots.size(), n(), seed, draw);
        return alternate(Benchmarks.passiveSlots(slots), psi, null, true, STAGE_PASSIVE, "passive");
    }

    /** The proposed design: AO from the transmit-only start and (two starts) from the reflective-only solution. */
    public AoResult proposed() {
        AoResult a = alternate(slots, transmitOnlyReflections(), null, false, STAGE_TRANSMIT_START, "transmit-only start");
        if (!options.twoStarts()) {
            return a;
        }
        return secondStart(a, reflectiveOnly());
    }

    /**
     * The better of {@code a} and the AO from the reflective-only solution {@code refl}. When {@code a} has attained the
     * global bound ([fangactive S3.15.6]) that AO cannot improve on it by more than {@link AoSettings#BOUND_ATTAINED}
     * and is not run; {@code refl} itself still competes, so the result stays at most the reflective-only design.
     */
    private AoResult secondStart(AoResult a, AoResult refl) {
        if (a.maxCrb() <= attained(false)) {
            work.boundStops++;
            return better(a, refl);
        }
        return better(a, fromReflectiveOnly(refl));
    }

    /**
     * The two-start proposed design reusing a reflective-only result already computed for the same
     * designer (a figure that also plots that benchmark need not compute it twice).
     */
    public AoResult proposed(AoResult reflectiveOnly) {
        AoResult a = alternate(slots, transmitOnlyReflections(), null, false, STAGE_TRANSMIT_START, "transmit-only start");
        return secondStart(a, reflectiveOnly);
    }

    /**
     * The two-start proposed design plus a continuation start (sweep continuation, ASSUMED — not in the
     * paper): AO from {@code neighbour}, the proposed design of the same realization at the previous point
     * of a sweep along which the feasible set only grows (P_t or P_s increasing), used when it is feasible
     * here (relative slacks ≥ −1e-9). Since that start is feasible and the AO is monotone, the returned
     * max-CRB is at most the neighbour's: the sweep's proposed curve cannot rise, on every realization.
     * Stage 4 of the random streams. {@code neighbour} may be null (first point).
     */
    public AoResult proposed(AoResult reflectiveOnly, FangDesign neighbour) {
        AoResult best = proposed(reflectiveOnly);
        if (neighbour == null || neighbour.reflections().size() != slots.size()
                || neighbour.worstSlack(mode, slots, budget, false) < -1e-9) {
            return best;
        }
        if (best.maxCrb() <= attained(false)) {
            work.boundStops++; // the continuation cannot improve by more than BOUND_ATTAINED ([fangactive S3.15.6])
            return best;
        }
        AoResult c = alternate(slots, neighbour.reflections(), neighbour.covariances(), false, STAGE_CONTINUATION, "continuation start");
        return better(best, c);
    }

    private AoResult fromReflectiveOnly(AoResult refl) {
        return alternate(slots, refl.design().reflections(), refl.design().covariances(), false, STAGE_REFLECTIVE_START,
                "reflective-only start");
    }

    private static AoResult better(AoResult a, AoResult b) {
        return b.maxCrb() < a.maxCrb() ? b : a;
    }

    /** AO from the given start (R^(0) may be null); the reflections are guarded first (active only). */
    public AoResult alternate(List<double[]> psiStart, List<ZMatrixRMaj> rStart) {
        return alternate(slots, psiStart, rStart, false, STAGE_TRANSMIT_START, "given start");
    }

    private AoResult alternate(List<IrsSlot> s, List<double[]> psiStart, List<ZMatrixRMaj> rStart, boolean passive, int stage, String label) {
        long t0 = System.nanoTime();
        try {
            return alternateUntimed(s, psiStart, rStart, passive, stage, label);
        } finally {
            work.stageNanos[stage] += System.nanoTime() - t0;
        }
    }

    /** An R-step, timed into {@link AoWork#times()}. */
    private RStep.Result rStep(List<IrsSlot> s, List<double[]> psi, boolean irsBudgets, List<ZMatrixRMaj> incumbent) {
        long t0 = System.nanoTime();
        RStep.Result r = RStep.solve(mode, s, psi, budget, irsBudgets, incumbent, solver);
        work.rStepNanos += System.nanoTime() - t0;
        return r;
    }

    /** The exact design between half-steps, timed into {@link AoWork#times()}. */
    private FangDesign evaluate(List<IrsSlot> s, List<ZMatrixRMaj> rs, List<double[]> psi) {
        long t0 = System.nanoTime();
        FangDesign d = FangDesign.evaluate(mode, s, rs, psi);
        work.evaluateNanos += System.nanoTime() - t0;
        return d;
    }

    private AoResult alternateUntimed(List<IrsSlot> s, List<double[]> psiStart, List<ZMatrixRMaj> rStart, boolean passive, int stage,
            String label) {
        Map<Status, Integer> statuses = new EnumMap<>(Status.class);
        List<double[]> psi = new ArrayList<>();
        for (int l = 0; l < s.size(); l++) {
            psi.add(passive ? psiStart.get(l).clone() : RStep.guard(mode, s.get(l), psiStart.get(l), budget.irsPower()));
        }
        List<ZMatrixRMaj> rs = rStart;
        List<Double> trace = new ArrayList<>();
        List<Double> half = new ArrayList<>();
        double jPrev = Double.POSITIVE_INFINITY;
        int k = 0;
        Stagnation stagnation = new Stagnation(s.size());
        double stop = attained(passive);
        boolean atBound = false;
        while (k < options.maxIterations()) {
            RStep.Result r = rStep(s, psi, !passive, rs);
            statuses.merge(r.status(), 1, Integer::sum);
            rs = r.covariances();
            half.add(r.maxCrb());
            if (r.maxCrb() <= stop) {
                // the global bound is attained ([fangactive S3.15.6]): the Psi-steps could lower J by at most BOUND_ATTAINED
                atBound = true;
                k++;
                trace.add(r.maxCrb());
                break;
            }
            psi = psiSweep(s, rs, psi, passive, stage, k, statuses, stagnation);
            k++;
            double j = evaluate(s, rs, psi).maxCrb();
            half.add(j);
            trace.add(j);
            if (Double.isFinite(jPrev) && jPrev - j <= options.tolerance() * jPrev) {
                break;
            }
            if (j <= stop) {
                atBound = true;
                break;
            }
            jPrev = j;
        }
        if (atBound) {
            work.boundStops++;
        }
        if (!atBound) {
            // a final R-step on the final reflections ([fangactive A15]): the loop ends with a Psi-step, after which R is no longer
            // optimal; with the incumbent rule of RStep this never increases max_l CRB_l (at the bound it could lower J by at most
            // BOUND_ATTAINED, [fangactive S3.15.6])
            RStep.Result last = rStep(s, psi, !passive, rs);
            statuses.merge(last.status(), 1, Integer::sum);
            rs = last.covariances();
            half.add(last.maxCrb());
        }
        return new AoResult(FangDesign.evaluate(mode, s, rs, psi), toArray(trace), toArray(half), k, label, statuses);
    }

    /**
     * What the stagnation rule of [fangactive S3.15.1] remembers per IRS during one AO run: whether its most recent
     * Psi-step stagnated, and the R_{s,l} that step saw.
     */
    private static final class Stagnation {
        final boolean[] stagnant;
        final ZMatrixRMaj[] seen;

        Stagnation(int irss) {
            stagnant = new boolean[irss];
            seen = new ZMatrixRMaj[irss];
        }

        /** ‖R − R_seen‖_F ≤ rho ‖R_seen‖_F. */
        boolean unchanged(int l, ZMatrixRMaj r, double rho) {
            ZMatrixRMaj prev = seen[l];
            if (prev == null || prev.data.length != r.data.length) {
                return false;
            }
            double diff = 0;
            double norm = 0;
            for (int i = 0; i < r.data.length; i++) {
                double d = r.data[i] - prev.data[i];
                diff += d * d;
                norm += prev.data[i] * prev.data[i];
            }
            return diff <= rho * rho * norm;
        }
    }

    /**
     * One Psi-step per IRS (iteration k, 0-based). With {@link AoSettings#skipStagnantPsiSteps()}, from iteration
     * {@link AoSettings#STAGNATION_FROM_ITERATION} on, IRS l keeps its reflection without a Psi-step when its most recent
     * Psi-step lowered CRB_l by at most {@link AoSettings#STAGNATION} relative and R_{s,l} has moved by at most
     * {@link AoSettings#COVARIANCE_CHANGE} (Frobenius, relative) since that step ([fangactive S3.15.1]).
     */
    private List<double[]> psiSweep(List<IrsSlot> s, List<ZMatrixRMaj> rs, List<double[]> psi, boolean passive, int stage, int k,
            Map<Status, Integer> statuses, Stagnation memory) {
        List<double[]> out = new ArrayList<>();
        for (int l = 0; l < s.size(); l++) {
            if (memory != null && settings.skipStagnantPsiSteps() && k + 1 >= AoSettings.STAGNATION_FROM_ITERATION && memory.stagnant[l]
                    && memory.unchanged(l, rs.get(l), AoSettings.COVARIANCE_CHANGE)) {
                work.psiStepsSkipped++;
                out.add(psi.get(l));
                continue;
            }
            PsiStep.Result p = PsiStep.run(mode, s.get(l), rs.get(l), psi.get(l), budget, passive, options, solver,
                    FangStreams.randomization(seed, draw, l, 10_000 * stage + k), settings, work);
            p.solverStatuses().forEach(st -> statuses.merge(st, 1, Integer::sum));
            if (memory != null) {
                memory.stagnant[l] = p.crbIn() > 0 && Double.isFinite(p.crbIn()) && p.crbIn() - p.crb() <= AoSettings.STAGNATION * p.crbIn();
                memory.seen[l] = rs.get(l);
            }
            out.add(p.psi());
        }
        return out;
    }

    private static double[] toArray(List<Double> x) {
        return x.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
