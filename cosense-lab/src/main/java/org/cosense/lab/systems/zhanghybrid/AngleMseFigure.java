package org.cosense.lab.systems.zhanghybrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cosense.lab.Check;
import org.cosense.lab.Csv;
import org.cosense.lab.DeclaredExperiment;
import org.cosense.lab.FigureResult;
import org.cosense.lab.LinePanel;
import org.cosense.lab.RunContext;
import org.cosense.lab.Series;
import org.cosense.lab.Table;
import org.cosense.lab.Wording;
import org.cosense.math.Db;
import org.cosense.math.RandomStream;
import org.cosense.systems.zhanghybrid.CascadedObservations;
import org.cosense.systems.zhanghybrid.FrameAngles;
import org.cosense.systems.zhanghybrid.FrameAngles.Estimator;
import org.cosense.systems.zhanghybrid.HybridFim;
import org.cosense.systems.zhanghybrid.HybridParameters;
import org.cosense.systems.zhanghybrid.HybridScene;
import org.cosense.systems.zhanghybrid.IrsAngleEstimate;
import org.cosense.systems.zhanghybrid.JointAngleAnm;
import org.cosense.systems.zhanghybrid.RankCase;
import org.cosense.systems.zhanghybrid.ReflectedSignals;

/**
 * Fig. 6: the angle MSE of IRS 1 (mean of its AOA and AOD squared errors, rad², linear values) versus the BS transmit
 * power, for the proposed joint atomic norm (all K observations sharing each angle) and MUSIC, ESPRIT and Capon (path
 * (1, 1) alone), each against the bound of the data it uses: crb-joint = ½(1/J_A,1 + 1/J_D,1) over all K paths of each
 * angle (15)–(16), crb-single = the same from path (1, 1) alone. Delays are known (the data are delay-aligned)
 * [zhanghybrid A27]. Two settings on the same draws: the notes' N = N_t = D = L = 16 (main series; rank case 2 with our
 * channel, [zhanghybrid A9]) and N = 4 &lt; L = 16 (rank case 1, the case the paper describes; series suffixed
 * {@code -case1}, extension).
 */
final class AngleMseFigure extends DeclaredExperiment {
    /** P (dBm) [zhanghybrid A27]: the notes' 30–60 dBm is below every estimator's threshold with the link budget of A1. */
    static final double[] POWERS_DBM = {70, 75, 80, 85, 90, 95, 100};
    static final List<Estimator> ESTIMATORS = List.of(Estimator.ANM, Estimator.MUSIC, Estimator.ESPRIT, Estimator.CAPON);
    /** Elements of the case-1 setting [zhanghybrid A27]. */
    static final int CASE1_ELEMENTS = 4;
    /** Per setting: 4 squared errors, crb-joint, crb-single, ADMM converged, iterations, primal, dual, 3 failure counts, rank. */
    static final int WIDTH = 14;
    static final int CRB_JOINT = 4;
    static final int CRB_SINGLE = 5;
    static final int CONVERGED = 6;
    static final int ITERATIONS = 7;
    static final int PRIMAL = 8;
    static final int DUAL = 9;
    static final int FAILURES = 10;
    static final int RANK = 13;

    AngleMseFigure() {
        super("zhanghybrid", "fig6", "Angle MSE versus the BS transmit power", "MSE falls about as 1/P for the working methods; the "
                + "proposed ANM is closest to the CRB; MUSIC works at lower SNR with a visible gap; ESPRIT works only at the high-SNR "
                + "end; Capon fails over the simulated SNR range.", 200, 4);
    }

    /** The two settings: the notes' fig6 parameters and the case-1 setting N = 4. */
    static HybridParameters[] settings() {
        HybridParameters d = HybridParameters.defaults();
        return new HybridParameters[] {d, d.withElements(CASE1_ELEMENTS)};
    }

    double[] powers(RunContext ctx) {
        return ctx.quick() ? new double[] {70, 85, 90, 95, 100} : POWERS_DBM;
    }

