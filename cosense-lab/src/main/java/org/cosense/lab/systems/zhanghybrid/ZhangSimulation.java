package org.cosense.lab.systems.zhanghybrid;

import java.util.ArrayList;
import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.lab.MonteCarlo;
import org.cosense.lab.Progress;
import org.cosense.lab.SimulationJson;
import org.cosense.localization.CascadedHybridLocalizer.Method;
import org.cosense.math.RandomStream;
import org.cosense.systems.zhanghybrid.HybridCrbs;
import org.cosense.systems.zhanghybrid.HybridFim;
import org.cosense.systems.zhanghybrid.HybridMeasurements;
import org.cosense.systems.zhanghybrid.HybridParameters;
import org.cosense.systems.zhanghybrid.HybridScene;
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
    public record Config(double[][] irs, double[] target, HybridParameters parameters, int trials, long seed) {
        public Config {
            InvalidInputException.positive("trials", trials);
        }
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
            double crbNoCollaboration, double crbSingle, List<LocalizerRow> localizers, String measurements) {
    }

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
        return new Result(c, cases, crbs.proposed(), crbs.angle(), crbs.delay(), crbs.noCollaboration(), crbs.single(), rows, MEASUREMENTS);
    }

    public static String toJson(Result r) {
        return SimulationJson.write(r);
    }
}
