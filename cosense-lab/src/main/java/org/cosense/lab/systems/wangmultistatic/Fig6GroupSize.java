package org.cosense.lab.systems.wangmultistatic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cosense.lab.Check;
import org.cosense.lab.FigureResult;
import org.cosense.lab.LinePanel;
import org.cosense.lab.RunContext;
import org.cosense.lab.Series;
import org.cosense.lab.Wording;
import org.cosense.systems.wangmultistatic.ReceiverSelection;
import org.cosense.systems.wangmultistatic.TransmitCovariances;

/**
 * Fig. 6: CRB versus the number of cooperating REs |G| = 1..K for the fixed-size minimax and k-means rules with the cosine
 * and the sinc pulse (series {@code minimax-cosine}, {@code minimax-sinc}, {@code kmeans-cosine}, {@code kmeans-sinc}),
 * and the sidecar study of Algorithm I against exhaustive search [wangmultistatic A15].
 */
final class Fig6GroupSize extends WangFigure {
    static final List<String> NAMES = List.of("minimax-cosine", "minimax-sinc", "kmeans-cosine", "kmeans-sinc");
    /** Layouts of the exhaustive-search study: 200 in a full run, 10 with --quick. */
    static final int GAP_LAYOUTS = 200;
    static final int GAP_LAYOUTS_QUICK = 10;
    static final double[] GAP_LIMITS = {100, 200};

    Fig6GroupSize() {
        super("fig6", "CRB versus the number of cooperating REs: pulse shapes and selection schemes",
                "The CRB decreases with |G| for every series; minimax linkage is below K-means for small and intermediate |G|; "
                        + "the cosine pulse is below the sinc pulse for both schemes.");
    }

