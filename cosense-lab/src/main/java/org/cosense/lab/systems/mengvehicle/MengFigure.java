package org.cosense.lab.systems.mengvehicle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cosense.lab.DeclaredExperiment;
import org.cosense.lab.RunContext;
import org.cosense.lab.Series;
import org.cosense.math.RandomStream;
import org.cosense.systems.mengvehicle.Deployment;
import org.cosense.systems.mengvehicle.MengParameters;
import org.cosense.systems.mengvehicle.VehicleLinks;

/** Shared parts of the mengvehicle figures: layouts, links, averages over layouts, the ASSUMED defaults in captions. */
abstract class MengFigure extends DeclaredExperiment {
    static final String SYSTEM = "mengvehicle";

    MengFigure(String id, String title, String behaviour, int trials, int quickTrials) {
        super(SYSTEM, id, title, behaviour, trials, quickTrials);
    }

    static MengParameters defaults() {
        return MengParameters.defaults();
    }

    static Deployment layout(RandomStream rng, int bs, int vehicles, double radius) {
        return Deployment.random(rng, bs, vehicles, radius, Deployment.MIN_DISTANCE_M);
    }

    static VehicleLinks[] links(Deployment d, MengParameters p) {
        VehicleLinks[] l = new VehicleLinks[d.vehicleCount()];
        for (int k = 0; k < l.length; k++) {
            l[k] = VehicleLinks.of(d, k, p);
        }
        return l;
    }

    /** Column means over trials of a results[0][trial][metric] block; NaN entries skipped. */
    static double[] means(double[][][] r) {
        int m = r[0][0].length;
        double[] s = new double[m];
        int[] n = new int[m];
        for (double[] t : r[0]) {
            for (int i = 0; i < m; i++) {
                if (!Double.isNaN(t[i])) {
                    s[i] += t[i];
                    n[i]++;
                }
            }
        }
        for (int i = 0; i < m; i++) {
            s[i] = n[i] == 0 ? Double.NaN : s[i] / n[i];
        }
        return s;
    }

    /** Column medians over trials. */
    static double[] medians(double[][][] r) {
        int m = r[0][0].length;
        double[] out = new double[m];
        double[] col = new double[r[0].length];
        for (int i = 0; i < m; i++) {
            for (int t = 0; t < col.length; t++) {
                col[t] = r[0][t][i];
            }
            double[] c = col.clone();
            java.util.Arrays.sort(c);
            out[i] = c.length % 2 == 1 ? c[c.length / 2] : 0.5 * (c[c.length / 2 - 1] + c[c.length / 2]);
        }
        return out;
    }

    /** The metric of series s at point p in a flat per-trial vector laid out [point][series]. */
    static int index(int p, int s, int series) {
        return p * series + s;
    }

    static double[] column(double[] flat, int s, int series, int points) {
        double[] y = new double[points];
        for (int p = 0; p < points; p++) {
            y[p] = flat[index(p, s, series)];
        }
        return y;
    }

    static List<Series> series(List<String> names, double[] x, double[] flat, Series.Style style) {
        List<Series> out = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            out.add(Series.of(names.get(s), x, column(flat, s, names.size(), x.length), style));
        }
        return out;
    }

    /** i where y[i+1] ≥ y[i] (a step that is not a decrease); −1 when y decreases everywhere. */
    static int firstNonDecrease(double[] y) {
        for (int i = 0; i + 1 < y.length; i++) {
            if (!(y[i + 1] < y[i])) {
                return i;
            }
        }
        return -1;
    }

    static int firstNonIncrease(double[] y) {
        for (int i = 0; i + 1 < y.length; i++) {
            if (!(y[i + 1] > y[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Largest a[i]/b[i]. */
    static double maxRatio(double[] a, double[] b) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, a[i] / b[i]);
        }
        return m;
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    static String list(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(fmt(v[i]));
        }
        return b.append(']').toString();
    }

    /** The failed paper claims with their evidence, for the caption (a failing claim stays failing and says why). */
    static String failures(List<org.cosense.lab.Check> checks) {
        StringBuilder b = new StringBuilder();
        for (org.cosense.lab.Check c : checks) {
            if (c.kind() == org.cosense.lab.Check.Kind.PAPER && !c.passed()) {
                b.append(b.length() == 0 ? " Paper claims that fail here: " : "; ").append(c.id()).append(" (").append(c.detail()).append(')');
            }
        }
        return b.length() == 0 ? "" : b.append('.').toString();
    }

    /** The ASSUMED defaults of [mengvehicle A1]–[mengvehicle A2], for captions. */
    static String assumed() {
        return " ASSUMED (the paper's values were lost, [mengvehicle A1], [mengvehicle A2]): 10x10 IRS, P = 0.5 W, beta_0 = -30 dB, "
                + "sigma^2 = -110 dBW, H = 10 m, T/T_s = 1000, a = 100 m^2, kappa = 1 (one-way flattening rule, [mengvehicle E3]), "
                + "BSs uniform in a 500 m square at least r + 20 m from every prior centre, vehicles on the road y = 0, "
                + "SNR at the prior centre with the aligned sub-array gain [mengvehicle E7].";
    }

    Map<String, Object> parameters(RunContext ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        MengParameters p = defaults();
        m.put("Mx x My (ASSUMED)", p.mx() + "x" + p.my());
        m.put("P_W (ASSUMED)", p.powerW());
        m.put("beta0_dB (ASSUMED)", p.beta0Db());
        m.put("noise_dBW (ASSUMED)", p.noiseDbw());
        m.put("H_m (ASSUMED)", p.heightM());
        m.put("T_over_Ts (ASSUMED)", p.totalTimeS() / p.symbolTimeS());
        m.put("a_m2 (ASSUMED)", p.rangeConstantM2());
        m.put("kappa (ASSUMED)", p.kappa());
        m.put("tau_th (ASSUMED)", p.associationThreshold());
        m.put("d_min_m (ASSUMED)", Deployment.MIN_DISTANCE_M);
        m.put("layouts_or_trials", ctx.trials());
        return m;
    }
}
