package org.cosense.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The solver's status says what the returned point is: OPTIMAL only when every tolerance is met,
 * NEAR_OPTIMAL for a stalled iterate within 10x of them (with that iterate's measures).
 */
class StatusTruthTest {
    /** A tolerance set with no absolute-gap escape, so the relative gap alone decides. */
    private static SolverOptions tolerances(double t) {
        return new SolverOptions(100, t, Double.MIN_NORMAL, t, 1e-9);
    }

    /** The worst of the three measures the tolerances bound. */
    private static double worst(Solution s) {
        return Math.max(s.relativeGap(), Math.max(s.primalResidual(), s.dualResidual()));
    }

    @Test
    void aStallWithinTenfoldOfTheTolerancesIsNearOptimalWithItsResiduals() {
        RandomInstances.Planted pl = RandomInstances.planted(1, 8, new int[] {6, 4}, 6);
        // tolerances below the rounding floor: the method runs until it stalls and reports its best iterate
        Solution floor = pl.program().solve(tolerances(1e-15));
        System.out.println("floor: " + floor);
        assertTrue(worst(floor) > 1e-15, "the floor is above 1e-15: " + floor);
        assertNotEquals(Status.OPTIMAL, floor.status());
        assertNotEquals(Status.NEAR_OPTIMAL, floor.status());
        assertTrue(floor.status().hasPoint());

        // tolerances a third of that floor: the same iterates, the same best point, now within 10x
        double t = worst(floor) / 3;
        Solution near = pl.program().solve(tolerances(t));
        System.out.println("near (tolerance " + t + "): " + near);
        assertEquals(Status.NEAR_OPTIMAL, near.status());
        assertTrue(worst(near) > t && worst(near) <= 10 * t, "measures " + worst(near) + " vs tolerance " + t);
        assertEquals(floor.relativeGap(), near.relativeGap(), 0);
        assertEquals(floor.primalResidual(), near.primalResidual(), 0);
        assertEquals(floor.dualResidual(), near.dualResidual(), 0);
        assertEquals(pl.optimum(), near.objective(), 1e-8 * Math.abs(pl.optimum()));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void optimalOnlyBelowTheTolerances(long seed) {
        for (double t : new double[] {1e-9, 1e-11, 1e-12, 1e-13}) {
            Solution s = RandomInstances.planted(seed, 8, new int[] {6, 4}, 6).program().solve(tolerances(t));
            boolean met = s.relativeGap() <= t && s.primalResidual() <= t && s.dualResidual() <= t;
            switch (s.status()) {
                case OPTIMAL -> assertTrue(met, "OPTIMAL above tolerance " + t + ": " + s);
                case NEAR_OPTIMAL -> assertTrue(!met && worst(s) <= 10 * t, "NEAR_OPTIMAL at tolerance " + t + ": " + s);
                default -> assertTrue(!met, s.status() + " although every tolerance " + t + " is met: " + s);
            }
        }
    }
}
