package org.cosense.lab.systems.hua3d;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cosense.lab.Check;
import org.cosense.lab.DeclaredExperiment;
import org.cosense.lab.Series;
import org.cosense.lab.Stats;
import org.cosense.lab.Wording;
import org.cosense.math.Db;

/** Shared parts of the hua3d figures: identity, common parameters, sweep and aggregation helpers. */
abstract class Hua3dFigure extends DeclaredExperiment {
    Hua3dFigure(String id, String title, String behaviour, int trials, int quick) {
        super("hua3d", id, title, behaviour, trials, quick);
    }

    /** Parameters common to every figure of the paper (Section VII, [hua3d S5]), as named in JSON sidecars. */
    static Map<String, Object> commonParameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("carrier_hz", 750e6);
        p.put("wavelength_m", 0.4);
        p.put("speed_of_light_m_per_s (ASSUMED, [hua3d E3])", 3e8);
        p.put("element_spacing", "lambda/2 at BS (ASSUMED, [hua3d E1]) and IRS");
        p.put("rcs_dbsm", 7);
        p.put("noise_dbm", -80);
        p.put("bs_position_m", List.of(0, 0, 5));
        return p;
    }

    static double[] range(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = from + i * step;
        }
        return x;
    }

    static double dbmToWatts(double dbm) {
        return Db.dbmToWatts(dbm);
    }

    /** RMSE per sweep point of error metric {@code m} of results[point][trial][metric], with 95% intervals. */
    static Series rmseSeries(String name, double[] x, double[][][] results, int m) {
        return Stats.series(name, x, Stats.rmse(results, m), Series.Style.LINE_MARKERS);
    }

    static String fmt(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v != 0)) {
            return String.format("%.3e", v);
        }
        return String.format("%.4g", v);
    }

    /** A verdict and the numbers behind it. */
    record Verdict(boolean ok, String detail) {
    }

    /** Half-width of a series' 95% interval at point i (0 when the interval is unknown, e.g. one trial). */
    static double halfWidth(Series s, int i) {
        if (s.yLo() == null || s.yHi() == null) {
            return 0;
        }
        double h = 0.5 * (s.yHi()[i] - s.yLo()[i]);
        return Double.isFinite(h) ? h : 0;
    }

    /**
     * "Decreases" over the points from..to (inclusive), with the Monte Carlo allowance taken from the data's own
     * 95% intervals: a step up y[i] − y[i−1] counts as noise while it is at most the sum of the two half-widths
     * (the rise is not significant), and the fall from the first to the last point must be significant (the
     * last point's upper interval end below the first point's lower end).
     */
    static Verdict decreasing(Series s, int from, int to) {
        double[] y = s.y();
        double worstExcess = Double.NEGATIVE_INFINITY;
        int worstAt = -1;
        for (int i = from + 1; i <= to; i++) {
            double excess = (y[i] - y[i - 1]) - (halfWidth(s, i) + halfWidth(s, i - 1));
            if (excess > worstExcess) {
                worstExcess = excess;
                worstAt = i;
            }
        }
        boolean steps = worstExcess <= 0;
        boolean overall = y[to] + halfWidth(s, to) < y[from] - halfWidth(s, from);
        String d = fmt(y[from]) + " at x = " + fmt(s.x()[from]) + " → " + fmt(y[to]) + " at x = " + fmt(s.x()[to])
                + (overall ? " (significant fall)" : " (fall not significant at 95%)")
                + (steps ? "; no significant rise between neighbours"
                        : "; significant rise " + fmt(y[worstAt - 1]) + " → " + fmt(y[worstAt]) + " at x = " + fmt(s.x()[worstAt])
                                + ", beyond the 95% allowance by " + fmt(worstExcess));
        return new Verdict(steps && overall, d);
    }

    /** "Flat" over the points from..to (inclusive): {@link Wording#flat} on the values, (max − min)/max ≤ 10%. */
    static Verdict flat(Series s, int from, int to) {
        double[] y = java.util.Arrays.copyOfRange(s.y(), from, to + 1);
        double lo = java.util.Arrays.stream(y).min().orElse(Double.NaN);
        double hi = java.util.Arrays.stream(y).max().orElse(Double.NaN);
        boolean ok = Wording.flat(y);
        String d = "from x = " + fmt(s.x()[from]) + " to " + fmt(s.x()[to]) + ": min " + fmt(lo) + ", max " + fmt(hi)
                + ", change (max − min)/max = " + fmt((hi - lo) / hi) + " (flat: ≤ " + fmt(Wording.FLAT) + ")";
        if (!ok) {
            int iLo = from;
            int iHi = from;
            for (int i = from; i <= to; i++) {
                iLo = s.y()[i] < s.y()[iLo] ? i : iLo;
                iHi = s.y()[i] > s.y()[iHi] ? i : iHi;
            }
            boolean overlap = s.y()[iHi] - halfWidth(s, iHi) <= s.y()[iLo] + halfWidth(s, iLo);
            d += overlap ? "; the 95% intervals of the largest (x = " + fmt(s.x()[iHi]) + ") and smallest (x = " + fmt(s.x()[iLo])
                    + ") points overlap: Monte Carlo noise at this trial count can explain the change"
                    : "; the 95% intervals of the largest (x = " + fmt(s.x()[iHi]) + ") and smallest (x = " + fmt(s.x()[iLo])
                            + ") points do not overlap: the curve is still changing there";
        }
        return new Verdict(ok, d);
    }

    /** Index of x in the axis (exact grid value). */
    static int indexOf(double[] axis, double x) {
        for (int i = 0; i < axis.length; i++) {
            if (Math.abs(axis[i] - x) < 1e-9) {
                return i;
            }
        }
        throw new IllegalArgumentException("x = " + x + " is not on the axis");
    }

    static List<Check> checks() {
        return new ArrayList<>();
    }
}
