package org.cosense.systems.mengvehicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.math.RandomStream;
import org.junit.jupiter.api.Test;

/** Angular spans and the flattening partition (C11, C12 of docs/mengvehicle.md). */
class BeamFlatteningTest {

    /** The span from the boundary search contains, and is attained by, a dense sampling of the whole disk. */
    @Test
    void spanMatchesDenseSamplingOfTheDisk() {
        RandomStream rng = new RandomStream(1);
        for (int t = 0; t < 30; t++) {
            double bx = 200 * (2 * rng.nextDouble() - 1);
            double by = 200 * (2 * rng.nextDouble() - 1);
            double r = 1 + 20 * rng.nextDouble();
            if (Math.hypot(bx, by) < r + 20) {
                continue;
            }
            AngularSpan s = AngularSpan.of(bx, by, 0, 0, r, 10);
            double xMin = 9;
            double xMax = -9;
            double yMin = 9;
            double yMax = -9;
            for (int i = 0; i <= 200; i++) {
                for (int j = 0; j <= 200; j++) {
                    double x = -r + 2 * r * i / 200;
                    double y = -r + 2 * r * j / 200;
                    if (x * x + y * y > r * r) {
                        continue;
                    }
                    double[] f = AngularSpan.frequencies(bx, by, x, y, 10);
                    xMin = Math.min(xMin, f[0]);
                    xMax = Math.max(xMax, f[0]);
                    yMin = Math.min(yMin, f[1]);
                    yMax = Math.max(yMax, f[1]);
                }
            }
            assertTrue(s.xMin() <= xMin + 1e-12 && s.xMax() >= xMax - 1e-12 && s.yMin() <= yMin + 1e-12 && s.yMax() >= yMax - 1e-12);
            double tol = 2e-3 * Math.max(s.widthX(), s.widthY()) + 1e-9;
            assertEquals(xMin, s.xMin(), tol);
            assertEquals(xMax, s.xMax(), tol);
            assertEquals(yMin, s.yMin(), tol);
            assertEquals(yMax, s.yMax(), tol);
        }
    }

    /** C11: L = 1 when κΔ ≤ 2/M; L non-decreasing in the span and in M; M'·L = M. */
    @Test
    void partitionRule() {
        for (int kappa = 1; kappa <= 2; kappa++) {
            for (int m = 2; m <= 40; m++) {
                assertEquals(1, BeamFlattening.partition(m, 2.0 / m / kappa, kappa));
                int prev = 0;
                for (int i = 0; i <= 400; i++) {
                    int l = BeamFlattening.partition(m, i * 0.005, kappa);
                    assertTrue(l >= prev && l >= 1 && l <= m);
                    assertTrue(l >= BeamFlattening.partition(m - 1, i * 0.005, kappa));
                    prev = l;
                }
            }
        }
        BeamFlattening f = new BeamFlattening(3, 4, 10, 20);
        assertEquals(10, f.subX() * 3, 1e-12);
        assertEquals(20, f.subY() * 4, 1e-12);
    }

    /** C11: the flattened one-way pattern averaged over the comb's covered width 2L/M' is within [0.9, 1.1] × M'² (centred comb, κ = 1). */
    @Test
    void flattenedPatternAveragesTheSubArrayGain() {
        int cases = 0;
        for (int m : new int[] {20, 32, 40, 64, 100}) {
            for (double span = 0.05; span <= 1.0 + 1e-9; span += 0.05) {
                int l = BeamFlattening.partition(m, span, 1);
                if (l < 2 || l > 9 || m % l != 0) {
                    continue;
                }
                BeamFlattening f = new BeamFlattening(l, 1, m, 1);
                AngularSpan s = new AngularSpan(-0.2, -0.2 + span, 0, 0);
                double[] v = f.phases(s, 1);
                // The comb covers 2L/M' around the span centre (at least the span).
                double covered = 2 * l / f.subX();
                double lo = -0.2 + span / 2 - covered / 2;
                double mean = 0;
                int n = 4000;
                for (int i = 0; i < n; i++) {
                    mean += f.pattern(v, lo + covered * (i + 0.5) / n, 0);
                }
                mean /= n;
                double ratio = mean / (f.subX() * f.subX());
                assertTrue(ratio >= 0.9 && ratio <= 1.1, "M = " + m + " span " + span + " L = " + l + " ratio " + ratio);
                cases++;
            }
        }
        assertTrue(cases > 10);
    }

    /** C12: r = 0 gives zero spans, L = 1, the full gain M² and a finite positive CRLB. */
    @Test
    void zeroRadiusUsesTheFullArray() {
        Deployment d = Layouts.deployment(5, 6, 1, 0);
        MengParameters p = MengParameters.defaults();
        VehicleLinks l = VehicleLinks.of(d, 0, p);
        for (int b = 0; b < 6; b++) {
            assertEquals(0, l.spans()[b].widthX());
            assertEquals(1, l.flattening()[b].lx());
            assertEquals(1, l.flattening()[b].ly());
            assertEquals(1e4, l.flattening()[b].gain(), 1e-9);
        }
        double c = DwellTimeSolver.solve(l.rho(), l.azimuth()).crlb();
        assertTrue(c > 0 && Double.isFinite(c));
    }

    /** The SNR model (21) and the range variance (12) match ρ: σ_b² = cos²θ_b / (τ_b ρ_b). */
    @Test
    void rangeVarianceMatchesRho() {
        MengParameters p = MengParameters.defaults();
        VehicleLinks l = Layouts.single(9, 5, 5);
        for (int b = 0; b < 5; b++) {
            assertEquals(l.cos2Elevation()[b] / (0.3 * l.rho()[b]), l.rangeVariance(b, 0.3, p), 1e-12 * l.rangeVariance(b, 0.3, p));
        }
    }
}
