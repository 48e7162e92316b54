package org.cosense.localization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.localization.DopplerDelayLocalizer.Estimate;
import org.cosense.localization.DopplerDelayLocalizer.Observation;
import org.cosense.math.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * Proposition 5.1 as re-derived ([wangmultistatic S3.13]) on noiseless relativistic data
 * ([wangmultistatic C26]–[wangmultistatic C29]). The measurements are generated here from the
 * geometry alone, independently of the localizer.
 */
class DopplerDelayLocalizerTest {
    static final double C = 299_792_458.0;
    static final double F0 = 28e9;

    /** (49) — the relativistic bistatic Doppler without the f₀(…) − f₀ cancellation of (48). */
    static double doppler(double zeta, double theta, double phi) {
        return -zeta * F0 * (Math.cos(theta) + Math.cos(phi)) / (1 + zeta * Math.cos(phi));
    }

    /** (48) as printed, product of the two legs minus f₀. */
    static double dopplerProduct(double zeta, double theta, double phi) {
        double g = Math.sqrt(1 - zeta * zeta);
        return F0 * ((1 - zeta * Math.cos(theta)) / g) * (g / (1 + zeta * Math.cos(phi))) - F0;
    }

    static Observation observe(double[] pb, double[] p0, double[] pk, double v, boolean productForm) {
        double theta = Math.atan2(p0[1] - pb[1], p0[0] - pb[0]);
        double phi = Math.atan2(p0[1] - pk[1], p0[0] - pk[0]);
        double tau = (Math.hypot(p0[0] - pb[0], p0[1] - pb[1]) + Math.hypot(p0[0] - pk[0], p0[1] - pk[1])) / C;
        double f = productForm ? dopplerProduct(v / C, theta, phi) : doppler(v / C, theta, phi);
        return new Observation(pk, phi, tau, f);
    }

    @Test
    void noiselessDelaysAndDopplersGiveTheTruePositionInEveryQuadrant() {
        RandomStream rng = new RandomStream(40);
        double worstPosition = 0;
        double worstSpeed = 0;
        double worstTheta = 0;
        int layouts = 0;
        int[] quadrants = new int[4];
        while (layouts < 400) {
            double[] pb = {20 * (rng.nextDouble() - 0.5), 20 * (rng.nextDouble() - 0.5)};
            double range = 5 + 95 * rng.nextDouble();
            double az = Math.PI * (2 * rng.nextDouble() - 1);
            double[] p0 = {pb[0] + range * Math.cos(az), pb[1] + range * Math.sin(az)};
            double v = (rng.nextDouble() < 0.5 ? -1 : 1) * (5 + 45 * rng.nextDouble());
            int k = 2 + rng.nextInt(5);
            List<Observation> obs = new ArrayList<>();
            double cmin = 2;
            double cmax = -2;
            for (int i = 0; i < k; i++) {
                double rad = Math.sqrt(1 + (100 * 100 - 1) * rng.nextDouble());
                double ang = 2 * Math.PI * rng.nextDouble();
                double[] pk = {pb[0] + rad * Math.cos(ang), pb[1] + rad * Math.sin(ang)};
                if (Math.hypot(pk[0] - p0[0], pk[1] - p0[1]) < 1) {
                    i--;
                    continue;
                }
                Observation o = observe(pb, p0, pk, v, false);
                cmin = Math.min(cmin, Math.cos(o.arrival()));
                cmax = Math.max(cmax, Math.cos(o.arrival()));
                obs.add(o);
            }
            DopplerDelayLocalizer loc = new DopplerDelayLocalizer(pb, F0);
            if (cmax - cmin < DopplerDelayLocalizer.MIN_COSINE_SPREAD) {
                assertThrows(InvalidInputException.class, () -> loc.locate(obs));
                continue;
            }
            layouts++;
            quadrants[(p0[0] >= pb[0] ? 0 : 1) + (p0[1] >= pb[1] ? 0 : 2)]++;
            Estimate e = loc.locate(obs);
            double theta = Math.atan2(p0[1] - pb[1], p0[0] - pb[0]);
            worstSpeed = Math.max(worstSpeed, Math.abs(e.speed() - v) / Math.abs(v));
            worstTheta = Math.max(worstTheta, Math.abs(DopplerDelayLocalizer.wrap(e.departure() - theta)));
            worstPosition = Math.max(worstPosition, Math.hypot(e.position()[0] - p0[0], e.position()[1] - p0[1]));
            for (double[] p : e.perReceiver()) {
                worstPosition = Math.max(worstPosition, Math.hypot(p[0] - p0[0], p[1] - p0[1]));
            }
        }
        for (int q = 0; q < 4; q++) {
            assertTrue(quadrants[q] > 50, "quadrant " + q + " has " + quadrants[q] + " layouts");
        }
        assertTrue(worstPosition < 1e-6, "worst position error " + worstPosition + " m");
        assertTrue(worstSpeed < 1e-6, "worst relative speed error " + worstSpeed);
        assertTrue(worstTheta < 1e-7, "worst θ error " + worstTheta + " rad");
    }

