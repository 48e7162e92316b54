package org.cosense.lab.systems.mengvehicle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cosense.lab.Check;
import org.cosense.lab.FigureResult;
import org.cosense.lab.MapPanel;
import org.cosense.lab.RunContext;
import org.cosense.lab.Wording;
import org.cosense.math.RandomStream;
import org.cosense.systems.mengvehicle.AngularSpan;
import org.cosense.systems.mengvehicle.BeamFlattening;
import org.cosense.systems.mengvehicle.Deployment;
import org.cosense.systems.mengvehicle.DwellAllocation;
import org.cosense.systems.mengvehicle.DwellBenchmarks;
import org.cosense.systems.mengvehicle.DwellTimeSolver;
import org.cosense.systems.mengvehicle.MengParameters;
import org.cosense.systems.mengvehicle.VehicleLinks;

/**
 * Fig. 3: one layout (B = 10) and the reflected power of the flattened IRS over the ground, P β0² G_b(ψ_p) / (d_b² d_p²) with
 * the designed one-way pattern G_b of each associated BS, combined by max [mengvehicle A7].
 */
final class Fig3EchoMap extends MengFigure {
    static final int GRID = 121;
    static final double HALF = 250;

    Fig3EchoMap() {
        super("fig3", "Reflected power of the flattened vehicle IRS for one layout",
                "Only the associated BSs (a small subset) receive strong echo lobes, widened to cover the uncertainty disk; the chosen "
                        + "BSs are not simply the nearest ones.",
                1, 1);
    }

