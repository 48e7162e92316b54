package org.cosense.lab.systems.hua3d;

import java.util.ArrayList;
import java.util.List;
import org.cosense.InvalidInputException;
import org.cosense.array.Upa;
import org.cosense.bounds.Crb;
import org.cosense.bounds.CrbResult;
import org.cosense.estimation.doa.Beamscan;
import org.cosense.geom.SpatialFrequency;
import org.cosense.geom.Vec3;
import org.cosense.lab.MonteCarlo;
import org.cosense.lab.Progress;
import org.cosense.lab.SceneBounds;
import org.cosense.lab.Stats;
import org.cosense.math.Complex;
import org.cosense.math.Db;
import org.cosense.math.RandomStream;
import org.cosense.signal.ProbingCodebook;
import org.cosense.systems.hua3d.BeamScanning;
import org.cosense.systems.hua3d.CrossBeam;
import org.cosense.systems.hua3d.Irs;
import org.cosense.systems.hua3d.MultiTargetProtocol;
import org.cosense.systems.hua3d.Scene;
import org.cosense.systems.hua3d.SingleTargetProtocol;
import org.cosense.systems.hua3d.StageOneBounds;
import org.cosense.systems.hua3d.Target;
import org.ejml.data.ZMatrixRMaj;

/**
 * One user-defined deployment of Hua et al., simulated by Monte Carlo: what a researcher runs
 * before sweeping. One IRS and one target run {@link SingleTargetProtocol} (stage I MUSIC with
 * Lemma 1 and receive-only bounds, stage II scan with its grid, position error); several IRSs or
 * targets run {@link MultiTargetProtocol} (per-trial RMSE over the targets).
 *
 * <p>Results depend only on the configuration (seed included), never on the thread count.
 */
public final class Hua3dSimulation {
    private Hua3dSimulation() {
    }

    /** Carrier of the paper ([hua3d E3]): 750 MHz, lambda = 0.4 m. */
    public static final double CARRIER_HZ = 750e6;

    /** The stage-II scan of a multi-target run (Section VI step 2). */
    public enum Scan {
        /** The paper's first method: T2/2 + T2/2 separable beams, K^2 pairing probes (the default). */
        SEPARABLE,
        /** The paper's second method: a joint (T2/2) x (T2/2) scan over the printed (41) grid -1 + 2k/(T2/2), k = 1..T2/2. */
        JOINT
    }