    @Test
    void referenceLayoutWithThePrintedProductFormOfTheDoppler() {
        double[] pb = {0, 0};
        double[] p0 = {20, 40};
        double[][] res = {{-30, 10}, {45, -20}, {60, 70}};
        List<Observation> obs = new ArrayList<>();
        for (double[] pk : res) {
            obs.add(observe(pb, p0, pk, 20, true));
        }
        DopplerDelayLocalizer loc = new DopplerDelayLocalizer(pb, F0);
        Estimate e = loc.locate(obs);
        // (48) carries an absolute rounding of ulp(f₀) ≈ 4e-6 Hz on shifts of ~kHz: the Doppler solve loses ~7 digits
        assertEquals(20, e.speed(), 1e-6 * 20);
        assertEquals(Math.atan2(40, 20), e.departure(), 1e-7);
        for (int k = 0; k < res.length; k++) {
            assertEquals(Math.hypot(p0[0] - res[k][0], p0[1] - res[k][1]), e.ranges()[k], 1e-6);
        }
        assertEquals(0, Math.hypot(e.position()[0] - 20, e.position()[1] - 40), 1e-6);
        // the mirrored target (20, −40) gives the same Dopplers' cos θ; the sign test must still pick −θ
        List<Observation> mirrored = new ArrayList<>();
        for (double[] pk : res) {
            mirrored.add(observe(pb, new double[] {20, -40}, pk, 20, false));
        }
        Estimate m = loc.locate(mirrored);
        assertEquals(-Math.atan2(40, 20), m.departure(), 1e-9);
        assertEquals(0, Math.hypot(m.position()[0] - 20, m.position()[1] + 40), 1e-6);
    }

    @Test
    void correctedRangeAgreesWithTheRayEllipseIntersectionAndThePrintedOneDoesNot() {
        RandomStream rng = new RandomStream(41);
        double[] pb = {0, 0};
        DopplerDelayLocalizer loc = new DopplerDelayLocalizer(pb, F0);
        double worstPrinted = 0;
        for (int trial = 0; trial < 100; trial++) {
            double[] p0 = {200 * (rng.nextDouble() - 0.5), 200 * (rng.nextDouble() - 0.5)};
            double[] pk = {200 * (rng.nextDouble() - 0.5), 200 * (rng.nextDouble() - 0.5)};
            if (Math.hypot(p0[0], p0[1]) < 1 || Math.hypot(p0[0] - pk[0], p0[1] - pk[1]) < 1 || Math.hypot(pk[0], pk[1]) < 1) {
                continue;
            }
            Observation o = observe(pb, p0, pk, 20, false);
            double theta = Math.atan2(p0[1], p0[0]);
            double truth = Math.hypot(p0[0] - pk[0], p0[1] - pk[1]);
            double d93 = loc.range(o, theta);
            double dbk = Math.hypot(pk[0], pk[1]);
            double thetaK = Math.atan2(pk[1], pk[0]);
            double ct = C * o.delay();
            double rayEllipse = (ct * ct - dbk * dbk) / (2 * (ct + dbk * Math.cos(o.arrival() - thetaK)));
            assertEquals(truth, d93, 1e-9 * Math.max(1, truth));
            assertEquals(truth, rayEllipse, 1e-9 * Math.max(1, truth));
            double cos = Math.cos(theta - thetaK);
            double printed53 = (ct * ct - 2 * ct * dbk * cos) / (2 * ct - 2 * dbk * cos);
            worstPrinted = Math.max(worstPrinted, Math.abs(printed53 - truth));
        }
        assertTrue(worstPrinted > 10, "printed (53) must be visibly wrong; worst error " + worstPrinted + " m");
    }

    @Test
    void appendixFixedPointHoldsAtTheTruthAndAtItsMirror() {
        RandomStream rng = new RandomStream(42);
        for (int trial = 0; trial < 50; trial++) {
            double theta = Math.PI * (2 * rng.nextDouble() - 1);
            double phiK = Math.PI * (2 * rng.nextDouble() - 1);
            double phiL = Math.PI * (2 * rng.nextDouble() - 1);
            double a = 2 * F0 * 20 / C;
            // first-order (50): the appendix works with it
            double fK = -a * Math.cos((theta + phiK) / 2) * Math.cos((theta - phiK) / 2);
            double fL = -a * Math.cos((theta + phiL) / 2) * Math.cos((theta - phiL) / 2);
            for (double cand : new double[] {theta, -theta}) {
                double xiK = fK * Math.cos((cand - phiL) / 2);
                double xiL = fL * Math.cos((cand - phiK) / 2);
                double half = (phiK - phiL) / 2;
                double next = 2 * Math.atan2(xiL - xiK * Math.cos(half), xiK * Math.sin(half)) - phiK;
                assertEquals(0, DopplerDelayLocalizer.wrap(next - cand), 1e-8, "trial " + trial + " candidate " + cand);
            }
        }
    }

    @Test
    void receiversSeeingTheTargetAlongMirroredDirectionsAreRejected() {
        double[] pb = {0, 0};
        double[] p0 = {0, 50};
        List<Observation> obs = List.of(observe(pb, p0, new double[] {-10, 60}, 20, false),
                observe(pb, p0, new double[] {-10, 40}, 20, false));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new DopplerDelayLocalizer(pb, F0).locate(obs));
        assertTrue(e.getMessage().contains("cos"), e.getMessage());
    }
}
