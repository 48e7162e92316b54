package org.cosense.lab.systems.hua3d;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cosense.estimation.doa.Beamscan;
import org.cosense.estimation.doa.Music2D;
import org.cosense.estimation.doa.DoaResult;
import org.cosense.estimation.doa.SignalSubspace;
import org.cosense.geom.SpatialFrequency;
import org.cosense.lab.Check;
import org.cosense.lab.Csv;
import org.cosense.lab.FigureResult;
import org.cosense.lab.MapPanel;
import org.cosense.lab.Panel;
import org.cosense.lab.RunContext;
import org.cosense.lab.Table;
import org.cosense.localization.Assignment;
import org.cosense.math.RandomStream;
import org.cosense.signal.ProbingCodebook;
import org.cosense.systems.hua3d.BeamScanning;
import org.cosense.systems.hua3d.LinkModel;
import org.cosense.systems.hua3d.Scene;
import org.cosense.systems.hua3d.StageOne;
import org.cosense.systems.hua3d.StageTwo;
import org.ejml.data.ZMatrixRMaj;

/** Fig. 11: multi-target MUSIC pseudo-spectrum (BS) and IRS joint beam-scan power map, one seeded realization. */
final class Fig11MultiTargetSpectra extends Hua3dFigure {
    static final double POWER_DBM = 30;
    static final int T1 = 60;
    static final int SCAN = 30;
    static final int NBAR_R = 30;

    Fig11MultiTargetSpectra() {
        super("fig11", "Multi-target DoA estimation: MUSIC spectrum and IRS beam-scan map",
                "(a) MUSIC shows three distinct peaks at the three true BS-target DoAs; (b) the IRS beam scan shows three peaks "
                        + "at the true effective IRS frequencies mu = mu_B2I^A + mu_I2T, nu = nu_B2I^A + nu_I2T.",
                0, 0);
    }

