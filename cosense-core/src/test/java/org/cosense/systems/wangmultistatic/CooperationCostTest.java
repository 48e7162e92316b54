package org.cosense.systems.wangmultistatic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CooperationCostTest {
    // target at the origin; REs on a 3-4-5 triangle
    private final CooperationCost cost = new CooperationCost(new double[][] {{3, 0}, {0, 4}, {0, 0}}, new double[] {0, 0}, 0.5);

    @Test
    void handComputedValues() {
        assertEquals(0, cost.of(new int[0]), 0);
        assertEquals(0.5 * 3, cost.of(new int[] {0}), 1e-15, "|G| = 1: only the target term");
        // {0, 1}: v_0 = 0.5*3 + 0.5*5, v_1 = 0.5*4 + 0.5*5
        assertEquals(1.5 + 2.5 + 2 + 2.5, cost.of(new int[] {0, 1}), 1e-12);
        // {0, 1, 2}: distances 5, 3, 4; v_0 = 1.5 + 0.5*(5+3)/2, v_1 = 2 + 0.5*(5+4)/2, v_2 = 0 + 0.5*(3+4)/2
        assertEquals(1.5 + 2 + 2 + 2.25 + 0 + 1.75, cost.of(new int[] {0, 1, 2}), 1e-12);
    }

    @Test
    void equalsTheClosedFormWithPairwiseSum() {
        double[][] p = Instances.positions(3, 7);
        CooperationCost c = new CooperationCost(p, Instances.TARGET, 0.3);
        int[] g = {0, 2, 3, 6};
        double toTarget = 0;
        double pairs = 0;
        for (int a = 0; a < g.length; a++) {
            toTarget += c.distanceToTarget(g[a]);
            for (int b = a + 1; b < g.length; b++) {
                pairs += c.distance(g[a], g[b]);
            }
        }
        assertEquals(0.3 * toTarget + 0.7 * 2 * pairs / (g.length - 1), c.of(g), 1e-12);
    }
}
