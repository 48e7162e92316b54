package org.cosense.lab.systems.fangactive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cosense.lab.Check;
import org.cosense.lab.FigureResult;
import org.cosense.lab.LinePanel;
import org.cosense.lab.RunContext;
import org.cosense.lab.Series;
import org.cosense.lab.Wording;
import org.cosense.math.Db;
import org.cosense.systems.fangactive.IrsSlot;
import org.cosense.systems.fangactive.Scenario;
import org.cosense.systems.fangactive.SensingMode;

/** Figs. 4 and 6: average max-CRB versus the IRS amplification budget P_s (M = 16, a_max = 8). */
final class BudgetSweepFigure extends FangFigure {
    private static final double[] PS_DBM = {0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50};
    private static final double[] PT = {10, 20, 40};
    private final boolean atBs;

    BudgetSweepFigure(String id, boolean atBs) {
        this(id, atBs, Scenario::paper);
    }

    BudgetSweepFigure(String id, boolean atBs, java.util.function.IntFunction<Scenario> scenario) {
        super(id, "Max-CRB versus P_s, sensing at " + (atBs ? "the BS" : "the IRSs"),
                atBs ? "At low P_s the curves for different P_t almost coincide and decrease with P_s (budget-limited); at "
                        + "high P_s each curve becomes flat (limited by P_t), with a lower floor for a larger P_t."
                        : "At low P_s the curves for different P_t almost coincide and decrease with P_s; transmit BF only "
                                + "performs like the proposed design.", scenario);
        this.atBs = atBs;
    }

