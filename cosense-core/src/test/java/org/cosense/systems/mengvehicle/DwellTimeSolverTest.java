package org.cosense.systems.mengvehicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.math.RandomStream;
import org.cosense.optim.Polyblock;
import org.junit.jupiter.api.Test;

/** The exact dwell-time solver against the interior-point program, a simplex grid and the polyblock (C9, C10, C18). */
class DwellTimeSolverTest {

    /** C9: exact = interior-point trace-inverse program to 1e-7 relative on 200 layouts, B = 10; support ≤ 3. */
    @Test
    void exactSolverEqualsInteriorPointProgram() {
        double worst = 0;
        for (int seed = 0; seed < 200; seed++) {
            VehicleLinks l = Layouts.single(1000 + seed, 10, 5);
            DwellAllocation exact = DwellTimeSolver.solve(l.rho(), l.azimuth());
            DwellAllocation ip = DwellProgram.solve(l.rho(), l.azimuth());
            worst = Math.max(worst, Math.abs(exact.crlb() - ip.crlb()) / ip.crlb());
            assertTrue(exact.crlb() <= ip.crlb() * (1 + 1e-7), "seed " + seed);
            assertTrue(exact.associated(1e-12).length <= 3);
            double s = 0;
            for (double t : exact.tau()) {
                assertTrue(t >= 0);
                s += t;
            }
            assertEquals(1, s, 1e-12);
        }
        assertTrue(worst <= 1e-7, "worst relative difference " + worst);
    }

    /** C9: exact = brute-force simplex grid (step 1/2000) to 1e-4 relative at B = 3. */
    @Test
    void exactSolverEqualsSimplexGridAtThreeBs() {
        for (int seed = 0; seed < 20; seed++) {
            VehicleLinks l = Layouts.single(2000 + seed, 3, 5);
            double exact = DwellTimeSolver.solve(l.rho(), l.azimuth()).crlb();
            int g = 2000;
            double best = Double.POSITIVE_INFINITY;
            double[] t = new double[3];
            for (int i = 0; i <= g; i++) {
                for (int j = 0; i + j <= g; j++) {
                    t[0] = (double) i / g;
                    t[1] = (double) j / g;
                    t[2] = 1 - t[0] - t[1];
                    best = Math.min(best, DwellCrlb.of(t, l.rho(), l.azimuth()));
                }
            }
            assertTrue(exact <= best * (1 + 1e-12), "exact above the grid, seed " + seed);
            assertEquals(best, exact, 1e-4 * exact, "seed " + seed);
        }
    }

    /** Three-BS optima occur (the triple branch is exercised) and beat every pair. */
    @Test
    void someOptimaUseThreeBs() {
        int three = 0;
        for (int seed = 0; seed < 200; seed++) {
            VehicleLinks l = Layouts.single(3000 + seed, 10, 5);
            DwellAllocation a = DwellTimeSolver.solve(l.rho(), l.azimuth());
            if (a.associated(1e-9).length == 3) {
                three++;
                assertTrue(a.crlb() < DwellTimeSolver.bestPair(l.rho(), l.azimuth()).crlb());
            }
        }
        assertTrue(three > 0, "no three-BS optimum in 200 layouts");
    }

    /** C18: Proposed ≤ Average and ≤ Closest on every layout. */
    @Test
    void proposedIsNeverWorseThanTheBenchmarks() {
        for (int seed = 0; seed < 500; seed++) {
            VehicleLinks l = Layouts.single(4000 + seed, 2 + seed % 14, 5 * (seed % 3));
            double p = DwellTimeSolver.solve(l.rho(), l.azimuth()).crlb();
            assertTrue(p <= DwellBenchmarks.average(l.rho(), l.azimuth()).crlb() * (1 + 1e-12), "seed " + seed);
            assertTrue(p <= DwellBenchmarks.closest(l.rho(), l.azimuth(), l.distance()).crlb() * (1 + 1e-12), "seed " + seed);
        }
    }

    /** C10: the polyblock bracket lower ≤ 1/CRLB* ≤ upper holds at every iteration; the pair warm start is never lost. */
    @Test
    void polyblockBracketsTheExactOptimumAtEveryIteration() {
        for (int seed = 0; seed < 10; seed++) {
            int nb = 3 + seed % 3;
            VehicleLinks l = Layouts.single(5000 + seed, nb, 5);
            double fStar = 1 / DwellTimeSolver.solve(l.rho(), l.azimuth()).crlb();
            double pair = DwellTimeSolver.bestPair(l.rho(), l.azimuth()).crlb();
            int[] its = {0};
            Polyblock.Result r = DwellPolyblock.solve(l.rho(), l.azimuth(), Polyblock.Options.of(1e-3, 20_000), (it, lo, up) -> {
                its[0]++;
                assertTrue(lo <= fStar * (1 + 1e-12), "lower above optimum at " + it);
                assertTrue(up >= fStar * (1 - 1e-12), "upper below optimum at " + it);
            });
            assertEquals(r.iterations(), its[0]);
            assertTrue(1 / r.lower() <= pair * (1 + 1e-12));
            assertTrue(r.lower() <= fStar * (1 + 1e-12) && r.upper() >= fStar * (1 - 1e-12));
        }
    }

    /** C10: on B = 3 the polyblock's best point agrees with the exact optimum to 1e-2 after 1e5 iterations. */
    @Test
    void polyblockApproachesTheExactOptimumAtThreeBs() {
        for (int seed = 0; seed < 5; seed++) {
            VehicleLinks l = Layouts.single(6000 + seed, 3, 5);
            double exact = DwellTimeSolver.solve(l.rho(), l.azimuth()).crlb();
            Polyblock.Result r = DwellPolyblock.solve(l.rho(), l.azimuth(), DwellPolyblock.DEFAULT, null);
            assertEquals(exact, 1 / r.lower(), 1e-2 * exact, "seed " + seed);
        }
    }

    @Test
    void randomLayoutsRespectTheDistanceRule() {
        RandomStream rng = new RandomStream(7);
        for (int t = 0; t < 100; t++) {
            Deployment d = Deployment.random(rng.split(t), 8, 1 + t % 5, 5 * (t % 4), 20);
            for (double[] q : d.bs()) {
                for (int k = 0; k < d.vehicleCount(); k++) {
                    assertTrue(Math.hypot(q[0] - d.centres()[k][0], q[1] - d.centres()[k][1]) >= d.radii()[k] + 20);
                }
            }
        }
    }
}
