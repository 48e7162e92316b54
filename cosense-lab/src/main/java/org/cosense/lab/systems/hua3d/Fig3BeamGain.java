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

/** Fig. 3: normalized beam gain f(dmu, dnu) of (33), corrected (E16), for Nbar_BS = 5 and 20. */
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
        for (int s = 0; s < SIDES.length; s++) {
            int nbar = SIDES[s];
            Upa upa = Upa.square(nbar);
            double[][] z = new double[d.length][d.length];
            int above = 0;
            for (int j = 0; j < d.length; j++) {
                for (int i = 0; i < d.length; i++) {
                    z[j][i] = upa.beamGain(d[i], d[j]);
                    if (z[j][i] > 0.1) {
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
            checks.add(new Check("Nbar_BS = " + nbar + ": main lobe null-to-null width 4/Nbar_BS = " + fmt(4.0 / nbar),
                    Math.abs(2 * firstNull - 4.0 / nbar) <= 0.02 + 1e-9,
                    "first null on the Δμ axis at " + fmt(firstNull) + " (width " + fmt(2 * firstNull) + "); f(0,0) = "
                            + fmt(upa.beamGain(0, 0))));
        }
        checks.add(new Check("Nbar_BS = 5 leaks more energy off the main direction than Nbar_BS = 20", leak[0] > leak[1],
                "fraction of the (Δμ, Δν) square with f > 0.1: Nbar 5 " + fmt(leak[0]) + ", Nbar 20 " + fmt(leak[1])));
        Map<String, Object> p = commonParameters();
        p.put("nbar_bs_panels (ASSUMED)", List.of(5, 20));
        p.put("offset_grid", "Δμ, Δν in [-1, 1] step 0.01 (ASSUMED, 201 x 201)");
        String caption = "Normalized beam gain f(Δμ, Δν) = |a^H(μ1,ν1) a(μ2,ν2)| / N_BS of (33), with the normalization corrected "
                + "to 1/N_BS (E16) so that f(0,0) = 1, for Nbar_BS = 5 and 20 (ASSUMED panels). Deterministic.";
        return new FigureResult(caption, panels, null, null, p, checks);
    }
}
