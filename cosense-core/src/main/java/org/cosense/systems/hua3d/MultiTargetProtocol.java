package org.cosense.systems.hua3d;

import java.util.ArrayList;
import java.util.List;
import org.cosense.InvalidInputException;
import org.cosense.localization.Assignment;
import org.cosense.localization.RaySearchLocalizer;
import org.cosense.estimation.doa.DoaEstimator;
import org.cosense.estimation.doa.DoaResult;
import org.cosense.estimation.doa.Music2D;
import org.cosense.geom.SpatialFrequency;
import org.cosense.geom.Vec3;
import org.cosense.localization.TwoRayLocalizer;
import org.cosense.math.RandomStream;
import org.cosense.signal.ProbingCodebook;
import org.ejml.data.ZMatrixRMaj;

/**
 * The IRS-adaptive multi-target protocol of Hua et al. Section VI (Fig. 5): stage 0 all IRSs off
 * (MUSIC, K peaks), stage m only IRS m on (separable scan, K peaks per dimension, K^2 pairing
 * probes), then association and averaging over IRS pairs ((65)–(66)) by the algorithm of [hua3d S3.9]
 * (ASSUMED, [hua3d E15]):
 * <ol>
 *   <li>for each IRS m and each permutation s, build K positions from BS DoA k and IRS-m DoA s(k)
 *       with (60)–(64) (generalized x rule);</li>
 *   <li>for each IRS pair choose (s1, s2) minimizing sum_k |q^{m1}_k - q^{m2}_k|^2 plus the (65)-type
 *       consistency residual of each construction, |x_BS + s_B r_B - x_I - s_I r_I|^2 (the BS-side and
 *       IRS-side x disagree when the association is wrong; written in metres so both terms share a unit);</li>
 *   <li>the pair's estimate of target k is the mean of its two constructions; the final estimate is
 *       the average over all IRS pairs (66). Targets are labelled by the BS DoA index.</li>
 * </ol>
 */
public final class MultiTargetProtocol {

    /** How BS and IRS DoAs become positions. */
    public enum Fusion {
        /** [hua3d S3.9]: per-pair constructions (60)-(64), association by consistency, averaging (66). */
        PAPER,
        /** CoSense extension: range search along each BS ray against all IRSs' DoAs jointly. */
        RAY_SEARCH
    }

    public record Config(double powerW, int t1, ProbingCodebook.Design probing, BeamScanning.Config scan, LinkModel links,
            Fusion fusion) {
        public Config {
            InvalidInputException.positive("BS transmit power P_BS (W)", powerW);
            InvalidInputException.positive("T1", t1);
            if (probing == null || scan == null || links == null || fusion == null) {
                throw new InvalidInputException("protocol settings", "null", "probing, scan, links and fusion are required");
            }
        }

        public static Config paper(double powerW, int t1, int t2) {
            return new Config(powerW, t1, ProbingCodebook.Design.DFT, BeamScanning.Config.ofT2(t2, CrossBeam.UNSTEERED),
                    LinkModel.FULL, Fusion.PAPER);
        }

        public Config withFusion(Fusion f) {
            return new Config(powerW, t1, probing, scan, links, f);
        }
    }

    /**
     * Estimates of one trial: positions labelled by BS DoA, and the error after matching to the truth.
     * {@code bsDoas} and each {@code irsDoas.get(m)} hold K entries for the association; when a stage
     * found fewer than K targets ({@code bsFound}, {@code irsFound.get(m)} below K) its list is the found
     * ones, strongest first, followed by repeats of the strongest, which are not detections.
     */
    public record Result(List<SpatialFrequency> bsDoas, List<List<SpatialFrequency>> irsDoas, List<Vec3> positions,
            double rmse, int bsFound, List<Integer> irsFound) {

        /** True when BS DoA i is a detection, not a repeat. */
        public boolean bsDetected(int i) {
            return i < bsFound;
        }

        /** True when IRS m's DoA i is a detection, not a repeat. */
        public boolean irsDetected(int m, int i) {
            return i < irsFound.get(m);
        }
    }

    private final Scene scene;
    private final Config cfg;
    private final ZMatrixRMaj probing;
    private final DoaEstimator music;
    private final List<StageTwo> stages = new ArrayList<>();

