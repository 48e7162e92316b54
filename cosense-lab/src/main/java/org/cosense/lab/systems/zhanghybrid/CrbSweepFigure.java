package org.cosense.lab.systems.zhanghybrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cosense.lab.Check;
import org.cosense.lab.DeclaredExperiment;
import org.cosense.lab.FigureResult;
import org.cosense.lab.LinePanel;
import org.cosense.lab.RunContext;
import org.cosense.lab.Series;
import org.cosense.lab.Wording;
import org.cosense.math.RandomStream;
import org.cosense.systems.zhanghybrid.HybridCrbs;
import org.cosense.systems.zhanghybrid.HybridFim.Scheme;
import org.cosense.systems.zhanghybrid.HybridParameters;
import org.cosense.systems.zhanghybrid.HybridScene;

/**
 * Figs. 3–5: the average position CRB tr CRB(p) (m², linear values) of the five schemes versus the number of
 * reflecting elements N, the number of sensors M, or the radius r of the target disk around IRS 1. Each trial draws
 * its target, BS–IRS channel paths and IRS phases from one stream of the trial, the same at every x (common random
 * numbers: the first N phases of a larger IRS are those of the smaller one) [zhanghybrid A13].
 */
final class CrbSweepFigure extends DeclaredExperiment {
    enum Axis {
        ELEMENTS, SENSORS, RADIUS
    }

    static final List<Scheme> SCHEMES = List.of(Scheme.PROPOSED, Scheme.ANGLE, Scheme.DELAY, Scheme.NO_COLLABORATION, Scheme.SINGLE);
    static final double[] N_VALUES = {8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120, 128};
    static final double[] M_VALUES = {4, 8, 12, 16, 20, 24, 28, 32};
    static final double[] R_VALUES = {10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60};

    private final Axis axis;

    CrbSweepFigure(String id, Axis axis) {
        super("zhanghybrid", id, title(axis), behaviour(axis), 100, 4);
        this.axis = axis;
    }

    static String title(Axis a) {
        return switch (a) {
            case ELEMENTS -> "Average position CRB versus the number of reflecting elements N";
            case SENSORS -> "Average position CRB versus the number of sensors M"; // the x axis is M [zhanghybrid E4]
            case RADIUS -> "Average position CRB versus the coverage radius r";
        };
    }

    static String behaviour(Axis a) {
        return switch (a) {
            case ELEMENTS -> "Every scheme improves as N grows; the delay-based bound beats the angle-based one at small N and the "
                    + "angle-based one wins at large N; collaboration beats no collaboration with a roughly constant gain.";
            case SENSORS -> "Every scheme improves with M; delay-based dominates for few sensors, angle-based for many; collaboration "
                    + "beats no collaboration with a gain roughly independent of M.";
            case RADIUS -> "The bounds grow with r; a single IRS is best for small r and the multi-IRS system wins for larger r; "
                    + "collaboration beats no collaboration.";
        };
    }

    double[] fullSweep() {
        return switch (axis) {
            case ELEMENTS -> N_VALUES;
            case SENSORS -> M_VALUES;
            case RADIUS -> R_VALUES;
        };
    }

    double[] sweep(RunContext ctx) {
        double[] full = fullSweep();
        if (!ctx.quick()) {
            return full;
        }
        return new double[] {full[0], full[1], full[full.length / 2], full[full.length - 1]};
    }

    HybridParameters parameters(double x) {
        HybridParameters d = HybridParameters.defaults();
        return switch (axis) {
            case ELEMENTS -> d.withElements((int) x);
            case SENSORS -> d.withSensors((int) x);
            case RADIUS -> d;
        };
    }

