package org.cosense.estimation.doa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cosense.array.CentroidUla;
import org.cosense.array.Upa;
import org.cosense.geom.SpatialFrequency;
import org.junit.jupiter.api.Test;

class BeamscanTest {

    /** Two-way scan power of point targets {mu, nu, amplitude} on a 30 x 30 IRS, [i over mu][j over nu]. */
    static double[][] scanPower(double[] grid, double[][] targets) {
        double[][] p = new double[grid.length][grid.length];
        for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < grid.length; j++) {
                for (double[] t : targets) {
                    double q = CentroidUla.arrayFactor(grid[i] - t[0], 30) * CentroidUla.arrayFactor(grid[j] - t[1], 30) / 900;
                    p[i][j] += t[2] * q * q * q * q;
                }
            }
        }
        return p;
    }

    /**
     * The fig11 case: a target at mu = 0.958 is on the main lobe of the beam at +1, which is the beam at
     * -1 too (u(g + 2) = ±u(g)). The -1 end is the same grid point as +1, not a separate peak at the scan
     * edge.
     */
    @Test
    void theTwoEndsOfACircularGridAreOnePeak() {
        double[] g = Beamscan.grid(30);
        double[][] p = scanPower(g, new double[][] {{0.958, -0.09, 1.0}, {0.188, -0.086, 2.0}});
        DoaResult all = Beamscan.detect(g, g, p, 3, Beamscan.Detection.EVERY_PEAK);
        for (SpatialFrequency f : all.frequencies()) {
            assertTrue(Math.abs(f.mu() + 1) > 1e-12 || Math.abs(f.nu()) > 0.2, "a peak at the scan edge: " + all.frequencies());
        }
        assertEquals(0.1724, all.frequencies().get(0).mu(), 1e-4);
        assertEquals(0.9310, all.frequencies().get(1).mu(), 1e-4);
    }

    /** Two of three targets in one beam: two detections, the third reported as not found. */
    @Test
    void twoTargetsInOneBeamLeaveOneUndetected() {
        double[] g = Beamscan.grid(30);
        double[][] p = scanPower(g, new double[][] {{0.864, 0.11, 5.0}, {0.13, 0.18, 1.0}, {0.876, 0.10, 3.0}});
        DoaResult r = Beamscan.detect(g, g, p, 3, new Beamscan.Detection(40, 0));
        assertEquals(2, r.found(), "found " + r.frequencies());
        assertFalse(r.resolved());
        assertEquals(0.8621, r.frequencies().get(0).mu(), 1e-4);
        assertEquals(0.1034, r.frequencies().get(1).mu(), 1e-4);
    }

    /** On a UPA covariance the beam scan is the Bartlett spectrum: a source on a grid point is found there. */
    @Test
    void covarianceScanFindsOnGridSources() {
        Upa upa = Upa.square(8);
        double[] g = Beamscan.grid(21); // step 0.1
        List<SpatialFrequency> truth = List.of(new SpatialFrequency(0.3, -0.2), new SpatialFrequency(-0.5, 0.4));
        DoaResult r = new Beamscan(upa, g, g, Beamscan.Detection.EVERY_PEAK)
                .estimateFromCovariance(Music2DTest.exactCovariance(upa, truth, 100), 2);
        assertTrue(r.resolved());
        assertEquals(2, r.dimension());
        for (SpatialFrequency t : truth) {
            assertTrue(r.frequencies().stream().anyMatch(e -> Math.hypot(e.mu() - t.mu(), e.nu() - t.nu()) < 1e-12),
                    t + " not in " + r.frequencies());
        }
        assertEquals(21 * 21, r.spectrum().orElseThrow().values().length);
    }
}
