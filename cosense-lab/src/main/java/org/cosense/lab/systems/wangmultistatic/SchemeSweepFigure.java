package org.cosense.lab.systems.wangmultistatic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cosense.lab.Check;
import org.cosense.lab.FigureResult;
import org.cosense.lab.LinePanel;
import org.cosense.lab.RunContext;
import org.cosense.lab.Series;
import org.cosense.lab.Table;

/**
 * Figs. 2–4: the CRB U of mono-static (the TR's own echo, every RE unselected), bi-static (the best single RE) and
 * multi-static sensing with |G| = 2 and 5 (fixed-size minimax rule, [wangmultistatic A10]) versus the rate requirement
 * R_th (fig2), the transmit antennas N_t (fig3) or the receive antennas N_r (fig4). Series {@code mono}, {@code bi},
 * {@code multi-2}, {@code multi-5}.
 */
final class SchemeSweepFigure extends WangFigure {
    enum Axis {
        RATE, TRANSMIT, RECEIVE
    }

    static final List<String> NAMES = List.of("mono", "bi", "multi-2", "multi-5");
    private static final int[] SIZES = {0, 1, 2, 5};
    private static final double[] RATES = {0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6};
    private static final double[] NTS = {10, 12, 14, 16, 18, 20};
    private static final double[] NRS = {2, 4, 6, 8, 10, 12};
    private final Axis axis;

    SchemeSweepFigure(String id, Axis axis) {
        super(id, switch (axis) {
            case RATE -> "CRB versus communication rate requirement: mono-, bi- and multi-static";
            case TRANSMIT -> "CRB versus the number of transmit antennas";
            case RECEIVE -> "CRB versus the number of receive antennas";
        }, switch (axis) {
            case RATE -> "Every curve rises with the rate requirement; at every rate multi-static |G| = 5 < |G| = 2 < bi-static < "
                    + "mono-static.";
            case TRANSMIT -> "All curves decrease with N_t; multi-static |G| = 5 < |G| = 2 < bi-static < mono-static at every N_t.";
            case RECEIVE -> "All curves decrease with N_r, more steeply than with N_t in Fig. 3; the same ordering at every N_r.";
        });
        this.axis = axis;
    }