    /**
     * A deployment and its run settings; powers in dBm and RCS in dBsm as a user types them.
     *
     * @param crossBeam the stage-II cross beam; null means the protocol's own (FOCUSED for one target,
     *                  UNSTEERED for several, the only one the multi-target scan implements)
     * @param probing   the stage-I probing: DFT (the paper's codebook, default) or RANDOM (i.i.d. CN(0, P/N) per
     *                  trial, whose expected covariance is Theorem 1's white optimum)
     * @param scan      the multi-target stage-II scan: SEPARABLE (default) or JOINT; one IRS and one target always
     *                  use the separable single-target scan, so JOINT requires several IRSs or targets
     */
    public record Config(Vec3 bs, List<Vec3> irss, List<Vec3> targets, int nbarBs, int nbarIrs, double powerDbm,
            double noiseDbm, double rcsDbsm, int t1, int t2, CrossBeam crossBeam, boolean twoSidedIrs, int trials, long seed,
            boolean refineScan, ProbingCodebook.Design probing, Scan scan) {
        public Config {
            InvalidInputException.require(bs != null, "BS position", null, "is required");
            irss = List.copyOf(irss);
            targets = List.copyOf(targets);
            InvalidInputException.require(!irss.isEmpty(), "number of IRSs", 0, "at least one IRS is required");
            InvalidInputException.require(!targets.isEmpty(), "number of targets", 0, "at least one target is required");
            SceneBounds.require("BS position", 0, bs);
            for (int m = 0; m < irss.size(); m++) {
                SceneBounds.require("IRS position", m + 1, irss.get(m));
            }
            for (int k = 0; k < targets.size(); k++) {
                SceneBounds.require("target position", k + 1, targets.get(k));
            }
            // a single element has no direction information (singular FIM, flat scan pattern)
            InvalidInputException.require(nbarBs >= 2, "Nbar_BS", nbarBs, "must be an integer of at least 2 (BS UPA side)");
            InvalidInputException.require(nbarIrs >= 2, "Nbar_r", nbarIrs, "must be an integer of at least 2 (IRS UPA side)");
            InvalidInputException.finite("P_BS (dBm)", powerDbm);
            InvalidInputException.finite("noise power (dBm)", noiseDbm);
            InvalidInputException.finite("target RCS (dBsm)", rcsDbsm);
            InvalidInputException.positive("T1", t1);
            InvalidInputException.positive("T2", t2);
            InvalidInputException.positive("trials", trials);
            boolean multi = irss.size() > 1 || targets.size() > 1;
            InvalidInputException.require(!multi || crossBeam == null || crossBeam == CrossBeam.UNSTEERED, "cross beam",
                    crossBeam == null ? null : crossBeam.name().toLowerCase(java.util.Locale.ROOT),
                    "must be unsteered with several IRSs or targets (the only cross beam the multi-target scan implements)");
            InvalidInputException.require(probing != null, "probing", null, "must be dft or random");
            InvalidInputException.require(scan != null, "scan", null, "must be separable or joint");
            InvalidInputException.require(scan == Scan.SEPARABLE || multi, "scan", "joint",
                    "needs several IRSs or targets (one IRS and one target use the separable single-target scan)");
            InvalidInputException.require(scan == Scan.SEPARABLE || t2 >= 4, "T2", t2,
                    "must be at least 4 for the joint scan (T2/2 >= 2 beams per dimension)");
        }

        /** The paper's probing (DFT) and scan (separable). */
        public Config(Vec3 bs, List<Vec3> irss, List<Vec3> targets, int nbarBs, int nbarIrs, double powerDbm, double noiseDbm,
                double rcsDbsm, int t1, int t2, CrossBeam crossBeam, boolean twoSidedIrs, int trials, long seed, boolean refineScan) {
            this(bs, irss, targets, nbarBs, nbarIrs, powerDbm, noiseDbm, rcsDbsm, t1, t2, crossBeam, twoSidedIrs, trials, seed,
                    refineScan, ProbingCodebook.Design.DFT, Scan.SEPARABLE);
        }

        /** The paper's single-target scene (Section VII) with T1 = T2 = 60, FOCUSED scan, 200 trials, seed 1. */
        public static Config paper() {
            return new Config(Vec3.of(0, 0, 5), List.of(Vec3.of(-20, 0, 3)), List.of(Vec3.of(-20, 2, 0)), 20, 30, 30, -80, 7,
                    60, 60, null, false, 200, 1, false);
        }

        public Config withTrials(int n) {
            return new Config(bs, irss, targets, nbarBs, nbarIrs, powerDbm, noiseDbm, rcsDbsm, t1, t2, crossBeam, twoSidedIrs, n,
                    seed, refineScan, probing, scan);
        }

        /** The same deployment with another stage-I probing design. */
        public Config withProbing(ProbingCodebook.Design design) {
            return new Config(bs, irss, targets, nbarBs, nbarIrs, powerDbm, noiseDbm, rcsDbsm, t1, t2, crossBeam, twoSidedIrs,
                    trials, seed, refineScan, design, scan);
        }

        /** The same deployment with another multi-target scan. */
        public Config withScan(Scan s) {
            return new Config(bs, irss, targets, nbarBs, nbarIrs, powerDbm, noiseDbm, rcsDbsm, t1, t2, crossBeam, twoSidedIrs,
                    trials, seed, refineScan, probing, s);
        }

        public boolean multiTarget() {
            return irss.size() > 1 || targets.size() > 1;
        }

        /** The cross beam actually used. */
        public CrossBeam effectiveCrossBeam() {
            return crossBeam != null ? crossBeam : multiTarget() ? CrossBeam.UNSTEERED : CrossBeam.FOCUSED;
        }

        /** The scene; its constructor validates the geometry (see {@link Scene}). */
        public Scene scene() {
            Upa r = Upa.square(nbarIrs);
            List<Irs> irsList = irss.stream().map(q -> new Irs(q, r)).toList();
            List<Target> ts = targets.stream().map(q -> Target.ofDbsm(q, rcsDbsm)).toList();
            return new Scene(Scene.wavelength(CARRIER_HZ), bs, Upa.square(nbarBs), irsList, ts, Db.dbmToWatts(noiseDbm),
                    twoSidedIrs);
        }
    }

    /** Spatial frequencies of a physical direction and its angles (azimuth from the array normal, elevation). */
    public record Doa(double mu, double nu, double azimuthDeg, double elevationDeg) {
        static Doa of(SpatialFrequency f) {
            return new Doa(f.mu(), f.nu(), f.azimuthDeg(), f.elevationDeg());
        }
    }

    /** A pair of spatial frequencies with no physical angle in general (effective IRS frequencies live in [-2, 2]). */
    public record Frequency(double mu, double nu) {
        static Frequency of(SpatialFrequency f) {
            return new Frequency(f.mu(), f.nu());
        }
    }