    public MultiTargetProtocol(Scene scene, Config cfg) {
        InvalidInputException.require(scene.irss().size() >= 2, "number of IRSs", scene.irss().size(),
                "multi-target localization averages over IRS pairs and needs at least 2 IRSs");
        InvalidInputException.require(cfg.t1() >= scene.targets().size(), "T1", cfg.t1(),
                "must be at least the number of targets K = " + scene.targets().size() + " (K echo rows must be independent)");
        for (int m = 0; m < scene.irss().size(); m++) {
            for (int t = 0; t < scene.targets().size(); t++) {
                SpatialFrequency eff = scene.effectiveIrsFrequency(m, t);
                // pitfall [hua3d P7]: the scan covers [-1, 1]^2 only (as in SingleTargetProtocol)
                if (Math.abs(eff.mu()) > 1 || Math.abs(eff.nu()) > 1) {
                    throw new InvalidInputException("target position", t + 1, scene.targets().get(t).position(),
                            "its effective frequency at IRS " + (m + 1) + ", (" + eff.mu() + ", " + eff.nu()
                                    + "), must lie in [-1, 1]^2 for the beam scan to see the target ([hua3d P7])")
                            .involving("IRS position", "BS position");
                }
            }
        }
        this.scene = scene;
        this.cfg = cfg;
        this.probing = cfg.probing() == ProbingCodebook.Design.DFT
                ? ProbingCodebook.dft(scene.bsArray().size(), cfg.t1(), cfg.powerW()) : null;
        this.music = new Music2D(scene.bsArray());
        for (int m = 0; m < scene.irss().size(); m++) {
            stages.add(new StageTwo(scene, m, cfg.powerW(), cfg.links()));
        }
    }

    public Result trial(RandomStream rng) {
        return trial(rng, (m, r) -> BeamScanning.scanMulti(stages.get(m), cfg.scan(), scene.targets().size(), r));
    }

    /** One trial with stage m's scan given as (IRS index, its stream) → the detected effective frequencies. */
    private Result trial(RandomStream rng, java.util.function.BiFunction<Integer, RandomStream, DoaResult> stageScan) {
        int k = scene.targets().size();
        RandomStream r0 = rng.split(100);
        ZMatrixRMaj w = probing != null ? probing
                : ProbingCodebook.of(cfg.probing(), scene.bsArray().size(), cfg.t1(), cfg.powerW(), r0.split(1));
        DoaResult bs = music.estimateFromSnapshots(StageOne.simulate(scene, w, r0), k);
        List<SpatialFrequency> bsDoas = padded(bs, k);
        List<List<SpatialFrequency>> irsDoas = new ArrayList<>();
        List<Integer> irsFound = new ArrayList<>();
        for (int m = 0; m < stages.size(); m++) {
            DoaResult scan = stageScan.apply(m, rng.split(200 + m));
            List<SpatialFrequency> i2t = new ArrayList<>();
            for (SpatialFrequency f : padded(scan, k)) {
                i2t.add(f.minus(scene.bsToIrsArrival(m)));
            }
            irsDoas.add(i2t);
            irsFound.add(scan.found());
        }
        List<Vec3> est = cfg.fusion() == Fusion.PAPER ? associate(scene, bsDoas, irsDoas) : raySearch(scene, bsDoas, irsDoas);
        return new Result(bsDoas, irsDoas, est, rmse(scene, est), bs.found(), List.copyOf(irsFound));
    }

    /**
     * The found DoAs followed by repeats of the strongest up to K (ASSUMED: the association of (65)
     * needs K per stage; a repeat places the missing target on the strongest one's ray). Nothing found:
     * the array's broadside (0, 0).
     */
    private static List<SpatialFrequency> padded(DoaResult r, int k) {
        List<SpatialFrequency> out = new ArrayList<>(r.frequencies());
        if (out.isEmpty()) {
            out.add(new SpatialFrequency(0, 0));
        }
        while (out.size() < k) {
            out.add(out.get(0));
        }
        return out;
    }

