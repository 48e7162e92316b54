package org.cosense.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cosense.math.RandomStream;
import org.junit.jupiter.api.Test;

class MinimaxLinkageTest {
    private static MinimaxLinkage onLine(double[] x, double[] anchor, double w) {
        return new MinimaxLinkage(x.length, (i, j) -> Math.abs(x[i] - x[j]), anchor == null ? null : i -> anchor[i], w);
    }

    @Test
    void handComputedMergeOrderOnALine() {
        // points 0, 1, 3, 7: {0,1} at radius 1, then {0,1,3} at 2 (centre 1), then all at 4 (centre 3)
        List<MinimaxLinkage.Node> tree = onLine(new double[] {0, 1, 3, 7}, null, 0).tree();
        assertEquals(7, tree.size());
        assertArrayEquals(new int[] {0, 1}, tree.get(4).members());
        assertEquals(1, tree.get(4).radius(), 0);
        assertArrayEquals(new int[] {0, 1, 2}, tree.get(5).members());
        assertEquals(2, tree.get(5).radius(), 0);
        assertArrayEquals(new int[] {0, 1, 2, 3}, tree.get(6).members());
        assertEquals(4, tree.get(6).radius(), 0);
    }

    @Test
    void anchorPullsTheTreeTowardsTheAnchoredPoint() {
        // same line; anchor = distance to a point of interest at 7.5. With w = 0.5 the pair {2,3} (radius 4, anchor
        // 0.5) scores 2.25 and beats {0,1} (radius 1, anchor 6.5: 3.75)
        double[] x = {0, 1, 3, 7};
        double[] anchor = Arrays.stream(x).map(v -> Math.abs(v - 7.5)).toArray();
        List<MinimaxLinkage.Node> tree = onLine(x, anchor, 0.5).tree();
        assertArrayEquals(new int[] {2, 3}, tree.get(4).members());
        assertEquals(2.25, tree.get(4).radius(), 1e-15);
        // leaves carry their anchor term
        assertEquals(0.5 * 6.5, tree.get(1).radius(), 1e-15);
    }

    @Test
    void tiesGoToTheLexicographicallySmallestPair() {
        // equally spaced: every adjacent pair has radius 1; {0,1} must merge first, then {2,3}
        List<MinimaxLinkage.Node> tree = onLine(new double[] {0, 1, 2, 3}, null, 0).tree();
        assertArrayEquals(new int[] {0, 1}, tree.get(4).members());
        assertArrayEquals(new int[] {0, 1, 2}, tree.get(5).members(), "{0,1}∪{2} (radius 1, centre 1) beats {2,3}");
    }

    @Test
    void randomTreesAreNestedMonotoneAndEveryMergeIsTheCheapest() {
        for (long seed = 1; seed <= 5; seed++) {
            RandomStream rng = new RandomStream(seed);
            int n = 9;
            double[][] p = new double[n][];
            for (int i = 0; i < n; i++) {
                p[i] = new double[] {rng.nextDouble() * 100, rng.nextDouble() * 100};
            }
            MinimaxLinkage l = new MinimaxLinkage(n, (i, j) -> Math.hypot(p[i][0] - p[j][0], p[i][1] - p[j][1]));
            List<MinimaxLinkage.Node> tree = l.tree();
            assertEquals(2 * n - 1, tree.size());
            assertEquals(n, tree.get(tree.size() - 1).size());
            List<int[]> active = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                active.add(new int[] {i});
            }
            double previous = 0;
            for (int m = n; m < tree.size(); m++) {
                MinimaxLinkage.Node node = tree.get(m);
                // the merged cluster is the union of two active clusters, and no other pair is cheaper
                double cheapest = Double.POSITIVE_INFINITY;
                int fx = -1;
                int fy = -1;
                for (int x = 0; x < active.size(); x++) {
                    for (int y = x + 1; y < active.size(); y++) {
                        int[] u = MinimaxLinkage.union(active.get(x), active.get(y));
                        cheapest = Math.min(cheapest, l.minimaxRadius(u));
                        if (Arrays.equals(u, node.members())) {
                            fx = x;
                            fy = y;
                        }
                    }
                }
                assertTrue(fx >= 0, "merge " + m + " joins two active clusters");
                assertEquals(cheapest, node.radius(), 0, "merge " + m + " is the cheapest pair");
                assertEquals(l.minimaxRadius(node.members()), node.radius(), 0);
                // minimax linkage has no inversions (Bien and Tibshirani 2011)
                assertTrue(node.radius() >= previous, "monotone merge heights");
                previous = node.radius();
                active.remove(fy);
                active.remove(fx);
                active.add(node.members());
            }
        }
    }

    @Test
    void minimaxRadiusIsTheSmallestEnclosingBallCentredAtAMember() {
        MinimaxLinkage l = onLine(new double[] {0, 2, 10}, null, 0);
        assertEquals(0, l.minimaxRadius(new int[] {1}), 0);
        assertEquals(8, l.minimaxRadius(new int[] {0, 1, 2}), 0, "centre 2: max(2, 8)");
    }
}
