package org.cosense.lab.systems.hua3d;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cosense.array.Upa;
import org.cosense.lab.Check;
import org.cosense.lab.FigureResult;
import org.cosense.lab.MapPanel;
import org.cosense.lab.Panel;
import org.cosense.lab.RunContext;
import org.cosense.lab.Wording;
import org.cosense.geom.SpatialFrequency;
import org.cosense.systems.hua3d.Scene;

/** Fig. 3: normalized beam gain f(dmu, dnu) of (33), corrected ([hua3d E16]), for Nbar_BS = 5 and 20. */
final class Fig3BeamGain extends Hua3dFigure {
    private static final int[] SIDES = {5, 20};

    Fig3BeamGain() {
        super("fig3", "Normalized beam gain versus spatial-frequency offset",
                "A larger Nbar_BS gives a narrower main lobe and a smaller sidelobe region: for Nbar_BS = 20 the energy is "
                        + "focused on one direction, for Nbar_BS = 5 a large sidelobe region leaks energy.",
                0, 0);
    }

    @Override
    public FigureResult run(RunContext ctx) {
        double[] d = range(-1, 1, 0.01);
        List<Panel> panels = new ArrayList<>();
        List<Check> checks = checks();
        double[] leak = new double[SIDES.length];
        double[] leakToTarget = new double[SIDES.length];
        String offsets = "";
        for (int s = 0; s < SIDES.length; s++) {
            int nbar = SIDES[s];
            Upa upa = Upa.square(nbar);
            double[][] z = new double[d.length][d.length];
            int above = 0;
            for (int j = 0; j < d.length; j++) {
                for (int i = 0; i < d.length; i++) {
                    z[j][i] = upa.beamGain(d[i], d[j]);
                    if (z[j][i] > Wording.NEGLIGIBLE) {
                        above++;
                    }
                }
            }
            leak[s] = above / (double) (d.length * d.length);
            panels.add(new MapPanel("Nbar_BS = " + nbar, "Δμ", "Δν", "f(Δμ, Δν)", d, d, z, false, List.of()));
            // first null along dmu: expected at 2/Nbar (null-to-null main lobe width 4/Nbar)
            double firstNull = Double.NaN;
            for (int i = d.length / 2 + 1; i < d.length - 1; i++) {
                double a = upa.beamGain(d[i], 0);
                if (a <= upa.beamGain(d[i - 1], 0) && a <= upa.beamGain(d[i + 1], 0)) {
                    firstNull = d[i];
                    break;
                }
            }
            checks.add(Check.invariant("main-lobe-width-" + nbar, "Nbar_BS = " + nbar + ": main lobe null-to-null width 4/Nbar_BS = "
                    + fmt(4.0 / nbar) + " and f(0, 0) = 1 (the Dirichlet kernel of (33), corrected [hua3d E16])",
                    Math.abs(2 * firstNull - 4.0 / nbar) <= 0.02 + 1e-9 && Math.abs(upa.beamGain(0, 0) - 1) < 1e-12,
                    "first null on the Δμ axis at " + fmt(firstNull) + " (width " + fmt(2 * firstNull) + ", offset grid step 0.01); "
                            + "f(0,0) = " + fmt(upa.beamGain(0, 0))));
            // the BS beam points at the IRS; what it leaks towards the target is f at the offset of the two directions
            Scene scene = Scene.singleTarget(nbar, 30);
            SpatialFrequency toIrs = scene.bsToIrsDeparture(0);
            SpatialFrequency toTarget = scene.bsToTarget(0);
            double dmu = toIrs.mu() - toTarget.mu();
            double dnu = toIrs.nu() - toTarget.nu();
            leakToTarget[s] = Math.pow(upa.beamGain(dmu, dnu), 2);
            offsets = "(Δμ, Δν) = (" + fmt(dmu) + ", " + fmt(dnu) + ")";
        }
        checks.add(Check.paper("smaller-sidelobe-region-for-larger-array",
                "a larger Nbar_BS gives a smaller sidelobe region (area where f is not negligible, f > "
                        + fmt(Wording.NEGLIGIBLE) + ")", leak[1] < leak[0],
                "fraction of the (Δμ, Δν) square with f > " + fmt(Wording.NEGLIGIBLE) + ": Nbar 5 " + fmt(leak[0]) + ", Nbar 20 "
                        + fmt(leak[1])));
        checks.add(Check.paper("leakage-to-target-negligible-for-20",
                "Nbar_BS = 20: the energy the BS beam (aimed at the IRS) leaks to the BS-target link is negligible "
                        + "(f² ≤ " + fmt(Wording.NEGLIGIBLE) + ")", Wording.negligible(leakToTarget[1], 1),
                "single-target scene, offset between the BS-IRS and BS-target directions " + offsets + ": f² = "
                        + fmt(leakToTarget[1]) + (Wording.negligible(leakToTarget[1], 1) ? ""
                                : "; DEPARTURE: the two directions are closer than the main-lobe half-width 2/Nbar_BS")));
        checks.add(Check.paper("leakage-to-target-not-negligible-for-5",
                "Nbar_BS = 5: the leaked energy cannot be ignored (f² > " + fmt(Wording.NEGLIGIBLE) + ")",
                !Wording.negligible(leakToTarget[0], 1), "same offset: f² = " + fmt(leakToTarget[0])));
        Map<String, Object> p = commonParameters();
        p.put("nbar_bs_panels (ASSUMED)", List.of(5, 20));
        p.put("offset_grid", "Δμ, Δν in [-1, 1] step 0.01 (ASSUMED, 201 x 201)");
        String caption = "Normalized beam gain f(Δμ, Δν) = |a^H(μ1,ν1) a(μ2,ν2)| / N_BS of (33), with the normalization corrected "
                + "to 1/N_BS ([hua3d E16]) so that f(0,0) = 1, for Nbar_BS = 5 and 20 (ASSUMED panels). Deterministic.";
        return new FigureResult(caption, panels, null, null, p, checks);
    }
}
