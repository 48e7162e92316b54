package org.cosense.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.channel.ActiveIrs;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/** {@link GaussianRandomization}: deterministic per seed, incumbent kept on ties, rank-one relaxations exact. */
class GaussianRandomizationTest {

    /** −|a^H x|^2 for unit-modulus x: maximal (−N^2 ... −(Σ|a_n|)^2) at x_n = a_n/|a_n|. */
    private static double score(double[] a, double[] x) {
        double[] d = ComplexLinalg.dotConj(a, x);
        return -(d[0] * d[0] + d[1] * d[1]);
    }

    private static double[] vector(long seed, int n) {
        double[] a = new double[2 * n];
        new RandomStream(seed).complexGaussian(a, 0, n, 1);
        return a;
    }

    @Test
    void rankOneRelaxationGivesTheProjectedPrincipalVector() {
        int n = 6;
        double[] a = vector(3, n);
        ZMatrixRMaj x = ComplexLinalg.multTransB(ComplexLinalg.columnVector(a), ComplexLinalg.columnVector(a));  // a a^H
        GaussianRandomization.Result r = GaussianRandomization.run(x, 20, new RandomStream(1), ActiveIrs.passiveSurface()::project,
                z -> score(a, z), null, Double.NaN);
        double l1 = 0;
        for (int k = 0; k < n; k++) {
            l1 += Math.hypot(a[2 * k], a[2 * k + 1]);
        }
        assertEquals(-l1 * l1, r.score(), 1e-9 * l1 * l1, "the optimum of max |a^H x|^2 over unit modulus");
        assertEquals(21, r.evaluated());
        assertTrue(r.improved());
    }

    @Test
    void deterministicForASeedAndKeepsAnUnbeatenIncumbent() {
        int n = 5;
        double[] a = vector(4, n);
        double[] b = vector(5, n);
        ZMatrixRMaj x = ComplexLinalg.add(ComplexLinalg.multTransB(ComplexLinalg.columnVector(a), ComplexLinalg.columnVector(a)),
                ComplexLinalg.multTransB(ComplexLinalg.columnVector(b), ComplexLinalg.columnVector(b)));
        GaussianRandomization.Result r1 = GaussianRandomization.run(x, 50, new RandomStream(9), ActiveIrs.passiveSurface()::project,
                z -> score(a, z), null, Double.NaN);
        GaussianRandomization.Result r2 = GaussianRandomization.run(x, 50, new RandomStream(9), ActiveIrs.passiveSurface()::project,
                z -> score(a, z), null, Double.NaN);
        assertArrayEquals(r1.best(), r2.best(), 0);
        assertEquals(r1.score(), r2.score(), 0);
        // an incumbent no candidate beats (the global optimum, its score lowered by 1e-9 against rounding) is kept
        double[] opt = ActiveIrs.passiveSurface().project(a);
        double optScore = score(a, opt) * (1 + 1e-9);
        GaussianRandomization.Result r3 = GaussianRandomization.run(x, 50, new RandomStream(9), ActiveIrs.passiveSurface()::project,
                z -> score(a, z), opt, optScore);
        assertFalse(r3.improved());
        assertArrayEquals(opt, r3.best(), 0);
        assertEquals(52, r3.evaluated());
        // a projection that discards everything leaves the incumbent
        GaussianRandomization.Result r4 = GaussianRandomization.run(x, 10, new RandomStream(9), z -> null, z -> score(a, z), opt, 0);
        assertEquals(1, r4.evaluated());
        assertArrayEquals(opt, r4.best(), 0);
    }
}
