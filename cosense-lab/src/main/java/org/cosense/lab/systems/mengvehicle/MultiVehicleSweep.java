package org.cosense.lab.systems.mengvehicle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cosense.lab.Check;
import org.cosense.lab.FigureResult;
import org.cosense.lab.LinePanel;
import org.cosense.lab.RunContext;
import org.cosense.lab.Series;
import org.cosense.lab.Wording;
import org.cosense.systems.mengvehicle.Deployment;
import org.cosense.systems.mengvehicle.InterferenceGraph;
import org.cosense.systems.mengvehicle.MengParameters;
import org.cosense.systems.mengvehicle.MultiVehicleScheduler;
import org.cosense.systems.mengvehicle.SlotBounds;
import org.cosense.systems.mengvehicle.SlotSchedule;
import org.cosense.systems.mengvehicle.VehicleLinks;

/**
 * Figs. 7–9, several vehicles: Proposed (Algorithm 1), Closest and Time Division. fig7: number of slots versus B (K = 4, one
 * curve per prior radius, {@code -r<r>}); fig8: mean of max_k CRLB_k versus K (one curve per B, {@code -b<B>}); fig9: the
 * same versus the prior radius (K = 4, B = 10).
 */
final class MultiVehicleSweep extends MengFigure {
    enum Axis { SLOTS_VS_BS, CRLB_VS_VEHICLES, CRLB_VS_RADIUS }