    /** True link frequencies of one IRS–target pair, from the geometry. */
    public record Truth(Doa bsToTarget, Doa irsToTarget, Frequency bsToIrsArrival, Frequency effectiveIrs) {
    }

    /**
     * Stage I: MUSIC RMSE against sqrt CRB of Lemma 1 with the simulated probing, and the receive-only bound
     * (MUSIC's asymptote); with random probing each bound is the square root of the CRB averaged over the trials'
     * own draws. {@code crbNote} is empty, or why a bound is infinite.
     */
    public record StageOne(double rmseMu, double rmseNu, double sqrtCrbMu, double sqrtCrbNu, double sqrtCrbReceiveOnlyMu,
            double sqrtCrbReceiveOnlyNu, String crbNote) {
    }

    /**
     * Stage II: scan RMSE of the effective frequencies, the grid step 2 / (T2/2 - 1) and the grid
     * floor (distance of the truth to the nearest grid value: the error of a noiseless scan).
     */
    public record StageTwo(double rmseMu, double rmseNu, double gridStepMu, double gridStepNu, double gridFloorMu,
            double gridFloorNu) {
    }

    /**
     * Errors in metres over the trials: RMSE with its 95% interval, median, 90th percentile, and the
     * number of trials without a finite error (degenerate construction), which make the RMSE infinite.
     */
    public record Errors(double rmse, double rmseLo, double rmseHi, double median, double p90, int failedTrials, int trials) {
        static Errors of(double[] e) {
            Stats.Estimate r = Stats.rmse(e);
            int failed = 0;
            for (double v : e) {
                if (!Double.isFinite(v)) {
                    failed++;
                }
            }
            return new Errors(r.value(), r.lo(), r.hi(), Stats.median(e), Stats.p90(e), failed, e.length);
        }
    }

    /** A target of a multi-target run and its true BS DoA. */
    public record TargetTruth(Vec3 position, Doa bsToTarget) {
    }

    /** What a run returns; {@code threads} and {@code runtimeSeconds} describe the run, not its results. */
    public sealed interface Result permits SingleTarget, MultiTarget {
        String protocol();

        Config config();

        int threads();

        double runtimeSeconds();
    }

    public record SingleTarget(String protocol, Config config, CrossBeam crossBeam, Truth truth, StageOne stageOne,
            StageTwo stageTwo, Errors position, int threads, double runtimeSeconds) implements Result {
    }

    /** {@code rmsePerTrial}: statistics of the per-trial RMSE over the K targets (matched to the truth). */
    public record MultiTarget(String protocol, Config config, CrossBeam crossBeam, List<TargetTruth> targets,
            Errors rmsePerTrial, int threads, double runtimeSeconds) implements Result {
    }