    @Override
    public FigureResult run(RunContext ctx) {
        Scene scene = Scene.multiTarget(20, NBAR_R);
        int k = scene.targets().size();
        double w = dbmToWatts(POWER_DBM);
        RandomStream rng = RandomStream.forTrial(ctx.seed(), 0, 0);
        // (a) stage 0: MUSIC with a K-dimensional signal subspace
        ZMatrixRMaj y = StageOne.simulate(scene, ProbingCodebook.dft(scene.bsArray().size(), T1, w), rng.split(1));
        Music2D music = new Music2D(scene.bsArray());
        DoaResult est = music.estimateFromSnapshots(y, k);
        ZMatrixRMaj signalSubspace = SignalSubspace.ofSnapshots(y, k);
        double[] grid = range(-1, 1, 0.01);
        // Plotted: p = ||U_s^H a||^2 / N in [0, 1], a monotone map of the pseudo-spectrum S = 1 / (N (1 - p)); at
        // high SNR S is so peaked that its lobes vanish on any colour scale, while p keeps the peak locations and widths.
        double[][] spec = new double[grid.length][grid.length];
        int nBs = scene.bsArray().size();
        for (int j = 0; j < grid.length; j++) {
            for (int i = 0; i < grid.length; i++) {
                spec[j][i] = music.subspacePower(signalSubspace, grid[i], grid[j]) / nBs;
            }
        }
        List<MapPanel.Marker> bsMarkers = new ArrayList<>();
        List<SpatialFrequency> bsTruth = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            bsTruth.add(scene.bsToTarget(t));
            bsMarkers.add(new MapPanel.Marker("T" + (t + 1), bsTruth.get(t).mu(), bsTruth.get(t).nu()));
        }
        List<Panel> panels = new ArrayList<>();
        panels.add(new MapPanel("(a) MUSIC at the BS", "μ", "ν", "||U_s^H a||² / N  (S = 1 / (N − ||U_s^H a||²))", grid, grid,
                spec, false, bsMarkers));
        List<List<String>> rows = new ArrayList<>();
        List<SpatialFrequency> bsMatched = match(bsTruth, est.frequencies());
        double bsWorst = est.resolved() ? 0 : Double.POSITIVE_INFINITY;
        for (int t = 0; t < k; t++) {
            rows.add(row("bs", t, bsTruth.get(t), bsMatched.get(t)));
            if (bsMatched.get(t) != null) {
                bsWorst = Math.max(bsWorst, dist(bsTruth.get(t), bsMatched.get(t)));
            }
        }
        // (b) stage m: joint 2D scan of each IRS; IRS 1 is shown
        double[] g = Beamscan.grid(SCAN);
        double step = g[1] - g[0];
        double irs1Worst = 0;
        for (int m = 0; m < scene.irss().size(); m++) {
            StageTwo st = new StageTwo(scene, m, w, LinkModel.FULL);
            double[][] pw = BeamScanning.jointScan(st, g, g, rng.split(10 + m));
            double[][] byMu = new double[g.length][g.length]; // jointScan is indexed [nu][mu]
            for (int j = 0; j < g.length; j++) {
                for (int i = 0; i < g.length; i++) {
                    byMu[i][j] = pw[j][i];
                }
            }
            List<SpatialFrequency> effEst = Beamscan.detect(g, g, byMu, k, BeamScanning.detection(st)).frequencies();
            List<SpatialFrequency> effTruth = new ArrayList<>();
            for (int t = 0; t < k; t++) {
                effTruth.add(scene.effectiveIrsFrequency(m, t));
            }
            List<SpatialFrequency> matched = match(effTruth, effEst);
            SpatialFrequency arrival = scene.bsToIrsArrival(m);
            for (int t = 0; t < k; t++) {
                rows.add(row("irs" + (m + 1), t, scene.irsToTarget(m, t), matched.get(t) == null ? null : matched.get(t).minus(arrival)));
                if (m == 0 && matched.get(t) == null) {
                    irs1Worst = Double.POSITIVE_INFINITY;
                } else if (m == 0) {
                    irs1Worst = Math.max(irs1Worst, Math.max(Math.abs(matched.get(t).mu() - effTruth.get(t).mu()),
                            Math.abs(matched.get(t).nu() - effTruth.get(t).nu())));
                }
            }
            if (m == 0) {
                List<MapPanel.Marker> mk = new ArrayList<>();
                for (int t = 0; t < k; t++) {
                    mk.add(new MapPanel.Marker("T" + (t + 1), effTruth.get(t).mu(), effTruth.get(t).nu()));
                }
                double pmax = 0;
                for (double[] r : pw) {
                    for (double v : r) {
                        pmax = Math.max(pmax, v);
                    }
                }
                double[][] norm = new double[pw.length][pw[0].length];
                for (int j = 0; j < pw.length; j++) {
                    for (int i = 0; i < pw[0].length; i++) {
                        norm[j][i] = Math.max(pw[j][i] / pmax, 1e-6);
                    }
                }
                panels.add(new MapPanel("(b) IRS 1 joint beam-scan power", "μ (effective)", "ν (effective)",
                        "normalized |y^|²", g, g, norm, true, mk));
            }
        }
        List<Check> checks = checks();
        // "agree well": within a fifth of the BS main-lobe half-width 2/Nbar_BS = 0.1
        checks.add(Check.paper("music-peaks-at-true-doas", "(a) three distinct MUSIC peaks at the three true BS-target DoAs (within "
                + "0.02, a fifth of the main-lobe half-width)", est.resolved() && bsWorst <= 0.02,
                "MUSIC returned " + est.found() + " of " + k + " peaks; largest distance between a true BS DoA and its matched peak: "
                        + fmt(bsWorst)));
        checks.add(Check.paper("scan-peaks-at-true-effective-frequencies", "(b) three beam-scan peaks at the true effective IRS "
                + "frequencies (each at its nearest grid point: within half a grid step per axis)", irs1Worst <= step / 2 + 1e-9,
                "largest per-axis offset for IRS 1: " + fmt(irs1Worst) + " (half grid step " + fmt(step / 2) + ")"));
        Map<String, Object> prm = commonParameters();
        prm.put("scene", "multi-target: IRSs [-20,0,3], [-10,0,3], [-5,0,3]; targets [-10,10,0], [-20,2,0], [-5,10,0]");
        prm.put("power_dbm (ASSUMED, [hua3d E22])", POWER_DBM);
        prm.put("t1 (ASSUMED, [hua3d E22])", T1);
        prm.put("joint_scan (ASSUMED, [hua3d E22])", SCAN + " x " + SCAN);
        prm.put("nbar_r (ASSUMED, [hua3d E22])", NBAR_R);
        prm.put("irs_shown (ASSUMED, [hua3d E22])", 1);
        StringBuilder degrees = new StringBuilder();
        for (int t = 0; t < k; t++) {
            SpatialFrequency b = scene.bsToTarget(t);
            SpatialFrequency i = scene.irsToTarget(0, t);
            degrees.append(String.format("T%d: BS (az %.2f°, el %.2f°), IRS 1 (az %.2f°, el %.2f°); ", t + 1, b.azimuthDeg(),
                    b.elevationDeg(), i.azimuthDeg(), i.elevationDeg()));
        }
        SpatialFrequency a = scene.bsToIrsArrival(0);
        String caption = String.format("One seeded realization, P_BS = %.0f dBm, T1 = %d DFT probing, joint %d x %d IRS scan, "
                + "Nbar_r = %d (all ASSUMED, [hua3d E22]). (a) MUSIC (K = 3) over (μ, ν), shown as the signal-subspace power "
                + "||U_s^H a||^2 / N, a monotone map of the pseudo-spectrum S = 1/(N - ||U_s^H a||^2) with the same peaks (S "
                + "itself is too peaked at 30 dBm to show its lobes); markers at the true BS-target DoAs computed from the geometry. (b) IRS 1 joint beam-scan power over the effective (μ, ν) grid; markers at "
                + "the true effective frequencies, offset from the IRS-target DoAs by the BS-IRS arrival (%.4f, %.4f) "
                + "(az %.2f°, el %.2f°). True angles ([hua3d E13] mapping): %sEstimates for all links in fig11-doas.csv.",
                POWER_DBM, T1, SCAN, SCAN, NBAR_R, a.mu(), a.nu(), a.azimuthDeg(), a.elevationDeg(), degrees);
        Table doas = new Table("fig11-doas.csv", List.of("link", "target", "mu_true", "nu_true", "detected", "mu_est", "nu_est"), rows);
        return new FigureResult(caption, panels, null, List.of(doas), prm, checks);
    }

    /** One row of fig11-doas.csv; a target not detected ({@code est} null) has empty estimates. */
    private static List<String> row(String link, int t, SpatialFrequency truth, SpatialFrequency est) {
        return List.of(link, Integer.toString(t + 1), num(truth.mu()), num(truth.nu()), Boolean.toString(est != null),
                est == null ? "" : num(est.mu()), est == null ? "" : num(est.nu()));
    }

    private static String num(double v) {
        return Csv.number(v);
    }

    private static double dist(SpatialFrequency a, SpatialFrequency b) {
        return Math.hypot(a.mu() - b.mu(), a.nu() - b.nu());
    }

    /**
     * Each truth's estimate by the min-total-distance assignment of the found estimates to the truths;
     * null for a truth left without one (fewer estimates than truths: those targets were not detected).
     */
    static List<SpatialFrequency> match(List<SpatialFrequency> truth, List<SpatialFrequency> est) {
        int k = truth.size();
        // square cost matrix; columns beyond the found estimates are "not detected" at zero cost, so the
        // assignment pairs the found ones with their nearest truths
        double[][] c = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                c[a][b] = b < est.size() ? dist(truth.get(a), est.get(b)) : 0;
            }
        }
        int[] best = Assignment.best(c, false);
        List<SpatialFrequency> out = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            out.add(best[a] < est.size() ? est.get(best[a]) : null);
        }
        return out;
    }
}