    @Override
    public FigureResult run(RunContext ctx) {
        double[] x = switch (axis) {
            case RATE -> sweep(RATES, ctx, 0, 2, 4, 6);
            case TRANSMIT -> sweep(NTS, ctx, 0, 2, 5);
            case RECEIVE -> sweep(NRS, ctx, 0, 2, 5);
        };
        // fig4 also evaluates (N_t, N_r) = (20, 2) on the same layouts: the end of Fig. 3's N_t axis, for "steeper"
        int points = x.length + (axis == Axis.RECEIVE ? 1 : 0);
        int n = NAMES.size();
        // the hardest point first (the highest R_th), so a layout infeasible somewhere costs one point
        int[] visit = new int[points];
        for (int p = 0; p < points; p++) {
            visit[p] = axis == Axis.RATE ? points - 1 - p : p;
        }
        FixedLayouts fixed = fixedLayouts(ctx, qualifiedId(), points, n, (t, rngs) -> {
            Layout layout = layout(rngs[0]);
            Instance[] inst = new Instance[1];
            return untilInfeasible(points, n, visit, p -> {
                int nt = axis == Axis.TRANSMIT ? (int) x[p] : p == x.length ? 20 : NT;
                int nr = axis == Axis.RECEIVE && p < x.length ? (int) x[p] : NR;
                double rate = axis == Axis.RATE ? x[p] : RATE;
                if (inst[0] == null || inst[0].nt != nt || inst[0].nr != nr) {
                    inst[0] = layout.with(nt, nr);
                }
                double[] out = new double[METRICS * n + 1];
                out[METRICS * n] = java.util.Arrays.stream(inst[0].pathLengths).min().orElseThrow() - inst[0].monoPath;
                for (int s = 0; s < n; s++) {
                    double[] v = SIZES[s] == 0 ? inst[0].evaluate(COSINE, new int[0], rate)
                            : inst[0].select(COSINE, inst[0].candidatesOfSize(Scheme.MINIMAX, SIZES[s]), rate, Double.POSITIVE_INFINITY);
                    put(out, s, v);
                    if (v == null) {
                        break;
                    }
                }
                return out;
            });
        });
        double[][][] r = fixed.results();
        double[][][] main = java.util.Arrays.copyOf(r, x.length);
        Aggregate a = aggregate(main, n);
        List<Series> series = series(NAMES, x, a);
        List<Check> checks = new ArrayList<>();
        Map<String, double[]> y = byName(NAMES, a);
        List<String> order = List.of("multi-5", "multi-2", "bi", "mono");
        orderingChecks(checks, "", x, order, y);
        Map<String, String> why = new java.util.HashMap<>();
        Check biMono = checks.stream().filter(c -> c.id().equals("bi-below-mono")).findFirst().orElseThrow();
        if (!biMono.passed()) {
            // per layout bi < mono whenever the best RE's echo path is shorter than the mono-static 2|p_0| (the bi SDP's
            // feasible set contains the b = 0 one, and chi falls with the path): count the common layouts where it is not
            int far = 0;
            int total = 0;
            for (int p = 0; p < x.length; p++) {
                double bi = y.get("bi")[p];
                double mono = y.get("mono")[p];
                if (Double.isNaN(bi) || bi < mono) {
                    continue;
                }
                for (double[] trial : r[p]) {
                    boolean all = true;
                    for (int s = 0; s < n; s++) {
                        all &= trial[METRICS * s + 2] == 1;
                    }
                    if (all) {
                        total++;
                        far += trial[METRICS * n] > 0 ? 1 : 0;
                    }
                }
            }
            why.put("bi-below-mono", String.format("bi-static is below mono-static on every layout whose best RE has an echo path "
                    + "shorter than the mono-static 2|p_0| = 89.4 m (its SDP's feasible set contains the b = 0 one); at the failing "
                    + "points %d of the %d averaged layouts have no RE within 44.7 m of the target, and with few feasible layouts "
                    + "such a layout decides the mean", far, total));
        }
        String xName = switch (axis) {
            case RATE -> "R_th";
            case TRANSMIT -> "N_t";
            case RECEIVE -> "N_r";
        };
        // the trend along x, each step over the layouts feasible for every series at both points
        boolean rising = axis == Axis.RATE;
        List<String> bad = new ArrayList<>();
        int steps = 0;
        for (int s = 0; s < n; s++) {
            for (int p = 0; p + 1 < x.length; p++) {
                double[] m = paired(r, n, s, p, p + 1);
                if (m == null) {
                    continue;
                }
                steps++;
                boolean ok = rising ? m[1] > m[0] : m[1] < m[0];
                if (!ok) {
                    bad.add(String.format("%s, %s %s -> %s: %s -> %s", NAMES.get(s), xName, num(x[p]), num(x[p + 1]), fmt(m[0]),
                            fmt(m[1])));
                }
            }
        }
        checks.add(Check.paper(rising ? "rises-with-rate" : "decreasing-in-" + xName.toLowerCase().replace("_", ""),
                "every curve " + (rising ? "rises with R_th" : "decreases with " + xName) + " (each step, means over the fixed "
                        + "layout set)", bad.isEmpty() && steps > 0,
                bad.isEmpty() ? steps + " steps, all " + (rising ? "rising" : "decreasing") : bad.size() + " of " + steps
                        + " steps fail, e.g. " + bad.get(0)));
        Map<String, Object> prm = commonParameters(ctx);
        // a fact of the run, not a check: the fixed layout set and how many layouts were drawn to find it
        prm.put("fixed_layouts", fixed.kept() + " of " + fixed.drawn() + " drawn (wanted " + fixed.wanted() + ")");
        String axisNote;
        List<org.cosense.lab.Table> tables = new ArrayList<>();
        switch (axis) {
            case RATE -> {
                prm.put("R_th (ASSUMED axis)", ctx.quick() ? "0, 1, 2, 3 (quick subset)" : "0 .. 6 step 0.5");
                prm.put("N_t", NT);
                prm.put("N_r", NR);
                tables.add(tradeoff(id(), NAMES, x, a, fixed.drawn()));
                axisNote = "x = the rate requirement R_th (ASSUMED axis 0..6 bit/s/Hz step 0.5" + (ctx.quick() ? "; quick run: 0, 1, 2, 3"
                        : "") + "); the mean achieved min_k R_k is in " + id() + "-tradeoff.csv (it equals R_th where a rate "
                        + "row binds).";
            }
            case TRANSMIT -> {
                prm.put("N_t (ASSUMED step)", ctx.quick() ? "10, 14, 20 (quick subset)" : "10 .. 20 step 2");
                prm.put("N_r", NR);
                prm.put("R_th (ASSUMED)", RATE);
                axisNote = "x = N_t (ASSUMED step 2" + (ctx.quick() ? "; quick run: 10, 14, 20" : "") + "), N_r = 2, R_th = 1 bit/s/Hz "
                        + "(ASSUMED).";
            }
            default -> {
                prm.put("N_r (ASSUMED step)", ctx.quick() ? "2, 6, 12 (quick subset)" : "2 .. 12 step 2");
                prm.put("N_t", NT);
                prm.put("R_th (ASSUMED)", RATE);
                axisNote = "x = N_r (ASSUMED step 2" + (ctx.quick() ? "; quick run: 2, 6, 12" : "") + "), N_t = 10, R_th = 1 bit/s/Hz "
                        + "(ASSUMED); the mono-static TR has an N_r-element receive array too (ASSUMED, [wangmultistatic A13]).";
                steeper(r, x, n, checks, prm, why);
                receiveGain(r, x, n, checks);
            }
        }
        String caption = switch (axis) {
            case RATE -> "CRB U versus the communication rate requirement for mono-static (TR echo, every RE unselected), bi-static "
                    + "(best single RE) and multi-static sensing with |G| = 2 and 5 REs (fixed-size minimax rule, cost ignored, "
                    + "[wangmultistatic A10]), N_t = 10, N_r = 2, cosine pulse. ";
            case TRANSMIT -> "CRB U versus the number of transmit antennas N_t, same schemes, cosine pulse. ";
            case RECEIVE -> "CRB U versus the number of receive antennas N_r (at every RE and at the TR), same schemes, cosine pulse. ";
        } + axisNote + " Paper claims checked: " + (rising ? "every curve rises with R_th" : "every curve decreases with " + xName)
                + "; multi-5 < multi-2 < bi < mono at every x (each pair: ratio of the means < 1)"
                + (axis == Axis.RECEIVE ? "; the decrease over N_r = 2..12 is steeper than over N_t = 10..20 (Fig. 3) for every "
                        + "series, compared as U(first)/U(last) over the same 10-antenna span on the same layouts" : "")
                + "." + common(ctx) + fixed.sentence() + verdicts(checks)
                + departures(checks, why);
        return new FigureResult(caption, List.of(new LinePanel("", xName, "CRB", false, true, series)), null, tables, prm, checks);
    }

