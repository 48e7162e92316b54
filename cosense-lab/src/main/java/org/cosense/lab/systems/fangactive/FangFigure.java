package org.cosense.lab.systems.fangactive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cosense.lab.Check;
import org.cosense.lab.DeclaredExperiment;
import org.cosense.lab.RunContext;
import org.cosense.lab.Series;
import org.cosense.lab.Stats;
import org.cosense.systems.fangactive.AoOptions;
import org.cosense.systems.fangactive.AoResult;
import org.cosense.systems.fangactive.AoSettings;
import org.cosense.systems.fangactive.AoWork;
import org.cosense.systems.fangactive.Benchmarks;
import org.cosense.systems.fangactive.Budget;
import org.cosense.systems.fangactive.FangDesign;
import org.cosense.systems.fangactive.FangDesigner;
import org.cosense.systems.fangactive.IrsSensingBound;
import org.cosense.systems.fangactive.IrsSlot;
import org.cosense.systems.fangactive.Scenario;
import org.cosense.systems.fangactive.SensingAtBs;
import org.cosense.systems.fangactive.SensingAtIrs;
import org.cosense.systems.fangactive.SensingMode;

/**
 * Shared parts of the fangactive figures: schemes, the per-realization design runs, aggregation.
 * Every point averages max_l CRB_l of the final design over channel realizations; realization t
 * is a function of (seed, t) only, shared by all sweep points and series (common random numbers,
 * [fangactive S3.13]).
 */
abstract class FangFigure extends DeclaredExperiment {
    /** The deployment for M BS antennas: the paper's by default; tests pass a small one. */
    final java.util.function.IntFunction<Scenario> scenario;

    /**
     * Full runs: 20 realizations per point (the documentation's 100 is ASSUMED and available with --trials 100);
     * quick runs: two realizations (one per core: the sweeps run each realization's points in order).
     */
    FangFigure(String id, String title, String behaviour, java.util.function.IntFunction<Scenario> scenario) {
        super("fangactive", id, title, behaviour, 20, 2);
        this.scenario = scenario;
    }

    /** The compared designs ([fangactive S3.12]). */
    enum Scheme {
        PROPOSED("Proposed"), TRANSMIT_ONLY("Transmit BF only"), REFLECTIVE_ONLY("Reflective BF only"), PASSIVE("Passive IRS, joint AO"),
        PASSIVE_REFLECTIVE_ONLY("passive-reflective-only"), ISOTROPIC("Isotropic transmission");

        final String label;

        Scheme(String label) {
            this.label = label;
        }
    }

    /** One curve: a scheme, its sensing mode and amplitude limit. */
    record Curve(Scheme scheme, SensingMode mode, double aMax, String label) {
    }


    /**
     * Full runs: the documentation's AO settings (K_AO = 20, I_SCA = 20, Q = 1000, two starts). Quick runs keep
     * the two starts (so "proposed <= both benchmarks" holds per realization, [fangactive C28]) but
     * cut the iterations: K_AO = 3, eps_AO = 1e-2, I_SCA = 3, Q = 64.
     */
    static AoOptions options(RunContext ctx) {
        return ctx.quick() ? AoOptions.shortened() : AoOptions.paper();
    }

    /**
     * Observes every design a figure computes on one realization ({@code cosense bench fang-figures}): the sweep point,
     * the curve, the kind of design ("proposed": the AO runs from its starts; its reflective-only start is reported
     * as "reflective-only"), the CPU time of the computing thread and the designer's work and time sections.
     */
    interface DesignProbe {
        void design(int point, int curve, String kind, long cpuNanos, AoWork.Counts work, AoWork.Times times);
    }

    /** What a sweep figure computes: its axis, its curves, each curve's (P_t, P_s) at a point and M at a point. */
    record Plan(String axis, double[] x, List<Curve> curves, java.util.function.BiFunction<Integer, Curve, double[]> budget,
            java.util.function.IntUnaryOperator antennas) {
    }

    /** The plan of this figure's run under {@code ctx} (its sweep points, curves and budgets). */
    abstract Plan plan(RunContext ctx);

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /**
     * max-CRB of every curve on one realization at one sweep point, with the figures' loop. The reflective-only design
     * of each (mode, budget) is computed once and reused as the second AO start of the proposed design.
     */
    static double[] designs(List<Curve> curves, java.util.function.ToDoubleFunction<Curve> pt,
            java.util.function.ToDoubleFunction<Curve> psW, List<IrsSlot> slots, RunContext ctx, long draw) {
        return designs(curves, pt, psW, slots, ctx, draw, null, DesignLoop.FIGURES, -1, null, null);
    }

