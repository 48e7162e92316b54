package org.cosense.lab.systems.hua3d;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cosense.lab.Check;
import org.cosense.lab.FigureResult;
import org.cosense.lab.LinePanel;
import org.cosense.lab.RunContext;
import org.cosense.lab.Series;
import org.cosense.lab.Stats;
import org.cosense.lab.Wording;
import org.cosense.estimation.doa.Beamscan;
import org.cosense.geom.SpatialFrequency;
import org.cosense.localization.TwoRayLocalizer;
import org.cosense.systems.hua3d.Scene;
import org.cosense.systems.hua3d.SingleTargetProtocol;

/** Fig. 9: single-target 3D position RMSE versus P_BS for three (T1, T2, Nbar_r) settings. */
final class Fig9SingleTargetRmse extends Hua3dFigure {
    Fig9SingleTargetRmse() {
        super("fig9", "Single-target location error versus P_BS",
                "The location error first decreases with P_BS and then saturates (grid floor); larger T1/T2 with Nbar_r = 30 "
                        + "gives the lowest error and reaches sub-meter accuracy.",
                500, 20);
    }

    @Override
    public FigureResult run(RunContext ctx) {
        double[] p = range(-10, 30, 5);
        List<SingleTargetProtocol> protocols = new ArrayList<>();
        for (Setting s : Setting.PAPER) {
            Scene scene = Scene.singleTarget(20, s.nbarR());
            for (double dbm : p) {
                protocols.add(new SingleTargetProtocol(scene, 0, SingleTargetProtocol.Config.paper(dbmToWatts(dbm), s.t1(), s.t2())));
            }
        }
        // CoSense extension (not in the paper): the best setting with the off-grid scan refinement
        Scene best = Scene.singleTarget(20, 30);
        for (double dbm : p) {
            protocols.add(new SingleTargetProtocol(best, 0, SingleTargetProtocol.Config.paper(dbmToWatts(dbm), 60, 60)
                    .withRefinedScan(true)));
        }
        double[][][] r = ctx.monteCarlo().run(qualifiedId(), ctx.seed(), protocols.size(), ctx.trials(),
                (pt, t, rng) -> new double[] {protocols.get(pt).trial(rng).positionError()});
        List<Series> series = new ArrayList<>();
        List<double[]> medians = new ArrayList<>();
        for (int s = 0; s < Setting.PAPER.size(); s++) {
            double[][][] part = java.util.Arrays.copyOfRange(r, s * p.length, (s + 1) * p.length);
            series.add(rmseSeries(Setting.PAPER.get(s).label(), p, part, 0));
            medians.add(Stats.percentile(part, 0, 50));
        }
        double[][][] ext = java.util.Arrays.copyOfRange(r, Setting.PAPER.size() * p.length, (Setting.PAPER.size() + 1) * p.length);
        Series refined = rmseSeries("T1 = 60, T2 = 60, Nbar_r = 30 + off-grid scan refinement (CoSense extension)", p, ext, 0);
        series.add(new Series(refined.name(), refined.x(), refined.y(), refined.yLo(), refined.yHi(), refined.trials(),
                Series.Style.DASHED));
        List<Check> checks = checks();
        int last = p.length - 1;
        int at10 = indexOf(p, 10);
        for (int s = 0; s < Setting.PAPER.size(); s++) {
            Setting st = Setting.PAPER.get(s);
            Verdict dec = decreasing(series.get(s), 0, at10);
            Verdict flat = flat(series.get(s), at10, last);
            checks.add(Check.paper("decreases-then-constant-" + st.id(), st.label() + ": the error first decreases with P_BS, then "
                    + "remains constant (from 10 dBm, as in Fig. 7; flat: change ≤ " + fmt(Wording.FLAT) + ")",
                    dec.ok() && flat.ok(), "decrease up to 10 dBm: " + dec.detail() + "; " + flat.detail()));
        }
        double[] floors = series.stream().limit(Setting.PAPER.size()).mapToDouble(s -> s.y()[last]).toArray();
        Scene geometry = Scene.singleTarget(20, 30);
        double[] onGrid = new double[Setting.PAPER.size()];
        for (int s = 0; s < onGrid.length; s++) {
            onGrid[s] = gridFloor(geometry, Setting.PAPER.get(s).t2(), 0, 0);
        }
        boolean lowest = floors[2] < floors[0] && floors[2] < floors[1];
        checks.add(Check.paper("setting-60-60-30-lowest", "(60, 60, 30) gives the lowest error at high power", lowest,
                "RMSE at 30 dBm: " + fmt(floors[0]) + ", " + fmt(floors[1]) + ", " + fmt(floors[2]) + " m; on-grid floors (exact "
                        + "stage I, nearest grid point): " + fmt(onGrid[0]) + ", " + fmt(onGrid[1]) + ", " + fmt(onGrid[2]) + " m"
                        + (lowest ? "" : "; DEPARTURE: the floor is the on-grid error, set by where the true effective "
                                + "frequency falls on each T2 grid (extension check lowest-averaged-over-grid-offsets)")));
        boolean subMeter = Wording.subMeter(floors[2]);
        checks.add(Check.paper("setting-60-60-30-sub-meter", "(60, 60, 30) reaches sub-meter accuracy (RMSE < "
                + fmt(Wording.SUB_METER_M) + " m)", subMeter, "RMSE at 30 dBm = " + fmt(floors[2]) + " m (median "
                + fmt(medians.get(2)[last]) + " m); on-grid floor " + fmt(onGrid[2]) + " m" + (subMeter ? ""
                        : "; DEPARTURE: the T2 = 60 grid happens to fall badly for this target; " + subMeterCount(geometry)
                                + " even T2 from 8 to 100 give a sub-meter on-grid floor")));
        double avg20 = offsetAveragedFloor(geometry, 20);
        double avg60 = offsetAveragedFloor(geometry, 60);
        checks.add(Check.extension("lowest-averaged-over-grid-offsets", "other reading: averaged over the grid's offset to the "
                + "target (RMS over 16 x 16 shifts within one step), T2 = 60 has a lower on-grid floor than T2 = 20",
                avg60 < avg20, "offset-averaged on-grid floor " + fmt(avg20) + " m (T2 = 20) vs " + fmt(avg60) + " m (T2 = 60)"));
        checks.add(Check.extension("refined-scan-sub-meter", "off-grid scan refinement (CoSense) gives sub-meter accuracy with "
                + "(60, 60, 30)", Wording.subMeter(refined.y()[last]),
                "RMSE at 30 dBm = " + fmt(refined.y()[last]) + " m vs " + fmt(floors[2]) + " m on the grid"));
        Map<String, Object> prm = commonParameters();
        prm.put("scene", "single target [-20,2,0], IRS [-20,0,3]");
        prm.put("settings (ASSUMED, [hua3d E20])", List.of("(24,20,20)", "(24,20,30)", "(60,60,30)"));
        prm.put("probing", "DFT codebook");
        prm.put("cross_beam (ASSUMED, [hua3d E10])", "FOCUSED");
        prm.put("x_rule", "generalized 4-sign rule ([hua3d E14]), radicands clamped at 0");
        prm.put("power_axis_dbm (ASSUMED)", "-10..30 step 5");
        String caption = String.format("Single-target 3D position RMSE versus P_BS: stage I MUSIC (DFT probing, T1 snapshots) + "
                + "stage II beam scan (T2 beams, FOCUSED cross beam, ASSUMED) + construction (60)-(64) with independent noise "
                + "in both stages. The three (T1, T2, Nbar_r) settings are ASSUMED (the paper's legend values are not printed). "
                + "The target lies in the IRS plane (r_I = 0, [hua3d P13]). DEPARTURE: at high power the three settings floor at about the "
                + "same error, set by where the true effective frequency falls on each scan grid (zig-zag, [hua3d P9]; the geometry "
                + "amplifies a 0.03 grid error to metres since D in (61) is small here), so (60, 60, 30) is not lower and not "
                + "sub-meter on the grid -1 + 2i/(T2/2 - 1) ([hua3d E9]). The dashed curve (CoSense extension, not in the paper) fits "
                + "the known beam response to the scan powers off the grid. Measured floors: RMSE at 30 dBm %s m for the three "
                + "settings; the on-grid floor (exact stage-I DoA, effective frequency at the nearest grid point) is %s m. It depends "
                + "on the grid's offset to the target, not on T2 alone: %s even T2 from 8 to 100 give a sub-meter on-grid "
                + "floor, and the RMS over grid offsets is %s m at T2 = 20 and %s m at T2 = 60. Trials per point: %d.",
                fmt(floors[0]) + ", " + fmt(floors[1]) + ", " + fmt(floors[2]), fmt(onGrid[0]) + ", " + fmt(onGrid[1]) + ", "
                        + fmt(onGrid[2]), subMeterCount(geometry), fmt(avg20), fmt(avg60), ctx.trials());
        return new FigureResult(caption, List.of(new LinePanel("", "P_BS (dBm)", "position RMSE (m)", false, true, series)), null,
                null, prm, checks);
    }

