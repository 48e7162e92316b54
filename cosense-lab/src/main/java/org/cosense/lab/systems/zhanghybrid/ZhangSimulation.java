package org.cosense.lab.systems.zhanghybrid;

import java.util.ArrayList;
import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.lab.MonteCarlo;
import org.cosense.lab.Progress;
import org.cosense.lab.SimulationJson;
import org.cosense.localization.CascadedHybridLocalizer.Method;
import org.cosense.math.RandomStream;
import org.cosense.systems.zhanghybrid.CascadedObservations;
import org.cosense.systems.zhanghybrid.FrameAngles;
import org.cosense.systems.zhanghybrid.FrameLocalization;
import org.cosense.systems.zhanghybrid.HybridCrbs;
import org.cosense.systems.zhanghybrid.HybridFim;
import org.cosense.systems.zhanghybrid.HybridMeasurements;
import org.cosense.systems.zhanghybrid.HybridParameters;
import org.cosense.systems.zhanghybrid.HybridScene;
import org.cosense.systems.zhanghybrid.IrsAngleEstimate;
import org.cosense.systems.zhanghybrid.JointAngleAnm;
import org.cosense.systems.zhanghybrid.ReflectedSignals;
import org.ejml.data.ZMatrixRMaj;

/**
 * The lab's view of the zhanghybrid system: the paper's deployment, the target regions of the figures and one
 * trial's five bounds. A trial is a pure function of its stream: target first, then the channels and phases.
 */
public final class ZhangSimulation {
    /** The rectangle of Figs. 3, 4, 6, 7 [zhanghybrid A8]: x ∈ [20, 40] m, y ∈ [−20, 20] m. */
    public static final double[] RECTANGLE = {20, 40, -20, 20};
    /** Inner exclusion of the Fig. 5 disk (m) [zhanghybrid A4]. */
    public static final double DISK_EXCLUSION = 1.0;
    /** Redraws allowed before a region is declared unusable. */
    static final int MAX_REDRAWS = 10_000;

    private ZhangSimulation() {
    }

    /** Target uniform in the rectangle; draws that the scene rejects (endfire of an IRS) are redrawn [zhanghybrid A13]. */
    public static HybridScene rectangleTarget(double[][] irs, RandomStream rng) {
        for (int i = 0; i < MAX_REDRAWS; i++) {
            double[] p = {RECTANGLE[0] + (RECTANGLE[1] - RECTANGLE[0]) * rng.nextDouble(),
                    RECTANGLE[2] + (RECTANGLE[3] - RECTANGLE[2]) * rng.nextDouble()};
            HybridScene s = tryScene(irs, p);
            if (s != null) {
                return s;
            }
        }
        throw new InvalidInputException("target region", "rectangle", "has no valid target position for these IRSs");
    }

    /**
     * Target uniform in area in the annulus DISK_EXCLUSION ≤ |p − q_1| ≤ r around IRS 1 (Fig. 5, [zhanghybrid A4]);
     * positions within 1° of endfire of any IRS or within 1 m of another IRS are redrawn [zhanghybrid A13].
     */
    public static HybridScene diskTarget(double[][] irs, double radius, RandomStream rng) {
        for (int i = 0; i < MAX_REDRAWS; i++) {
            double r = Math.sqrt(DISK_EXCLUSION * DISK_EXCLUSION + (radius * radius - DISK_EXCLUSION * DISK_EXCLUSION) * rng.nextDouble());
            double a = 2 * Math.PI * rng.nextDouble();
            double[] p = {irs[0][0] + r * Math.cos(a), irs[0][1] + r * Math.sin(a)};
            HybridScene s = tryScene(irs, p);
            if (s != null) {
                return s;
            }
        }
        throw new InvalidInputException("target region", "disk of radius " + radius, "has no valid target position for these IRSs");
    }

