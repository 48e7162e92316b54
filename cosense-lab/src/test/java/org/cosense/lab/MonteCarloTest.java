package org.cosense.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Results do not depend on the thread count; sequential sweeps see the streams of the plain run; the embedded engine
 * schedules trial by trial.
 */
class MonteCarloTest {

    @Test
    void aLongTrialDoesNotHoldBackTheTrialsAfterIt() throws InterruptedException {
        // trial 0 of 100 finishes only once the other 99 have: a worker that holds later trials while it runs a long
        // one (a block of consecutive indices grabbed at once) never gets to them, and trial 0 times out
        CountDownLatch others = new CountDownLatch(99);
        double[][][] r = new MonteCarlo(2, null).run("x", 1, 1, 100, (p, t, rng) -> {
            if (t > 0) {
                others.countDown();
                return new double[] {1};
            }
            try {
                return new double[] {others.await(30, TimeUnit.SECONDS) ? 1 : 0};
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(1, r[0][0][0], "trial 0 saw the other 99 trials finish while it ran");
        assertEquals(0, others.getCount());
    }

    @Test
    void aFailedTrialsErrorReachesTheCallerAsThrown() {
        IllegalArgumentException boom = new IllegalArgumentException("trial 37");
        for (int threads : new int[] {1, 2, 3}) {
            IllegalArgumentException got = assertThrows(IllegalArgumentException.class,
                    () -> new MonteCarlo(threads, null).run("x", 1, 2, 50, (p, t, rng) -> {
                        if (p == 0 && t == 37) {
                            throw boom;
                        }
                        return new double[] {t};
                    }));
            assertSame(boom, got, threads + " thread(s)");
        }
    }

    @Test
    void resultsAreIdenticalForAnyThreadCount() {
        double[][][] a = new MonteCarlo(1, null).run("x", 5, 4, 7, (p, t, rng) -> new double[] {rng.nextGaussian(), p, t});
        double[][][] b = new MonteCarlo(3, null).run("x", 5, 4, 7, (p, t, rng) -> new double[] {rng.nextGaussian(), p, t});
        for (int p = 0; p < 4; p++) {
            for (int t = 0; t < 7; t++) {
                assertArrayEquals(a[p][t], b[p][t], 0);
            }
        }
    }

    @Test
    void sweepVisitsPointsInOrderWithThePlainRunsStreams() {
        double[][][] plain = new MonteCarlo(2, null).run("x", 9, 5, 6, (p, t, rng) -> new double[] {rng.nextGaussian()});
        for (int threads : new int[] {1, 2, 4}) {
            double[][][] sweep = new MonteCarlo(threads, null).runSweep("x", 9, 5, 6, (t, rngs) -> {
                double[][] out = new double[rngs.length][];
                double carried = 0; // state carried along the sweep: the running sum of earlier points
                for (int p = 0; p < rngs.length; p++) {
                    double g = rngs[p].nextGaussian();
                    out[p] = new double[] {g, carried};
                    carried += g;
                }
                return out;
            });
            for (int t = 0; t < 6; t++) {
                double sum = 0;
                for (int p = 0; p < 5; p++) {
                    assertEquals(plain[p][t][0], sweep[p][t][0], 0, "stream of (point " + p + ", trial " + t + ")");
                    assertEquals(sum, sweep[p][t][1], 1e-15);
                    sum += sweep[p][t][0];
                }
            }
        }
    }
}
