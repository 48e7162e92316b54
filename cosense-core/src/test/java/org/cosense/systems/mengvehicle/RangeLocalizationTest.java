package org.cosense.systems.mengvehicle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.math.RandomStream;
import org.junit.jupiter.api.Test;

/** C17: at high power the grid MLE's MSE is within [0.9, 1.1] of the CRLB. */
class RangeLocalizationTest {

    /**
     * 2000 trials at P = 1 W on a fixed layout: the 95 % Student-t interval of mean(‖e‖²/CRLB) must meet
     * [0.9, 1.1] and the point estimate must lie in it (t quantile for 1999 degrees of freedom: 1.9612).
     */
    @Test
    void mseAttainsTheCrlbAtHighPower() {
        MengParameters p = MengParameters.defaults().withPower(1.0);
        for (long seed : new long[] {11, 12}) {
            Deployment d = Layouts.deployment(seed, 10, 1, 5);
            VehicleLinks l = VehicleLinks.of(d, 0, p);
            DwellAllocation a = DwellTimeSolver.solve(l.rho(), l.azimuth());
            RangeLocalization.Setup s = RangeLocalization.setup(d, 0, l, a, p);
            int n = 2000;
            double[] ratio = new double[n];
            double mean = 0;
            for (int t = 0; t < n; t++) {
                RangeLocalization.Outcome o = RangeLocalization.trial(s, RandomStream.forTrial(seed, 0, t), false);
                ratio[t] = o.squaredError() / o.crlb();
                mean += ratio[t];
            }
            mean /= n;
            double var = 0;
            for (double r : ratio) {
                var += (r - mean) * (r - mean);
            }
            double half = 1.9612 * Math.sqrt(var / (n - 1) / n);
            assertTrue(mean >= 0.9 && mean <= 1.1, "seed " + seed + " MSE/CRLB " + mean + " ± " + half);
            assertTrue(mean - half <= 1.1 && mean + half >= 0.9);
        }
    }
}
