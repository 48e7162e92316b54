package org.cosense.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void meanAndSd() {
        double[] v = {1, 2, 3, 4};
        assertEquals(2.5, Stats.mean(v));
        assertEquals(Math.sqrt(5.0 / 3), Stats.sd(v), 1e-15);
        assertTrue(Double.isNaN(Stats.mean(new double[0])));
        assertTrue(Double.isNaN(Stats.sd(new double[] {1})));
    }

    @Test
    void rmseWithIntervalOnTheMse() {
        double[] e = {1, -1, 2, -2};           // squared: 1 1 4 4, mse 2.5, sd sqrt(3)
        Stats.Estimate r = Stats.rmse(e);
        double h = 3.1824463052837078 * Math.sqrt(3) / 2; // t_{0.975, 3}: four trials, three degrees of freedom
        assertEquals(Math.sqrt(2.5), r.value(), 1e-15);
        assertEquals(0.0, r.lo(), "2.5 - h < 0: the MSE interval reaches below zero and is clamped");
        assertEquals(Math.sqrt(2.5 + h), r.hi(), 1e-15);
        assertEquals(4, r.n());
        assertEquals(r.value(), Stats.rmseOfSquared(new double[] {1, 1, 4, 4}).value(), 1e-15);
    }

    @Test
    void intervalsUseStudentTWithNMinusOneDegreesOfFreedom() {
        // mean 2, sd 1: the half-width is t_{0.975, n−1} / √n, far wider than 1.96 / √n for small n
        Stats.Estimate two = Stats.meanCi(new double[] {1.2928932188134524, 2.7071067811865475});
        assertEquals(12.706204736174694 / Math.sqrt(2), two.hi() - two.value(), 1e-9);
        double[] v = {1, 2, 3, 2.5, 1.5};           // sd sqrt(2.5 / 4)
        Stats.Estimate five = Stats.meanCi(v);
        assertEquals(2.7764451051977934 * Math.sqrt(2.5 / 4) / Math.sqrt(5), five.hi() - five.value(), 1e-12);
        assertEquals(five.value() - five.lo(), five.hi() - five.value(), 1e-15, "symmetric");
        assertTrue(Double.isNaN(Stats.meanCi(new double[] {3}).lo()), "one trial has no interval");
    }

    @Test
    void rmseLowerEndClampedAtZero() {
        Stats.Estimate r = Stats.rmse(new double[] {0, 0, 0, 10});
        assertEquals(0.0, r.lo());
        assertEquals(5.0, r.value());
        assertTrue(r.hi() > r.value());
    }

    @Test
    void nonFiniteTrialsPropagate() {
        assertTrue(Double.isNaN(Stats.rmse(new double[] {1, Double.NaN}).value()));
        assertEquals(Double.POSITIVE_INFINITY, Stats.rmse(new double[] {1, Double.POSITIVE_INFINITY}).value());
        double inf = Double.POSITIVE_INFINITY;
        assertEquals(inf, Stats.p90(new double[] {inf, inf, inf}), "between two infinities: infinity, not NaN");
        assertEquals(inf, Stats.p90(new double[] {1, 2, inf}));
    }

    @Test
    void percentilesInterpolateLikeNumpy() {
        double[] v = {5, 1, 4, 2, 3};
        assertEquals(3, Stats.median(v));
        assertEquals(4.6, Stats.p90(v), 1e-12);       // numpy.percentile([1..5], 90) = 4.6
        assertEquals(1, Stats.percentile(v, 0));
        assertEquals(5, Stats.percentile(v, 100));
        assertEquals(2.5, Stats.median(new double[] {1, 2, 3, 4}));
        assertEquals(7, Stats.median(new double[] {7}));
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(v, 101));
        assertEquals(5, v[0], "input not modified");
    }

    @Test
    void pullsMetricOutOfResults() {
        double[][][] r = {{{1, 10}, {2, 20}}, {{3, 30}, {4, 40}}};
        double[][] m1 = Stats.metric(r, 1);
        assertEquals(20, m1[0][1]);
        assertEquals(30, m1[1][0]);
        assertEquals(35, Stats.mean(r, 1)[1]);
        assertThrows(IllegalArgumentException.class, () -> Stats.metric(r, 2));
    }

    @Test
    void seriesCarriesIntervalsAndTrials() {
        double[][][] r = {{{1}, {-1}, {1}}, {{2}, {2}, {-2}}};
        Series s = Stats.series("MUSIC", new double[] {0, 10}, Stats.rmse(r, 0), Series.Style.MARKERS);
        assertEquals(1.0, s.y()[0]);
        assertEquals(2.0, s.y()[1]);
        assertEquals(3, s.trials()[1]);
        assertEquals(Series.Style.MARKERS, s.style());
    }
}