    /** Means of series s at points p and q over the layouts feasible for every series at both; null if none. */
    static double[] paired(double[][][] r, int n, int s, int p, int q) {
        double a = 0;
        double b = 0;
        int c = 0;
        for (int t = 0; t < r[p].length; t++) {
            boolean all = true;
            for (int j = 0; j < n; j++) {
                all &= r[p][t][METRICS * j + 2] == 1 && r[q][t][METRICS * j + 2] == 1;
            }
            if (all) {
                a += r[p][t][METRICS * s];
                b += r[q][t][METRICS * s];
                c++;
            }
        }
        return c == 0 ? null : new double[] {a / c, b / c};
    }

    /**
     * Fig. 4's "steeper than Fig. 3": U(N_r = 2)/U(N_r = 12) against U(N_t = 10)/U(N_t = 20), ratios of the plotted means on
     * the same layouts (the paper check), with the diagnosis of a failure and the per-layout reading as an extension
     * [wangmultistatic E26].
     */
    private static void steeper(double[][][] r, double[] x, int n, List<Check> checks, Map<String, Object> prm, Map<String, String> why) {
        int first = 0;
        int last = x.length - 1;
        int nt20 = x.length;
        List<String> detail = new ArrayList<>();
        List<String> typical = new ArrayList<>();
        boolean all = true;
        boolean allTypical = true;
        for (int s = 0; s < n; s++) {
            double[] nr = paired(r, n, s, first, last);
            double[] nt = paired(r, n, s, first, nt20);
            double[] perLayout = perLayoutFactors(r, n, s, first, last, nt20);
            if (nr == null || nt == null || perLayout == null) {
                all = false;
                allTypical = false;
                detail.add(NAMES.get(s) + ": no common feasible layout");
                typical.add(NAMES.get(s) + ": no common feasible layout");
                continue;
            }
            double fr = nr[0] / nr[1];
            double ft = nt[0] / nt[1];
            all &= fr > ft;
            allTypical &= perLayout[0] > perLayout[1];
            detail.add(String.format("%s: N_r %s -> %s divides U by %.3f, N_t 10 -> 20 by %.3f", NAMES.get(s), num(x[first]),
                    num(x[last]), fr, ft));
            typical.add(String.format("%s: geometric means %.3f (N_r) and %.3f (N_t), N_r steeper on %d of %d layouts, largest N_t "
                    + "factor %.3f", NAMES.get(s), perLayout[0], perLayout[1], (int) perLayout[2], (int) perLayout[3], perLayout[4]));
        }
        prm.put("decrease_factors", String.join("; ", detail));
        prm.put("decrease_factors_per_layout", String.join("; ", typical));
        checks.add(Check.paper("steeper-than-fig3", "the CRB decreases more steeply with N_r than with N_t (Fig. 3): U(first)/U(last) "
                + "over the N_r axis exceeds U(10)/U(20) over the N_t axis for every series", all, String.join("; ", detail)));
        checks.add(Check.extension("steeper-than-fig3-per-layout", "the same comparison layout by layout: the geometric mean over the "
                + "common layouts of U(first)/U(last) is larger on the N_r axis than on the N_t axis for every series", allTypical,
                String.join("; ", typical)));
        if (!all) {
            double[] e = monoBeamEfficiency(r, x, first, last, nt20);
            why.put("steeper-than-fig3", String.format("in the PAPER-mode bound U = (1 + kappa_1)/((kappa_1 - kappa_2^2) N_r sum chi_k "
                    + "a_b^T R a_b^*) and a_b^T R a_b^* = e N_t P_T with the beam efficiency e <= 1, so the array gains alone divide U "
                    + "by %s/%s = %.0f on the N_r axis and by 20/10 = 2 on the N_t axis; N_r also enters the rate rows only through "
                    + "gamma_k, which hardly matters because they are interference-limited (mono-static mean e %.4f at N_r = %s, %.4f "
                    + "at N_r = %s), while 20 transmit antennas narrow every beam and raise e (mono-static mean e %.4f at N_t = 10, "
                    + "%.4f at N_t = 20), most on the few layouts where e is small at N_t = 10; those have the largest U and dominate "
                    + "the plotted mean, while layout by layout N_r is the steeper axis on most layouts (extension check "
                    + "steeper-than-fig3-per-layout: %s)",
                    num(x[last]), num(x[first]), x[last] / x[first], e[0], num(x[first]), e[1], num(x[last]), e[0], e[2],
                    String.join("; ", typical)));
        }
    }