    @Override
    public FigureResult run(RunContext ctx) {
        MengParameters p = defaults();
        // The first layout of the seed's stream whose optimum uses three BSs, like the paper's illustration [mengvehicle A7].
        Deployment d = null;
        VehicleLinks l = null;
        DwellAllocation a = null;
        int tries = 0;
        for (int t = 0; t < 1000; t++) {
            tries = t + 1;
            d = layout(RandomStream.forTrial(ctx.seed(), 3, t), 10, 1, 5);
            l = VehicleLinks.of(d, 0, p);
            a = DwellTimeSolver.solve(l.rho(), l.azimuth());
            int[] as = a.associated(p.associationThreshold());
            if (as.length == 3 && !java.util.Arrays.equals(sorted(as), sorted(nearest(l.distance(), 3)))) {
                break;
            }
        }
        int[] assoc = a.associated(p.associationThreshold());
        double[][] phases = new double[assoc.length][];
        for (int i = 0; i < assoc.length; i++) {
            phases[i] = l.flattening()[assoc[i]].phases(l.spans()[assoc[i]], p.kappa());
        }
        double beta0 = Math.pow(10, p.beta0Db() / 10);
        double[] xs = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            xs[i] = -HALF + 2 * HALF * i / (GRID - 1);
        }
        double h = p.heightM();
        double[][] z = new double[GRID][GRID];
        for (int iy = 0; iy < GRID; iy++) {
            for (int ix = 0; ix < GRID; ix++) {
                z[iy][ix] = powerDbm(xs[ix], xs[iy], d, l, assoc, phases, p, beta0, h);
            }
        }
        List<MapPanel.Marker> markers = new ArrayList<>();
        for (int b = 0; b < d.bsCount(); b++) {
            final int bb = b;
            boolean on = java.util.Arrays.stream(assoc).anyMatch(x -> x == bb);
            markers.add(new MapPanel.Marker((on ? "associated BS " : "BS ") + (b + 1), d.bs()[b][0], d.bs()[b][1]));
        }
        markers.add(new MapPanel.Marker("prior centre (r = 5 m)", d.centres()[0][0], d.centres()[0][1]));
        // echo power at each BS position
        double[] atBs = new double[d.bsCount()];
        for (int b = 0; b < d.bsCount(); b++) {
            atBs[b] = powerDbm(d.bs()[b][0], d.bs()[b][1], d, l, assoc, phases, p, beta0, h);
        }
        double minAssoc = Double.POSITIVE_INFINITY;
        List<Double> others = new ArrayList<>();
        for (int b = 0; b < d.bsCount(); b++) {
            final int bb = b;
            if (java.util.Arrays.stream(assoc).anyMatch(x -> x == bb)) {
                minAssoc = Math.min(minAssoc, atBs[b]);
            } else {
                others.add(atBs[b]);
            }
        }
        double medianOther = others.stream().mapToDouble(Double::doubleValue).sorted().toArray()[others.size() / 2];
        // How often the optimum is not the nearest set of the same size, over random layouts.
        int layouts = ctx.quick() ? 100 : 1000;
        int differ = 0;
        for (int t = 0; t < layouts; t++) {
            VehicleLinks lt = VehicleLinks.of(layout(RandomStream.forTrial(ctx.seed(), 33, t), 10, 1, 5), 0, p);
            int[] at = DwellTimeSolver.solve(lt.rho(), lt.azimuth()).associated(p.associationThreshold());
            differ += java.util.Arrays.equals(sorted(at), sorted(nearest(lt.distance(), at.length))) ? 0 : 1;
        }
        double share = (double) differ / layouts;
        List<Check> checks = new ArrayList<>();
        double lobeDb = 10 * Math.log10(Wording.ORDER_OF_MAGNITUDE);
        checks.add(Check.paper("lobes-at-associated-bs", "every associated BS receives an echo at least 10 dB (an order of magnitude) above "
                + "the median at the unassociated BSs", minAssoc >= medianOther + lobeDb,
                "weakest associated BS " + fmt(minAssoc) + " dBm, median unassociated " + fmt(medianOther) + " dBm"));
        checks.add(Check.paper("not-the-nearest", "the associated BSs are not simply the nearest ones: in a non-negligible share (> 10%) of "
                + "random layouts the optimum differs from the nearest BSs of the same count", share > Wording.NEGLIGIBLE,
                differ + " of " + layouts + " layouts (" + fmt(share) + ")"));
        checks.add(Check.invariant("optimum-beats-closest", "the optimum's CRLB is at most the Closest benchmark's",
                a.crlb() <= DwellBenchmarks.closest(l.rho(), l.azimuth(), l.distance()).crlb() * (1 + 1e-12), "CRLB " + fmt(a.crlb()) + " m^2"));
        StringBuilder sh = new StringBuilder();
        for (int b : assoc) {
            BeamFlattening f = l.flattening()[b];
            AngularSpan s = l.spans()[b];
            sh.append(String.format(java.util.Locale.ROOT, " BS %d: tau = %.3f, span %.3f x %.3f, L = %dx%d;", b + 1, a.tau()[b], s.widthX(),
                    s.widthY(), f.lx(), f.ly()));
        }
        Map<String, Object> prm = parameters(ctx);
        prm.put("layout_draws_until_three_bs", tries);
        prm.put("associated_bs", plusOne(assoc));
        prm.put("crlb_m2", a.crlb());
        prm.put("not_nearest_share", share);
        String caption = "Fig. 3: reflected power (dBm) over the ground at BS height for one random layout (B = 10, r = 5 m), the first of the "
                + "seed's layouts whose optimum associates three BSs that are not the three nearest (ASSUMED choice, like the paper's "
                + "illustration; draw " + tries + "). "
                + "Value at point p: P beta_0^2 G_b(psi_p) / (d_b^2 d_p^2) with the designed one-way pattern G_b of each associated BS, "
                + "combined by max (ASSUMED [mengvehicle A7]). Associated:" + sh + " CRLB " + fmt(a.crlb()) + " m^2. Paper claims checked: "
                + "lobes at the associated BSs, associated BSs not simply the nearest (statistic over " + layouts + " layouts: " + fmt(share)
                + " differ)." + assumed() + failures(checks);
        return new FigureResult(caption, List.of(new MapPanel("", "x (m)", "y (m)", "reflected power (dBm)", xs, xs, z, false, markers)),
                null, null, prm, checks);
    }

    static double powerDbm(double px, double py, Deployment d, VehicleLinks l, int[] assoc, double[][] phases, MengParameters p, double beta0,
            double h) {
        double cx = d.centres()[0][0];
        double cy = d.centres()[0][1];
        double[] f = AngularSpan.frequencies(px, py, cx, cy, h);
        double dp2 = (px - cx) * (px - cx) + (py - cy) * (py - cy) + h * h;
        double best = 0;
        for (int i = 0; i < assoc.length; i++) {
            int b = assoc[i];
            double db2 = l.distance()[b] * l.distance()[b];
            double g = l.flattening()[b].pattern(phases[i], p.kappa() * f[0], p.kappa() * f[1]);
            best = Math.max(best, p.powerW() * beta0 * beta0 * g / (db2 * dp2));
        }
        return 10 * Math.log10(best) + 30;
    }

    static int[] nearest(double[] dist, int n) {
        Integer[] idx = new Integer[dist.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(dist[a], dist[b]));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    static int[] sorted(int[] a) {
        int[] c = a.clone();
        java.util.Arrays.sort(c);
        return c;
    }

    static int[] plusOne(int[] a) {
        return java.util.Arrays.stream(a).map(x -> x + 1).toArray();
    }
}
