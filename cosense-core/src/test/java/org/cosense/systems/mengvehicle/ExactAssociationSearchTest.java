package org.cosense.systems.mengvehicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The exact association search of (P3) on tiny instances and Proposition 4 (C16 of docs/mengvehicle.md). */
class ExactAssociationSearchTest {

    static final double REL = 1e-6;

    static VehicleLinks[] links(Deployment d, int bs, int vehicles) {
        VehicleLinks[] l = new VehicleLinks[vehicles];
        for (int k = 0; k < vehicles; k++) {
            l[k] = VehicleLinks.of(d, k, MengParameters.defaults()).firstBs(bs);
        }
        return l;
    }

    /** K = 1: one association per slot, and the optimum is the single-vehicle (P2) optimum of the exact solver. */
    @Test
    void singleVehicleEqualsTheDwellTimeOptimum() {
        for (int seed = 0; seed < 20; seed++) {
            int nb = 3 + seed % 3;
            Deployment d = Layouts.deployment(500 + seed, nb, 1, 20);
            VehicleLinks[] l = links(d, nb, 1);
            double exact = ExactAssociationSearch.solve(l, InterferenceGraph.of(l), nb).objective();
            double p2 = DwellTimeSolver.solve(l[0].rho(), l[0].azimuth()).crlb();
            assertEquals(p2, exact, 1e-7 * p2, "seed " + seed);
        }
    }

    /** Full interference: one association per slot, and the optimum is time division, Σ_k CRLB*_k. */
    @Test
    void fullInterferenceEqualsTimeDivision() {
        for (int seed = 0; seed < 10; seed++) {
            Deployment d = Layouts.deployment(600 + seed, 4, 2, 5);
            VehicleLinks[] l = links(d, 4, 2);
            ExactAssociationSearch.Result r = ExactAssociationSearch.solve(l, InterferenceGraph.constant(4, 2, true), 8);
            double td = MultiVehicleScheduler.timeDivision(l).maxCrlb();
            assertEquals(td, r.objective(), 1e-7 * td, "seed " + seed);
            for (List<Association> slot : r.schedule().slots()) {
                assertTrue(slot.size() == 1);
            }
        }
    }

    /** For a fixed association the interior-point shares are no worse than any point of a simplex grid (step 1/300), and within 1e-3 of the best. */
    @Test
    void sharesMatchASimplexGrid() {
        for (int seed = 0; seed < 5; seed++) {
            Deployment d = Layouts.deployment(700 + seed, 4, 2, 5);
            VehicleLinks[] l = links(d, 4, 2);
            List<List<Association>> x = List.of(
                    List.of(new Association(0, 0, 1), new Association(1, 1, 1)),
                    List.of(new Association(1, 0, 1), new Association(2, 1, 1)),
                    List.of(new Association(2, 0, 1), new Association(3, 1, 1)));
            double ipm = ExactAssociationSearch.optimalShares(x, l).maxCrlb();
            int g = 300;
            double grid = Double.POSITIVE_INFINITY;
            for (int i = 0; i <= g; i++) {
                for (int j = 0; i + j <= g; j++) {
                    double[] t = {i / (double) g, j / (double) g, (g - i - j) / (double) g};
                    double m = 0;
                    for (double c : SlotSchedule.crlbs(x, t, l)) {
                        m = Math.max(m, c);
                    }
                    grid = Math.min(grid, m);
                }
            }
            assertTrue(ipm <= grid * (1 + 1e-9), "seed " + seed + ": " + ipm + " vs grid " + grid);
            assertTrue(ipm >= grid * (1 - 1e-3), "seed " + seed + ": " + ipm + " vs grid " + grid);
        }
    }

    /**
     * Proposition 4 on random tiny layouts (slot budget 4, r = 20 m so that the interference graph is not empty):
     * the optimum does not increase when a BS is added and does not decrease when a vehicle is added; Algorithm 1's
     * schedule is feasible, so its objective (and the one with its τ re-optimized) is at least the optimum.
     */
    @Test
    void proposition4AndAlgorithm1AboveTheOptimum() {
        int budget = 4;
        int interfering = 0;
        for (int seed = 0; seed < 10; seed++) {
            Deployment d = Layouts.deployment(800 + seed, 4, 3, 20);
            double[][] opt = new double[5][4];
            for (int nb = 2; nb <= 4; nb++) {
                for (int k = 1; k <= 3 && nb * k <= 9; k++) {
                    VehicleLinks[] l = links(d, nb, k);
                    InterferenceGraph g = InterferenceGraph.of(l);
                    interfering += g.count() > 0 ? 1 : 0;
                    opt[nb][k] = ExactAssociationSearch.solve(l, g, budget).objective();
                    if (k <= 2) {
                        SlotSchedule alg1 = MultiVehicleScheduler.proposed(l, g);
                        assertTrue(alg1.slotCount() <= budget);
                        double refined = ExactAssociationSearch.optimalShares(alg1.slots(), l).maxCrlb();
                        assertTrue(alg1.maxCrlb() >= refined * (1 - REL), "seed " + seed + " B " + nb + " K " + k);
                        assertTrue(refined >= opt[nb][k] * (1 - REL), "seed " + seed + " B " + nb + " K " + k);
                    }
                }
            }
            for (int nb = 2; nb <= 4; nb++) {
                for (int k = 1; k <= 3; k++) {
                    if (nb < 4 && (nb + 1) * k <= 9) {
                        assertTrue(opt[nb + 1][k] <= opt[nb][k] * (1 + REL), "B " + nb + "→" + (nb + 1) + " K " + k + " seed " + seed);
                    }
                    if (k < 3 && nb * (k + 1) <= 9) {
                        assertTrue(opt[nb][k + 1] >= opt[nb][k] * (1 - REL), "K " + k + "→" + (k + 1) + " B " + nb + " seed " + seed);
                    }
                }
            }
        }
        assertTrue(interfering > 0);
    }
}
