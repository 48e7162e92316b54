package org.cosense.lab.systems.hua3d;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cosense.geom.Vec3;
import org.cosense.lab.Check;
import org.cosense.lab.FigureResult;
import org.cosense.lab.MapPanel;
import org.cosense.lab.RunContext;
import org.cosense.lab.Stats;
import org.cosense.systems.hua3d.Scene;
import org.cosense.systems.hua3d.SingleTargetProtocol;
import org.cosense.systems.hua3d.Target;

/** Fig. 10: single-target position RMSE over a 20 m × 20 m area (P_BS = 30 dBm, T1 = T2 = 60, Nbar_r = 30). */
final class Fig10ErrorMap extends Hua3dFigure {
    Fig10ErrorMap() {
        super("fig10", "Location error over a 20 m x 20 m area",
                "Very large error along y = 0 (the line through BS and IRS, where the azimuth DoAs vanish); small error "
                        + "near/between the BS and the IRS; growing error far from both (path loss).",
                100, 5);
    }

    @Override
    public FigureResult run(RunContext ctx) {
        double[] xs = range(-20, 0, 1);
        double[] ys = range(-10, 10, 1);
        Scene base = Scene.singleTarget(20, 30);
        List<SingleTargetProtocol> protocols = new ArrayList<>();
        for (double y : ys) {
            for (double x : xs) {
                Scene s = base.withTargets(List.of(Target.ofDbsm(Vec3.of(x, y, 0), 7)));
                protocols.add(new SingleTargetProtocol(s, 0, SingleTargetProtocol.Config.paper(dbmToWatts(30), 60, 60)));
            }
        }
        double[][][] r = ctx.monteCarlo().run(qualifiedId(), ctx.seed(), protocols.size(), ctx.trials(),
                (pt, t, rng) -> new double[] {protocols.get(pt).trial(rng).positionError()});
        Stats.Estimate[] est = Stats.rmse(r, 0);
        double[][] z = new double[ys.length][xs.length];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                z[j][i] = est[j * xs.length + i].value();
            }
        }
        // regions for the checks
        double axis = medianOf(z, ys, xs, (x, y) -> y == 0);
        double near = medianOf(z, ys, xs, (x, y) -> Math.abs(y) >= 2 && Math.abs(y) <= 5 && x >= -15 && x <= -5);
        double far = medianOf(z, ys, xs, (x, y) -> Math.abs(y) >= 9);
        double worstOther = 0;
        for (double yv : ys) {
            if (yv != 0) {
                final double yy = yv;
                worstOther = Math.max(worstOther, medianOf(z, ys, xs, (x, y) -> y == yy));
            }
        }
        List<Check> checks = checks();
        checks.add(new Check("very large error along y = 0 (D = 0 in (61)): the worst row, over 3x the error near BS and IRS",
                axis > worstOther && axis > 3 * near,
                "median RMSE on y = 0: " + fmt(axis) + " m; worst other row " + fmt(worstOther)
                        + " m; near the BS-IRS pair (2 ≤ |y| ≤ 5, -15 ≤ x ≤ -5): " + fmt(near) + " m"));
        checks.add(new Check("error grows far from both BS and IRS", far > near,
                "median RMSE for |y| ≥ 9: " + fmt(far) + " m vs " + fmt(near) + " m near"));
        Map<String, Object> prm = commonParameters();
        prm.put("area (ASSUMED)", "x in [-20, 0], y in [-10, 10], 1 m grid, z_T = 0");
        prm.put("irs", "[-20,0,3], Nbar_r = 30");
        prm.put("power_dbm", 30);
        prm.put("t1", 60);
        prm.put("t2", 60);
        prm.put("cross_beam (ASSUMED, E10)", "FOCUSED");
        String caption = String.format("Single-target 3D position RMSE (m, log colour scale) for targets on a 1 m grid over x in "
                + "[-20, 0], y in [-10, 10] (ASSUMED area), P_BS = 30 dBm, T1 = T2 = 60, Nbar_r = 30, FOCUSED cross beam "
                + "(ASSUMED). Along y = 0 both rays lie in the plane y = 0 and (61) degenerates (D = 0): the range then follows "
                + "from the heights alone and the fix lands near the IRS height. At 30 dBm the SNR is high over the whole "
                + "area, so off that line the error is the deterministic grid quantization of the IRS scan (the "
                + "checkerboard), not path loss. Trials per point: %d.",
                ctx.trials());
        return new FigureResult(caption, List.of(new MapPanel("", "x_T (m)", "y_T (m)", "position RMSE (m)", xs, ys, z, true,
                List.of(new MapPanel.Marker("IRS", -20, 0), new MapPanel.Marker("BS", 0, 0)))), null, null, prm, checks);
    }

    private interface Region {
        boolean in(double x, double y);
    }

    private static double medianOf(double[][] z, double[] ys, double[] xs, Region region) {
        List<Double> v = new ArrayList<>();
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                if (region.in(xs[i], ys[j])) {
                    v.add(z[j][i]);
                }
            }
        }
        return Stats.median(v.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
