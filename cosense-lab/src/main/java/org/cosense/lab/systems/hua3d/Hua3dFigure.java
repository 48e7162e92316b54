package org.cosense.lab.systems.hua3d;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cosense.lab.Check;
import org.cosense.lab.DeclaredExperiment;
import org.cosense.lab.Series;
import org.cosense.lab.Stats;
import org.cosense.math.Db;

/** Shared parts of the hua3d figures: identity, common parameters, sweep and aggregation helpers. */
abstract class Hua3dFigure extends DeclaredExperiment {
    Hua3dFigure(String id, String title, String behaviour, int trials, int quick) {
        super("hua3d", id, title, behaviour, trials, quick);
    }

    /** Parameters common to every figure of the paper (Section VII, spec 5), as named in JSON sidecars. */
    static Map<String, Object> commonParameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("carrier_hz", 750e6);
        p.put("wavelength_m", 0.4);
        p.put("speed_of_light_m_per_s (ASSUMED, E3)", 3e8);
        p.put("element_spacing", "lambda/2 at BS (ASSUMED, E1) and IRS");
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

    /** True if y is non-increasing up to a relative tolerance (Monte Carlo noise). */
    static boolean nonIncreasing(double[] y, double relTol) {
        for (int i = 1; i < y.length; i++) {
            if (y[i] > y[i - 1] * (1 + relTol)) {
                return false;
            }
        }
        return true;
    }

    static List<Check> checks() {
        return new ArrayList<>();
    }
}
