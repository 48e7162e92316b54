package org.cosense.lab.systems.hua3d;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cosense.geom.SpatialFrequency;
import org.cosense.lab.Check;
import org.cosense.lab.FigureResult;
import org.cosense.lab.LinePanel;
import org.cosense.lab.RunContext;
import org.cosense.lab.Series;
import org.cosense.lab.Wording;
import org.cosense.systems.hua3d.Scene;
import org.cosense.systems.hua3d.SingleTargetProtocol;

/** Fig. 7: RMSE of the IRS–target DoA from beam scanning versus P_BS for Nbar_r = 30, 20, 4 (T2 = 20). */
final class Fig7ScanRmsePower extends Hua3dFigure {
    private static final int[] SIDES = {30, 20, 4};
    private static final int T2 = 20;

    Fig7ScanRmsePower() {
        super("fig7", "RMSE of the IRS-target DoA versus P_BS (T2 = 20)",
                "For Nbar_r = 4 the RMSEs decrease with P_BS and then stay constant from about 10 dBm (grid-limited); for "
                        + "Nbar_r = 20 and 30 they are constant over the whole range and equal to each other; at low power "
                        + "Nbar_r = 20 is below Nbar_r = 4.",
                500, 40);
    }

    @Override
    public FigureResult run(RunContext ctx) {
        double[] p = range(-10, 30, 5);
        List<SingleTargetProtocol> protocols = new ArrayList<>();
        List<SpatialFrequency> truths = new ArrayList<>();
        for (int side : SIDES) {
            Scene scene = Scene.singleTarget(20, side);
            truths.add(scene.effectiveIrsFrequency(0, 0));
            for (double dbm : p) {
                protocols.add(new SingleTargetProtocol(scene, 0, SingleTargetProtocol.Config.paper(dbmToWatts(dbm), 24, T2)));
            }
        }
        double[][][] r = ctx.monteCarlo().run(qualifiedId(), ctx.seed(), protocols.size(), ctx.trials(), (pt, t, rng) -> {
            SpatialFrequency truth = truths.get(pt / p.length);
            SpatialFrequency e = protocols.get(pt).stageTwoEffective(rng);
            // the BS-IRS arrival frequency is known, so the I2T error equals the effective-frequency error
            return new double[] {e.mu() - truth.mu(), e.nu() - truth.nu()};
        });
        List<Series> mu = new ArrayList<>();
        List<Series> nu = new ArrayList<>();
        for (int s = 0; s < SIDES.length; s++) {
            double[][][] part = java.util.Arrays.copyOfRange(r, s * p.length, (s + 1) * p.length);
            mu.add(rmseSeries("μ_I2T, Nbar_r = " + SIDES[s], p, part, 0));
            nu.add(rmseSeries("ν_I2T, Nbar_r = " + SIDES[s], p, part, 1));
        }
        List<Check> checks = checks();
        int last = p.length - 1;
        int at10 = indexOf(p, 10);
        for (int d = 0; d < 2; d++) {
            List<Series> ser = d == 0 ? mu : nu;
            String name = d == 0 ? "mu" : "nu";
            String sym = d == 0 ? "μ" : "ν";
            Series s4 = ser.get(2);
            Verdict dec = decreasing(s4, 0, at10);
            Verdict flat = flat(s4, at10, last);
            checks.add(Check.paper("nbar4-decreases-then-flat-from-10dbm-" + name, "Nbar_r = 4 (" + sym + "): decreases with P_BS, "
                    + "then constant for P_BS ≥ 10 dBm (flat: change ≤ " + fmt(Wording.FLAT) + ")", dec.ok() && flat.ok(),
                    "decrease up to 10 dBm: " + dec.detail() + "; " + flat.detail()));
            Series s20 = ser.get(1);
            Series s30 = ser.get(0);
            Verdict f20 = flat(s20, 0, last);
            Verdict f30 = flat(s30, 0, last);
            checks.add(Check.paper("large-irs-flat-" + name, "Nbar_r = 20 and 30 (" + sym + "): constant over the whole power range "
                    + "(change ≤ " + fmt(Wording.FLAT) + ")", f20.ok() && f30.ok(), "Nbar_r = 20 " + f20.detail() + "; Nbar_r = 30 "
                    + f30.detail()));
            boolean equal = true;
            double worst = 0;
            for (int i = 0; i <= last; i++) {
                equal &= Wording.flat(s20.y()[i], s30.y()[i]);
                worst = Math.max(worst, Math.abs(s20.y()[i] - s30.y()[i]) / Math.max(s20.y()[i], s30.y()[i]));
            }
            checks.add(Check.paper("nbar20-equals-nbar30-" + name, "increasing Nbar_r from 20 to 30 keeps the RMSE (" + sym
                    + ") constant at every power (change ≤ " + fmt(Wording.FLAT) + ")", equal,
                    "largest relative difference " + fmt(worst) + "; at 30 dBm " + fmt(s20.y()[last]) + " (20) vs " + fmt(s30.y()[last])
                            + " (30)"));
            // "P_BS ≤ 10 dBm": at 10 dBm itself the paper's Nbar_r = 4 curve is already on the same grid floor, so the
            // strict ordering is tested below 10 dBm
            boolean lower = true;
            StringBuilder at = new StringBuilder();
            StringBuilder equalAt = new StringBuilder();
            for (int i = 0; i < at10; i++) {
                lower &= s20.y()[i] < ser.get(2).y()[i];
                at.append(at.length() == 0 ? "" : ", ").append(fmt(p[i])).append(" dBm: ").append(fmt(s20.y()[i])).append(" vs ")
                        .append(fmt(ser.get(2).y()[i]));
                if (s20.y()[i] >= ser.get(2).y()[i]) {
                    equalAt.append(equalAt.length() == 0 ? "" : ", ").append(fmt(p[i]));
                }
            }
            checks.add(Check.paper("low-power-nbar20-below-nbar4-" + name, "low power (below 10 dBm, " + sym + "): Nbar_r = 20 gives a "
                    + "lower RMSE than Nbar_r = 4", lower, at + (lower ? "" : "; DEPARTURE: at " + equalAt + " dBm Nbar_r = 4 is "
                            + "already on the grid floor, which is the same for every Nbar_r (it depends on T2 and the geometry "
                            + "only): our Nbar_r = 4 saturates before the paper's 10 dBm")));
        }
        List<Series> all = new ArrayList<>(mu);
        all.addAll(nu);
        Map<String, Object> prm = commonParameters();
        prm.put("scene", "single target [-20,2,0], IRS [-20,0,3]");
        prm.put("nbar_r", List.of(30, 20, 4));
        prm.put("t2", T2);
        prm.put("scan_grid", "-1 + 2i/(T2/2 - 1), i = 0..T2/2-1 ([hua3d E9])");
        prm.put("cross_beam (ASSUMED, [hua3d E10])", "FOCUSED");
        prm.put("stage_two_model", "all three IRS paths (32a), static echoes removed ([hua3d E18], ASSUMED)");
        prm.put("power_axis_dbm (ASSUMED)", "-10..30 step 5");
        String caption = String.format("RMSE of the IRS-target spatial frequencies from on-grid beam scanning versus P_BS, T2 = 20 "
                + "(10 beams per dimension on the grid -1 + 2i/9, [hua3d E9]). Cross-dimension factor FOCUSED (ASSUMED, [hua3d E10]: the "
                + "scanned dimension sees the full gain of the other). Stage II only; stage-II data from (32a) with all IRS "
                + "paths. The high-power floor is the deterministic distance of the true frequency to the nearest grid point "
                + "([hua3d P9]). Trials per point: %d.", ctx.trials());
        return new FigureResult(caption, List.of(new LinePanel("", "P_BS (dBm)", "RMSE (spatial frequency)", false, true, all)),
                null, null, prm, checks);
    }
}
