package org.cosense.systems.mengvehicle;

import java.util.ArrayList;
import java.util.List;

import org.cosense.optim.GreedySlotPacking;

/**
 * Association and time allocation for K vehicles, Section IV: Algorithm 1 and the benchmarks.
 *
 * <p>Algorithm 1: every vehicle takes its best BS pair (closed form) with full-time CRLB C_k and split
 * (t1, t2); the splits are scaled by C_k / max C so that all vehicles reach the same CRLB level
 * [mengvehicle E11]; the 2K associations are packed first-fit decreasing into slots where no BS and no
 * vehicle repeats and no member interferes with another ((1)–(3), (27)); a slot lasts as long as its
 * longest member, τ_n ∝ slot length, and the CRLBs follow from (29) with the actual τ_n.
 * Closest: the same with the two nearest BSs. Time Division: each vehicle's own (P2) optimum, one slot
 * per association, vehicle shares ∝ its optimal CRLB (equal CRLBs) [mengvehicle S4].
 */
public final class MultiVehicleScheduler {
    private MultiVehicleScheduler() {
    }

    public static SlotSchedule proposed(VehicleLinks[] links, InterferenceGraph graph) {
        int[][] pairs = new int[links.length][];
        for (int k = 0; k < links.length; k++) {
            DwellAllocation a = DwellTimeSolver.bestPair(links[k].rho(), links[k].azimuth());
            pairs[k] = a.associated(1e-12);
        }
        return pairSchedule(links, graph, pairs);
    }

    public static SlotSchedule closest(VehicleLinks[] links, InterferenceGraph graph) {
        int[][] pairs = new int[links.length][];
        for (int k = 0; k < links.length; k++) {
            pairs[k] = DwellBenchmarks.closestPair(links[k].distance());
        }
        return pairSchedule(links, graph, pairs);
    }

    /** Algorithm 1 steps 2–6 for given BS pairs. */
    public static SlotSchedule pairSchedule(VehicleLinks[] links, InterferenceGraph graph, int[][] pairs) {
        int kk = links.length;
        double[] c = new double[kk];
        double cMax = 0;
        for (int k = 0; k < kk; k++) {
            double[] r = links[k].rho();
            double[] p = links[k].azimuth();
            c[k] = DwellCrlb.pairOptimum(r[pairs[k][0]], r[pairs[k][1]], p[pairs[k][0]], p[pairs[k][1]]);
            cMax = Math.max(cMax, c[k]);
        }
        List<Association> items = new ArrayList<>();
        for (int k = 0; k < kk; k++) {
            double[] r = links[k].rho();
            double t1 = DwellCrlb.pairShare(r[pairs[k][0]], r[pairs[k][1]]);
            double norm = Double.isFinite(cMax) ? c[k] / cMax : 1;
            items.add(new Association(pairs[k][0], k, t1 * norm));
            items.add(new Association(pairs[k][1], k, (1 - t1) * norm));
        }
        return pack(items, links, graph);
    }

    public static SlotSchedule timeDivision(VehicleLinks[] links) {
        int kk = links.length;
        List<List<Association>> slots = new ArrayList<>();
        List<Double> len = new ArrayList<>();
        double[] opt = new double[kk];
        DwellAllocation[] alloc = new DwellAllocation[kk];
        double total = 0;
        for (int k = 0; k < kk; k++) {
            alloc[k] = DwellTimeSolver.solve(links[k].rho(), links[k].azimuth());
            opt[k] = alloc[k].crlb();
            total += opt[k];
        }
        for (int k = 0; k < kk; k++) {
            double share = opt[k] / total;
            double[] tau = alloc[k].tau();
            for (int b = 0; b < tau.length; b++) {
                if (tau[b] > 0) {
                    slots.add(List.of(new Association(b, k, share * tau[b])));
                    len.add(share * tau[b]);
                }
            }
        }
        double[] t = new double[len.size()];
        double s = 0;
        for (double l : len) {
            s += l;
        }
        for (int n = 0; n < t.length; n++) {
            t[n] = len.get(n) / s;
        }
        return new SlotSchedule(slots, t, SlotSchedule.crlbs(slots, t, links));
    }

    static SlotSchedule pack(List<Association> items, VehicleLinks[] links, InterferenceGraph graph) {
        double[] lengths = items.stream().mapToDouble(Association::length).toArray();
        GreedySlotPacking.Packing p = GreedySlotPacking.pack(lengths, (i, j) -> compatible(items.get(i), items.get(j), graph));
        List<List<Association>> slots = new ArrayList<>();
        for (List<Integer> s : p.slots()) {
            slots.add(s.stream().map(items::get).toList());
        }
        double[] tau = p.lengths();
        double total = p.totalLength();
        for (int n = 0; n < tau.length; n++) {
            tau[n] /= total;
        }
        return new SlotSchedule(slots, tau, SlotSchedule.crlbs(slots, tau, links));
    }

    /** (1), (2) and (27) between two associations sharing a slot. */
    public static boolean compatible(Association a, Association b, InterferenceGraph graph) {
        return a.bs() != b.bs() && a.vehicle() != b.vehicle() && !graph.interferes(a.bs(), a.vehicle(), b.bs())
                && !graph.interferes(b.bs(), b.vehicle(), a.bs());
    }

    /** Whether a schedule satisfies (1), (2), (3) and (27), and every vehicle has ≥ 2 associations with distinct BSs. */
    public static boolean feasible(SlotSchedule s, InterferenceGraph graph, int vehicles) {
        java.util.Set<Long> used = new java.util.HashSet<>();
        int[] count = new int[vehicles];
        for (List<Association> slot : s.slots()) {
            for (int i = 0; i < slot.size(); i++) {
                Association a = slot.get(i);
                if (!used.add((long) a.bs() * 1_000_003L + a.vehicle())) {
                    return false;
                }
                count[a.vehicle()]++;
                for (int j = i + 1; j < slot.size(); j++) {
                    if (!compatible(a, slot.get(j), graph)) {
                        return false;
                    }
                }
            }
        }
        for (int c : count) {
            if (c < 2) {
                return false;
            }
        }
        return true;
    }
}