    /** One trial at one power: the target, then per setting the channels, phases and the frame, from the trial's stream. */
    static double[] trial(double powerDbm, RandomStream stream) {
        HybridScene scene = ZhangSimulation.rectangleTarget(HybridScene.paperIrs(), stream.split(0));
        HybridParameters[] set = settings();
        double[] out = new double[WIDTH * set.length];
        for (int s = 0; s < set.length; s++) {
            HybridParameters prm = set[s].withPower(Db.dbmToWatts(powerDbm));
            ReflectedSignals signals = ReflectedSignals.draw(scene, prm, stream.split(1 + 2 * s));
            CascadedObservations o = CascadedObservations.draw(scene, prm, signals, stream.split(2 + 2 * s));
            System.arraycopy(irsOneErrors(o), 0, out, WIDTH * s, WIDTH);
        }
        return out;
    }

    /** The metrics of IRS 1 on one frame (layout {@link #WIDTH}). */
    static double[] irsOneErrors(CascadedObservations o) {
        double[] r = new double[WIDTH];
        double theta = o.scene().angle(0);
        IrsAngleEstimate anm = FrameAngles.anm(o, FrameAngles.trueDelays(o), JointAngleAnm.of(o.parameters().sensors(),
                o.parameters().elements()), 0);
        double aod = anm.aod().isPresent() ? anm.aod().getAsDouble() : 0;
        r[0] = 0.5 * (sq(anm.aoa() - theta) + sq(aod - theta));
        boolean converged = anm.aoaSolution().converged();
        int iterations = anm.aoaSolution().iterations();
        double primal = anm.aoaSolution().primalResidual();
        double dual = anm.aoaSolution().dualResidual();
        if (anm.aodSolution().isPresent()) {
            var d = anm.aodSolution().get();
            converged &= d.converged();
            iterations = Math.max(iterations, d.iterations());
            primal = Math.max(primal, d.primalResidual());
            dual = Math.max(dual, d.dualResidual());
        }
        for (int e = 1; e < ESTIMATORS.size(); e++) {
            FrameAngles.Angles a = FrameAngles.classical(ESTIMATORS.get(e), o, 0, o.delay(0, 0));
            int failed = (Double.isNaN(a.aoa()) ? 1 : 0) + (Double.isNaN(a.aod()) ? 1 : 0);
            // a side without a source counts as the broadside guess θ = 0 [zhanghybrid A27]
            r[e] = 0.5 * (sq(orZero(a.aoa()) - theta) + sq(orZero(a.aod()) - theta));
            r[FAILURES + e - 1] = failed;
        }
        HybridFim fim = o.fim();
        r[CRB_JOINT] = 0.5 * (1 / fim.arrival(0) + 1 / fim.departure(0));
        r[CRB_SINGLE] = 0.5 * (1 / fim.arrivalTerm(0, 0) + 1 / fim.departureTerm(0, 0));
        r[CONVERGED] = converged ? 1 : 0;
        r[ITERATIONS] = iterations;
        r[PRIMAL] = primal;
        r[DUAL] = dual;
        r[RANK] = o.signals().rank(0);
        return r;
    }