    private static HybridScene tryScene(double[][] irs, double[] p) {
        try {
            return new HybridScene(irs, p);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** The five bounds of one trial: a target in the rectangle, then the draws of {@link HybridCrbs#draw}. */
    public static HybridCrbs rectangleTrial(HybridParameters prm, RandomStream rng) {
        HybridScene s = rectangleTarget(HybridScene.paperIrs(), rng);
        return HybridCrbs.draw(s, prm, rng);
    }

    /**
     * The other reading of the single-IRS baseline: one IRS at IRS 1 with the hardware of ONE distributed IRS (N elements,
     * M sensors, D streams) and the full power P; tr CRB(p) in m². Used by fig5's extension check [zhanghybrid A7].
     */
    public static double sameSizeSingle(HybridScene scene, HybridParameters prm, RandomStream rng) {
        ZMatrixRMaj r = HybridCrbs.singleCovariance(scene, prm, rng);
        return org.cosense.bounds.Crb.of(HybridFim.single(scene, prm, r)).sumOfVariances(0, 1);
    }

    /** The five bounds of one trial with the target in the disk of radius r around IRS 1. */
    public static HybridCrbs diskTrial(HybridParameters prm, double radius, RandomStream rng) {
        HybridScene s = diskTarget(HybridScene.paperIrs(), radius, rng);
        return HybridCrbs.draw(s, prm, rng);
    }

    /** A user's deployment for {@code cosense simulate zhanghybrid}. */
    public record Config(double[][] irs, double[] target, HybridParameters parameters, int trials, int estimatorTrials, long seed) {
        public Config {
            InvalidInputException.positive("trials", trials);
            InvalidInputException.require(estimatorTrials >= 0, "estimator trials", estimatorTrials, "must be 0 or more");
        }
    }

    /**
     * One angle estimator over the simulated frames: RMSE of the AOA and AOD over the IRSs and frames (rad; NaN when none
     * was estimated), the root of the mean bound of the data it uses, the sides where it found no source, and for the
     * atomic norm its ADMM iterations (median, max) and how many solves met the stopping rule.
     */
    public record AngleRow(String estimator, String data, double aoaRmse, double aodRmse, double aoaBound, double aodBound, int failures,
            double iterationsMedian, int iterationsMax, int converged, int solves) {
    }

    /** The rank of Z_j and the case of Section IV for one IRS. */
    public record IrsCase(int irs, int rank, int rankCase, String meaning) {
    }

    /** One localizer's RMSE over the trials against the proposed bound. */
    public record LocalizerRow(String method, double rmse, double mse, double crb, double ratio) {
    }

    /**
     * The result: the rank case per IRS and the five bounds of the channel and phase draw of {@code seed}; per localizer
     * the RMSE over {@code trials} draws of the measurements at the bound of that draw.
     */
    public record Result(Config config, List<IrsCase> cases, double crbProposed, double crbAngle, double crbDelay,
            double crbNoCollaboration, double crbSingle, List<LocalizerRow> localizers, String measurements, List<AngleRow> angles,
            List<LocalizerRow> estimatedLocalizers, String estimatorInputs) {
    }

    /** Where the estimator rows' inputs come from. */
    public static final String ESTIMATOR_INPUTS = "simulated frames (the seed's channels and phases, new streams, gains and noise per "
            + "frame); angles with known delays; localizers from matched-filter delays and joint-ANM angles";

    /** Where the localizers' inputs come from (the estimators are not run here). */
    public static final String MEASUREMENTS = "delays and angles drawn from the bound (tau_jk ~ N(tau_jk, 1/J_tau,jk), "
            + "theta_k ~ N(theta_k, 1/(J_A,k + J_D,k))); the estimators are not run";

    /**
     * Draws the channels and IRS phases from {@code seed} (stream split 1; the single IRS's from split 2, as in
     * {@link HybridCrbs#draw}), then runs the trials in parallel (trial t: stream (seed, 0, t)).
     */
    public static Result run(Config c, int threads, Progress progress) {
        HybridScene scene = new HybridScene(c.irs(), c.target());
        HybridParameters prm = c.parameters();
        RandomStream rng = new RandomStream(c.seed());
        ReflectedSignals signals = ReflectedSignals.draw(scene, prm, rng.split(1));
        ZMatrixRMaj single = HybridCrbs.singleCovariance(scene, HybridCrbs.singleIrs(prm, scene.irsCount()), rng.split(2));
        HybridFim fim = HybridFim.of(scene, prm, signals);
        HybridCrbs crbs = HybridCrbs.of(scene, prm, fim, single);
        List<IrsCase> cases = new ArrayList<>();
        for (int j = 0; j < scene.irsCount(); j++) {
            cases.add(new IrsCase(j + 1, signals.rank(j), signals.rankCase(j).number(), signals.rankCase(j).description()));
        }
        Method[] methods = Method.values();
        double[][][] r = new MonteCarlo(threads, progress).run("zhanghybrid", c.seed(), 1, c.trials(), (p, t, s) -> {
            HybridMeasurements m = HybridMeasurements.draw(scene, fim, s);
            double[] out = new double[methods.length];
            for (int i = 0; i < methods.length; i++) {
                double[] e = m.locate(methods[i], scene);
                out[i] = Math.pow(e[0] - c.target()[0], 2) + Math.pow(e[1] - c.target()[1], 2);
            }
            return out;
        });
        List<LocalizerRow> rows = new ArrayList<>();
        for (int i = 0; i < methods.length; i++) {
            double mse = 0;
            for (double[] v : r[0]) {
                mse += v[i] / c.trials();
            }
            rows.add(new LocalizerRow(methods[i].series(), Math.sqrt(mse), mse, crbs.proposed(), mse / crbs.proposed()));
        }
        List<AngleRow> angles = new ArrayList<>();
        List<LocalizerRow> located = new ArrayList<>();
        if (c.estimatorTrials() > 0) {
            estimatorRows(scene, prm, signals, c, threads, progress, angles, located);
        }
        return new Result(c, cases, crbs.proposed(), crbs.angle(), crbs.delay(), crbs.noCollaboration(), crbs.single(), rows, MEASUREMENTS,
                angles, located, c.estimatorTrials() > 0 ? ESTIMATOR_INPUTS : "not run (estimator trials 0)");
    }

    public static String toJson(Result r) {
        return SimulationJson.write(r);
    }

    /** Per IRS and estimator: AOA and AOD squared errors; then per IRS the four bounds; ADMM per IRS; localizers. */
    private static void estimatorRows(HybridScene scene, HybridParameters prm, ReflectedSignals signals, Config c, int threads,
            Progress progress, List<AngleRow> angles, List<LocalizerRow> located) {
        int k = scene.irsCount();
        FrameAngles.Estimator[] est = FrameAngles.Estimator.values();
        Method[] methods = Method.values();
        int boundsAt = 2 * k * est.length;
        int admmAt = boundsAt + 4 * k;
        int locAt = admmAt + 4 * k;
        int width = locAt + methods.length + 1;
        double[][][] r = new MonteCarlo(threads, progress).run("zhanghybrid-estimators", c.seed() + 1, 1, c.estimatorTrials(), (p, t, s) -> {
            CascadedObservations o = CascadedObservations.draw(scene, prm, signals, s.split(0));
            double[] out = new double[width];
            List<IrsAngleEstimate> anm = FrameAngles.anm(o, FrameAngles.trueDelays(o), JointAngleAnm.of(prm.sensors(), prm.elements()));
            HybridFim fim = o.fim();
            for (int j = 0; j < k; j++) {
                double th = scene.angle(j);
                IrsAngleEstimate a = anm.get(j);
                out[2 * j] = sq(a.aoa() - th);
                out[2 * j + 1] = a.aod().isPresent() ? sq(a.aod().getAsDouble() - th) : Double.NaN;
                for (int e = 1; e < est.length; e++) {
                    FrameAngles.Angles b = FrameAngles.classical(est[e], o, j, o.delay(j, j));
                    out[2 * (e * k + j)] = sq(b.aoa() - th);
                    out[2 * (e * k + j) + 1] = a.aod().isPresent() ? sq(b.aod() - th) : Double.NaN;
                }
                out[boundsAt + 4 * j] = 1 / fim.arrival(j);
                out[boundsAt + 4 * j + 1] = 1 / fim.departure(j);
                out[boundsAt + 4 * j + 2] = 1 / fim.arrivalTerm(j, j);
                out[boundsAt + 4 * j + 3] = 1 / fim.departureTerm(j, j);
                out[admmAt + 4 * j] = a.aoaSolution().iterations();
                out[admmAt + 4 * j + 1] = a.aoaSolution().converged() ? 1 : 0;
                out[admmAt + 4 * j + 2] = a.aodSolution().isPresent() ? a.aodSolution().get().iterations() : Double.NaN;
                out[admmAt + 4 * j + 3] = a.aodSolution().isPresent() ? (a.aodSolution().get().converged() ? 1 : 0) : Double.NaN;
            }
            FrameLocalization f = FrameLocalization.of(o);
            double[] e2 = f.squaredErrors(scene);
            System.arraycopy(e2, 0, out, locAt, e2.length);
            out[locAt + methods.length] = f.crb();
            return out;
        });
        double[][] trials = r[0];
        int n = trials.length;
        for (int e = 0; e < est.length; e++) {
            double[] err = new double[2];
            int[] cnt = new int[2];
            double[] bound = new double[2];
            int failures = 0;
            for (double[] t : trials) {
                for (int j = 0; j < k; j++) {
                    for (int side = 0; side < 2; side++) {
                        double v = t[2 * (e * k + j) + side];
                        double b = t[boundsAt + 4 * j + (e == 0 ? 0 : 2) + side];
                        if (side == 1 && Double.isNaN(t[2 * j + 1])) {
                            continue; // no AOD for this IRS (rank one)
                        }
                        if (Double.isNaN(v)) {
                            failures++;
                            continue;
                        }
                        err[side] += v;
                        bound[side] += b;
                        cnt[side]++;
                    }
                }
            }
            List<Double> its = new ArrayList<>();
            int conv = 0;
            if (e == 0) {
                for (double[] t : trials) {
                    for (int j = 0; j < k; j++) {
                        for (int side = 0; side < 2; side++) {
                            double it = t[admmAt + 4 * j + 2 * side];
                            if (!Double.isNaN(it)) {
                                its.add(it);
                                conv += t[admmAt + 4 * j + 2 * side + 1] > 0.5 ? 1 : 0;
                            }
                        }
                    }
                }
            }
            its.sort(null);
            double med = its.isEmpty() ? Double.NaN : its.size() % 2 == 1 ? its.get(its.size() / 2)
                    : 0.5 * (its.get(its.size() / 2 - 1) + its.get(its.size() / 2));
            int max = its.isEmpty() ? 0 : (int) Math.round(its.get(its.size() - 1));
            angles.add(new AngleRow(est[e].series(), e == 0 ? "all K paths of each angle" : "path (k, k) alone",
                    cnt[0] > 0 ? Math.sqrt(err[0] / cnt[0]) : Double.NaN, cnt[1] > 0 ? Math.sqrt(err[1] / cnt[1]) : Double.NaN,
                    cnt[0] > 0 ? Math.sqrt(bound[0] / cnt[0]) : Double.NaN, cnt[1] > 0 ? Math.sqrt(bound[1] / cnt[1]) : Double.NaN, failures,
                    med, max, conv, its.size()));
        }
        double crb = 0;
        for (double[] t : trials) {
            crb += t[locAt + methods.length] / n;
        }
        for (int i = 0; i < methods.length; i++) {
            double mse = 0;
            for (double[] t : trials) {
                mse += t[locAt + i] / n;
            }
            located.add(new LocalizerRow(methods[i].series(), Math.sqrt(mse), mse, crb, mse / crb));
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
