package org.cosense.lab.systems.fangactive;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cosense.InvalidInputException;
import org.cosense.lab.BenchOptions;
import org.cosense.lab.Benchmark;
import org.cosense.lab.RunContext;
import org.cosense.lab.Stats;
import org.cosense.systems.fangactive.AoWork;
import org.cosense.systems.fangactive.IrsSlot;
import org.ejml.data.ZMatrixRMaj;

/**
 * {@code cosense bench fang-figures}: the designs of figs. 3-7 at the paper's AO settings, per figure, with the reference
 * loop ({@link DesignLoop#reference()}) and the figures' loop ({@link DesignLoop#FIGURES}) on the same realizations in
 * one run [fangactive S3.15] [fangactive S3.15.7]. A realization of a figure is exactly what the figure computes for one channel realization
 * ({@link FangFigure#realization}: every sweep point in order, every curve, the reflective-only design shared by the
 * proposed design's second start, the sweep continuation), so the time per realization times the paper's 100
 * realizations is the figure's cost. {@code --trials} = realizations per figure, {@code --cases} = figures (fig3..fig7),
 * {@code --no-baseline}: the figures' loop only (its time and projection, no comparison). {@code --rounding-floor}: a third
 * loop, the reference loop on the same realization with every BS-IRS channel coefficient moved by one ulp
 * ({@link #oneUlp}), compared with the unperturbed reference loop by the same statistics: how far the loop as printed
 * moves under a change of its input at the last bit.
 *
 * <p>Why a separate benchmark from {@code fang-ao}: that one times one kind of design (BS mode, proposed); this one
 * times whole figures (both modes, every benchmark design, every sweep point) and reports per figure. The two loops of
 * one (figure, realization) run back to back on one thread (which goes first alternates); units are spread over
 * {@code --threads}. Times are CPU seconds of the computing thread. The projection assumes the figures run one after
 * another, each with its realizations spread evenly over 2 cores (the Monte Carlo's parallel unit is the realization).
 */
public final class FangFiguresBenchmark implements Benchmark {
    /** The paper's realizations per point ([fangactive S4]). */
    static final int PAPER_REALIZATIONS = 100;
    /** Cores of the projection. */
    static final int CORES = 2;
    /** A design "got worse" when its max-CRB exceeds the reference loop's by more than this, relative ([fangactive S3.15]). */
    static final double TOLERANCE = 1e-4;

    @Override
    public String name() {
        return "fang-figures";
    }

    @Override
    public String description() {
        return "fangactive figs 3-7 at the paper's AO settings: per figure, CPU-s per realization of the figures' loop vs the reference loop,"
                + " objective changes, projected time at 100 realizations on 2 cores (--trials = realizations, --cases fig3,...,"
                + " --no-baseline)";
    }

    @Override
    public int defaultTrials() {
        return 1;
    }

    @Override
    public List<String> cases() {
        return figures(List.of()).stream().map(FangFigure::id).toList();
    }

    @Override
    public List<String> variants() {
        return List.of(DesignLoop.WARM_STARTED_SCA);
    }

    @Override
    public boolean reportsWithoutBaseline() {
        return true;
    }

    /** One design of a realization as the probe saw it. */
    record Probed(int point, int curve, String kind, long cpuNanos, AoWork.Counts work, AoWork.Times times) {
    }

    /** One (figure, realization) under one loop: its output, its CPU time and its designs. */
    record Unit(double[][] out, long cpuNanos, List<Probed> designs) {
    }

    /**
     * A figure's measurement: its plan and per realization the units of the reference (may be null) and new loops, and of
     * the reference loop on the perturbed channels (null without {@code --rounding-floor}).
     */
    record FigureRun(String id, FangFigure.Plan plan, Unit[] reference, Unit[] neu, Unit[] perturbed) {
    }

    static Unit unit(FangFigure f, RunContext ctx, FangFigure.Plan plan, int t, DesignLoop loop) {
        return unit(f, ctx, plan, t, loop, java.util.function.UnaryOperator.identity());
    }

