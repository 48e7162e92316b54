package org.cosense.lab.systems.fangactive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cosense.lab.Check;
import org.cosense.lab.FigureResult;
import org.cosense.lab.LinePanel;
import org.cosense.lab.RunContext;
import org.cosense.lab.Series;
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

    @Override
    public FigureResult run(RunContext ctx) {
        double[] ps = sweep(PS_DBM, ctx, 0, 4, 8, 10);
        SensingMode mode = atBs ? bs() : irs();
        List<Curve> curves = new ArrayList<>();
        for (double pt : PT) {
            curves.add(new Curve(Scheme.PROPOSED, mode, 8, "Proposed, P_t = " + (int) pt + " W"));
        }
        for (double pt : PT) {
            curves.add(new Curve(Scheme.TRANSMIT_ONLY, mode, 8, "Transmit BF only, P_t = " + (int) pt + " W"));
        }
        double[][][] r = continuationSweep(ctx, ps.length, curves,
                (p, c) -> new double[] {PT[curves.indexOf(c) % PT.length], Db.dbmToWatts(ps[p])}, p -> 16);
        double[] psW = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            psW[i] = Db.dbmToWatts(ps[i]);
        }
        List<Series> series = new ArrayList<>();
        for (int c = 0; c < curves.size(); c++) {
            series.add(meanSeries(curves.get(c).label(), psW, r, c, c < PT.length ? Series.Style.LINE_MARKERS : Series.Style.DASHED));
        }
        int n = ps.length;
        List<Check> checks = checks(r, curves.size());
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int c = 0; c < PT.length; c++) {
            lo = Math.min(lo, series.get(c).y()[0]);
            hi = Math.max(hi, series.get(c).y()[0]);
        }
        checks.add(new Check("at the smallest P_s the proposed curves for the three P_t almost coincide (within 10%)",
                hi <= 1.1 * lo, "spread at " + ps[0] + " dBm: " + fmt(lo) + " .. " + fmt(hi)));
        boolean mono = true;
        for (Series s : series.subList(0, PT.length)) {
            for (int i = 1; i < n; i++) {
                mono &= s.y()[i] <= s.y()[i - 1] * 1.02;
            }
        }
        checks.add(new Check("every proposed curve decreases (non-increasing) in P_s", mono, "checked with 2% tolerance"));
        double[] floors = new double[PT.length];
        boolean flat = true;
        for (int c = 0; c < PT.length; c++) {
            double[] y = series.get(c).y();
            floors[c] = y[n - 1];
            flat &= Math.abs(y[n - 1] - y[n - 2]) <= 0.1 * y[n - 2];
        }
        checks.add(new Check("at high P_s each curve is flat (P_t-limited), with a lower floor for a larger P_t",
                flat && floors[2] <= floors[1] && floors[1] <= floors[0],
                "floors at " + ps[n - 1] + " dBm: " + fmt(floors[0]) + " (10 W), " + fmt(floors[1]) + " (20 W), " + fmt(floors[2])
                        + " (40 W)"));
        if (!atBs) {
            double worst = 0;
            for (int c = 0; c < PT.length; c++) {
                for (int i = 0; i < n; i++) {
                    worst = Math.max(worst, series.get(PT.length + c).y()[i] / series.get(c).y()[i]);
                }
            }
            checks.add(new Check("transmit BF only performs like the proposed design (within 2x everywhere)", worst <= 2,
                    "largest transmit-only / proposed ratio " + String.format("%.3f", worst)));
            // spec 3.14: the claim holds where the IRS budget binds (the proposed curves of the three P_t coincide);
            // where a_max binds instead (BS-limited), random phases lose the reflection's array gain towards the target
            double worstBound = 0;
            double worstFree = 0;
            String boundAxis = "";
            for (int i = 0; i < n; i++) {
                double plo = Double.POSITIVE_INFINITY;
                double phi = 0;
                double ratio = 0;
                for (int c = 0; c < PT.length; c++) {
                    plo = Math.min(plo, series.get(c).y()[i]);
                    phi = Math.max(phi, series.get(c).y()[i]);
                    ratio = Math.max(ratio, series.get(PT.length + c).y()[i] / series.get(c).y()[i]);
                }
                if (phi <= 1.1 * plo) {
                    worstBound = Math.max(worstBound, ratio);
                    boundAxis += (boundAxis.isEmpty() ? "" : ", ") + ps[i];
                } else {
                    worstFree = Math.max(worstFree, ratio);
                }
            }
            checks.add(new Check("(diagnosis) transmit BF only is within 2x of the proposed design wherever the IRS budget binds "
                    + "(the proposed curves of the three P_t coincide), and falls behind only where it does not", !boundAxis.isEmpty()
                            && worstBound <= 2, "budget-bound points P_s = " + (boundAxis.isEmpty() ? "none" : boundAxis + " dBm")
                                    + ": largest ratio " + String.format("%.3f", worstBound) + "; elsewhere up to "
                                    + String.format("%.3f", worstFree)));
        }
        Map<String, Object> prm = commonParameters(ctx);
        prm.put("mode", atBs ? "sensing at BS" : "sensing at IRSs");
        prm.put("P_s_dBm (ASSUMED axis)", ctx.quick() ? "0, 20, 40, 50 (quick subset)" : "0 .. 50 step 5");
        prm.put("P_t_W (ASSUMED)", List.of(10, 20, 40));
        prm.put("a_max", 8);
        prm.put("M", 16);
        String caption = "Average max_l CRB_l versus the per-IRS amplification budget P_s, sensing at "
                + (atBs ? "the BS (Prop. 1)" : "the IRSs (Prop. 2)") + ", M = 16, a_max = 8, for P_t = 10, 20, 40 W (ASSUMED set)."
                + (ctx.quick() ? " Quick run: P_s in {0, 20, 40, 50} dBm only." : "") + continuationNote() + common(ctx)
                + departures(checks);
        return new FigureResult(caption, List.of(new LinePanel("", "P_s (W)", "average max-CRB", true, true, series)), null, null, prm,
                checks);
    }
}