    @Override
    public FigureResult run(RunContext ctx) {
        double[] x = sweep(ctx);
        long seed = ctx.seed();
        double[][][] r = ctx.monteCarlo().run(qualifiedId(), seed, x.length, ctx.trials(), (p, t, rng) -> {
            RandomStream target = RandomStream.forTrial(seed, 0, t); // the same draws at every x
            HybridParameters prm = parameters(x[p]);
            double[] out = new double[SCHEMES.size() + 1];
            HybridCrbs c;
            if (axis == Axis.RADIUS) {
                HybridScene scene = ZhangSimulation.diskTarget(HybridScene.paperIrs(), x[p], target);
                c = HybridCrbs.draw(scene, prm, target);
                out[SCHEMES.size()] = ZhangSimulation.sameSizeSingle(scene, prm, target.split(3));
            } else {
                c = ZhangSimulation.rectangleTrial(prm, target);
                out[SCHEMES.size()] = Double.NaN;
            }
            for (int s = 0; s < SCHEMES.size(); s++) {
                out[s] = c.of(SCHEMES.get(s));
            }
            return out;
        });
        int n = SCHEMES.size();
        double[][] mean = new double[n][x.length];
        double[][] median = new double[n][x.length];
        int[] trials = new int[x.length];
        for (int p = 0; p < x.length; p++) {
            trials[p] = r[p].length;
            for (int s = 0; s < n; s++) {
                double[] v = new double[r[p].length];
                for (int t = 0; t < v.length; t++) {
                    v[t] = r[p][t][s];
                }
                mean[s][p] = Arrays.stream(v).sum() / v.length;
                Arrays.sort(v);
                median[s][p] = v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
            }
        }
        List<Series> series = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            series.add(new Series(SCHEMES.get(s).series(), x, mean[s], null, null, trials,
                    SCHEMES.get(s) == Scheme.PROPOSED ? Series.Style.LINE_MARKERS : Series.Style.LINE));
        }
        double[] alt = new double[x.length];
        for (int p = 0; p < x.length; p++) {
            for (double[] t : r[p]) {
                alt[p] += t[SCHEMES.size()] / r[p].length;
            }
        }
        List<Check> checks = checks(x, r, mean, alt);
        Map<String, Object> prm = parameters(ctx, x, median, alt);
        String caption = caption(ctx, x, checks);
        String xLabel = switch (axis) {
            case ELEMENTS -> "N (reflecting elements per IRS)";
            case SENSORS -> "M (sensors per IRS)";
            case RADIUS -> "r (m)";
        };
        return new FigureResult(caption, List.of(new LinePanel("", xLabel, "average tr CRB(p) (m^2)", false, true, series)), null, null,
                prm, checks);
    }

    String var() {
        return switch (axis) {
            case ELEMENTS -> "N";
            case SENSORS -> "M";
            case RADIUS -> "r";
        };
    }

    /** @param alt fig5: the mean bound of the same-size single IRS per r (NaN for figs 3, 4) */
    List<Check> checks(double[] x, double[][][] r, double[][] mean, double[] alt) {
        List<Check> checks = new ArrayList<>();
        int last = x.length - 1;
        int prop = SCHEMES.indexOf(Scheme.PROPOSED);
        int ang = SCHEMES.indexOf(Scheme.ANGLE);
        int del = SCHEMES.indexOf(Scheme.DELAY);
        int nc = SCHEMES.indexOf(Scheme.NO_COLLABORATION);
        int single = SCHEMES.indexOf(Scheme.SINGLE);
        String v = var();
        if (axis != Axis.RADIUS) {
            double lo = mean[del][0] / mean[ang][0];
            double hi = mean[ang][last] / mean[del][last];
            checks.add(Check.paper("delay-beats-angle-at-smallest-" + v.toLowerCase(), "the delay-based bound is below the angle-based one at the "
                    + "smallest " + v + " (ratio delay/angle < " + Wording.LOWER + ")", lo < Wording.LOWER,
                    String.format("%s = %s: delay %.4g m^2, angle %.4g m^2, ratio %.3f", v, num(x[0]), mean[del][0], mean[ang][0], lo)));
            checks.add(Check.paper("angle-beats-delay-at-largest-" + v.toLowerCase(), "the angle-based bound is below the delay-based one at the "
                    + "largest " + v + " (ratio angle/delay < " + Wording.LOWER + ")", hi < Wording.LOWER,
                    String.format("%s = %s: angle %.4g m^2, delay %.4g m^2, ratio %.3f", v, num(x[last]), mean[ang][last], mean[del][last], hi)));
        }
        // collaboration beats no collaboration at every x
        double worst = 0;
        double gmin = Double.POSITIVE_INFINITY;
        double gmax = 0;
        for (int p = 0; p < x.length; p++) {
            worst = Math.max(worst, mean[prop][p] / mean[nc][p]);
            double g = mean[nc][p] / mean[prop][p];
            gmin = Math.min(gmin, g);
            gmax = Math.max(gmax, g);
        }
        checks.add(Check.paper("collaboration-beats-nocollab", "the proposed (collaborative) bound is below the no-collaboration bound at "
                + "every " + v + " (ratio < " + Wording.LOWER + ")", worst < Wording.LOWER,
                String.format("largest ratio proposed/nocollab over %d points: %.3f", x.length, worst)));
        if (axis != Axis.RADIUS) {
            checks.add(Check.paper("collaboration-gain-roughly-constant", "the collaboration gain nocollab/proposed is roughly constant in " + v
                    + " (largest/smallest gain within a factor " + Wording.SIMILAR + ", the 'similar' threshold)", gmax / gmin <= Wording.SIMILAR,
                    String.format("gain from %.3f to %.3f (factor %.3f)", gmin, gmax, gmax / gmin)));
        }
        // monotone in x
        List<String> bad = new ArrayList<>();
        for (int s = 0; s < SCHEMES.size(); s++) {
            for (int p = 0; p + 1 < x.length; p++) {
                boolean ok = axis == Axis.RADIUS ? mean[s][p + 1] > mean[s][p] : mean[s][p + 1] < mean[s][p];
                if (!ok) {
                    bad.add(String.format("%s, %s %s -> %s: %.4g -> %.4g", SCHEMES.get(s).series(), v, num(x[p]), num(x[p + 1]), mean[s][p],
                            mean[s][p + 1]));
                }
            }
        }
        String dir = axis == Axis.RADIUS ? "increases" : "decreases";
        checks.add(Check.paper("every-scheme-" + dir + "-with-" + v.toLowerCase(), "every scheme's average bound " + dir + " with " + v
                + " at every step", bad.isEmpty(), bad.isEmpty() ? (x.length - 1) * SCHEMES.size() + " steps, all " + (axis == Axis.RADIUS ? "increase" : "decrease")
                        : bad.size() + " of " + (x.length - 1) * SCHEMES.size() + " steps fail: " + String.join("; ", bad.subList(0, Math.min(3, bad.size())))));
        if (axis == Axis.RADIUS) {
            double small = mean[single][0] / Math.min(mean[prop][0], mean[nc][0]);
            double large = mean[prop][last] / mean[single][last];
            checks.add(Check.paper("single-best-at-smallest-r", "a single IRS has the lowest bound at the smallest r (ratio single/best "
                    + "multi-IRS < " + Wording.LOWER + ")", small < Wording.LOWER, String.format("r = %s: single %.4g m^2, proposed %.4g m^2, ratio %.3g",
                            num(x[0]), mean[single][0], mean[prop][0], small)));
            checks.add(Check.paper("multi-beats-single-at-largest-r", "the multi-IRS system beats a single IRS at the largest r (ratio "
                    + "proposed/single < " + Wording.LOWER + ")", large < Wording.LOWER, String.format("r = %s: proposed %.4g m^2, single %.4g m^2, "
                            + "ratio %.3g", num(x[last]), mean[prop][last], mean[single][last], large)));
            // the other reading of 'single IRS': one IRS of the same size as each distributed one, with the full power
            double altSmall = alt[0] / mean[prop][0];
            double altLarge = mean[prop][last] / alt[last];
            checks.add(Check.extension("same-size-single-reading", "with a single IRS of the same size as each distributed IRS (N, M) "
                    + "and the full power, it is best at the smallest r and the multi-IRS system beats it at the largest r (ratios < "
                    + Wording.LOWER + ")", altSmall < Wording.LOWER && altLarge < Wording.LOWER, String.format("r = %s: same-size single "
                            + "%.4g m^2 vs proposed %.4g m^2; r = %s: proposed %.4g m^2 vs same-size single %.4g m^2 (ratio %.3g)", num(x[0]),
                            alt[0], mean[prop][0], num(x[last]), mean[prop][last], alt[last], altLarge)));
        }
        // C6 per target: the proposed FIM contains the angle, delay and no-collaboration FIMs
        int violations = 0;
        int total = 0;
        for (double[][] point : r) {
            for (double[] t : point) {
                total++;
                if (!(t[prop] <= Math.min(Math.min(t[ang], t[del]), t[nc]) * (1 + 1e-9))) {
                    violations++;
                }
            }
        }
        checks.add(Check.invariant("proposed-below-its-parts", "per target, the proposed bound is below the angle-only, delay-only and "
                + "no-collaboration bounds (its FIM is their sum or contains them)", violations == 0,
                violations + " violations in " + total + " target draws"));
        return checks;
    }

    Map<String, Object> parameters(RunContext ctx, double[] x, double[][] median, double[] alt) {
        HybridParameters d = HybridParameters.defaults();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("K", 3);
        p.put("IRS positions (m)", "(10, 50), (10, -50), (50, 0)");
        p.put("BS", "(0, 0)");
        p.put("N (ASSUMED unless swept)", axis == Axis.ELEMENTS ? "swept" : d.elements());
        p.put("M (ASSUMED unless swept)", axis == Axis.SENSORS ? "swept" : d.sensors());
        p.put("N_t (ASSUMED)", d.bsAntennas());
        p.put("L BS-IRS paths (ASSUMED)", d.bsIrsPaths());
        p.put("D streams (ASSUMED)", "min(N, N_t)");
        p.put("P_dBm (ASSUMED)", 40);
        p.put("B_Hz (ASSUMED)", d.bandwidthHz());
        p.put("f_c_Hz (ASSUMED)", d.carrierHz());
        p.put("noise_dBm (ASSUMED)", "-174 dBm/Hz + 10 log10 B");
        p.put("T (ASSUMED)", d.frameSamples());
        p.put("RCS_m2 (ASSUMED)", d.rcs());
        p.put("Rician kappa (ASSUMED)", d.ricianFactor());
        p.put("region", axis == Axis.RADIUS ? "disk around IRS 1, 1 m exclusion (ASSUMED)" : "x in [20, 40], y in [-20, 20] (ASSUMED)");
        p.put("targets", ctx.trials());
        p.put("x", x);
        for (int s = 0; s < SCHEMES.size(); s++) {
            p.put("median_" + SCHEMES.get(s).series(), median[s]);
        }
        if (axis == Axis.RADIUS) {
            p.put("mean_single_same_size (extension: N, M, full power)", alt);
        }
        return p;
    }

    String caption(RunContext ctx, double[] x, List<Check> checks) {
        StringBuilder c = new StringBuilder();
        c.append(title(axis)).append(" (K = 3 IRSs at (10, 50), (10, -50), (50, 0), BS at the origin). Series: proposed (all K^2 ")
                .append("cascaded paths, delays + AOAs + AODs), angle (angles only), delay (cascaded delays only), nocollab (each IRS its own ")
                .append("echo, power P/K, full bandwidth [zhanghybrid A6]), single (one IRS at IRS 1 with K N elements, K M sensors and full ")
                .append("power [zhanghybrid A7]). y: the mean over ").append(ctx.trials()).append(" targets of tr CRB(p) in m^2 (linear values; ")
                .append("medians in the sidecar). ");
        c.append(axis == Axis.RADIUS ? "Targets uniform in the disk of radius r around IRS 1 with a 1 m exclusion (ASSUMED, [zhanghybrid A4]); "
                : "Targets uniform in the rectangle x in [20, 40] m, y in [-20, 20] m (ASSUMED, [zhanghybrid A8]); ");
        c.append("positions within 1 deg of endfire of an IRS are redrawn; each trial's target, BS-IRS channel paths and random IRS ")
                .append("phases come from one stream, the same at every x ([zhanghybrid A13]). ASSUMED Table I values ([zhanghybrid A1]): f_c = 3.5 GHz, B = 20 MHz flat ")
                .append("spectrum (B_rms = B/sqrt 12), T = 1024, sigma^2 = -174 dBm/Hz over B, RCS 1 m^2, P = 40 dBm, N_t = 16, ");
        c.append(axis == Axis.ELEMENTS ? "M = 8" : axis == Axis.SENSORS ? "N = 16" : "N = 16, M = 8")
                .append(", L = 16 BS-IRS paths (line of sight + scattered, Rician kappa = 10, [zhanghybrid A2]), D = min(N, N_t) equal-power ")
                .append("streams on the dominant right singular vectors of G_j ([zhanghybrid A3]); centre-referenced steering ([zhanghybrid E5]).");
        if (ctx.quick()) {
            c.append(" Quick run: x = ").append(Arrays.toString(x)).append(" only.");
        }
        c.append(ClaimSentence.of(checks));
        String why = diagnosis(checks);
        if (!why.isEmpty()) {
            c.append(' ').append(why);
        }
        return c.toString();
    }

    /** Why the failing claims fail, as far as the model explains it. */
    String diagnosis(List<Check> checks) {
        StringBuilder w = new StringBuilder();
        for (Check k : checks) {
            if (k.passed()) {
                continue;
            }
            if (k.id().startsWith("every-scheme-decreases-with-")) {
                w.append(" Why the monotonicity fails where it does: with the ASSUMED D = min(N, N_t) equal-power streams, up to N = N_t = 16 ")
                        .append("every added element adds a stream that takes its share of P/K, so the energy sent towards the target (mostly ")
                        .append("the line-of-sight mode) does not grow with N there and the delay-only bound is flat in N ([zhanghybrid A3]); ")
                        .append("failing steps of other series are increases of a few percent, which we attribute (not verified) to the ")
                        .append("variation of the random-phase array gain over the targets: the added elements bring new random phases.");
            } else if (k.id().equals("multi-beats-single-at-largest-r")) {
                w.append(" Why the single IRS stays best: under our reading of 'single IRS' ([zhanghybrid A7]) it carries all K N elements ")
                        .append("and K M sensors with the full power, so its AOD and AOA information grow K^3-fold and its power K-fold; ")
                        .append("the extension check same-size-single-reading computes the other reading (one IRS of size N, M with the full ")
                        .append("power) on the same draws and reports whether it reproduces the paper's crossover.");
            } else {
                w.append(" ").append(k.id()).append(": not diagnosed.");
            }
        }
        return w.toString().trim();
    }

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
