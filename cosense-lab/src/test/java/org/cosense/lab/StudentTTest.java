package org.cosense.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StudentTTest {
    @Test
    void matchesPublishedQuantiles() {
        // scipy.stats.t.ppf (printed tables: 12.706, 4.303, 2.776, 2.045, 1.984, 63.657, 1.372)
        assertEquals(12.706204736174694, StudentT.quantile(0.975, 1), 1e-9);
        assertEquals(4.302652729749462, StudentT.quantile(0.975, 2), 1e-9);
        assertEquals(2.7764451051977934, StudentT.quantile(0.975, 4), 1e-9);
        assertEquals(2.045229642132703, StudentT.quantile(0.975, 29), 1e-9);
        assertEquals(1.9839715185235518, StudentT.quantile(0.975, 100), 1e-9);
        assertEquals(63.656741162871526, StudentT.quantile(0.995, 1), 1e-7);
        assertEquals(1.372183641110336, StudentT.quantile(0.9, 10), 1e-9);
    }

    @Test
    void closedFormsForOneAndTwoDegreesOfFreedom() {
        for (double p : new double[] {0.6, 0.75, 0.9, 0.975, 0.999}) {
            assertEquals(Math.tan(Math.PI * (p - 0.5)), StudentT.quantile(p, 1), 1e-9 * Math.tan(Math.PI * (p - 0.5)), "Cauchy");
            double a = 4 * p * (1 - p);
            assertEquals((2 * p - 1) * Math.sqrt(2 / a), StudentT.quantile(p, 2), 1e-9, "nu = 2");
        }
    }

    @Test
    void tendsToTheNormalQuantile() {
        double t = StudentT.quantile(0.975, 1_000_000);
        assertEquals(1.959963984540054, t, 1e-5);
        assertTrue(t > 1.959963984540054, "t is heavier-tailed than the normal at any finite df");
        assertEquals(0, StudentT.quantile(0.5, 3));
    }

    @Test
    void logGammaAndIncompleteBeta() {
        assertEquals(Math.log(24), StudentT.logGamma(5), 1e-13);
        assertEquals(0.5 * Math.log(Math.PI), StudentT.logGamma(0.5), 1e-13);
        assertEquals(0.3, StudentT.regularizedBeta(0.3, 1, 1), 1e-14, "I_x(1,1) = x");
        assertEquals(1 - Math.pow(0.7, 3), StudentT.regularizedBeta(0.3, 1, 3), 1e-14, "I_x(1,b) = 1-(1-x)^b");
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(0.975, 0));
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(1, 3));
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(0.2, 3));
    }
}
