package org.cosense.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.math.RandomStream;
import org.junit.jupiter.api.Test;

class ExhaustiveSubsetSearchTest {
    @Test
    void equalsNestedLoopBruteForceOnTinyCases() {
        for (long seed = 1; seed <= 10; seed++) {
            RandomStream rng = new RandomStream(seed);
            double[] w = new double[5];
            for (int i = 0; i < 5; i++) {
                w[i] = rng.nextGaussian();
            }
            // minimize sum of weights over subsets of size 2 or 3 (nested loops as the independent oracle)
            double best = Double.POSITIVE_INFINITY;
            for (int a = 0; a < 5; a++) {
                for (int b = a + 1; b < 5; b++) {
                    best = Math.min(best, w[a] + w[b]);
                    for (int c = b + 1; c < 5; c++) {
                        best = Math.min(best, w[a] + w[b] + w[c]);
                    }
                }
            }
            var found = ExhaustiveSubsetSearch.minimize(5, s -> s.length == 2 || s.length == 3, s -> {
                double v = 0;
                for (int i : s) {
                    v += w[i];
                }
                return v;
            }).orElseThrow();
            assertEquals(best, found.objective(), 1e-15, "seed " + seed);
        }
    }

    @Test
    void tiesGoToTheSmallerThenLexicographicallyFirstSet() {
        var found = ExhaustiveSubsetSearch.minimize(4, s -> true, s -> 1).orElseThrow();
        assertArrayEquals(new int[] {0}, found.members());
        assertTrue(ExhaustiveSubsetSearch.minimize(3, s -> false, s -> 0).isEmpty());
        assertArrayEquals(new int[] {0, 2, 3}, ExhaustiveSubsetSearch.members(0b1101));
    }
}