    /**
     * Per-layout U(first)/U(last) on the N_r axis and U(N_t = 10)/U(N_t = 20), over the layouts feasible for every series at the
     * three points: {geometric mean N_r, geometric mean N_t, layouts where the N_r factor is larger, layouts, largest N_t
     * factor}; null if none.
     */
    static double[] perLayoutFactors(double[][][] r, int n, int s, int first, int last, int nt20) {
        double logR = 0;
        double logT = 0;
        int steeper = 0;
        int c = 0;
        double maxT = 0;
        for (int t = 0; t < r[first].length; t++) {
            boolean feasible = true;
            for (int j = 0; j < n; j++) {
                for (int p : new int[] {first, last, nt20}) {
                    feasible &= r[p][t][METRICS * j + 2] == 1;
                }
            }
            if (!feasible) {
                continue;
            }
            double u0 = r[first][t][METRICS * s];
            double fr = u0 / r[last][t][METRICS * s];
            double ft = u0 / r[nt20][t][METRICS * s];
            logR += Math.log(fr);
            logT += Math.log(ft);
            steeper += fr > ft ? 1 : 0;
            maxT = Math.max(maxT, ft);
            c++;
        }
        return c == 0 ? null : new double[] {Math.exp(logR / c), Math.exp(logT / c), steeper, c, maxT};
    }