    /** A passive design computed at the BS power {@code bsPower} ([fangactive S3.15.8]). */
    record PassiveAt(double bsPower, AoResult result) {
    }

    /**
     * The passive design of {@code at} carried to the BS power {@code bsPower}: R_l scaled by bsPower / at.bsPower(), the
     * reflections kept, the CRBs evaluated exactly on the passive slots ([fangactive S3.15.8]).
     */
    static AoResult scaledPassive(PassiveAt at, double bsPower, SensingMode mode, List<IrsSlot> passiveSlots) {
        double f = bsPower / at.bsPower();
        FangDesign d = at.result().design();
        List<org.ejml.data.ZMatrixRMaj> rs = d.covariances().stream().map(r -> org.cosense.math.ComplexLinalg.scale(f, r)).toList();
        FangDesign scaled = FangDesign.evaluate(mode, passiveSlots, rs, d.reflections());
        return new AoResult(scaled, new double[] {scaled.maxCrb()}, new double[] {scaled.maxCrb()}, 0,
                at.result().start() + ", scaled from P_t = " + at.bsPower() + " W");
    }

    /**
     * As above along a sweep whose feasible set grows from point to point: {@code chain} (curve index →
     * the proposed design at the previous point of this realization; updated here) supplies the
     * continuation start of {@link FangDesigner#proposed(AoResult, FangDesign)}. Null: no continuation.
     * {@code loop} runs the designers; {@code probe} (may be null) sees each design of point {@code point}.
     */
    static double[] designs(List<Curve> curves, java.util.function.ToDoubleFunction<Curve> pt,
            java.util.function.ToDoubleFunction<Curve> psW, List<IrsSlot> slots, RunContext ctx, long draw,
            Map<Integer, FangDesign> chain, DesignLoop loop, int point, DesignProbe probe, Map<List<Object>, PassiveAt> passives) {
        Map<List<Object>, AoResult> reflective = new java.util.HashMap<>();   // by (mode, budget)
        double[] out = new double[2 * curves.size()]; // max-CRB per curve, then the design's worst relative slack
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            Budget b = new Budget(pt.applyAsDouble(c), psW.applyAsDouble(c), c.aMax());
            FangDesigner d = new FangDesigner(c.mode(), slots, b, options(ctx), loop.settings(), loop.solver(), ctx.seed(), draw);
            List<Object> key = List.of(c.mode(), b);
            final int ci = i;
            String at = c.mode() instanceof SensingAtBs ? " (BS)" : " (IRSs)";
            java.util.function.Supplier<AoResult> refl = () -> reflective.computeIfAbsent(key,
                    k -> probed(probe, point, ci, "reflective-only" + at, d, d::reflectiveOnly));
            AoResult r = switch (c.scheme()) {
                case PROPOSED -> {
                    AoResult start = refl.get();
                    yield probed(probe, point, i, "proposed" + at, d, () -> chain == null ? d.proposed(start)
                            : d.proposed(start, carried(chain.get(ci), c.mode(), slots)));
                }
                case TRANSMIT_ONLY -> probed(probe, point, i, "transmit-only" + at, d, d::transmitOnly);
                case REFLECTIVE_ONLY, ISOTROPIC -> refl.get();
                case PASSIVE -> passive(passives, loop, List.of(c.mode(), c.scheme(), slots), b.bsPower(), c.mode(), slots,
                        () -> probed(probe, point, ci, "passive" + at, d, d::passive));
                case PASSIVE_REFLECTIVE_ONLY -> passive(passives, loop, List.of(c.mode(), c.scheme(), slots), b.bsPower(), c.mode(), slots,
                        () -> probed(probe, point, ci, "passive-reflective-only" + at, d, d::passiveReflectiveOnly));
            };
            out[i] = r.maxCrb();
            boolean passive = c.scheme() == Scheme.PASSIVE || c.scheme() == Scheme.PASSIVE_REFLECTIVE_ONLY;
            out[curves.size() + i] = r.design().worstSlack(c.mode(), passive ? Benchmarks.passiveSlots(slots) : slots, b, passive);
            if (chain != null && c.scheme() == Scheme.PROPOSED) {
                chain.put(i, r.design());
            }
        }
        return out;
    }

    /**
     * A passive benchmark design: computed by {@code design}, or, with {@link AoSettings#scalePassiveDesigns()} and a
     * design of the same (mode, scheme, slots) already in {@code passives} (the sweep varies P_t only), carried from it
     * ([fangactive S3.15.8]). A passive design depends on the budget through P_t only (no IRS budget, unit modulus).
     */
    private static AoResult passive(Map<List<Object>, PassiveAt> passives, DesignLoop loop, List<Object> key, double bsPower, SensingMode mode,
            List<IrsSlot> slots, java.util.function.Supplier<AoResult> design) {
        if (passives == null || !loop.settings().scalePassiveDesigns()) {
            return design.get();
        }
        PassiveAt at = passives.get(key);
        if (at != null) {
            return scaledPassive(at, bsPower, mode, Benchmarks.passiveSlots(slots));
        }
        AoResult r = design.get();
        passives.put(key, new PassiveAt(bsPower, r));
        return r;
    }

    /** {@code design.get()}, reported to {@code probe} (when not null) with its CPU time and the designer's work in it. */
    private static AoResult probed(DesignProbe probe, int point, int curve, String kind, FangDesigner d,
            java.util.function.Supplier<AoResult> design) {
        if (probe == null) {
            return design.get();
        }
        AoWork.Counts w0 = d.work();
        AoWork.Times t0 = d.times();
        long c0 = cpuNanos();
        AoResult r = design.get();
        long cpu = cpuNanos() - c0;
        probe.design(point, curve, kind, cpu, d.work().minus(w0), d.times().minus(t0));
        return r;
    }

    /** The previous point's design on this point's slots (R padded when M grew), or null. */
    static FangDesign carried(FangDesign prev, SensingMode mode, List<IrsSlot> slots) {
        if (prev == null) {
            return null;
        }
        int m = slots.get(0).m();
        if (prev.covariances().get(0).numRows > m) {
            return null;
        }
        return FangDesign.evaluate(mode, slots, prev.paddedCovariances(m), prev.reflections());
    }

    /**
     * The Monte Carlo of a sweep along which the feasible set grows (P_t, P_s or M increasing): each
     * realization visits the points in order with the continuation start (parallel over realizations,
     * [fangactive P12]).
     */
    double[][][] continuationSweep(RunContext ctx, Plan plan) {
        return ctx.monteCarlo().runSweep(qualifiedId(), ctx.seed(), plan.x().length, ctx.trials(),
                (t, rngs) -> realization(ctx, plan, t, DesignLoop.FIGURES, null));
    }

    /**
     * One realization t of the sweep: every point in order, each curve's max-CRB and worst slack
     * ({@link #designs}), with the continuation start carried from point to point. A function of (seed, t) and the
     * loop only: the trial of {@link #continuationSweep} and the unit that {@code cosense bench fang-figures} times.
     */
    double[][] realization(RunContext ctx, Plan plan, int t, DesignLoop loop, DesignProbe probe) {
        return realization(ctx, plan, t, loop, probe, java.util.function.UnaryOperator.identity());
    }

    /**
     * As above with {@code input} applied to each drawn set of slots before any design sees it (the rounding-floor
     * perturbation of {@code cosense bench fang-figures}, [fangactive S3.15.7]); identity: the figure's realization.
     */
    double[][] realization(RunContext ctx, Plan plan, int t, DesignLoop loop, DesignProbe probe,
            java.util.function.UnaryOperator<List<IrsSlot>> input) {
        int points = plan.x().length;
        Map<Integer, FangDesign> chain = new java.util.HashMap<>();
        Map<List<Object>, PassiveAt> passives = new java.util.HashMap<>();
        double[][] out = new double[points][];
        List<IrsSlot> slots = null;
        int lastM = -1;
        for (int p = 0; p < points; p++) {
            final int q = p;
            int m = plan.antennas().applyAsInt(p);
            if (m != lastM) {
                slots = input.apply(realization(m, ctx, t));
                lastM = m;
            }
            out[p] = designs(plan.curves(), c -> plan.budget().apply(q, c)[0], c -> plan.budget().apply(q, c)[1], slots, ctx, t, chain,
                    loop, p, probe, passives);
        }
        return out;
    }

    /** The global bound of sensing at the IRSs at budget P_s (independent of the channels and of M). */
    double irsBound(RunContext ctx, double psW) {
        return IrsSensingBound.maxCrbBound(realization(16, ctx, 0), psW);
    }

    List<IrsSlot> realization(int m, RunContext ctx, int t) {
        return scenario.apply(m).realization(ctx.seed(), t);
    }

    static SensingMode bs() {
        return SensingAtBs.INSTANCE;
    }

    static SensingMode irs() {
        return SensingAtIrs.INSTANCE;
    }

    /** Mean over realizations of metric k, with 95% intervals. */
    static Series meanSeries(String name, double[] x, double[][][] r, int k, Series.Style style) {
        return Stats.series(name, x, Stats.meanCi(r, k), style);
    }

    static Map<String, Object> commonParameters(RunContext ctx) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("geometry", "BS (0,0,0), IRS 1 (-5,10,0), IRS 2 (-5,20,0), target (5,15,0)");
        p.put("irs_frames (ASSUMED)", "h = +y, v = +z, n = +x; BS ULA along +x; d = lambda/2");
        p.put("L", 2);
        p.put("T_c", 100);
        p.put("N", "4 x 4 reflecting elements; 4 x 4 sensors (sensing at IRSs)");
        p.put("rician_k_db", 5);
        p.put("C_BI_db (ASSUMED)", -20);
        p.put("alpha_BI (ASSUMED)", 2.2);
        p.put("C_T_db (ASSUMED)", -30);
        p.put("alpha_IT (ASSUMED)", 2);
        p.put("noise_dbm", "sigma_r^2 = sigma_b^2 = -80, sigma_s^2 = -80 (ASSUMED)");
        p.put("realizations_per_point", ctx.trials());
        AoOptions o = options(ctx);
        p.put("ao (ASSUMED)", "K_AO = " + o.maxIterations() + ", eps_AO = " + o.tolerance() + ", I_SCA = " + o.scaIterations()
                + ", Q = " + o.randomizationDraws() + ", two starts = " + o.twoStarts());
        return p;
    }

    static String common(RunContext ctx) {
        AoOptions o = options(ctx);
        return String.format(" Mean over %d Rician channel realizations per point (common random numbers; the documentation's 100 is "
                + "ASSUMED, the default here is 20 for runtime, 2 with --quick), 95%% intervals. ASSUMED ([fangactive S3.13]): C_BI = -20 dB, "
                + "alpha_BI = 2.2, C_T = -30 dB, alpha_IT = 2, IRS frames h = +y, v = +z, BS ULA along +x; AO with K_AO = %d, "
                + "I_SCA = %d, Q = %d randomization draws%s.", ctx.trials(), o.maxIterations(), o.scaIterations(),
                o.randomizationDraws(), o.twoStarts() ? ", two starts" : ", one start (quick)")
                + (ctx.quick() ? " QUICK-RUN CAVEAT: the shortened AO is not converged, so a failed check here points first at "
                        + "the AO budget, not at the model." : "");
    }

    /** The caption sentence of the sweep continuation (figs. 3-6). */
    static String continuationNote() {
        return " The proposed design also starts from the same realization's proposed design at the previous sweep point "
                + "(ASSUMED, not in the paper: that design stays feasible as P_t, P_s or M grows (R padded with idle antennas; "
                + "the channels are drawn column by column, so the first M columns are shared), so each realization's proposed "
                + "curve is non-increasing; without it the AO's local optima made the 4-realization mean of Fig. 3 at a_max = 8 "
                + "read 3.7, 3.5, 3.9, 4.4, 2.0 (x1e-4) from 10 to 30 W).";
    }

    /** Why a check can fail under the ASSUMED values ([fangactive S3.14]), keyed by check id. */
    private static final Map<String, String> WHY = Map.of(
            "below-joint-passive",
            "a passive IRS reflects all the incident power (about P_t PL_BI N M with BS beamforming) while an active one is "
                    + "capped at P_s; under the ASSUMED C_BI = -20 dB the farther IRS (20.6 m, PL_BI = -48.9 dB) reaches "
                    + "P_t PL_BI N M = P_s near 30 W, and the budget-bound active design is flat in P_t while the jointly "
                    + "optimized passive one falls as 1/P_t",
            "transmit-below-reflective",
            "transmit-only wins only on the amplification-limited side, once P_t a_max^2 PL_BI N exceeds about P_s "
                    + "([fangactive S3.14]); below that the isotropic benchmark with an optimized reflection collects more echo",
            "transmit-matches-proposed",
            "transmit-only matches the proposed design only while the BS can pre-compensate the random IRS phases "
                    + "(rank G = N, [fangactive S3.14]), which costs BS power; where P_t C_BI / P_s is small the transmit-only design "
                    + "is BS-limited and loses the phase-alignment gain that the proposed design gets for free",
            "transmit-matches-proposed-high-pt",
            "the proposed design sits on the global bound (the IRS output is budget-limited), while transmit-only with "
                    + "random phases still spends BS power on undoing them; the ratio falls with P_t but not to 1 dB on this axis",
            "irs-proposed-decreasing",
            "the proposed design already attains the global lower bound at the smallest M (the IRS output power P_s, not the "
                    + "BS array, limits sensing at the IRSs), and the bound does not depend on M",
            "bs-saturates",
            "the quick axis (M = 4, 16, 32) measures the change over the last step 16 -> 32, where the echo is still "
                    + "gaining array gain; saturation within 10% needs the full axis",
            "larger-amax-lower",
            "once the IRS budget binds, a_max no longer limits the amplitude actually used");

    /** Caption sentences for the checks that failed: the claim, the evidence, and the diagnosis where one is known. */
    static String departures(List<Check> checks) {
        StringBuilder sb = new StringBuilder();
        for (Check c : checks) {
            if (c.passed()) {
                continue;
            }
            // a detail that already carries its diagnosis (see why(id)) is not repeated
            String why = c.detail().contains("; why: ") ? null : WHY.get(c.id());
            String what = c.kind() == Check.Kind.PAPER ? " DEPARTURE from the paper: " : " FAILED " + c.kind().label() + ": ";
            sb.append(what).append(c.behaviour()).append(" does not hold (").append(c.detail()).append(")")
                    .append(why != null ? ". Why: " + why + "." : c.detail().contains("; why: ") ? "." : "; not diagnosed.");
        }
        return sb.toString();
    }

    /** The diagnosis of check {@code id}, appended to a failed check's detail. */
    static String why(String id) {
        String w = WHY.get(id);
        return w == null ? "" : "; why: " + w;
    }

    /** Relative distance below which a design counts as attaining the global bound (globally optimal). */
    static final double ATTAINS = 1e-6;

    /**
     * The global lower bound of sensing at the IRSs ({@link IrsSensingBound}) beside the designs of figs. 5 and 7:
     * its series, an invariant (no active design meeting P_s is below it), an extension (every proposed design within
     * {@link #ATTAINS} of it is globally optimal), a per-design table and the caption sentence.
     *
     * @param active   indices of the curves of active designs (the bound does not apply to a passive IRS: no budget)
     * @param proposed indices of the proposed curves (a subset of {@code active})
     */
    record GlobalBound(Series series, List<Check> checks, org.cosense.lab.Table table, String caption) {
    }

    static GlobalBound globalBound(String figId, String xName, double[] x, double bound, double psW, double[][][] r,
            List<Curve> curves, List<Integer> active, List<Integer> proposed) {
        double[] y = new double[x.length];
        java.util.Arrays.fill(y, bound);
        Series series = Series.of("Global lower bound (any active design, tr Q ≤ P_s)", x, y, Series.Style.LINE);
        double lowest = Double.POSITIVE_INFINITY;
        for (int c : active) {
            for (int p = 0; p < x.length; p++) {
                for (double v : designsOf(r, p, c)) {
                    lowest = Math.min(lowest, v / bound);
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        int attained = 0;
        int total = 0;
        double worstExcess = 0;
        List<String> where = new ArrayList<>();
        for (int c : proposed) {
            int here = 0;
            for (int p = 0; p < x.length; p++) {
                double[] v = designsOf(r, p, c);
                for (int t = 0; t < v.length; t++) {
                    double excess = (v[t] - bound) / bound;
                    boolean optimal = excess <= ATTAINS;
                    attained += optimal ? 1 : 0;
                    here += optimal ? 1 : 0;
                    total++;
                    worstExcess = Math.max(worstExcess, excess);
                    rows.add(List.of(curves.get(c).label(), org.cosense.lab.Csv.number(x[p]), String.valueOf(t),
                            org.cosense.lab.Csv.number(v[t]), org.cosense.lab.Csv.number(bound), org.cosense.lab.Csv.number(excess),
                            String.valueOf(optimal)));
                }
            }
            where.add(curves.get(c).label() + ": " + here + " of " + x.length * r[0].length);
        }
        List<Check> checks = new ArrayList<>();
        checks.add(Check.invariant("above-bound", "no active design meeting the IRS budget is below the global lower bound "
                + "(a theorem: a failure means a wrong FIM or an infeasible design)", lowest >= 1 - 1e-9,
                "smallest design / bound over the active curves: " + String.format("%.12f", lowest)));
        checks.add(Check.extension("proposed-globally-optimal", "every proposed design lies within 1e-6 relative of the global "
                + "lower bound, i.e. is globally optimal for problem (P4)", attained == total, attained + " of " + total
                        + " proposed designs within 1e-6 (" + String.join("; ", where) + "); largest relative excess "
                        + String.format("%.3e", worstExcess)));
        org.cosense.lab.Table table = new org.cosense.lab.Table(figId + "-global-optimality.csv",
                List.of("curve", xName, "realization", "max_crb", "bound", "relative_excess", "globally_optimal"), rows);
        String caption = " Global lower bound (solid line, not in the paper): for ANY design whose IRS output covariance Q has "
                + "tr Q ≤ P_s, CRB_l ≥ min { tr F_K(Q)^{-1} : Q ⪰ 0, tr Q ≤ P_s } with F_K the FIM the sensors would have if "
                + "the IRS output (amplifier noise included) were known; a convex program, independent of G, P_t, a_max and M, "
                + "scaling as 1/P_s: " + fmt(bound) + " at P_s = " + psW + " W. It does not bind the passive IRS (no budget). "
                + (attained == total ? "Every proposed design attains it (within 1e-6 relative): the proposed design is "
                        + "globally optimal here, which is why its curves are flat."
                        : attained + " of " + total + " proposed designs attain it (within 1e-6 relative; " + String.join("; ", where)
                                + "), and are marked globally optimal in " + figId + "-global-optimality.csv.");
        return new GlobalBound(series, checks, table, caption);
    }

    /** Metric k of realization t at point p of each curve whose index is in {@code curves}: the per-design values. */
    static double[] designsOf(double[][][] r, int point, int curve) {
        double[] v = new double[r[point].length];
        for (int t = 0; t < v.length; t++) {
            v[t] = r[point][t][curve];
        }
        return v;
    }

    /** Every step decreases by more than the rounding allowance {@link #ROUNDING}: a change at rounding level is no trend. */
    static boolean decreasing(double[] y) {
        for (int i = 1; i < y.length; i++) {
            if (!(y[i] < y[i - 1] * (1 - ROUNDING))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Relative rounding allowance of "non-increasing": the continuation carries a design from one sweep point to the
     * next exactly, but its CRB is re-evaluated on other matrices (another P_t, P_s, or M with padded R), and tr F^{-1}
     * of a FIM with condition number about 1e11 (pitfall [fangactive P1]) moves by a few 1e-9 relative under such rounding
     * (measured: 3.2e-9 in fig7, M = 16 → 32). 1e-6 is the same resolution as {@link #ATTAINS}.
     */
    static final double ROUNDING = 1e-6;

    /** True when every y[i] ≤ y[i−1] (1 + {@link #ROUNDING}): the continuation's guarantee, up to rounding. */
    static boolean nonIncreasing(double[] y) {
        for (int i = 1; i < y.length; i++) {
            if (!(y[i] <= y[i - 1] * (1 + ROUNDING))) {
                return false;
            }
        }
        return true;
    }

    static String fmt(double v) {
        return Double.isInfinite(v) ? "inf" : String.format("%.3e", v);
    }

    /**
     * The figure's checks, starting with [fangactive C29] on every design it computed: all power and amplitude
     * constraints hold (worst relative slack ≥ −1e-6; metrics curves..2·curves−1 of {@link #designs}).
     */
    static List<Check> checks(double[][][] r, int curves) {
        double worst = Double.POSITIVE_INFINITY;
        int count = 0;
        for (double[][] point : r) {
            for (double[] trial : point) {
                for (int c = 0; c < curves; c++) {
                    worst = Math.min(worst, trial[curves + c]);
                    count++;
                }
            }
        }
        List<Check> out = new ArrayList<>();
        out.add(Check.invariant("feasible", "every design meets all power and amplitude constraints (relative slack ≥ −1e-6)",
                worst >= -1e-6, String.format("worst relative slack over %d designs: %.3e", count, worst)));
        return out;
    }

    /** Sweep points: every point in a full run; a subset with --quick (named in the caption). */
    static double[] sweep(double[] full, RunContext ctx, int... quickIndices) {
        if (!ctx.quick()) {
            return full;
        }
        double[] q = new double[quickIndices.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = full[quickIndices[i]];
        }
        return q;
    }
}