    /** Runs the deployment; bad input throws {@link InvalidInputException} before any trial runs. */
    public static Result run(Config cfg, int threads, Progress progress) {
        InvalidInputException.positive("threads", threads);
        long start = System.nanoTime();
        Scene scene = cfg.scene();
        double powerW = Db.dbmToWatts(cfg.powerDbm());
        BeamScanning.Config scan = BeamScanning.Config.ofT2(cfg.t2(), cfg.effectiveCrossBeam());
        MonteCarlo mc = new MonteCarlo(threads, progress);
        if (cfg.multiTarget()) {
            // the paper's protocol: DFT probing, unsteered separable scan (the only one scanMulti implements)
            MultiTargetProtocol.Config paper = MultiTargetProtocol.Config.paper(powerW, cfg.t1(), cfg.t2());
            MultiTargetProtocol protocol = new MultiTargetProtocol(scene, new MultiTargetProtocol.Config(powerW, cfg.t1(),
                    cfg.probing(), paper.scan(), paper.links(), paper.fusion()));
            double[] jointGrid = cfg.scan() == Scan.JOINT ? BeamScanning.printedGrid(cfg.t2() / 2) : null;
            double[][][] r = mc.run("simulate hua3d", cfg.seed(), 1, cfg.trials(), (p, t, rng) -> new double[] {
                (jointGrid != null ? protocol.trialJointScan(rng, jointGrid) : protocol.trial(rng)).rmse()});
            List<TargetTruth> truths = new ArrayList<>();
            for (int k = 0; k < scene.targets().size(); k++) {
                truths.add(new TargetTruth(scene.target(k), Doa.of(scene.bsToTarget(k))));
            }
            return new MultiTarget("multi-target", cfg, cfg.effectiveCrossBeam(), truths, Errors.of(Stats.metric(r[0], 0)),
                    threads, seconds(start));
        }
        SingleTargetProtocol.Config base = SingleTargetProtocol.Config.paper(powerW, cfg.t1(), cfg.t2());
        SingleTargetProtocol protocol = new SingleTargetProtocol(scene, 0,
                new SingleTargetProtocol.Config(powerW, cfg.t1(), cfg.probing(), scan, base.links(), base.xRule(), cfg.refineScan()));
        SpatialFrequency bsTruth = scene.bsToTarget(0);
        SpatialFrequency effTruth = scene.effectiveIrsFrequency(0, 0);
        double[][][] r = mc.run("simulate hua3d", cfg.seed(), 1, cfg.trials(), (p, t, rng) -> {
            SingleTargetProtocol.Result e = protocol.trial(rng);
            return new double[] {e.bsDoa().mu() - bsTruth.mu(), e.bsDoa().nu() - bsTruth.nu(),
                e.effectiveEstimate().mu() - effTruth.mu(), e.effectiveEstimate().nu() - effTruth.nu(), e.positionError()};
        });
        double[][] trials = r[0];
        Truth truth = new Truth(Doa.of(bsTruth), Doa.of(scene.irsToTarget(0, 0)), Frequency.of(scene.bsToIrsArrival(0)),
                Frequency.of(effTruth));
        StageOne s1 = stageOne(scene, cfg, powerW, bsTruth, trials);
        double[] gy = Beamscan.grid(scan.beamsY());
        double[] gz = Beamscan.grid(scan.beamsZ());
        StageTwo s2 = new StageTwo(Stats.rmse(Stats.metric(trials, 2)).value(), Stats.rmse(Stats.metric(trials, 3)).value(),
                gy[1] - gy[0], gz[1] - gz[0], floor(gy, effTruth.mu()), floor(gz, effTruth.nu()));
        return new SingleTarget("single-target", cfg, cfg.effectiveCrossBeam(), truth, s1, s2,
                Errors.of(Stats.metric(trials, 4)), threads, seconds(start));
    }

    private static StageOne stageOne(Scene scene, Config cfg, double powerW, SpatialFrequency truth, double[][] trials) {
        List<ZMatrixRMaj> codes = new ArrayList<>();
        if (cfg.probing() == ProbingCodebook.Design.DFT) {
            codes.add(ProbingCodebook.dft(scene.bsArray().size(), cfg.t1(), powerW));
        } else {
            // each trial's own draw: the protocol takes it from the first split of the trial's stage-I stream
            for (int t = 0; t < cfg.trials(); t++) {
                RandomStream stageOneStream = RandomStream.forTrial(cfg.seed(), 0, t).split(11);
                codes.add(ProbingCodebook.random(scene.bsArray().size(), cfg.t1(), powerW, stageOneStream.split(1)));
            }
        }
        Complex beta = scene.betaBtb(0);
        double[] lemma1 = new double[2];
        double[] rx = new double[2];
        String note = "";
        for (ZMatrixRMaj code : codes) {
            CrbResult l = Crb.of(StageOneBounds.lemma1(scene.bsArray(), code, beta, truth.mu(), truth.nu(), scene.noiseVariance()));
            CrbResult r = Crb.of(StageOneBounds.receiveOnly(scene.bsArray(), code, beta, truth.mu(), truth.nu(), scene.noiseVariance()));
            if (note.isEmpty() && !l.identifiable()) {
                note = "Lemma 1: " + l.reason();
            }
            if (!note.contains("receive-only") && !r.identifiable()) {
                note += (note.isEmpty() ? "" : "; ") + "receive-only: " + r.reason();
            }
            for (int i = 0; i < 2; i++) {
                lemma1[i] += l.variance(i) / codes.size();
                rx[i] += r.variance(i) / codes.size();
            }
        }
        return new StageOne(Stats.rmse(Stats.metric(trials, 0)).value(), Stats.rmse(Stats.metric(trials, 1)).value(),
                Math.sqrt(lemma1[0]), Math.sqrt(lemma1[1]), Math.sqrt(rx[0]), Math.sqrt(rx[1]), note);
    }

    /** Distance from {@code x} to the nearest grid value. */
    private static double floor(double[] grid, double x) {
        double best = Double.POSITIVE_INFINITY;
        for (double g : grid) {
            best = Math.min(best, Math.abs(g - x));
        }
        return best;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * The result as one JSON object (points as [x, y, z]; non-finite numbers as the strings
     * "Infinity", "-Infinity", "NaN").
     */
    public static String toJson(Result r) {
        return org.cosense.lab.SimulationJson.write(r);
    }
}
