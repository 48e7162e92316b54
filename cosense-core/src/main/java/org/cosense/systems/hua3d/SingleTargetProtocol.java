package org.cosense.systems.hua3d;

import org.cosense.InvalidInputException;
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
 * One IRS, one target (Hua et al. Fig. 2): stage I MUSIC on T1 DFT-probing snapshots for the BS–target
 * DoA, stage II IRS beam scan on T2 samples for the IRS–target DoA, then the construction (60)–(64).
 * Stage I and stage II see independent noise. Build once per configuration; {@link #trial} is thread-safe.
 */
public final class SingleTargetProtocol {

    /**
     * @param powerW BS transmit power per snapshot (W)
     * @param t1     stage-I snapshots
     * @param scan   stage-II scan (T2 = beamsY + beamsZ) and cross beam
     */
    public record Config(double powerW, int t1, ProbingCodebook.Design probing, BeamScanning.Config scan, LinkModel links,
            TwoRayLocalizer.XRule xRule, boolean refineScan) {
        public Config {
            InvalidInputException.positive("BS transmit power P_BS (W)", powerW);
            InvalidInputException.positive("T1", t1);
            if (probing == null || scan == null || links == null || xRule == null) {
                throw new InvalidInputException("protocol settings", "null", "probing, scan, links and x rule are required");
            }
        }

        /** The paper's defaults: DFT probing, T2/2 + T2/2 FOCUSED scan, all IRS paths, generalized x rule. */
        public static Config paper(double powerW, int t1, int t2) {
            return new Config(powerW, t1, ProbingCodebook.Design.DFT, BeamScanning.Config.ofT2(t2, CrossBeam.FOCUSED),
                    LinkModel.FULL, TwoRayLocalizer.XRule.GENERALIZED, false);
        }

        /** The same configuration with the off-grid scan refinement (CoSense extension) on or off. */
        public Config withRefinedScan(boolean on) {
            return new Config(powerW, t1, probing, scan, links, xRule, on);
        }
    }

    /** Estimates of one trial. {@code irsDoa} is the IRS->target DoA itself (effective minus arrival). */
    public record Result(SpatialFrequency bsDoa, SpatialFrequency effectiveEstimate, SpatialFrequency irsDoa,
            TwoRayLocalizer.Fix fix, double positionError) {
    }

    private final Scene scene;
    private final int irs;
    private final Config cfg;
    private final ZMatrixRMaj probing;
    private final DoaEstimator music;
    private final StageTwo stageTwo;

    public SingleTargetProtocol(Scene scene, int irsIndex, Config cfg) {
        InvalidInputException.require(scene.targets().size() == 1, "number of targets", scene.targets().size(),
                "the single-target protocol needs exactly one target");
        this.scene = scene;
        this.irs = irsIndex;
        this.cfg = cfg;
        this.probing = cfg.probing() == ProbingCodebook.Design.DFT
                ? ProbingCodebook.dft(scene.bsArray().size(), cfg.t1(), cfg.powerW()) : null;
        this.music = new Music2D(scene.bsArray());
        this.stageTwo = new StageTwo(scene, irsIndex, cfg.powerW(), cfg.links());
        SpatialFrequency eff = scene.effectiveIrsFrequency(irsIndex, 0);
        // pitfall [hua3d P7]: the scan covers [-1, 1] only
        InvalidInputException.require(Math.abs(eff.mu()) <= 1 && Math.abs(eff.nu()) <= 1, "effective IRS frequency",
                "(" + eff.mu() + ", " + eff.nu() + ")", "must lie in [-1, 1]^2 for the beam scan to see the target ([hua3d P7])");
    }

    public StageTwo stageTwo() {
        return stageTwo;
    }

    /**
     * Stage I only: MUSIC BS–target DoA estimate; (NaN, NaN) when MUSIC finds no peak in the visible
     * region (the trial then has no fix).
     */
    public SpatialFrequency stageOne(RandomStream rng) {
        ZMatrixRMaj w = probing != null ? probing
                : ProbingCodebook.of(cfg.probing(), scene.bsArray().size(), cfg.t1(), cfg.powerW(), rng.split(1));
        ZMatrixRMaj y = StageOne.simulate(scene, w, rng);
        DoaResult r = music.estimateFromSnapshots(y, 1);
        return r.resolved() ? r.frequencies().get(0) : new SpatialFrequency(Double.NaN, Double.NaN);
    }

    /** Stage II only: the scan's estimate of the effective frequency (on the grid, or refined if configured). */
    public SpatialFrequency stageTwoEffective(RandomStream rng) {
        BeamScanning.Scan scan = BeamScanning.scan(stageTwo, cfg.scan(), scene.effectiveIrsFrequency(irs, 0), rng);
        return cfg.refineScan() ? scan.refined(scene.irs(irs).array()) : scan.estimate();
    }

    public Result trial(RandomStream rng) {
        RandomStream r1 = rng.split(11);
        RandomStream r2 = rng.split(22);
        SpatialFrequency bs = stageOne(r1);
        SpatialFrequency eff = stageTwoEffective(r2);
        SpatialFrequency i2t = eff.minus(scene.bsToIrsArrival(irs));
        TwoRayLocalizer.Fix fix = TwoRayLocalizer.locate(scene.bs(), scene.irs(irs).position(), bs, i2t, cfg.xRule());
        Vec3 truth = scene.target(0);
        double err = fix.ok() && Double.isFinite(fix.position().x()) ? fix.position().distance(truth) : Double.POSITIVE_INFINITY;
        return new Result(bs, eff, i2t, fix, err);
    }
}