    @Override
    public FigureResult run(RunContext ctx) {
        double[] x = new double[K];
        for (int i = 0; i < K; i++) {
            x[i] = i + 1;
        }
        int n = NAMES.size();
        int[] visit = java.util.stream.IntStream.range(0, x.length).toArray();
        FixedLayouts fixed = fixedLayouts(ctx, qualifiedId(), x.length, n, (t, rngs) -> {
            Instance inst = instance(rngs[0], NT, NR);
            return untilInfeasible(x.length, n, visit, p -> {
                double[] out = new double[METRICS * n];
                int size = (int) x[p];
                for (int s = 0; s < n; s++) {
                    Scheme scheme = s < 2 ? Scheme.MINIMAX : Scheme.KMEANS;
                    put(out, s, inst.select(s % 2 == 0 ? COSINE : SINC, inst.candidatesOfSize(scheme, size), RATE,
                            Double.POSITIVE_INFINITY));
                }
                return out;
            });
        });
        double[][][] r = fixed.results();
        Aggregate a = aggregate(r, n);
        List<Series> series = series(NAMES, x, a);
        Map<String, double[]> y = byName(NAMES, a);
        List<Check> checks = new ArrayList<>();
        // decreasing in |G|, every series, each step over layouts feasible for every series at both sizes
        List<String> bad = new ArrayList<>();
        int steps = 0;
        for (int s = 0; s < n; s++) {
            for (int p = 0; p + 1 < x.length; p++) {
                double[] m = SchemeSweepFigure.paired(r, n, s, p, p + 1);
                if (m == null) {
                    continue;
                }
                steps++;
                if (!(m[1] < m[0])) {
                    bad.add(String.format("%s, |G| %d -> %d: %s -> %s", NAMES.get(s), p + 1, p + 2, fmt(m[0]), fmt(m[1])));
                }
            }
        }
        checks.add(Check.paper("decreasing-in-g", "every curve decreases with |G| (each step over the layouts feasible for every "
                + "series at both sizes)", bad.isEmpty() && steps > 0, bad.isEmpty() ? steps + " steps, all decreasing"
                        : bad.size() + " of " + steps + " steps fail, e.g. " + bad.get(0)));
        orderingChecks(checks, "", x, List.of("minimax-cosine", "minimax-sinc"), y);
        orderingChecks(checks, "", x, List.of("kmeans-cosine", "kmeans-sinc"), y);
        // minimax below k-means for small and intermediate |G| = 2 .. K/2
        int half = K / 2;
        double[] xs = Arrays.copyOfRange(x, 1, half);
        for (String pulse : List.of("cosine", "sinc")) {
            double[] mm = Arrays.copyOfRange(y.get("minimax-" + pulse), 1, half);
            double[] km = Arrays.copyOfRange(y.get("kmeans-" + pulse), 1, half);
            String fail = belowEverywhere(xs, mm, km, "minimax-" + pulse, "kmeans-" + pulse);
            double worst = 0;
            for (int i = 0; i < mm.length; i++) {
                worst = Math.max(worst, mm[i] / km[i]);
            }
            checks.add(Check.paper("minimax-below-kmeans-" + pulse, "minimax linkage is below k-means for small and intermediate "
                    + "|G| (|G| = 2.." + (half) + ", " + pulse + " pulse; ratio of the means < 1)", fail == null && evaluated(mm) > 0,
                    fail == null ? String.format("largest ratio over |G| = 2..%d: %.4f", half, worst) : fail));
        }
        // by construction the schemes coincide at |G| = 1 (all singletons) and |G| = K (the full set)
        double diff = 0;
        for (int p : new int[] {0, K - 1}) {
            for (int t = 0; t < r[p].length; t++) {
                for (int s = 0; s < 2; s++) {
                    double mm = r[p][t][METRICS * s];
                    double km = r[p][t][METRICS * (s + 2)];
                    if (!Double.isNaN(mm) || !Double.isNaN(km)) {
                        diff = Math.max(diff, Math.abs(mm - km) / Math.max(mm, km));
                    }
                }
            }
        }
        checks.add(Check.invariant("schemes-coincide-at-1-and-k", "minimax and k-means choose the same set at |G| = 1 and |G| = K "
                + "(equal U per layout)", diff == 0, String.format("largest relative difference: %.3e", diff)));
        Gap gap = gapStudy(ctx);
        Map<String, Object> prm = commonParameters(ctx);
        prm.put("N_t", NT);
        prm.put("N_r", NR);
        prm.put("R_th (ASSUMED)", RATE);
        prm.put("pulses", "cosine g1 and sinc g2 (normalized sinc, A = Si(2 pi))");
        prm.put("gap_layouts", gap.layouts);
        prm.put("gap_K", K);
        for (int l = 0; l < GAP_LIMITS.length; l++) {
            String o = "omega" + (int) GAP_LIMITS[l];
            prm.put("gap_" + o + "_feasible_layouts", gap.feasible[l]);
            prm.put("gap_" + o + "_mean", gap.mean[l]);
            prm.put("gap_" + o + "_worst", gap.worst[l]);
            prm.put("gap_" + o + "_optimal_layouts", gap.optimal[l]);
        }
        boolean neverBetter = gap.worstNegative >= -1e-12;
        checks.add(Check.invariant("exhaustive-is-a-lower-bound", "exhaustive search is never worse than Algorithm I (gap ≥ 0)",
                neverBetter, String.format("smallest gap: %.3e", gap.worstNegative)));
        String gapText = String.format("Omega_th = 100 m: mean %.4f, worst %.4f, optimal in %d of %d; Omega_th = 200 m: mean %.4f, "
                + "worst %.4f, optimal in %d of %d", gap.mean[0], gap.worst[0], gap.optimal[0], gap.feasible[0], gap.mean[1], gap.worst[1],
                gap.optimal[1], gap.feasible[1]);
        checks.add(Check.extension("minimax-near-exhaustive", "Algorithm I's CRB is within 10% of the exhaustive optimum on average "
                + "(mean relative CRB gap ≤ " + Wording.NEGLIGIBLE + ", each cost limit)", gap.mean[0] <= Wording.NEGLIGIBLE
                        && gap.mean[1] <= Wording.NEGLIGIBLE, gapText));
        String caption = "CRB U versus the number of cooperating REs |G| = 1..10 for the fixed-size minimax rule "
                + "([wangmultistatic A10]) and the fixed-size k-means rule ([wangmultistatic A11]) with the cosine pulse g1 and the "
                + "sinc pulse g2; cost ignored, R_th = 1 bit/s/Hz (ASSUMED), N_t = 10, N_r = 2. Both pulses give the same selection and "
                + "beamformer (U depends on the pulse only through a constant factor), so the cosine/sinc ratio is the same at every "
                + "point. Paper claims checked: every curve decreases with |G|; cosine below sinc for both schemes at every |G|; minimax "
                + "below k-means at |G| = 2.." + half + " (our reading of 'small and intermediate'). By construction the schemes coincide "
                + "at |G| = 1 and |G| = K (invariant). Sidecar (not in the paper, [wangmultistatic A15]): Algorithm I (cost-limited, "
                + "2K - 1 candidates) against exhaustive search over all 2^K - 1 sets, K = 10, on " + gap.layouts + " random layouts"
                + (ctx.quick() ? " (quick run; 200 in a full run)" : "") + ", relative CRB gap U_AlgI / U_exhaustive - 1: " + gapText
                + "." + common(ctx) + fixed.sentence() + verdicts(checks) + departures(checks, Map.of());
        return new FigureResult(caption, List.of(new LinePanel("", "|G|", "CRB", false, true, series)), null, null, prm, checks);
    }