    static final String[] SCHEMES = {"proposed", "closest", "timedivision"};
    static final int[] BS = {4, 6, 8, 10, 12, 14, 16, 18, 20};
    static final int[] BS_QUICK = {4, 8, 12, 16, 20};
    static final double[] RADII7 = {5, 20};
    static final int[] VEHICLES = {1, 2, 3, 4, 5, 6, 7, 8};
    static final int[] VEHICLES_QUICK = {1, 2, 4, 6, 8};
    static final int[] BS8 = {5, 10};
    static final double[] RADII9 = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120};
    static final double[] RADII9_QUICK = {0, 30, 60, 90, 120};

    private final Axis axis;

    MultiVehicleSweep(Axis axis) {
        super(switch (axis) {
            case SLOTS_VS_BS -> "fig7";
            case CRLB_VS_VEHICLES -> "fig8";
            case CRLB_VS_RADIUS -> "fig9";
        }, switch (axis) {
            case SLOTS_VS_BS -> "Number of time slots versus the number of BSs";
            case CRLB_VS_VEHICLES -> "Worst-vehicle CRLB versus the number of vehicles";
            case CRLB_VS_RADIUS -> "Worst-vehicle CRLB versus the prior location error radius";
        }, switch (axis) {
            case SLOTS_VS_BS -> "N decreases with B for Proposed and Closest; Time Division needs the most slots; at high BS density Proposed needs "
                    + "far fewer slots than Time Division; the reduction with B is stronger for the larger prior error.";
            case CRLB_VS_VEHICLES -> "The CRLB increases with K for all schemes; the margin of Proposed grows with K; more BSs give a markedly "
                    + "lower CRLB; Proposed is already much better than Time Division at K = 2.";
            case CRLB_VS_RADIUS -> "The CRLB increases with r for every scheme and is finite at r = 0; the gap between Proposed and Time "
                    + "Division shrinks at large r; Proposed tolerates a larger r for a given CRLB.";
        }, 500, 100);
        this.axis = axis;
    }

    @Override
    public FigureResult run(RunContext ctx) {
        MengParameters p = defaults();
        double[] x;
        int curves;
        switch (axis) {
            case SLOTS_VS_BS -> {
                int[] b = ctx.quick() ? BS_QUICK : BS;
                x = java.util.Arrays.stream(b).asDoubleStream().toArray();
                curves = 2;
            }
            case CRLB_VS_VEHICLES -> {
                int[] k = ctx.quick() ? VEHICLES_QUICK : VEHICLES;
                x = java.util.Arrays.stream(k).asDoubleStream().toArray();
                curves = 2;
            }
            default -> {
                x = ctx.quick() ? RADII9_QUICK : RADII9;
                curves = 1;
            }
        }
        int ns = 3 * curves;
        final double[] xs = x;
        final int nc = curves;
        // per point and series: {metric}, then the invariant flags at the end
        double[][][] r = ctx.monteCarlo().run(qualifiedId(), ctx.seed(), 1, ctx.trials(), (pt, t, rng) -> {
            double[] out = new double[xs.length * ns + 2];
            boolean feasible = true;
            boolean bounds = true;
            // one layout per curve (fig7) or per trial, drawn once and nested over the points
            Deployment[] base = new Deployment[nc];
            for (int c = 0; c < nc; c++) {
                base[c] = switch (axis) {
                    case SLOTS_VS_BS -> layout(rng.split(c), (int) xs[xs.length - 1], 4, RADII7[c]);
                    case CRLB_VS_VEHICLES -> c == 0 ? layout(rng.split(0), BS8[BS8.length - 1], (int) xs[xs.length - 1], 5) : base[0];
                    default -> layout(rng.split(0), 10, 4, xs[xs.length - 1]);
                };
            }
            VehicleLinks[][] baseLinks = new VehicleLinks[nc][];
            for (int c = 0; c < nc; c++) {
                baseLinks[c] = axis == Axis.CRLB_VS_RADIUS ? null : links(base[c], p);
            }
            for (int c = 0; c < nc; c++) {
                for (int i = 0; i < xs.length; i++) {
                    Deployment d = base[c];
                    VehicleLinks[] l;
                    if (axis == Axis.SLOTS_VS_BS) {
                        int nb = (int) xs[i];
                        d = new Deployment(java.util.Arrays.copyOf(d.bs(), nb), d.centres(), d.radii());
                        l = java.util.Arrays.stream(baseLinks[c]).map(v -> v.firstBs(nb)).toArray(VehicleLinks[]::new);
                    } else if (axis == Axis.CRLB_VS_VEHICLES) {
                        // nested: the first B BSs and the first K vehicles of one layout
                        int kk = (int) xs[i];
                        int nb = BS8[c];
                        d = new Deployment(java.util.Arrays.copyOf(d.bs(), nb), java.util.Arrays.copyOf(d.centres(), kk),
                                java.util.Arrays.copyOf(d.radii(), kk));
                        l = java.util.Arrays.stream(java.util.Arrays.copyOf(baseLinks[c], kk)).map(v -> v.firstBs(nb)).toArray(VehicleLinks[]::new);
                    } else {
                        double[] rr = new double[4];
                        java.util.Arrays.fill(rr, xs[i]);
                        d = new Deployment(d.bs(), d.centres(), rr);
                        l = links(d, p);
                    }
                    InterferenceGraph g = InterferenceGraph.of(l);
                    SlotSchedule[] s = {MultiVehicleScheduler.proposed(l, g), MultiVehicleScheduler.closest(l, g), MultiVehicleScheduler.timeDivision(l)};
                    int k = d.vehicleCount();
                    for (int q = 0; q < 3; q++) {
                        out[index(i, 3 * c + q, ns)] = axis == Axis.SLOTS_VS_BS ? s[q].slotCount() : s[q].maxCrlb();
                        if (q < 2) {
                            feasible &= MultiVehicleScheduler.feasible(s[q], g, k);
                            int n = s[q].slotCount();
                            bounds &= n >= SlotBounds.minSlotsNoInterference(k, d.bsCount()) && n <= SlotBounds.minSlotsFullInterference(k);
                        } else {
                            feasible &= MultiVehicleScheduler.feasible(s[q], InterferenceGraph.constant(d.bsCount(), k, true), k);
                        }
                    }
                }
            }
            out[out.length - 2] = feasible ? 1 : 0;
            out[out.length - 1] = bounds ? 1 : 0;
            return out;
        });
        double[] mean = means(r);
        double[] med = medians(r);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < curves; c++) {
            for (String s : SCHEMES) {
                names.add(s + switch (axis) {
                    case SLOTS_VS_BS -> "-r" + (int) RADII7[c];
                    case CRLB_VS_VEHICLES -> "-b" + BS8[c];
                    default -> "";
                });
            }
        }
        double[] flat = java.util.Arrays.copyOf(mean, x.length * ns);
        List<Series> series = series(names, x, flat, Series.Style.LINE_MARKERS);
        double[][] y = new double[ns][];
        for (int s = 0; s < ns; s++) {
            y[s] = column(flat, s, ns, x.length);
        }
        List<Check> checks = new ArrayList<>();
        int feas = 0;
        int bnd = 0;
        for (double[] t : r[0]) {
            feas += (int) t[t.length - 2];
            bnd += (int) t[t.length - 1];
        }
        checks.add(Check.invariant("interference-free", "every schedule satisfies (1)-(3) and (27) and gives every vehicle two BSs",
                feas == ctx.trials(), feas + " of " + ctx.trials() + " layouts"));
        checks.add(Check.invariant("lemma2-slot-bounds", "Proposed and Closest use between ceil(2K/min(B,K)) and 2K slots (Lemma 2)",
                bnd == ctx.trials(), bnd + " of " + ctx.trials() + " layouts"));
        int last = x.length - 1;
        Map<String, Object> prm = parameters(ctx);
        String caption;
        switch (axis) {
            case SLOTS_VS_BS -> {
                StringBuilder bad = new StringBuilder();
                for (int c = 0; c < curves; c++) {
                    for (int q = 0; q < 2; q++) {
                        if (!(y[3 * c + q][last] < y[3 * c + q][0])) {
                            bad.append(names.get(3 * c + q)).append(' ');
                        }
                    }
                }
                checks.add(Check.paper("slots-decrease-with-b", "N decreases with B for Proposed and Closest (largest B below smallest B)", bad.length() == 0,
                        bad.length() == 0 ? "proposed-r5 " + list(y[0]) + ", proposed-r20 " + list(y[3]) : "fails for " + bad));
                boolean most = true;
                for (int c = 0; c < curves; c++) {
                    for (int i = 0; i < x.length; i++) {
                        most &= y[3 * c + 2][i] >= y[3 * c][i] && y[3 * c + 2][i] >= y[3 * c + 1][i];
                    }
                }
                checks.add(Check.paper("timedivision-most-slots", "Time Division needs the most slots at every B", most,
                        "timedivision-r5 " + list(y[2]) + ", timedivision-r20 " + list(y[5])));
                double f5 = y[2][last] / y[0][last];
                double f20 = y[5][last] / y[3][last];
                checks.add(Check.paper("far-fewer-than-timedivision", "at the highest BS density Proposed needs far fewer slots than Time Division "
                        + "(at least a factor 3, Wording 'much')", Wording.muchLower(y[0][last], y[2][last]) && Wording.muchLower(y[3][last], y[5][last]),
                        "Time Division / Proposed at B = " + (int) x[last] + ": r = 5: " + fmt(f5) + ", r = 20: " + fmt(f20)));
                double red5 = y[0][0] - y[0][last];
                double red20 = y[3][0] - y[3][last];
                checks.add(Check.paper("reduction-stronger-for-larger-r", "the reduction of N with B is stronger for the larger prior error (Proposed)",
                        red20 > red5, "N(B = " + (int) x[0] + ") - N(B = " + (int) x[last] + "): r = 5: " + fmt(red5) + ", r = 20: " + fmt(red20)));
                prm.put("K (ASSUMED)", 4);
                prm.put("r_m (ASSUMED)", RADII7);
                prm.put("B_points (ASSUMED)", x);
                caption = "Fig. 7: mean number of time slots N over " + ctx.trials() + " random layouts versus the number of BSs B (the first B of "
                        + (int) x[last] + " drawn BSs) for Proposed (Algorithm 1: best pair per vehicle, CRLB-normalized durations "
                        + "[mengvehicle E11], first-fit slot packing under the interference graph [mengvehicle E10]), Closest (two nearest BSs, same "
                        + "packing) and Time Division (each vehicle's own optimum, one slot per association), K = 4, r = 5 m and 20 m (ASSUMED), "
                        + "M = 100. Paper claims checked: N decreases with B, Time Division most, far fewer slots than Time Division at high "
                        + "density (factor 3), stronger reduction for the larger r." + assumed() + failures(checks);
            }
            case CRLB_VS_VEHICLES -> {
                StringBuilder bad = new StringBuilder();
                for (int s = 0; s < ns; s++) {
                    if (firstNonIncrease(y[s]) >= 0) {
                        bad.append(names.get(s)).append(' ');
                    }
                }
                checks.add(Check.paper("increasing-in-k", "the CRLB increases with K for every series", bad.length() == 0,
                        bad.length() == 0 ? "proposed-b10 " + list(y[3]) : "fails for " + bad));
                boolean moreBs = true;
                for (int q = 0; q < 3; q++) {
                    for (int i = 0; i < x.length; i++) {
                        moreBs &= Wording.muchLower(y[3 + q][i], y[q][i]);
                    }
                }
                checks.add(Check.paper("more-bs-markedly-lower", "B = 10 gives a markedly lower CRLB than B = 5 (factor 3, Wording 'much') for every "
                        + "scheme and K", moreBs, "B=5/B=10 proposed " + list(SingleVehicleSweep.ratio(y[0], y[3])) + ", closest "
                                + list(SingleVehicleSweep.ratio(y[1], y[4])) + ", timedivision " + list(SingleVehicleSweep.ratio(y[2], y[5]))));
                int i2 = 1;
                boolean k2 = Wording.muchLower(y[0][i2], y[2][i2]) && Wording.muchLower(y[3][i2], y[5][i2]);
                checks.add(Check.paper("much-better-at-k2", "Proposed is much better (factor 3) than Time Division at K = 2", k2,
                        "Time Division / Proposed at K = 2: B = 5: " + fmt(y[2][i2] / y[0][i2]) + ", B = 10: " + fmt(y[5][i2] / y[3][i2])));
                boolean grows = y[2][last] / y[0][last] > y[2][i2] / y[0][i2] && y[5][last] / y[3][last] > y[5][i2] / y[3][i2];
                checks.add(Check.paper("margin-grows-with-k", "the margin of Proposed over Time Division grows from K = 2 to K = " + (int) x[last], grows,
                        "B = 5: " + fmt(y[2][i2] / y[0][i2]) + " -> " + fmt(y[2][last] / y[0][last]) + "; B = 10: " + fmt(y[5][i2] / y[3][i2]) + " -> "
                                + fmt(y[5][last] / y[3][last])));
                prm.put("B (ASSUMED)", BS8);
                prm.put("K_points (ASSUMED)", x);
                prm.put("r_m (ASSUMED)", 5.0);
                prm.put("median_proposed_b10", column(med, 3, ns, x.length));
                caption = "Fig. 8: mean over " + ctx.trials() + " random layouts of the worst vehicle's CRLB max_k CRLB_k versus the number of vehicles "
                        + "K (ASSUMED range; the first K vehicles and first B BSs of one layout) for Proposed (Algorithm 1), Closest and Time Division, B = 5 and 10 (ASSUMED), r = 5 m, M = 100, "
                        + "P = 0.5 W. Paper claims checked: increase with K, markedly lower with more BSs (factor 3), much better than Time "
                        + "Division at K = 2 (factor 3), growing margin." + assumed() + failures(checks);
            }
            default -> {
                StringBuilder bad = new StringBuilder();
                for (int s = 0; s < ns; s++) {
                    if (firstNonDecrease(negate(y[s])) >= 0) {
                        bad.append(names.get(s)).append(' ');
                    }
                }
                checks.add(Check.paper("increasing-in-r", "the CRLB increases with r for every scheme", bad.length() == 0,
                        bad.length() == 0 ? "proposed " + list(y[0]) : "fails for " + bad));
                boolean finite = true;
                for (int s = 0; s < ns; s++) {
                    finite &= y[s][0] > 0 && Double.isFinite(y[s][0]);
                }
                checks.add(Check.paper("finite-at-zero", "at r = 0 the CRLB is finite and positive", finite, "proposed at r = 0: " + fmt(y[0][0])));
                double g0 = y[2][0] / y[0][0];
                double gL = y[2][last] / y[0][last];
                checks.add(Check.paper("gap-shrinks-at-large-r", "the Time Division / Proposed ratio is smaller at the largest r than at r = 0",
                        gL < g0, "ratio " + fmt(g0) + " at r = 0, " + fmt(gL) + " at r = " + fmt(x[last])));
                boolean lowest = true;
                for (int i = 0; i < x.length; i++) {
                    lowest &= y[0][i] < y[1][i] && y[0][i] < y[2][i];
                }
                checks.add(Check.paper("proposed-lowest", "Proposed has the lowest CRLB at every r (so it tolerates a larger r for a given CRLB)",
                        lowest, "closest/proposed " + list(SingleVehicleSweep.ratio(y[1], y[0])) + ", timedivision/proposed "
                                + list(SingleVehicleSweep.ratio(y[2], y[0]))));
                prm.put("K (ASSUMED)", 4);
                prm.put("B (ASSUMED)", 10);
                prm.put("r_points_m (ASSUMED)", x);
                prm.put("median_proposed", column(med, 0, ns, x.length));
                caption = "Fig. 9: mean over " + ctx.trials() + " random layouts of max_k CRLB_k versus the prior radius r (ASSUMED 0..120 m; the "
                        + "road is lengthened when four disks do not fit [mengvehicle A2]) for Proposed, Closest and Time Division, K = 4, B = 10, "
                        + "M = 100, P = 0.5 W; the same BSs and vehicle centres at every r. Paper claims checked: increase with r, finite at "
                        + "r = 0, shrinking gap to Time Division, Proposed lowest." + assumed() + failures(checks);
            }
        }
        return new FigureResult(caption, List.of(new LinePanel("", switch (axis) {
            case SLOTS_VS_BS -> "B (number of BSs)";
            case CRLB_VS_VEHICLES -> "K (number of vehicles)";
            default -> "r (m)";
        }, axis == Axis.SLOTS_VS_BS ? "N (time slots)" : "max_k CRLB_k (m^2)", false, axis != Axis.SLOTS_VS_BS, series)), null, null, prm, checks);
    }

    static double[] negate(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = -a[i];
        }
        return r;
    }
}