    static Unit unit(FangFigure f, RunContext ctx, FangFigure.Plan plan, int t, DesignLoop loop,
            java.util.function.UnaryOperator<List<IrsSlot>> input) {
        List<Probed> designs = new ArrayList<>();
        long c0 = FangFigure.cpuNanos();
        double[][] out = f.realization(ctx, plan, t, loop, (p, c, kind, cpu, w, tm) -> designs.add(new Probed(p, c, kind, cpu, w, tm)),
                input);
        return new Unit(out, FangFigure.cpuNanos() - c0, designs);
    }

    /**
     * The rounding-floor perturbation ([fangactive S3.15.7]): every real and imaginary part of every BS-IRS channel
     * coefficient G_l moved one ulp away from zero ({@code Math.nextUp} of its magnitude; zeros stay zero), so each entry
     * changes by at most 2^-52 relative and every other quantity (angles, beta, noise powers, arrays, the random draws of
     * the designers) is untouched. A change of the model at the last bit: any larger change of a design is the loop's own.
     */
    static List<IrsSlot> oneUlp(List<IrsSlot> slots) {
        List<IrsSlot> out = new ArrayList<>(slots.size());
        for (IrsSlot s : slots) {
            ZMatrixRMaj g = s.channel().copy();
            for (int k = 0; k < g.getDataLength(); k++) {
                double v = g.data[k];
                g.data[k] = v == 0 ? v : Math.copySign(Math.nextUp(Math.abs(v)), v);
            }
            out.add(s.withChannel(g));
        }
        return List.copyOf(out);
    }

    /** The figures named in {@code cases} (all five when empty), in catalog order. */
    static List<FangFigure> figures(List<String> cases) {
        List<FangFigure> all = new ArrayList<>();
        new FangExperiments().experiments().forEach(e -> all.add((FangFigure) e));
        if (cases.isEmpty()) {
            return all;
        }
        List<String> ids = all.stream().map(FangFigure::id).toList();
        for (String c : cases) {
            InvalidInputException.require(ids.contains(c.trim()), "cases", c, "must be among " + String.join(", ", ids));
        }
        return all.stream().filter(f -> cases.stream().anyMatch(c -> c.trim().equals(f.id()))).toList();
    }

    @Override
    public void run(BenchOptions opts, PrintStream out) {
        List<FangFigure> figs = figures(opts.cases());
        RunContext ctx = new RunContext(opts.trials(), 1, opts.seed(), false, null);
        out.println(measure(figs, ctx, DesignLoop.reference(), DesignLoop.variant(opts.variant()), opts.baseline(), opts.roundingFloor(),
                opts.threads(), true).report());
    }

    /** Everything measured, and its report. */
    record Measurement(List<FigureRun> runs, String report) {
    }

    /**
     * Runs {@code figs} under {@code ctx} (its trials, seed and quick flag) with {@code neu} and, when {@code baseline},
     * {@code reference} on the same realizations; {@code warmUp}: first one realization of each loop at quick settings
     * on a realization outside the measured ones (JIT).
     */
    static Measurement measure(List<FangFigure> figs, RunContext ctx, DesignLoop reference, DesignLoop neu, boolean baseline, int threads,
            boolean warmUp) {
        return measure(figs, ctx, reference, neu, baseline, false, threads, warmUp);
    }