    record Gap(int layouts, int[] feasible, double[] mean, double[] worst, int[] optimal, double worstNegative) {
    }

    /**
     * Algorithm I against exhaustive search with the same criteria (U with the b = 0 beamformer W̄ at R_th = 1, every
     * rate, the cost limit), per layout: gap = U(Algorithm I) / U(exhaustive) − 1. Layouts whose W̄ does not exist are
     * skipped and counted.
     */
    Gap gapStudy(RunContext ctx) {
        int layouts = ctx.quick() ? GAP_LAYOUTS_QUICK : GAP_LAYOUTS;
        double[][][] r = ctx.monteCarlo().run(qualifiedId() + ".gap", ctx.seed() ^ 0x5A5A5A5AL, 1, layouts, (p, t, rng) -> {
            Instance inst = instance(rng, NT, NR);
            Optional<TransmitCovariances> bar = inst.beamform(new int[0], RATE);
            if (bar.isEmpty()) {
                return new double[] {Double.NaN, Double.NaN};
            }
            TransmitCovariances wBar = bar.get();
            double[] out = new double[GAP_LIMITS.length];
            for (int l = 0; l < GAP_LIMITS.length; l++) {
                ReceiverSelection.Criteria c = new ReceiverSelection.Criteria(g -> inst.crb(COSINE, g, wBar),
                        inst.ratesMet(wBar, RATE), inst.cost, GAP_LIMITS[l]);
                Optional<ReceiverSelection.Choice> alg = ReceiverSelection.choose(inst.candidates(Scheme.MINIMAX), c);
                Optional<ReceiverSelection.Choice> ex = ReceiverSelection.exhaustive(c);
                out[l] = alg.isPresent() && ex.isPresent() ? alg.get().bound() / ex.get().bound() - 1 : Double.NaN;
            }
            return out;
        });
        int[] feasible = new int[GAP_LIMITS.length];
        double[] mean = new double[GAP_LIMITS.length];
        double[] worst = new double[GAP_LIMITS.length];
        int[] optimal = new int[GAP_LIMITS.length];
        double neg = 0;
        for (int l = 0; l < GAP_LIMITS.length; l++) {
            for (double[] v : r[0]) {
                if (Double.isNaN(v[l])) {
                    continue;
                }
                feasible[l]++;
                mean[l] += v[l];
                worst[l] = Math.max(worst[l], v[l]);
                optimal[l] += v[l] <= 1e-12 ? 1 : 0;
                neg = Math.min(neg, v[l]);
            }
            mean[l] = feasible[l] == 0 ? Double.NaN : mean[l] / feasible[l];
        }
        return new Gap(layouts, feasible, mean, worst, optimal, neg);
    }
}
