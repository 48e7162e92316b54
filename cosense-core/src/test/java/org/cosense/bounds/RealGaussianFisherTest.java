package org.cosense.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cosense.math.RandomStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

class RealGaussianFisherTest {

    /** A real N(h, σ²) row carries the information of a complex CN(h, 2σ²) observation with a real mean. */
    @Test
    void realEntryEqualsTheComplexEngineWithDoubledVariance() {
        RandomStream rng = new RandomStream(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + rng.nextInt(6);
            int p = 1 + rng.nextInt(3);
            DMatrixRMaj g = new DMatrixRMaj(n, p);
            ZMatrixRMaj gz = new ZMatrixRMaj(n, p);
            double[] var = new double[n];
            ZMatrixRMaj cov = new ZMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                var[i] = 0.1 + rng.nextDouble();
                cov.set(i, i, 2 * var[i], 0);
                for (int j = 0; j < p; j++) {
                    double v = rng.nextGaussian();
                    g.set(i, j, v);
                    gz.set(i, j, v, 0);
                }
            }
            DMatrixRMaj real = RealGaussianFisher.of(g, var);
            DMatrixRMaj complex = FisherInformation.ofJacobian(gz, cov);
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    assertEquals(complex.get(i, j), real.get(i, j), 1e-12 * (1 + Math.abs(complex.get(i, j))));
                }
            }
        }
    }

    /** Range and bearing rows equal central differences of the measurement functions. */
    @Test
    void rangeAndBearingRowsMatchFiniteDifferences() {
        RandomStream rng = new RandomStream(12);
        for (int trial = 0; trial < 50; trial++) {
            double[] p = {100 * rng.nextGaussian(), 100 * rng.nextGaussian(), 0};
            double[] a = {100 * rng.nextGaussian(), 100 * rng.nextGaussian(), 10};
            double[] r = MeasurementRows.range(p, a);
            double[] b = MeasurementRows.bearing(p, a);
            double h = 1e-5;
            for (int j = 0; j < 3; j++) {
                double[] pp = p.clone();
                double[] pm = p.clone();
                pp[j] += h;
                pm[j] -= h;
                double dr = (dist(pp, a) - dist(pm, a)) / (2 * h);
                double db = (Math.atan2(pp[1] - a[1], pp[0] - a[0]) - Math.atan2(pm[1] - a[1], pm[0] - a[0])) / (2 * h);
                assertEquals(dr, r[j], 1e-8);
                assertEquals(db, b[j], 1e-8);
            }
        }
    }

    @Test
    void rangeFisherOfTwoOrthogonalAnchorsIsDiagonal() {
        double[] p = {0, 0, 0};
        double[][] anchors = {{100, 0, 0}, {0, 50, 0}};
        DMatrixRMaj f = MeasurementRows.rangeFisher(p, anchors, new double[] {0.5, 2}, 2);
        assertEquals(2, f.get(0, 0), 1e-12);
        assertEquals(0.5, f.get(1, 1), 1e-12);
        assertEquals(0, f.get(0, 1), 1e-12);
    }

    private static double dist(double[] p, double[] a) {
        return Math.sqrt((p[0] - a[0]) * (p[0] - a[0]) + (p[1] - a[1]) * (p[1] - a[1]) + (p[2] - a[2]) * (p[2] - a[2]));
    }
}