    /** As above; {@code roundingFloor} (needs {@code baseline}): also the reference loop on {@link #oneUlp} channels, run last. */
    static Measurement measure(List<FangFigure> figs, RunContext ctx, DesignLoop reference, DesignLoop neu, boolean baseline,
            boolean roundingFloor, int threads, boolean warmUp) {
        InvalidInputException.require(baseline || !roundingFloor, "rounding-floor", true, "needs the baseline (drop --no-baseline)");
        int n = ctx.trials();
        if (warmUp) {
            RunContext quick = new RunContext(1, 1, ctx.seed(), true, null);
            FangFigure f = figs.get(0);
            FangFigure.Plan p = f.plan(quick);
            f.realization(quick, p, n, neu, null);
            if (baseline) {
                f.realization(quick, p, n, reference, null);
            }
        }
        List<FigureRun> runs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, n * figs.size())));
        try {
            List<List<Future<Unit[]>>> fs = new ArrayList<>();
            for (FangFigure f : figs) {
                FangFigure.Plan plan = f.plan(ctx);
                List<Future<Unit[]>> perT = new ArrayList<>();
                for (int t = 0; t < n; t++) {
                    final int tt = t;
                    perT.add(pool.submit(() -> {
                        if (!baseline) {
                            return new Unit[] {null, unit(f, ctx, plan, tt, neu), null};
                        }
                        Unit a;
                        Unit b;
                        if (tt % 2 == 0) {
                            a = unit(f, ctx, plan, tt, reference);
                            b = unit(f, ctx, plan, tt, neu);
                        } else {
                            b = unit(f, ctx, plan, tt, neu);
                            a = unit(f, ctx, plan, tt, reference);
                        }
                        Unit c = roundingFloor ? unit(f, ctx, plan, tt, reference, FangFiguresBenchmark::oneUlp) : null;
                        return new Unit[] {a, b, c};
                    }));
                }
                fs.add(perT);
            }
            for (int i = 0; i < figs.size(); i++) {
                FangFigure f = figs.get(i);
                Unit[] ref = new Unit[n];
                Unit[] nw = new Unit[n];
                Unit[] pert = new Unit[n];
                for (int t = 0; t < n; t++) {
                    Unit[] u = fs.get(i).get(t).get();
                    ref[t] = u[0];
                    nw[t] = u[1];
                    pert[t] = u[2];
                }
                runs.add(new FigureRun(f.id(), f.plan(ctx), baseline ? ref : null, nw, roundingFloor ? pert : null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Measurement(runs, report(runs, ctx, reference, neu, Math.min(threads, n * figs.size())));
    }

    /**
     * The relative changes of one figure's designs, (other − reference) / reference of each max-CRB: the largest magnitude
     * and where; the largest worsening ({@code worstUp}) and how many are worse by more than {@link #TOLERANCE}; the
     * largest improvement ({@code worstDown}, negative when one improved) and how many are better by more than it; the
     * geometric mean of other / reference over the designs (below 1: the other loop is better on average); and (2 or more
     * realizations) how many of the figure's means leave the reference's 95% interval.
     */
    record Change(double worstAbs, double worstUp, int worse, int designs, String where, int meansOutside, int points, int better,
            double worstDown, double geoMean, String outsideWhere) {
    }

    /** The new loop against the reference loop. */
    static Change change(FigureRun r) {
        return change(r.plan(), r.reference(), r.neu());
    }

    /** The reference loop on the {@link #oneUlp} channels against the reference loop (null without the rounding floor). */
    static Change floor(FigureRun r) {
        return r.perturbed() == null ? null : change(r.plan(), r.reference(), r.perturbed());
    }

    static Change change(FangFigure.Plan plan, Unit[] reference, Unit[] other) {
        List<FangFigure.Curve> curves = plan.curves();
        double worstAbs = 0;
        double worstUp = Double.NEGATIVE_INFINITY;
        double worstDown = Double.POSITIVE_INFINITY;
        double logSum = 0;
        int worse = 0;
        int better = 0;
        int count = 0;
        String where = "none";
        int n = other.length;
        int points = plan.x().length;
        int outside = 0;
        List<String> outsideWhere = new ArrayList<>();
        for (int p = 0; p < points; p++) {
            for (int c = 0; c < curves.size(); c++) {
                double[] a = new double[n];
                double[] b = new double[n];
                for (int t = 0; t < n; t++) {
                    a[t] = reference[t].out()[p][c];
                    b[t] = other[t].out()[p][c];
                    double rel = (b[t] - a[t]) / a[t];
                    logSum += Math.log(b[t] / a[t]);
                    count++;
                    if (Math.abs(rel) > worstAbs || where.equals("none")) {
                        worstAbs = Math.abs(rel);
                        where = String.format(Locale.ROOT, "'%s' at %s = %s, realization %d", curves.get(c).label(), plan.axis(),
                                num(plan.x()[p]), t);
                    }
                    worstUp = Math.max(worstUp, rel);
                    worstDown = Math.min(worstDown, rel);
                    worse += rel > TOLERANCE ? 1 : 0;
                    better += rel < -TOLERANCE ? 1 : 0;
                }
                if (n >= 2) {
                    Stats.Estimate ci = Stats.meanCi(a);
                    double m = Stats.mean(b);
                    if (m < ci.lo() || m > ci.hi()) {
                        outside++;
                        outsideWhere.add(String.format(Locale.ROOT, "'%s' at %s = %s: %.6e vs [%.6e, %.6e]", curves.get(c).label(),
                                plan.axis(), num(plan.x()[p]), m, ci.lo(), ci.hi()));
                    }
                }
            }
        }
        return new Change(worstAbs, worstUp, worse, count, where, n >= 2 ? outside : -1, points * curves.size(), better, worstDown,
                Math.exp(logSum / count), String.join("; ", outsideWhere));
    }

    static String report(List<FigureRun> runs, RunContext ctx, DesignLoop reference, DesignLoop neu, int threads) {
        StringBuilder sb = new StringBuilder();
        int n = ctx.trials();
        boolean baseline = runs.get(0).reference() != null;
        sb.append(String.format(Locale.ROOT, "fang-figures: %d realization(s) per figure, %s AO settings, %d thread(s); loops: %s (%s) vs %s"
                + " (%s)%n", n, ctx.quick() ? "quick" : "paper (K_AO = 20, I_SCA = 20, Q = 1000, two starts)", threads, neu.name(),
                neu.settings(), reference.name(), baseline ? reference.settings() : "not run: --no-baseline"));
        double totRef = 0;
        double totNew = 0;
        double worstAll = 0;
        String worstWhere = "none";
        int worseAll = 0;
        int designsAll = 0;
        int betterAll = 0;
        double logAll = 0;
        Totals floorAll = new Totals();
        for (FigureRun r : runs) {
            double sNew = seconds(r.neu()) / n;
            totNew += sNew;
            String id = r.id();
            sb.append(String.format(Locale.ROOT, "%s: %d points x %d curves; %s %.1f CPU-s/realization", id, r.plan().x().length,
                    r.plan().curves().size(), neu.name(), sNew));
            if (baseline) {
                double sRef = seconds(r.reference()) / n;
                totRef += sRef;
                Change ch = change(r);
                sb.append(String.format(Locale.ROOT, ", %s %.1f CPU-s/realization, ratio %.2fx; max objective change %.2e (%s); "
                        + "%d of %d designs worse by more than %.0e (largest worsening %+.2e)", reference.name(), sRef, sRef / sNew,
                        ch.worstAbs(), ch.where(), ch.worse(), ch.designs(), TOLERANCE, ch.worstUp()));
                sb.append(String.format(Locale.ROOT, "; %d of %d designs better by more than %.0e (largest improvement %+.2e); geometric mean "
                        + "%s/%s %.6f", ch.better(), ch.designs(), TOLERANCE, ch.worstDown(), neu.name(), reference.name(), ch.geoMean()));
                if (ch.meansOutside() >= 0) {
                    sb.append(String.format(Locale.ROOT, "; %d of %d means outside the reference's 95%% interval", ch.meansOutside(),
                            ch.points())).append(ch.outsideWhere().isEmpty() ? "" : " (" + ch.outsideWhere() + ")");
                }
                if (ch.worstAbs() > worstAll || worstWhere.equals("none")) {
                    worstAll = ch.worstAbs();
                    worstWhere = id + " " + ch.where();
                }
                worseAll += ch.worse();
                designsAll += ch.designs();
                betterAll += ch.better();
                logAll += Math.log(ch.geoMean()) * ch.designs();
                sb.append(String.format(Locale.ROOT, "; projected at %d realizations on %d cores: %s %.2f h, %s %.2f h", PAPER_REALIZATIONS,
                        CORES, neu.name(), hours(sNew), reference.name(), hours(sRef)));
            } else {
                sb.append(String.format(Locale.ROOT, "; projected at %d realizations on %d cores: %.2f h", PAPER_REALIZATIONS, CORES,
                        hours(sNew)));
            }
            sb.append(System.lineSeparator());
            Change fl = floor(r);
            if (fl != null) {
                sb.append(String.format(Locale.ROOT, "  rounding floor (%s loop on channels moved one ulp vs %s loop, %.1f CPU-s/realization): "
                        + "%s%n", reference.name(), reference.name(), seconds(r.perturbed()) / n, describe(fl, "perturbed/" + reference.name())));
                floorAll.add(id, fl);
            }
            sb.append(profile(r.neu(), neu.name(), n));
            sb.append(byPoint(r.neu(), r.plan(), neu.name(), n));
            if (baseline) {
                sb.append(profile(r.reference(), reference.name(), n));
            }
        }
        String figs = runs.size() == 5 ? "figs 3-7" : String.join(", ", runs.stream().map(FigureRun::id).toList());
        if (baseline) {
            sb.append(String.format(Locale.ROOT, "total (%s): %s %.1f CPU-s/realization, %s %.1f CPU-s/realization; projected at %d "
                    + "realizations on %d cores: %s %.2f h, %s %.2f h%n", figs, neu.name(), totNew, reference.name(), totRef,
                    PAPER_REALIZATIONS, CORES, neu.name(), hours(totNew), reference.name(), hours(totRef)));
            sb.append(String.format(Locale.ROOT, "reference loop: %.1f s/realization of %s (CPU time)%n", totRef, figs));
        } else {
            sb.append(String.format(Locale.ROOT, "total (%s): %s %.1f CPU-s/realization; projected at %d realizations on %d cores: %.2f h%n",
                    figs, neu.name(), totNew, PAPER_REALIZATIONS, CORES, hours(totNew)));
        }
        sb.append(String.format(Locale.ROOT, "cosense: %.1f s/realization of %s (CPU time)%n", totNew, figs));
        if (baseline) {
            sb.append(String.format(Locale.ROOT, "ratio: %.2fx (reference / new)%n", totRef / totNew));
            sb.append(String.format(Locale.ROOT, "max objective change: %.2e (relative, worst design: %s; %d of %d designs worse by more "
                    + "than %.0e)%n", worstAll, worstWhere, worseAll, designsAll, TOLERANCE));
            sb.append(String.format(Locale.ROOT, "signed summary: %d of %d designs better by more than %.0e; geometric mean %s/%s %.6f over "
                    + "all designs (below 1: %s better on average)%n", betterAll, designsAll, TOLERANCE, neu.name(), reference.name(),
                    Math.exp(logAll / designsAll), neu.name()));
        }
        if (floorAll.designs > 0) {
            sb.append(String.format(Locale.ROOT, "rounding floor: max objective change %.2e (relative, worst design: %s); %d of %d designs "
                    + "worse and %d better by more than %.0e; geometric mean perturbed/%s %.6f (%s loop on channels moved one ulp vs "
                    + "itself)%n", floorAll.worstAbs, floorAll.where, floorAll.worse, floorAll.designs, floorAll.better, TOLERANCE,
                    reference.name(), Math.exp(floorAll.logSum / floorAll.designs), reference.name()));
        }
        sb.append(String.format(Locale.ROOT, "projected wall time of %s at %d realizations on %d cores: %.2f h%n", figs, PAPER_REALIZATIONS,
                CORES, hours(totNew)));
        return sb.toString().stripTrailing();
    }

    /** One comparison's statistics in the words of the per-figure line. */
    static String describe(Change ch, String ratio) {
        String s = String.format(Locale.ROOT, "max objective change %.2e (%s); %d of %d designs worse by more than %.0e (largest worsening "
                + "%+.2e); %d better by more than %.0e (largest improvement %+.2e); geometric mean %s %.6f", ch.worstAbs(), ch.where(),
                ch.worse(), ch.designs(), TOLERANCE, ch.worstUp(), ch.better(), TOLERANCE, ch.worstDown(), ratio, ch.geoMean());
        if (ch.meansOutside() >= 0) {
            s += String.format(Locale.ROOT, "; %d of %d means outside the reference's 95%% interval", ch.meansOutside(), ch.points())
                    + (ch.outsideWhere().isEmpty() ? "" : " (" + ch.outsideWhere() + ")");
        }
        return s;
    }

    /** Statistics of several figures' comparisons taken together. */
    private static final class Totals {
        double worstAbs;
        String where = "none";
        int worse;
        int better;
        int designs;
        double logSum;

        void add(String id, Change ch) {
            if (ch.worstAbs() > worstAbs || where.equals("none")) {
                worstAbs = ch.worstAbs();
                where = id + " " + ch.where();
            }
            worse += ch.worse();
            better += ch.better();
            designs += ch.designs();
            logSum += Math.log(ch.geoMean()) * ch.designs();
        }
    }

    /** Hours for the paper's realizations on {@link #CORES} cores from CPU seconds per realization. */
    static double hours(double secondsPerRealization) {
        return secondsPerRealization * PAPER_REALIZATIONS / CORES / 3600;
    }

    static double seconds(Unit[] units) {
        double s = 0;
        for (Unit u : units) {
            s += u.cpuNanos() / 1e9;
        }
        return s;
    }

    /** Per design kind: count, CPU-s per realization and share; then the time sections of all designs. */
    static String profile(Unit[] units, String loop, int n) {
        Map<String, long[]> kinds = new TreeMap<>();
        AoWork.Times times = AoWork.Times.zero();
        AoWork.Counts counts = AoWork.Counts.zero();
        long total = 0;
        for (Unit u : units) {
            total += u.cpuNanos();
            for (Probed d : u.designs()) {
                long[] k = kinds.computeIfAbsent(d.kind(), x -> new long[2]);
                k[0]++;
                k[1] += d.cpuNanos();
                times = times.plus(d.times());
                counts = counts.plus(d.work());
            }
        }
        StringBuilder sb = new StringBuilder("  " + loop + " by design kind:");
        for (Map.Entry<String, long[]> e : kinds.entrySet()) {
            sb.append(String.format(Locale.ROOT, " %s %d x, %.1f s (%.0f%%);", e.getKey(), e.getValue()[0] / n, e.getValue()[1] / 1e9 / n,
                    100.0 * e.getValue()[1] / total));
        }
        sb.setLength(sb.length() - 1);
        sb.append(System.lineSeparator());
        long sec = times.sections();
        Map<String, Long> parts = new LinkedHashMap<>();
        parts.put("Psi-step SDR solves", times.sdrSolve());
        parts.put("SDR forming (surrogate)", times.sdrForming());
        parts.put("SCA step search", times.lineSearch());
        parts.put("rank-one test", times.rankOneTest());
        parts.put("randomization (draws + scorer)", times.randomization());
        parts.put("R-steps", times.rStep());
        parts.put("design evaluation", times.evaluate());
        sb.append("  ").append(loop).append(" sections (wall, share of the timed sections):");
        for (Map.Entry<String, Long> e : parts.entrySet()) {
            sb.append(String.format(Locale.ROOT, " %s %.0f%%;", e.getKey(), sec == 0 ? 0.0 : 100.0 * e.getValue() / sec));
        }
        long[] st = times.stages();
        String[] names = {"transmit start", "reflective start", "reflective-only", "passive", "continuation start", "passive reflective-only"};
        sb.append(" stages:");
        for (int i = 0; i < st.length; i++) {
            sb.append(String.format(Locale.ROOT, " %s %.1f s;", names[i], st[i] / 1e9 / n));
        }
        sb.setLength(sb.length() - 1);
        sb.append(System.lineSeparator());
        sb.append("  ").append(loop).append(" work: ").append(FangAoBenchmark.describe(counts)).append(System.lineSeparator());
        return sb.toString();
    }

    /** Per sweep point: CPU-s per realization and the R-steps' share of the timed sections. */
    static String byPoint(Unit[] units, FangFigure.Plan plan, String loop, int n) {
        int points = plan.x().length;
        long[] cpu = new long[points];
        long[] rStep = new long[points];
        long[] sections = new long[points];
        for (Unit u : units) {
            for (Probed d : u.designs()) {
                cpu[d.point()] += d.cpuNanos();
                rStep[d.point()] += d.times().rStep();
                sections[d.point()] += d.times().sections();
            }
        }
        StringBuilder sb = new StringBuilder("  " + loop + " by point (" + plan.axis() + ": CPU-s, R-step share):");
        for (int p = 0; p < points; p++) {
            sb.append(String.format(Locale.ROOT, " %s: %.1f s, %.0f%%;", num(plan.x()[p]), cpu[p] / 1e9 / n,
                    sections[p] == 0 ? 0.0 : 100.0 * rStep[p] / sections[p]));
        }
        sb.setLength(sb.length() - 1);
        return sb.append(System.lineSeparator()).toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
