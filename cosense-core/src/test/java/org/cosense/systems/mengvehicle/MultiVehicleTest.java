package org.cosense.systems.mengvehicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cosense.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Interference graph, Algorithm 1, benchmarks and Lemmas 2–3 (C13–C15 of docs/mengvehicle.md). */
class MultiVehicleTest {

    static VehicleLinks[] links(Deployment d, MengParameters p) {
        VehicleLinks[] l = new VehicleLinks[d.vehicleCount()];
        for (int k = 0; k < l.length; k++) {
            l[k] = VehicleLinks.of(d, k, p);
        }
        return l;
    }

    /** C13: no interference at r = 0 for generic positions; interference is monotone in r. */
    @Test
    void interferenceGraphIsEmptyAtZeroRadiusAndMonotoneInRadius() {
        MengParameters p = MengParameters.defaults();
        for (int seed = 0; seed < 30; seed++) {
            Deployment d0 = Layouts.deployment(seed, 8, 3, 0);
            assertEquals(0, InterferenceGraph.of(links(d0, p)).count());
            InterferenceGraph prev = null;
            for (double r : new double[] {2, 5, 10, 20, 40}) {
                InterferenceGraph g;
                try {
                    Deployment d = new Deployment(d0.bs(), d0.centres(), new double[] {r, r, r});
                    g = InterferenceGraph.of(links(d, p));
                } catch (InvalidInputException e) {
                    break;
                }
                if (prev != null) {
                    for (int b = 0; b < 8; b++) {
                        for (int k = 0; k < 3; k++) {
                            for (int b2 = 0; b2 < 8; b2++) {
                                assertTrue(!prev.interferes(b, k, b2) || g.interferes(b, k, b2));
                            }
                        }
                    }
                }
                prev = g;
            }
        }
    }

    /** C14: Algorithm 1, Closest and Time Division are feasible, give every vehicle its two BSs, and respect the slot bounds. */
    @Test
    void schedulesAreFeasibleAndRespectTheSlotBounds() {
        MengParameters p = MengParameters.defaults();
        int instances = 0;
        for (int seed = 0; seed < 300; seed++) {
            int nb = 3 + seed % 9;
            int k = 1 + seed % 6;
            double r = seed % 2 == 0 ? 5 : 20;
            Deployment d = Layouts.deployment(100 + seed, nb, k, r);
            VehicleLinks[] l = links(d, p);
            for (int mode = 0; mode < 3; mode++) {
                InterferenceGraph g = mode == 0 ? InterferenceGraph.of(l) : InterferenceGraph.constant(nb, k, mode == 2);
                for (SlotSchedule s : List.of(MultiVehicleScheduler.proposed(l, g), MultiVehicleScheduler.closest(l, g))) {
                    assertTrue(MultiVehicleScheduler.feasible(s, g, k));
                    int n = s.slotCount();
                    assertTrue(n >= SlotBounds.minSlotsNoInterference(k, nb) && n <= 2 * k, "N = " + n);
                    if (mode == 2) {
                        assertEquals(2 * k, n);
                    }
                    if (mode == 1) {
                        int maxLoad = 0;
                        for (int b = 0; b < nb; b++) {
                            int load = 0;
                            for (List<Association> slot : s.slots()) {
                                for (Association a : slot) {
                                    load += a.bs() == b ? 1 : 0;
                                }
                            }
                            maxLoad = Math.max(maxLoad, load);
                        }
                        int lo = Math.max(2, maxLoad);
                        assertTrue(n >= lo && n <= 2 * lo - 1, "N = " + n + " maxload " + maxLoad);
                    }
                    double sum = 0;
                    for (double t : s.tau()) {
                        sum += t;
                    }
                    assertEquals(1, sum, 1e-12);
                    for (double c : s.crlb()) {
                        assertTrue(c > 0 && Double.isFinite(c));
                    }
                }
                SlotSchedule td = MultiVehicleScheduler.timeDivision(l);
                assertTrue(MultiVehicleScheduler.feasible(td, InterferenceGraph.constant(nb, k, true), k));
                instances++;
            }
        }
        assertTrue(instances == 900);
    }

    /** Time Division equalizes the vehicles' CRLBs at Σ_k CRLB*_k. */
    @Test
    void timeDivisionEqualizesCrlbs() {
        MengParameters p = MengParameters.defaults();
        Deployment d = Layouts.deployment(7, 8, 4, 5);
        VehicleLinks[] l = links(d, p);
        SlotSchedule td = MultiVehicleScheduler.timeDivision(l);
        double total = 0;
        for (VehicleLinks v : l) {
            total += DwellTimeSolver.solve(v.rho(), v.azimuth()).crlb();
        }
        for (double c : td.crlb()) {
            assertEquals(total, c, 1e-9 * total);
        }
    }

    /** C15: the cyclic association achieves Lemma 2's two slots for K ≤ B; Lemma 3's counts. */
    @Test
    void lemma2And3() {
        for (int nb = 2; nb <= 8; nb++) {
            for (int k = 1; k <= nb; k++) {
                List<List<Association>> slots = SlotBounds.cyclic(k, nb);
                SlotSchedule s = new SlotSchedule(slots, new double[] {0.5, 0.5}, new double[k]);
                assertTrue(MultiVehicleScheduler.feasible(s, InterferenceGraph.constant(nb, k, false), k));
                assertEquals(2, SlotBounds.minSlotsNoInterference(k, nb));
                Set<Integer> bs = new HashSet<>();
                for (Association a : slots.get(0)) {
                    assertTrue(bs.add(a.bs()));
                }
            }
            assertEquals((2 * (nb + 1) + nb - 1) / nb, SlotBounds.minSlotsNoInterference(nb + 1, nb));
            assertEquals(3 * nb / 2, SlotBounds.maxVehicles(3, nb, false));
            assertEquals(1, SlotBounds.maxVehicles(3, nb, true));
            assertEquals(0, SlotBounds.maxVehicles(1, nb, false));
        }
        assertEquals(8, SlotBounds.minSlotsFullInterference(4));
    }
}
