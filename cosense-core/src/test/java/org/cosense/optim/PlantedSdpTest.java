package org.cosense.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Random SDPs with a planted KKT pair: value, point and feasibility of the returned design. */
class PlantedSdpTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void plantedOptimumIsFound(long seed) {
        RandomInstances.Planted pl = RandomInstances.planted(seed, 8, new int[] {6, 4}, 6);
        Solution s = pl.program().solve();
        double err = Math.abs(s.objective() - pl.optimum()) / Math.abs(pl.optimum());
        System.out.printf("planted seed %d: %s | rel.err %.2e%n", seed, s, err);
        assertEquals(Status.OPTIMAL, s.status());
        assertTrue(s.relativeGap() <= 1e-8);
        assertTrue(err <= 1e-8, "value error " + err);
        double[] x = s.value(pl.x());
        // strict complementarity planted → x* unique (generically); and the design is feasible
        for (int i = 0; i < x.length; i++) {
            assertEquals(pl.xStar()[i], x[i], 1e-5);
        }
        for (AffineMatrix f : pl.lmis()) {
            assertTrue(minEig(f, s) >= -1e-6, "LMI violated");
        }
        for (Affine r : pl.rows()) {
            assertTrue(s.value(r) >= -1e-6, "row violated");
        }
    }

    static double minEig(AffineMatrix f, Solution s) {
        int d = f.size();
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                m.set(i, j, s.value(f.get(i, j)));
            }
        }
        var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(d, false, true);
        eig.decompose(m);
        double mn = Double.POSITIVE_INFINITY;
        for (int i = 0; i < d; i++) {
            mn = Math.min(mn, eig.getEigenvalue(i).real);
        }
        return mn;
    }
}
