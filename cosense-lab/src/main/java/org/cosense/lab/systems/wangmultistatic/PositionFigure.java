package org.cosense.lab.systems.wangmultistatic;

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

/**
 * {@code position} (ours): position RMSE of the matched filter followed by Prop. 5.1 ({@code DopplerDelayLocalizer})
 * against the position CRB (chain rule through the EXACT unknown-gain FIMs, {@code CooperativeCrb.positionCrb}) versus
 * the power budget, for |G| = 2, 5 and 10 REs on the reference layout of fig7.
 */
final class PositionFigure extends DeclaredExperiment {
    static final double[] POWER_DBM = Fig7MatchedFilter.POWER_DBM;
    static final int[] SIZES = {2, 5, 10};

    private final WangSimulation.Setting setting;

    PositionFigure() {
        this(WangSimulation.Setting.paper());
    }

    PositionFigure(WangSimulation.Setting setting) {
        super("wangmultistatic", "position", "Position RMSE of matched filter + Prop. 5.1 against the position CRB versus the power budget (ours)",
                "Not in the paper (our addition): the localization of Section V from the matched filter's delays and Dopplers, "
                    + "against the position CRB of the same echoes.", 200, 20);
        this.setting = setting;
    }

    @Override
    public FigureResult run(RunContext ctx) {
        WangSimulation sim = new WangSimulation(WangSimulation.referenceLayout(ctx.seed()), setting);
        int k = sim.layout().size();
        int[][] groups = new int[SIZES.length][];
        for (int s = 0; s < SIZES.length; s++) {
            groups[s] = sim.select(Math.min(SIZES[s], k), 30);
        }
        Map<Integer, WangSimulation.Receiver> rx = sim.receivers(groups);
        double[][][] r = ctx.monteCarlo().run(qualifiedId(), ctx.seed() + 11, POWER_DBM.length, ctx.trials(), (pt, t, rng) -> {
            double[] symbols = sim.symbols(POWER_DBM[pt], rng.split(1));
            Map<Integer, WangSimulation.Outcome> done = new LinkedHashMap<>();
            double[] out = new double[3 * SIZES.length];
            for (int s = 0; s < SIZES.length; s++) {
                List<WangSimulation.Outcome> o = new ArrayList<>();
                for (int i : groups[s]) {
                    o.add(done.computeIfAbsent(i, kk -> sim.estimate(rx.get(kk).link(), rx.get(kk).filter(), symbols, false, rng.split(100 + kk))));
                }
                double[] e = sim.locate(groups[s], o);
                out[3 * s] = e == null ? 0 : e[0];
                out[3 * s + 1] = e == null ? sim.locateBoundOnly(groups[s], o) : e[1];
                out[3 * s + 2] = e == null ? 0 : 1;
            }
            return out;
        });
        int n = POWER_DBM.length;
        double[][] rmse = new double[SIZES.length][n];
        double[][] crb = new double[SIZES.length][n];
        int[][] used = new int[SIZES.length][n];
        for (int s = 0; s < SIZES.length; s++) {
            for (int i = 0; i < n; i++) {
                double se = 0;
                double b = 0;
                for (double[] v : r[i]) {
                    if (v[3 * s + 2] > 0) {
                        se += v[3 * s];
                        used[s][i]++;
                    }
                    b += v[3 * s + 1] / r[i].length;
                }
                rmse[s][i] = used[s][i] == 0 ? Double.NaN : Math.sqrt(se / used[s][i]);
                crb[s][i] = Math.sqrt(b);
            }
        }
        List<Series> series = new ArrayList<>();
        for (int s = 0; s < SIZES.length; s++) {
            series.add(Series.of("crb-multi-" + SIZES[s], POWER_DBM, crb[s], Series.Style.DASHED));
        }
        for (int s = 0; s < SIZES.length; s++) {
            series.add(new Series("rmse-multi-" + SIZES[s], POWER_DBM, rmse[s], null, null, used[s], Series.Style.LINE_MARKERS));
        }
        List<Check> checks = new ArrayList<>();
        int last = n - 1;
        boolean falls = true;
        for (int s = 0; s < SIZES.length; s++) {
            for (int i = 1; i < n; i++) {
                falls &= crb[s][i] < crb[s][i - 1];
            }
        }
        checks.add(Check.invariant("position-crb-falls-with-power", "the position CRB falls with the power budget", falls,
                "|G| = 2: " + Fig7MatchedFilter.fmt(crb[0][0]) + " m -> " + Fig7MatchedFilter.fmt(crb[0][last]) + " m"));
        boolean more = true;
        for (int i = 0; i < n; i++) {
            for (int s = 1; s < SIZES.length; s++) {
                more &= crb[s][i] <= crb[s - 1][i] * (1 + 1e-12);
            }
        }
        checks.add(Check.invariant("position-crb-falls-with-receivers", "more selected REs never raise the position CRB (the "
                + "informations add; the selected sets are not nested, so this is measured)", more,
                "at " + Fig7MatchedFilter.fmt(POWER_DBM[last]) + " dBm: " + Arrays.toString(col(crb, last)) + " m"));
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        boolean all = true;
        for (int s = 0; s < SIZES.length; s++) {
            for (int i = 0; i < n; i++) {
                all &= used[s][i] == r[i].length;
                lo = Math.min(lo, rmse[s][i] / crb[s][i]);
                hi = Math.max(hi, rmse[s][i] / crb[s][i]);
            }
        }
        checks.add(Check.extension("position-rmse-above-crb", "the position RMSE is at or above its CRB (RMSE >= 0.9 x CRB sd) at "
                + "every power and |G|", lo >= 0.9, "RMSE/CRB from " + Fig7MatchedFilter.fmt(lo) + " to " + Fig7MatchedFilter.fmt(hi)));
        double hiLast = 0;
        for (int s = 0; s < SIZES.length; s++) {
            hiLast = Math.max(hiLast, rmse[s][last] / crb[s][last]);
        }
        checks.add(Check.extension("position-rmse-similar-to-crb-high-power", "at the highest power the RMSE is similar to the CRB "
                + "(within " + Fig7MatchedFilter.fmt(Wording.SIMILAR) + "x) for every |G|", hiLast <= Wording.SIMILAR,
                "largest RMSE/CRB at " + Fig7MatchedFilter.fmt(POWER_DBM[last]) + " dBm: " + Fig7MatchedFilter.fmt(hiLast)
                        + (hiLast <= Wording.SIMILAR ? "" : "; DIAGNOSIS: Prop. 5.1 is not efficient: it takes θ from the "
                                + "Dopplers alone (a relative Doppler error of about 1e-3 turns into centimetres at 45 m) and the "
                                + "ranges from the delays given θ, then averages the per-receiver positions, while the CRB also "
                                + "uses the delay ellipses' geometry (delay sd about 1e-13 s, i.e. tens of micrometres)")));
        checks.add(Check.extension("localizer-always-answers", "Prop. 5.1 returns a position on every trial (no collinear Doppler rows)",
                all, "trials used per point: " + Arrays.toString(used[0])));

        Map<String, Object> prm = new LinkedHashMap<>();
        prm.put("layout (ASSUMED, [wangmultistatic A32])", "as fig7");
        List<String> sel = new ArrayList<>();
        for (int s = 0; s < SIZES.length; s++) {
            sel.add("multi-" + SIZES[s] + " " + Arrays.toString(groups[s]));
        }
        prm.put("selected REs (0-based)", sel);
        prm.put("p_t_dbm (ASSUMED)", "10..40 step 5");
        prm.put("m", setting.pulses());
        prm.put("oversampling (ASSUMED)", setting.oversampling());
        prm.put("beam (ASSUMED, [wangmultistatic A31])", "all power on theta");
        prm.put("arrival azimuths", "known to each RE (true phi_k) ([wangmultistatic A33])");
        prm.put("trials", ctx.trials());
        String caption = String.format("Ours: position RMSE (markers) of the matched filter followed by Prop. 5.1 (least-squares "
                + "Doppler solve for speed and cos θ, sign test, (93) ranges, plain mean of the per-receiver positions) against "
                + "the position CRB (dashed; √ of the (x₀, y₀) variances of the chain-rule bound on (x₀, y₀, v) from the EXACT "
                + "unknown-gain FIMs at each trial's symbols, [wangmultistatic E3]), for |G| = 2, 5, 10 REs (fixed-size "
                + "minimax-linkage candidates, the one with the smallest delay-Doppler bound). Same layout, pulse, M = %d, P = %d, "
                + "beam and power axis as fig7 (ASSUMED values named there: [wangmultistatic A31], [wangmultistatic A32]); "
                + "each RE knows its true arrival azimuth φ_k (ASSUMED, [wangmultistatic A33]). The true delay is the layout's, "
                + "not jittered, so the sample-cell-edge effect of [wangmultistatic E6] is whatever this layout gives. Trials per "
                + "point: %d.", setting.pulses(), setting.oversampling(), ctx.trials());
        return new FigureResult(caption, List.of(new LinePanel("", "P_T (dBm)", "position RMSE / CRB (m)", false, true, series)), null,
                null, prm, checks);
    }

    private static double[] col(double[][] a, int i) {
        double[] c = new double[a.length];
        for (int s = 0; s < a.length; s++) {
            c[s] = Double.parseDouble(Fig7MatchedFilter.fmt(a[s][i]));
        }
        return c;
    }
}
