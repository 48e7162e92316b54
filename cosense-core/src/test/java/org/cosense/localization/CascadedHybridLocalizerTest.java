package org.cosense.localization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.localization.CascadedHybridLocalizer.Method;
import org.cosense.math.RandomStream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Stage 1, the pseudo-linear solvers and the quadratic correction on generic anchors ([zhanghybrid C8], [zhanghybrid C10], [zhanghybrid C12]). */
class CascadedHybridLocalizerTest {
    static final double[][] ANCHORS = {{10, 50}, {10, -50}, {50, 0}, {-30, 20}};

    static double[] ranges(double[] p) {
        double[] d = new double[ANCHORS.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = Math.hypot(p[0] - ANCHORS[k][0], p[1] - ANCHORS[k][1]);
        }
        return d;
    }

    static double[] bearings(double[] p) {
        double[] b = new double[ANCHORS.length];
        for (int k = 0; k < b.length; k++) {
            b[k] = Math.atan2(p[1] - ANCHORS[k][1], p[0] - ANCHORS[k][0]);
        }
        return b;
    }

    static double[][] sums(double[] d) {
        double[][] s = new double[d.length][d.length];
        for (int j = 0; j < d.length; j++) {
            for (int k = 0; k < d.length; k++) {
                s[j][k] = d[j] + d[k];
            }
        }
        return s;
    }

    static double[][] fill(int k, double v) {
        double[][] a = new double[k][k];
        for (double[] r : a) {
            java.util.Arrays.fill(r, v);
        }
        return a;
    }

    @Test
    void stageOneRecoversNoiselessSegmentsAndItsCovarianceMatchesMonteCarlo() {
        // [zhanghybrid C8]
        double[] d = {40, 70, 25, 55};
        double[][] var = new double[4][4];
        RandomStream rng = new RandomStream(4);
        for (int j = 0; j < 4; j++) {
            for (int k = 0; k < 4; k++) {
                var[j][k] = 0.5 + rng.nextDouble();
            }
        }
        PairwiseSumFusion f = PairwiseSumFusion.of(sums(d), var);
        for (int k = 0; k < 4; k++) {
            assertEquals(d[k], f.estimate()[k], 1e-12);
        }
        int trials = 20000;
        double[][] acc = new double[4][4];
        for (int t = 0; t < trials; t++) {
            double[][] s = sums(d);
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 4; k++) {
                    s[j][k] += Math.sqrt(var[j][k]) * rng.nextGaussian();
                }
            }
            double[] e = PairwiseSumFusion.of(s, var).estimate();
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 4; b++) {
                    acc[a][b] += (e[a] - d[a]) * (e[b] - d[b]) / trials;
                }
            }
        }
        // sample variance of a Gaussian: relative standard error sqrt(2/n) = 1 %; 5 standard errors
        for (int a = 0; a < 4; a++) {
            assertEquals(f.covariance().get(a, a), acc[a][a], 0.05 * f.covariance().get(a, a));
        }
    }

    @Test
    void noiselessMeasurementsGiveExactPositions() {
        // [zhanghybrid C10]: every localizer to 1e-9 m
        RandomStream rng = new RandomStream(8);
        for (int t = 0; t < 50; t++) {
            double[] p = {20 + 20 * rng.nextDouble(), -20 + 40 * rng.nextDouble()};
            double[] d = ranges(p);
            for (Method m : Method.values()) {
                double[] e = CascadedHybridLocalizer.locate(m, ANCHORS, sums(d), fill(4, 0.3), bearings(p), new double[] {1e-4, 2e-4, 1e-4, 3e-4});
                assertEquals(p[0], e[0], 1e-9, m + " x");
                assertEquals(p[1], e[1], 1e-9, m + " y");
            }
        }
    }

    @Test
    void constrainedTlsConvergesFromTheLeastSquaresStart() {
        // [zhanghybrid C12]: fewer than 20 iterations at bound-level errors
        RandomStream rng = new RandomStream(12);
        for (int t = 0; t < 200; t++) {
            double[] p = {20 + 20 * rng.nextDouble(), -20 + 40 * rng.nextDouble()};
            double[] d = ranges(p);
            double[][] s = sums(d);
            for (double[] r : s) {
                for (int k = 0; k < r.length; k++) {
                    r[k] += rng.nextGaussian();
                }
            }
            double[] b = bearings(p);
            for (int k = 0; k < b.length; k++) {
                b[k] += 0.01 * rng.nextGaussian();
            }
            PairwiseSumFusion f = PairwiseSumFusion.of(s, fill(4, 1));
            RangeBearingLocalizer.Solution sol = new RangeBearingLocalizer(ANCHORS, f.estimate(), f.covariance(), b,
                    new double[] {1e-4, 1e-4, 1e-4, 1e-4}).constrainedTls();
            assertTrue(sol.converged() && sol.iterations() < 20, "iterations " + sol.iterations());
        }
    }

    @Test
    void quadraticCorrectionKeepsStageTwoWhenACoordinateVanishes() {
        // [zhanghybrid P2]
        DMatrixRMaj cov = org.ejml.dense.row.CommonOps_DDRM.identity(3);
        double[] p = RangeBearingLocalizer.quadraticCorrection(new RangeBearingLocalizer.Solution(new double[] {0, 5, 25}, cov, 1, true));
        assertEquals(0, p[0]);
        assertEquals(5, p[1]);
    }
}