    /**
     * The mono-static beam efficiency e = a_b^T R a_b^* / (N_t P_T), mean over the common layouts, at (N_t, N_r) = (10, first
     * N_r), (10, last N_r) and (20, first N_r): U of the all-on-target beam (e = 1) divided by the layout's U (series 0).
     */
    private static double[] monoBeamEfficiency(double[][][] r, double[] x, int first, int last, int nt20) {
        int[] points = {first, last, nt20};
        int[] nts = {NT, NT, 20};
        double[] nrs = {x[first], x[last], x[first]};
        double gain = COSINE.gain(org.cosense.systems.wangmultistatic.PaperFim.echoLoss(BETA, 2 * Math.hypot(TARGET[0], TARGET[1]), EPS),
                ALPHA);
        double[] e = new double[3];
        for (int i = 0; i < 3; i++) {
            double ideal = org.cosense.systems.wangmultistatic.CooperativeCrb.paper(COSINE, new double[] {gain},
                    new double[] {nrs[i] * nts[i] * POWER});
            double sum = 0;
            int c = 0;
            for (double[] layout : r[points[i]]) {
                if (layout[2] == 1) {
                    sum += ideal / layout[0];
                    c++;
                }
            }
            e[i] = sum / c;
        }
        return e;
    }

    /**
     * Derived: per layout U(N_r) ≤ U(2) · 2/N_r (Υ ∝ N_r and a larger receive gain only relaxes the rate rows; the fixed-size
     * choice with W̄ maximizes Σ χ_k and does not depend on N_r), up to the solver's 1e-6.
     */
    private static void receiveGain(double[][][] r, double[] x, int n, List<Check> checks) {
        double worst = 0;
        int count = 0;
        for (int p = 1; p < x.length; p++) {
            for (int t = 0; t < r[p].length; t++) {
                for (int s = 0; s < n; s++) {
                    if (r[0][t][METRICS * s + 2] == 1 && r[p][t][METRICS * s + 2] == 1) {
                        double ratio = r[p][t][METRICS * s] / (r[0][t][METRICS * s] * x[0] / x[p]);
                        worst = Math.max(worst, ratio);
                        count++;
                    }
                }
            }
        }
        checks.add(Check.invariant("receive-array-gain", "per layout and series U(N_r) ≤ U(N_r,first) · N_r,first / N_r (to 1e-6)",
                worst <= 1 + 1e-6, String.format("largest U(N_r) N_r / (U(first) N_r,first) over %d (layout, series, N_r): %.9f", count,
                        worst)));
    }
}
