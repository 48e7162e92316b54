package org.cosense.localization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.math.RandomStream;
import org.junit.jupiter.api.Test;

class RangeGridMleTest {

    static final double[][] ANCHORS = {{120, 30, 10}, {-40, 150, 10}, {-90, -110, 10}};

    static double[] ranges(double x, double y) {
        double[] r = new double[ANCHORS.length];
        for (int i = 0; i < r.length; i++) {
            double[] a = ANCHORS[i];
            r[i] = Math.sqrt((x - a[0]) * (x - a[0]) + (y - a[1]) * (y - a[1]) + a[2] * a[2]);
        }
        return r;
    }

    /** Noiseless ranges: the zoomed search returns the true point to 1e-9 m. */
    @Test
    void noiselessRangesGiveTheTruth() {
        RandomStream rng = new RandomStream(1);
        for (int t = 0; t < 50; t++) {
            double x = 8 * rng.nextDouble() - 4;
            double y = 8 * rng.nextDouble() - 4;
            RangeGridMle m = new RangeGridMle(ANCHORS, 0, ranges(x, y), new double[] {0.01, 0.02, 0.05});
            RangeGridMle.Estimate e = m.zoomed(new RangeGridMle.Square(0, 0, 6), 0.25, 1e-3);
            assertEquals(x, e.x(), 1e-9);
            assertEquals(y, e.y(), 1e-9);
        }
    }

    /** Zoomed and two-stage full grid agree within 1e-3 m on noisy data; the zoom costs far fewer evaluations. */
    @Test
    void zoomedEqualsTwoStageGrid() {
        RandomStream rng = new RandomStream(2);
        for (int t = 0; t < 5; t++) {
            double x = 8 * rng.nextDouble() - 4;
            double y = 8 * rng.nextDouble() - 4;
            double[] r = ranges(x, y);
            for (int i = 0; i < r.length; i++) {
                r[i] += 0.1 * rng.nextGaussian();
            }
            RangeGridMle m = new RangeGridMle(ANCHORS, 0, r, new double[] {0.01, 0.01, 0.01});
            RangeGridMle.Square sq = new RangeGridMle.Square(0, 0, 6);
            RangeGridMle.Estimate z = m.zoomed(sq, 0.25, 1e-3);
            RangeGridMle.Estimate f = m.twoStage(sq, 0.25, 1e-3);
            assertTrue(Math.hypot(z.x() - f.x(), z.y() - f.y()) <= 1e-3);
            assertTrue(z.cost() <= f.cost() + 1e-12);
            assertTrue(z.evaluations() * 100 < f.evaluations());
        }
    }
}