    /**
     * Position error with the exact stage-I DoA and the effective IRS frequency at the nearest point of the T2 scan grid
     * shifted by (offY, offZ): the error of a noiseless nearest-grid-point scan.
     */
    static double gridFloor(Scene scene, int t2, double offY, double offZ) {
        SpatialFrequency eff = scene.effectiveIrsFrequency(0, 0);
        double[] g = Beamscan.grid(t2 / 2);
        SpatialFrequency onGrid = new SpatialFrequency(nearest(g, offY, eff.mu()), nearest(g, offZ, eff.nu()));
        TwoRayLocalizer.Fix fix = TwoRayLocalizer.locate(scene.bs(), scene.irs(0).position(), scene.bsToTarget(0),
                onGrid.minus(scene.bsToIrsArrival(0)), TwoRayLocalizer.XRule.GENERALIZED);
        return fix.ok() ? fix.position().distance(scene.target(0)) : Double.POSITIVE_INFINITY;
    }

    private static double nearest(double[] grid, double offset, double x) {
        double best = Double.NaN;
        for (double g : grid) {
            if (Double.isNaN(best) || Math.abs(g + offset - x) < Math.abs(best - x)) {
                best = g + offset;
            }
        }
        return best;
    }

    /** RMS of the on-grid floor over 16 x 16 grid shifts spanning one grid step per axis. */
    static double offsetAveragedFloor(Scene scene, int t2) {
        double step = 2.0 / (t2 / 2 - 1);
        int n = 16;
        double sum = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double e = gridFloor(scene, t2, (a - n / 2) * step / n, (b - n / 2) * step / n);
                sum += e * e;
            }
        }
        return Math.sqrt(sum / (n * n));
    }

    /** "k of the m": how many of the even T2 in 8..100 have a sub-meter on-grid floor. */
    static String subMeterCount(Scene scene) {
        int k = 0;
        int m = 0;
        for (int t2 = 8; t2 <= 100; t2 += 2) {
            m++;
            if (Wording.subMeter(gridFloor(scene, t2, 0, 0))) {
                k++;
            }
        }
        return k + " of the " + m;
    }
}