    private static double sq(double v) {
        return v * v;
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    @Override
    public FigureResult run(RunContext ctx) {
        double[] x = powers(ctx);
        long seed = ctx.seed();
        double[][][] r = ctx.monteCarlo().run(qualifiedId(), seed, x.length, ctx.trials(), (p, t, rng) ->
                trial(x[p], RandomStream.forTrial(seed, 0, t))); // the same draws at every power
        int sets = settings().length;
        double[][][] mean = new double[sets][WIDTH][x.length];
        int[] trials = new int[x.length];
        for (int p = 0; p < x.length; p++) {
            trials[p] = r[p].length;
            for (double[] t : r[p]) {
                for (int s = 0; s < sets; s++) {
                    for (int c = 0; c < WIDTH; c++) {
                        mean[s][c][p] += t[WIDTH * s + c] / r[p].length;
                    }
                }
            }
        }
        List<Series> series = new ArrayList<>();
        for (int s = 0; s < sets; s++) {
            String suffix = s == 0 ? "" : "-case1";
            for (int e = 0; e < ESTIMATORS.size(); e++) {
                series.add(new Series(ESTIMATORS.get(e).series() + suffix, x, mean[s][e], null, null, trials,
                        s == 0 ? Series.Style.LINE_MARKERS : Series.Style.MARKERS));
            }
            series.add(new Series("crb-joint" + suffix, x, mean[s][CRB_JOINT], null, null, trials, s == 0 ? Series.Style.LINE : Series.Style.DASHED));
            series.add(new Series("crb-single" + suffix, x, mean[s][CRB_SINGLE], null, null, trials, s == 0 ? Series.Style.LINE : Series.Style.DASHED));
        }
        List<Table> admm = new ArrayList<>();
        int[][] conv = new int[sets][x.length];
        for (int s = 0; s < sets; s++) {
            admm.add(admmTable(s == 0 ? "fig6-admm.csv" : "fig6-admm-case1.csv", x, r, s, conv[s]));
        }
        List<Check> checks = checks(x, r, mean, conv);
        Map<String, Object> prm = parameters(ctx, x, mean);
        String caption = caption(ctx, x, mean, checks);
        return new FigureResult(caption, List.of(new LinePanel("", "P (dBm)", "angle MSE of IRS 1 (rad^2)", false, true, series)), null,
                admm, prm, checks);
    }

    static Table admmTable(String name, double[] x, double[][][] r, int s, int[] converged) {
        List<List<String>> rows = new ArrayList<>();
        for (int p = 0; p < x.length; p++) {
            int n = r[p].length;
            double[] it = new double[n];
            double pm = 0;
            double dm = 0;
            int iMax = 0;
            for (int t = 0; t < n; t++) {
                double[] v = r[p][t];
                converged[p] += v[WIDTH * s + CONVERGED] > 0.5 ? 1 : 0;
                it[t] = v[WIDTH * s + ITERATIONS];
                iMax = Math.max(iMax, (int) it[t]);
                pm = Math.max(pm, v[WIDTH * s + PRIMAL]);
                dm = Math.max(dm, v[WIDTH * s + DUAL]);
            }
            Arrays.sort(it);
            double med = n % 2 == 1 ? it[n / 2] : 0.5 * (it[n / 2 - 1] + it[n / 2]);
            rows.add(List.of(CrbSweepFigure.num(x[p]), Integer.toString(n), Integer.toString(converged[p]), Csv.number(med),
                    Integer.toString(iMax), Csv.number(pm), Csv.number(dm)));
        }
        return new Table(name, List.of("power_dbm", "trials", "converged", "iterations_median", "iterations_max", "primal_residual_max",
                "dual_residual_max"), rows);
    }

    /** MSE over its own bound, per estimator (rows) and power (columns). */
    static double[][] ratios(double[][] mean) {
        double[][] q = new double[ESTIMATORS.size()][mean[0].length];
        for (int e = 0; e < ESTIMATORS.size(); e++) {
            int bound = ESTIMATORS.get(e) == Estimator.ANM ? CRB_JOINT : CRB_SINGLE;
            for (int p = 0; p < q[e].length; p++) {
                q[e][p] = mean[e][p] / mean[bound][p];
            }
        }
        return q;
    }

    List<Check> checks(double[] x, double[][][] r, double[][][] mean, int[][] conv) {
        List<Check> checks = new ArrayList<>();
        for (int s = 0; s < mean.length; s++) {
            String suffix = s == 0 ? "" : "-case1";
            String where = s == 0 ? "" : " (case-1 setting N = " + CASE1_ELEMENTS + ")";
            double[][] q = ratios(mean[s]);
            List<String> bad = new ArrayList<>();
            List<String> detail = new ArrayList<>();
            for (int p = Math.max(0, x.length - 3); p < x.length; p++) {
                StringBuilder d = new StringBuilder(CrbSweepFigure.num(x[p]) + " dBm:");
                for (int e = 0; e < ESTIMATORS.size(); e++) {
                    d.append(String.format(" %s %.3g", ESTIMATORS.get(e).series(), q[e][p]));
                    if (e > 0 && !(q[0][p] / q[e][p] < Wording.LOWER)) {
                        bad.add(ESTIMATORS.get(e).series() + " at " + CrbSweepFigure.num(x[p]) + " dBm");
                    }
                }
                detail.add(d.toString());
            }
            String behaviour = "ANM is closest to its bound of all estimators at the top three powers" + where + " (MSE/bound of anm over "
                    + "that of every other estimator < " + Wording.LOWER + ")";
            String det = "MSE/bound " + String.join("; ", detail) + (bad.isEmpty() ? "" : "; beaten by " + String.join(", ", bad));
            checks.add(s == 0 ? Check.paper("anm-closest-to-bound" + suffix, behaviour, bad.isEmpty(), det)
                    : Check.extension("anm-closest-to-bound" + suffix, behaviour, bad.isEmpty(), det));
            int capon = ESTIMATORS.indexOf(Estimator.CAPON);
            double least = Double.POSITIVE_INFINITY;
            for (int p = 0; p < x.length; p++) {
                least = Math.min(least, q[capon][p]);
            }
            String cb = "Capon fails over the simulated power range" + where + ": its MSE is at least " + Wording.ORDER_OF_MAGNITUDE
                    + " times its bound at every power";
            String cd = String.format("smallest Capon MSE/crb-single %.3g", least);
            checks.add(s == 0 ? Check.paper("capon-fails" + suffix, cb, least >= Wording.ORDER_OF_MAGNITUDE, cd)
                    : Check.extension("capon-fails" + suffix, cb, least >= Wording.ORDER_OF_MAGNITUDE, cd));
            int total = 0;
            int ok = 0;
            for (int p = 0; p < x.length; p++) {
                total += r[p].length;
                ok += conv[s][p];
            }
            String vb = "the ADMM converges: at least 99% of the trials' solves met the stopping rule" + where;
            String vd = ok + " of " + total + " trials converged (" + (s == 0 ? "fig6-admm.csv" : "fig6-admm-case1.csv") + ")";
            // not true by construction (a solve may stop at the iteration limit): a claim with the threshold of the issue
            checks.add(s == 0 ? Check.paper("admm-converged" + suffix, vb, ok >= 0.99 * total, vd)
                    : Check.extension("admm-converged" + suffix, vb, ok >= 0.99 * total, vd));
        }
        return checks;
    }

    Map<String, Object> parameters(RunContext ctx, double[] x, double[][][] mean) {
        Map<String, Object> p = new LinkedHashMap<>();
        HybridParameters d = HybridParameters.defaults();
        p.put("x P_dBm (ASSUMED)", x);
        p.put("K", 3);
        p.put("IRS", "IRS 1 at (10, 50)");
        p.put("N (ASSUMED)", d.elements() + " (main), " + CASE1_ELEMENTS + " (case-1 extension)");
        p.put("M (ASSUMED)", d.sensors());
        p.put("N_t, L (ASSUMED)", d.bsAntennas() + ", " + d.bsIrsPaths());
        p.put("D streams (ASSUMED)", "min(N, N_t)");
        p.put("T (ASSUMED)", d.frameSamples());
        p.put("delays", "known (delay-aligned data)");
        p.put("trials", ctx.trials());
        p.put("rank_Z1_mean", mean[0][RANK]);
        p.put("rank_Z1_mean_case1", mean[1][RANK]);
        for (int s = 0; s < mean.length; s++) {
            String suffix = s == 0 ? "" : "_case1";
            for (int e = 1; e < ESTIMATORS.size(); e++) {
                p.put("failures_per_trial_" + ESTIMATORS.get(e).series() + suffix, mean[s][FAILURES + e - 1]);
            }
        }
        p.put("anm_regularization", "Li-Chi formula at the coloured noise power after pre-processing (A24)");
        return p;
    }

    String caption(RunContext ctx, double[] x, double[][][] mean, List<Check> checks) {
        StringBuilder c = new StringBuilder();
        c.append("Angle MSE of IRS 1 versus the BS transmit power P: the mean over ").append(ctx.trials())
                .append(" trials of ½(AOA error² + AOD error²) in rad^2 (linear values). anm = the proposed joint atomic norm by ADMM on ")
                .append("all K = 3 observations that share each angle; music, esprit (least squares), capon = the 1D estimators on path (1, 1) ")
                .append("alone (Y_11 Z_1^+, columns as snapshots for the AOA, rows for the AOD); crb-joint and crb-single = the bounds of ")
                .append("those two data sets (15)-(16). Delays known (delay-aligned data); each trial draws its target in the rectangle ")
                .append("x in [20, 40] m, y in [-20, 20] m, its channels, IRS phases, streams, gains and noise from one stream, the same ")
                .append("at every P ([zhanghybrid A27], [zhanghybrid A8]). Main series: the notes' N = N_t = D = L = 16, M = 8 — with our channel ")
                .append(String.format("Z_1 is in rank case 2 (mean numerical rank %.1f of 16, [zhanghybrid A9]), so the AOD is the trust-region ", mean[0][RANK][0]))
                .append("estimate and the baselines see a_N through the rank-r pseudo-inverse; -case1 series (extension): N = ")
                .append(CASE1_ELEMENTS).append(" < L = 16, D = 4, rank case 1, the case the paper describes. ASSUMED: f_c = 3.5 GHz, ")
                .append("B = 20 MHz, T = 1024, sigma^2 = -174 dBm/Hz over B, RCS 1 m^2, Rician kappa = 10 ([zhanghybrid A1]); a baseline ")
                .append("side with no source counts as theta = 0 ([zhanghybrid A27]); ADMM rho0 = 1, tolerance 1e-6 ([zhanghybrid A26]); ")
                .append("regularization by the Li-Chi formula ([zhanghybrid A24]). ADMM statistics per power in fig6-admm.csv (main) and ")
                .append("fig6-admm-case1.csv; unconverged trials are kept and counted.");
        if (ctx.quick()) {
            c.append(" Quick run: P = ").append(Arrays.toString(x)).append(" dBm only.");
        }
        c.append(ClaimSentence.of(checks));
        c.append(' ').append(diagnosis(checks, mean));
        return c.toString();
    }

    /** What the checks mean given the model, including why a passing claim passes in the main setting. */
    static String diagnosis(List<Check> checks, double[][][] mean) {
        StringBuilder w = new StringBuilder();
        int music = ESTIMATORS.indexOf(Estimator.MUSIC);
        double[] m = mean[0][music];
        w.append(String.format("In the main setting the classical estimators' MSE stays near %.2g rad^2 at every power: their AOD input ", m[m.length - 1]))
                .append("Y_11 Z_1^+ amplifies the noise of the weakest retained directions of Z_1 (singular values spread over many decades, ")
                .append("[zhanghybrid A9], [zhanghybrid A28]) far above the signal, so their AOD is noise; the main anm-closest-to-bound ")
                .append("therefore holds for a reason the paper does not describe, and the -case1 series are the like-for-like comparison. ")
                .append("A full-rank Z_j with a condition number above 1e3 (rank 16 by the rule of [zhanghybrid A9], but 6% of the default ")
                .append("IRS draws with s_1/s_N from 3e5 to 9e8) is pre-processed like case 2; through Z_j^+ its observations would be ")
                .append("pure noise and would take over the joint ANM of every IRS ([zhanghybrid P13], [zhanghybrid A29]). The bounds ")
                .append("treat the path gains as known ([zhanghybrid A5]); the AOD of an estimator that must estimate them cannot reach ")
                .append("(16) when R_j is not white, and with this channel its unknown-gain bound is a median 4.2 times larger ")
                .append("([zhanghybrid P14]); the AOA is not affected.");
        for (Check k : checks) {
            if (k.passed()) {
                continue;
            }
            if (k.id().equals("anm-closest-to-bound")) {
                w.append(" Why anm-closest-to-bound fails: not diagnosed (the frames whose joint ANM was taken over by an ill-conditioned ")
                        .append("full-rank Z_j, [zhanghybrid P13], are handled).");
            } else if (k.id().startsWith("admm-converged")) {
                w.append(" ").append(k.id()).append(": the solves that stop at the iteration limit (20000) belong to the same frames at ")
                        .append("every power; not diagnosed further.");
            } else if (k.id().equals("anm-closest-to-bound-case1")) {
                w.append(" Why ").append(k.id()).append(" fails: ANM's MSE stays a roughly constant factor above its joint bound at ")
                        .append("high power while MUSIC and ESPRIT stay a similar or smaller factor above the single-path bound; we ")
                        .append("attribute the gap (not verified) to the shrinkage of the regularized problem ([zhanghybrid A24]) and to ")
                        .append("the energy weights ([zhanghybrid A23]), which do not weight the K observations by their noise levels.");
            } else if (k.id().startsWith("capon-fails")) {
                w.append(" ").append(k.id()).append(": Capon reaches within 10 times its bound at some power.");
            } else {
                w.append(" ").append(k.id()).append(": not diagnosed.");
            }
        }
        return w.toString();
    }
}
