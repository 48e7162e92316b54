package org.cosense.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.cosense.InvalidInputException;
import org.cosense.math.RandomStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;

class BipartiteEdgeColouringTest {

    /** König: random bipartite multigraphs (parallel edges included) get a proper colouring with exactly Δ colours. */
    @Test
    void randomMultigraphsAreColouredWithMaxDegreeColours() {
        for (int trial = 0; trial < 500; trial++) {
            RandomStream rng = new RandomStream(7000 + trial);
            int nl = 1 + rng.nextInt(8);
            int nr = 1 + rng.nextInt(8);
            int m = rng.nextInt(40);
            int[] l = new int[m];
            int[] r = new int[m];
            for (int e = 0; e < m; e++) {
                l[e] = rng.nextInt(nl);
                r[e] = rng.nextInt(nr);
            }
            int[] c = BipartiteEdgeColouring.colour(nl, nr, l, r);
            int delta = BipartiteEdgeColouring.maxDegree(nl, nr, l, r);
            Set<Long> seen = new HashSet<>();
            Set<Integer> used = new HashSet<>();
            for (int e = 0; e < m; e++) {
                assertTrue(c[e] >= 0 && c[e] < delta, "colour " + c[e] + " of Δ = " + delta);
                used.add(c[e]);
                assertTrue(seen.add(((long) l[e] << 32) | c[e]), "left vertex " + l[e] + " has colour " + c[e] + " twice");
                assertTrue(seen.add(((long) (nl + r[e]) << 32) | c[e]), "right vertex " + r[e] + " has colour " + c[e] + " twice");
            }
            assertEquals(delta, used.size());
        }
    }

    /** A 3-regular bipartite multigraph with a double edge: three colours, the double edge's two copies differ. */
    @Test
    void doubleEdgesGetDistinctColours() {
        int[] l = {0, 0, 0, 1, 1, 1};
        int[] r = {0, 0, 1, 0, 1, 1};
        int[] c = BipartiteEdgeColouring.colour(2, 2, l, r);
        assertEquals(3, BipartiteEdgeColouring.maxDegree(2, 2, l, r));
        assertTrue(c[0] != c[1] && c[4] != c[5]);
        for (int x : c) {
            assertTrue(x >= 0 && x < 3);
        }
    }

    @Test
    void rejectsAnEndOutsideTheVertexRange() {
        Executable bad = () -> BipartiteEdgeColouring.colour(2, 2, new int[] {0}, new int[] {2});
        assertThrows(InvalidInputException.class, bad);
    }
}