    /** Steps 1–3 of the association (class comment); public so exact-DoA tests can call it. */
    public static List<Vec3> associate(Scene scene, List<SpatialFrequency> bsDoas, List<List<SpatialFrequency>> irsDoas) {
        int k = bsDoas.size();
        int mCount = irsDoas.size();
        List<int[]> perms = new ArrayList<>();
        int[] p = new int[k];
        for (int i = 0; i < k; i++) {
            p[i] = i;
        }
        do {
            perms.add(p.clone());
        } while (Assignment.next(p));
        // fixes[m][perm][k]
        TwoRayLocalizer.Fix[][][] fixes = new TwoRayLocalizer.Fix[mCount][perms.size()][k];
        for (int m = 0; m < mCount; m++) {
            for (int s = 0; s < perms.size(); s++) {
                for (int t = 0; t < k; t++) {
                    fixes[m][s][t] = TwoRayLocalizer.locate(scene.bs(), scene.irs(m).position(), bsDoas.get(t),
                            irsDoas.get(m).get(perms.get(s)[t]), TwoRayLocalizer.XRule.GENERALIZED);
                }
            }
        }
        double[][] sum = new double[k][3];
        int[] count = new int[k];
        for (int m1 = 0; m1 < mCount; m1++) {
            for (int m2 = m1 + 1; m2 < mCount; m2++) {
                double best = Double.POSITIVE_INFINITY;
                int b1 = -1;
                int b2 = -1;
                for (int s1 = 0; s1 < perms.size(); s1++) {
                    for (int s2 = 0; s2 < perms.size(); s2++) {
                        double c = 0;
                        for (int t = 0; t < k && c < best; t++) {
                            c += pairCost(scene, m1, fixes[m1][s1][t], m2, fixes[m2][s2][t]);
                        }
                        if (c < best) {
                            best = c;
                            b1 = s1;
                            b2 = s2;
                        }
                    }
                }
                if (b1 < 0) {
                    continue;
                }
                for (int t = 0; t < k; t++) {
                    TwoRayLocalizer.Fix f1 = fixes[m1][b1][t];
                    TwoRayLocalizer.Fix f2 = fixes[m2][b2][t];
                    Vec3 q = f1.ok() && f2.ok() ? f1.position().plus(f2.position()).times(0.5)
                            : f1.ok() ? f1.position() : f2.ok() ? f2.position() : null;
                    if (q != null) {
                        sum[t][0] += q.x();
                        sum[t][1] += q.y();
                        sum[t][2] += q.z();
                        count[t]++;
                    }
                }
            }
        }
        List<Vec3> out = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            out.add(count[t] == 0 ? null : new Vec3(sum[t][0] / count[t], sum[t][1] / count[t], sum[t][2] / count[t]));
        }
        return out;
    }

    /** The RAY_SEARCH fusion: each BS ray against every IRS's candidate DoAs (targets labelled by BS DoA). */
    public static List<Vec3> raySearch(Scene scene, List<SpatialFrequency> bsDoas, List<List<SpatialFrequency>> irsDoas) {
        List<RaySearchLocalizer.Observer> obs = new ArrayList<>();
        double maxRange = 0;
        for (int m = 0; m < irsDoas.size(); m++) {
            obs.add(new RaySearchLocalizer.Observer(scene.irs(m).position(), irsDoas.get(m)));
            maxRange = Math.max(maxRange, scene.irs(m).position().distance(scene.bs()));
        }
        List<Vec3> out = new ArrayList<>();
        for (SpatialFrequency b : bsDoas) {
            out.add(RaySearchLocalizer.locate(scene.bs(), b, obs, 3 * maxRange));
        }
        return out;
    }

    /** Degenerate constructions get a large finite penalty so a usable association is still chosen. */
    private static final double DEGENERATE_COST = 1e12;

    private static double pairCost(Scene scene, int m1, TwoRayLocalizer.Fix f1, int m2, TwoRayLocalizer.Fix f2) {
        if (!f1.ok() || !f2.ok()) {
            return DEGENERATE_COST;
        }
        Vec3 d = f1.position().minus(f2.position());
        return d.x() * d.x() + d.y() * d.y() + d.z() * d.z()
                + sq(residual(scene, m1, f1)) + sq(residual(scene, m2, f2));
    }

    /** (65) in metres: BS-side x minus IRS-side x of a construction. */
    private static double residual(Scene scene, int m, TwoRayLocalizer.Fix f) {
        Vec3 q = f.position();
        Vec3 irs = scene.irs(m).position();
        double dI = f.rangeIrs();
        double mu = (q.y() - irs.y()) / dI;
        double nu = (q.z() - irs.z()) / dI;
        double rI = Math.abs(dI) * Math.sqrt(Math.max(0, 1 - mu * mu - nu * nu));
        return q.x() - (irs.x() + f.signIrs() * rI);
    }

    private static double sq(double v) {
        return v * v;
    }

    /**
     * RMSE_q of one trial, sqrt((1/K) sum_k |q_k - q^_k|^2), with estimates matched to true targets
     * by the min-cost assignment (ASSUMED; invariant to target order). A missing estimate counts as
     * infinite error.
     */
    public static double rmse(Scene scene, List<Vec3> est) {
        int k = scene.targets().size();
        double[][] cost = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                Vec3 e = est.get(a);
                cost[a][b] = e == null ? Double.POSITIVE_INFINITY : sq(e.distance(scene.target(b)));
            }
        }
        int[] perm = Assignment.best(cost, false);
        double s = 0;
        for (int a = 0; a < k; a++) {
            s += cost[a][perm[a]];
        }
        return Math.sqrt(s / k);
    }

    /**
     * One trial with the joint 2D scan in place of the separable one (Section VI step 2, second method): each
     * IRS steers |grid|^2 beams (T2 = T2^y T2^z samples, as the paper notes) and keeps the K highest maxima;
     * stage 0 and the fusion are those of {@link #trial}.
     */
    public Result trialJointScan(RandomStream rng, double[] grid) {
        return trial(rng, (m, r) -> BeamScanning.scanMultiJoint(stages.get(m), grid, grid, scene.targets().size(), r));
    }
}