    /** The proposed curves (proposed[c], c in the order of {@link #PT}) coincide (within 1 dB) at point i. */
    private static boolean coincideAt(double[][] proposed, int i) {
        for (int a = 0; a < proposed.length; a++) {
            for (int b = a + 1; b < proposed.length; b++) {
                if (!Wording.coincides(proposed[a][i], proposed[b][i])) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Why the low-P_s regime is too short to test ("; why: ..."), or "" if the curves never separate: the first P_s
     * where the proposed curves (proposed[c], c in the order of {@link #PT}) stop coinciding and their order there, the
     * points where they coincide again, and the claim read over every point where they coincide. A larger P_t above a
     * smaller one cannot come from the model: the smaller P_t's design stays feasible (tr R ≤ P_t), so the AO stopped in
     * a worse local optimum.
     */
    static String separation(double[] ps, double[][] proposed) {
        int n = ps.length;
        List<Integer> together = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (coincideAt(proposed, i)) {
                together.add(i);
            }
        }
        int sep = 0;
        while (sep < together.size() && together.get(sep) == sep) {
            sep++;
        }
        if (sep == n) {
            return "";
        }
        StringBuilder sb = new StringBuilder("; why: they separate at " + ps[sep] + " dBm (");
        for (int c = 0; c < proposed.length; c++) {
            sb.append(c == 0 ? "" : ", ").append(fmt(proposed[c][sep])).append(" at ").append((int) PT[c]).append(" W");
        }
        int last = proposed.length - 1;
        if (proposed[last][sep] > proposed[0][sep]) {
            sb.append("): the larger P_t above the smaller, which the model rules out (the ").append((int) PT[0])
                    .append(" W design stays feasible at ").append((int) PT[last])
                    .append(" W), so the AO stopped in worse local optima there");
        } else {
            sb.append("): the larger P_t lower, the BS power already binding");
        }
        int first = sep;
        List<Integer> again = together.stream().filter(i -> i > first).toList();
        if (!again.isEmpty()) {
            sb.append("; they coincide again at ").append(dbm(ps, again));
        }
        if (together.size() >= 2) {
            boolean each = true;
            for (double[] y : proposed) {
                double[] at = new double[together.size()];
                for (int k = 0; k < at.length; k++) {
                    at[k] = y[together.get(k)];
                }
                each &= decreasing(at);
            }
            sb.append("; read over every point where they coincide (").append(dbm(ps, together)).append("), each curve decreases: ")
                    .append(each ? "yes" : "no");
        }
        return sb.toString();
    }

    private static String dbm(double[] ps, List<Integer> at) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < at.size(); k++) {
            sb.append(k == 0 ? "" : ", ").append(ps[at.get(k)]);
        }
        return sb.append(" dBm").toString();
    }

    private static String g(double v) {
        return String.format("%.3g", v);
    }

    @Override
    Plan plan(RunContext ctx) {
        double[] ps = sweep(PS_DBM, ctx, 0, 4, 8, 10);
        SensingMode mode = atBs ? bs() : irs();
        List<Curve> curves = new ArrayList<>();
        for (double pt : PT) {
            curves.add(new Curve(Scheme.PROPOSED, mode, 8, "Proposed, P_t = " + (int) pt + " W"));
        }
        for (double pt : PT) {
            curves.add(new Curve(Scheme.TRANSMIT_ONLY, mode, 8, "Transmit BF only, P_t = " + (int) pt + " W"));
        }
        return new Plan("P_s (dBm)", ps, curves, (p, c) -> new double[] {PT[curves.indexOf(c) % PT.length], Db.dbmToWatts(ps[p])},
                p -> 16);
    }

    @Override
    public FigureResult run(RunContext ctx) {
        Plan plan = plan(ctx);
        double[] ps = plan.x();
        List<Curve> curves = plan.curves();
        double[][][] r = continuationSweep(ctx, plan);
        double[] psW = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            psW[i] = Db.dbmToWatts(ps[i]);
        }
        List<Series> series = new ArrayList<>();
        for (int c = 0; c < curves.size(); c++) {
            series.add(meanSeries(curves.get(c).label(), psW, r, c, c < PT.length ? Series.Style.LINE_MARKERS : Series.Style.DASHED));
        }
        int n = ps.length;
        int np = PT.length;
        List<Check> checks = checks(r, curves.size());
        boolean mono = true;
        for (Series s : series.subList(0, np)) {
            mono &= nonIncreasing(s.y());
        }
        checks.add(Check.invariant("non-increasing-in-ps", "every proposed curve is non-increasing in P_s (continuation start: the "
                + "previous point's design stays feasible)", mono, "proposed, P_t = 10 W: " + fmt(series.get(0).y()[0]) + " at " + ps[0]
                        + " dBm → " + fmt(series.get(0).y()[n - 1]) + " at " + ps[n - 1] + " dBm"));

        // the low-P_s regime: the points where the proposed curves of the three P_t coincide (within 1 dB)
        double[][] proposed = new double[np][];
        for (int c = 0; c < np; c++) {
            proposed[c] = series.get(c).y();
        }
        int low = 0;
        while (low < n && coincideAt(proposed, low)) {
            low++;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int c = 0; c < np; c++) {
            lo = Math.min(lo, proposed[c][0]);
            hi = Math.max(hi, proposed[c][0]);
        }
        checks.add(Check.paper("low-ps-coincide", "at low P_s the curves for different P_t are almost the same (coincide within "
                + Wording.COINCIDES_DB + " dB at the smallest P_s)", low >= 1, "at " + ps[0] + " dBm: " + fmt(lo) + " .. " + fmt(hi)
                        + "; they coincide up to " + (low == 0 ? "no point" : ps[low - 1] + " dBm")));
        boolean dec = low >= 2;
        for (int c = 0; c < np && dec; c++) {
            dec = decreasing(java.util.Arrays.copyOf(proposed[c], low));
        }
        checks.add(Check.paper("low-ps-decreasing", "in the low-P_s regime (where the curves coincide) each proposed curve decreases "
                + "as P_s increases", dec, low >= 2 ? "strictly decreasing over " + ps[0] + " .. " + ps[low - 1] + " dBm: " + dec
                        : "the curves coincide at " + low + " point(s) only: no decrease to test" + separation(ps, proposed)));
        double[] floors = new double[np];
        boolean flat = true;
        String flatDetail = "";
        for (int c = 0; c < np; c++) {
            double[] y = series.get(c).y();
            floors[c] = y[n - 1];
            flat &= Wording.flat(y[n - 2], y[n - 1]);
            flatDetail += (c == 0 ? "" : ", ") + PT[c] + " W: " + String.format("%.1f%%", 100 * (y[n - 2] - y[n - 1]) / y[n - 2]);
        }
        String floorDetail = "floors at " + ps[n - 1] + " dBm: " + fmt(floors[0]) + " (10 W), " + fmt(floors[1]) + " (20 W), "
                + fmt(floors[2]) + " (40 W)";
        Check flatCheck = atBs
                ? Check.paper("high-ps-constant", "in the high-P_s regime the CRBs remain constant (flat: change ≤ 10% over the last "
                        + "step, " + ps[n - 2] + " → " + ps[n - 1] + " dBm)", flat, "change over the last step: " + flatDetail)
                : Check.extension("high-ps-constant", "at high P_s each proposed curve becomes flat (change ≤ 10% over the last step; "
                        + "[fangactive S5], as in Fig. 4)", flat, "change over the last step: " + flatDetail);
        checks.add(flatCheck);
        checks.add(Check.extension("floor-ordered-by-pt", "at high P_s the floor is lower for a larger P_t (the BS power limits the "
                + "echo there)", floors[2] < floors[1] && floors[1] < floors[0], floorDetail));
        String rangeCaption = "";
        if (!atBs) {
            // "transmit BF only performs the same as the proposed design": coincide within 1 dB at every P_s and P_t
            double worst = 0;
            double cbi = Db.dbToLinear(scenario.apply(16).bsIrsGainDb());
            double matchMin = Double.POSITIVE_INFINITY;
            double matchMax = 0;
            double missMin = Double.POSITIVE_INFINITY;
            double missMax = 0;
            int matched = 0;
            for (int c = 0; c < np; c++) {
                for (int i = 0; i < n; i++) {
                    double ratio = series.get(np + c).y()[i] / series.get(c).y()[i];
                    worst = Math.max(worst, ratio);
                    double x = PT[c] * cbi / psW[i];
                    if (Wording.coincides(series.get(np + c).y()[i], series.get(c).y()[i])) {
                        matched++;
                        matchMin = Math.min(matchMin, x);
                        matchMax = Math.max(matchMax, x);
                    } else {
                        missMin = Math.min(missMin, x);
                        missMax = Math.max(missMax, x);
                    }
                }
            }
            int all = np * n;
            checks.add(Check.paper("transmit-matches-proposed", "transmit BF only performs the same as the proposed design (coincide "
                    + "within " + Wording.COINCIDES_DB + " dB at every P_s and P_t)", matched == all, matched + " of " + all
                            + " points coincide; largest transmit-only / proposed ratio " + String.format("%.3f", worst)
                            + (matched == all ? "" : why("transmit-matches-proposed"))));
            // where it holds, measured in the one number that sets the regime: P_t C_BI / P_s ([fangactive S3.14])
            boolean separated = matched == 0 || matched == all || matchMin > missMax;
            String range = matched == 0 ? "nowhere on this grid (P_t C_BI / P_s from " + g(missMin) + " to " + g(missMax) + ")"
                    : matched == all ? "everywhere on this grid (P_t C_BI / P_s from " + g(matchMin) + " to " + g(matchMax) + ")"
                            : "for P_t C_BI / P_s ≥ " + g(matchMin) + " (up to " + g(matchMax) + " on this grid) and not for P_t C_BI / P_s ≤ "
                                    + g(missMax) + (separated ? "" : " (the two sets overlap: no single threshold)");
            checks.add(Check.extension("transmit-matches-range", "transmit-only coincides with the proposed design (within "
                    + Wording.COINCIDES_DB + " dB) exactly above one threshold of P_t C_BI / P_s (C_BI = " + g(cbi) + ")", separated
                            && matched > 0, "coincides " + range + "; " + matched + " of " + all + " points"));
            rangeCaption = " Transmit BF only coincides with the proposed design (within " + Wording.COINCIDES_DB + " dB) " + range
                    + ", measured over the " + all + " (P_t, P_s) points; below that the random phases lose the phase-alignment gain "
                    + "the proposed design gets from the IRS.";
        }
        Map<String, Object> prm = commonParameters(ctx);
        prm.put("mode", atBs ? "sensing at BS" : "sensing at IRSs");
        prm.put("P_s_dBm (ASSUMED axis)", ctx.quick() ? "0, 20, 40, 50 (quick subset)" : "0 .. 50 step 5");
        prm.put("P_t_W (ASSUMED)", List.of(10, 20, 40));
        prm.put("a_max", 8);
        prm.put("M", 16);
        String caption = "Average max_l CRB_l versus the per-IRS amplification budget P_s, sensing at "
                + (atBs ? "the BS (Prop. 1)" : "the IRSs (Prop. 2)") + ", M = 16, a_max = 8, for P_t = 10, 20, 40 W (ASSUMED set)."
                + (ctx.quick() ? " Quick run: P_s in {0, 20, 40, 50} dBm only." : "") + rangeCaption + continuationNote() + common(ctx)
                + departures(checks);
        return new FigureResult(caption, List.of(new LinePanel("", "P_s (W)", "average max-CRB", true, true, series)), null, null, prm,
                checks);
    }
}
