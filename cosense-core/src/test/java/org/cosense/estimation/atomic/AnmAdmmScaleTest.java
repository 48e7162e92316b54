package org.cosense.estimation.atomic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.math.RandomStream;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * ADMM is scale-equivariant: data and τ scaled by 2^-460 (entries near 1e-139, where the eigen-decomposition of the
 * unscaled PSD projection would underflow) give the solution scaled by 2^-460, iteration for iteration. With τ above
 * the data (σ² = 1 here) the optimum is X = 0, T(u) = 0; the over-relaxed default rule approaches it geometrically
 * until the iterates underflow, which depends on the scale by nature, so that instance is checked with the peer's
 * rule, which reaches the zero optimum exactly.
 */
class AnmAdmmScaleTest {
    private static void check(AnmAdmm admm, double sigma2) {
        RandomStream rng = new RandomStream(7);
        ZMatrixRMaj y = new ZMatrixRMaj(8, 3);
        rng.complexGaussian(y.data, 0, 24, 1.0);
        double tau = AnmRegularization.liChi(sigma2, 8, 3);
        ZMatrixRMaj tiny = y.copy();
        for (int i = 0; i < tiny.data.length; i++) {
            tiny.data[i] = Math.scalb(tiny.data[i], -460);
        }
        AnmSolution big = admm.solve(y, tau);
        AnmSolution small = admm.solve(tiny, Math.scalb(tau, -460));
        assertTrue(big.converged());
        assertEquals(big.iterations(), small.iterations());
        assertEquals(big.converged(), small.converged());
        double[] ub = big.u();
        double[] us = small.u();
        for (int i = 0; i < ub.length; i++) {
            assertEquals(ub[i], Math.scalb(us[i], 460), 1e-12 * Math.max(Math.abs(ub[0]), 1e-300), "u entry " + i);
        }
    }

    @Test
    void tinyDataGiveTheScaledSolution() {
        check(AnmAdmm.defaults(), 0.1);
    }

    @Test
    void tinyDataGiveTheScaledZeroSolutionUnderThePeerRule() {
        check(AnmAdmm.peerRule(), 1.0);
    }
}
