package org.cosense.lab.systems.fangactive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cosense.lab.Check;
import org.cosense.lab.FigureResult;
import org.cosense.lab.LinePanel;
import org.cosense.lab.RunContext;
import org.cosense.lab.Series;
import org.cosense.systems.fangactive.IrsSlot;
import org.cosense.systems.fangactive.Scenario;

/** Fig. 7: average max-CRB versus the number of BS antennas M (P_t = 20 W, P_s = 0.1 W, a_max = 8). */
final class Fig7Antennas extends FangFigure {
    private static final double[] M = {4, 8, 12, 16, 20, 24, 28, 32};

    Fig7Antennas() {
        this(Scenario::paper);
    }

    Fig7Antennas(java.util.function.IntFunction<Scenario> scenario) {
        super("fig7", "Max-CRB versus the number of BS antennas M",
                "Sensing at BS: the max-CRB decreases with M, fast at small M, with diminishing returns at large M; sensing at "
                        + "IRSs, proposed: a similar trend but much lower; sensing at IRSs, isotropic transmission: independent of M.", scenario);
    }

    @Override
    public FigureResult run(RunContext ctx) {
        double[] m = sweep(M, ctx, 0, 3, 7);
        List<Curve> curves = List.of(new Curve(Scheme.PROPOSED, bs(), 8, "Sensing at BS: proposed"),
                new Curve(Scheme.ISOTROPIC, bs(), 8, "Sensing at BS: isotropic transmission"),
                new Curve(Scheme.PROPOSED, irs(), 8, "Sensing at IRSs: proposed"),
                new Curve(Scheme.ISOTROPIC, irs(), 8, "Sensing at IRSs: isotropic transmission"));
        double[][][] r = continuationSweep(ctx, m.length, curves, (p, c) -> new double[] {20, 0.1}, p -> (int) m[p]);
        List<Series> series = new ArrayList<>();
        for (int c = 0; c < curves.size(); c++) {
            series.add(meanSeries(curves.get(c).label(), m, r, c, c % 2 == 0 ? Series.Style.LINE_MARKERS : Series.Style.DASHED));
        }
        int n = m.length;
        double[] bsP = series.get(0).y();
        double[] irsP = series.get(2).y();
        double[] irsI = series.get(3).y();
        List<Check> checks = checks(r, curves.size());
        boolean dec = true;
        for (int i = 1; i < n; i++) {
            dec &= bsP[i] <= bsP[i - 1] * 1.02;
        }
        double firstDrop = bsP[0] - bsP[1];
        double lastDrop = bsP[n - 2] - bsP[n - 1];
        checks.add(new Check("sensing at BS, proposed: decreasing in M with diminishing returns", dec && lastDrop < firstDrop,
                "max-CRB " + fmt(bsP[0]) + " (M = " + (int) m[0] + ") → " + fmt(bsP[n - 1]) + " (M = " + (int) m[n - 1]
                        + "); first decrement " + fmt(firstDrop) + ", last " + fmt(lastDrop)));
        boolean below = true;
        for (int i = 0; i < n; i++) {
            below &= irsP[i] < bsP[i];
        }
        checks.add(new Check("sensing at IRSs, proposed: much lower than sensing at BS", below,
                "at M = " + (int) m[n - 1] + ": " + fmt(irsP[n - 1]) + " vs " + fmt(bsP[n - 1])));
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : irsI) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double spread = 0; // widest 95% interval; NaN intervals (a single realization) count as none
        for (int i = 0; i < n; i++) {
            double w = series.get(3).yHi()[i] - series.get(3).yLo()[i];
            spread = Double.isNaN(w) ? spread : Math.max(spread, w);
        }
        checks.add(new Check("sensing at IRSs, isotropic transmission: independent of M (range within the Monte Carlo spread or 5%)",
                max - min <= Math.max(spread, 0.05 * max), "range " + fmt(min) + " .. " + fmt(max) + "; widest 95% interval "
                        + fmt(spread)));
        Map<String, Object> prm = commonParameters(ctx);
        prm.put("M_axis (ASSUMED)", ctx.quick() ? "4, 16, 32 (quick subset)" : "4 .. 32 step 4");
        prm.put("P_t_W", 20);
        prm.put("P_s_W", 0.1);
        prm.put("a_max", 8);
        prm.put("isotropic (ASSUMED)", "R = (P_t/M) I with optimized IRS reflection (= reflective BF only)");
        String caption = "Average max_l CRB_l versus the number of BS antennas M, P_t = 20 W, P_s = 0.1 W, a_max = 8, both sensing "
                + "modes; isotropic transmission ASSUMED identical to reflective BF only (R = (P_t/M) I, optimized reflection)."
                + (ctx.quick() ? " Quick run: M in {4, 16, 32} only." : "") + continuationNote() + common(ctx)
                + departures(checks);
        return new FigureResult(caption, List.of(new LinePanel("", "M (BS antennas)", "average max-CRB", false, true, series)), null,
                null, prm, checks);
    }
}
