package org.cosense.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PolyblockTest {

    /** max x1 x2 over x1 + 2 x2 ≤ 1 in [0,1]²: optimum 1/8 at (1/2, 1/4); bracket valid every iteration. */
    @Test
    void maximizesAProductOverATriangle() {
        Polyblock.Problem p = new Polyblock.Problem() {
            public int dimension() {
                return 2;
            }

            public double value(double[] x) {
                return x[0] * x[1];
            }

            public double projectionScale(double[] z) {
                return Math.min(1, 1 / (z[0] + 2 * z[1]));
            }

            public double[] upperCorner() {
                return new double[] {1, 1};
            }
        };
        Polyblock.Result r = Polyblock.maximize(p, null, Polyblock.Options.of(1e-4, 200_000), (it, lo, up) -> {
            assertTrue(lo <= 0.125 + 1e-15);
            assertTrue(up >= 0.125 - 1e-15);
        });
        assertTrue(r.converged());
        assertEquals(0.125, r.lower(), 2e-4 * 0.125);
        assertTrue(r.gap() <= 1e-4 + 1e-12);
        assertEquals(0.5, r.best()[0], 1e-2);
        assertEquals(0.25, r.best()[1], 1e-2);
    }

    /** The bisection projection agrees with the closed form. */
    @Test
    void bisectionProjectionMatchesClosedForm() {
        double[] z = {0.9, 0.7, 0.4};
        double lam = Polyblock.bisectScale(x -> x[0] + x[1] + x[2] <= 1, z);
        assertEquals(1 / 2.0, lam, 1e-11);
        assertEquals(1, Polyblock.bisectScale(x -> true, z));
    }

    /** Iteration cap: the result says it did not converge and still brackets. */
    @Test
    void iterationCapIsReported() {
        Polyblock.Problem p = new Polyblock.Problem() {
            public int dimension() {
                return 3;
            }

            public double value(double[] x) {
                return Math.cbrt(x[0] * x[1] * x[2]);
            }

            public double projectionScale(double[] z) {
                return Math.min(1, 1 / (z[0] + z[1] + z[2]));
            }

            public double[] upperCorner() {
                return new double[] {1, 1, 1};
            }
        };
        Polyblock.Result r = Polyblock.maximize(p, null, Polyblock.Options.of(1e-9, 50), null);
        assertEquals(50, r.iterations());
        assertTrue(!r.converged());
        assertTrue(r.lower() <= 1.0 / 3 + 1e-15 && r.upper() >= 1.0 / 3 - 1e-15);
        assertTrue(r.log().size() >= 2);
    }
}
