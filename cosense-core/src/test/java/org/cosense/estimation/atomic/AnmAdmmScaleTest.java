package org.cosense.estimation.atomic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cosense.math.RandomStream;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * ADMM is scale-equivariant: data and τ scaled by 2^-460 (entries near 1e-139, where the eigen-decomposition of the
 * unscaled PSD projection would underflow) give the solution scaled by 2^-460, iteration for iteration.
 */
class AnmAdmmScaleTest {
    @Test
    void tinyDataGiveTheScaledSolution() {
        RandomStream rng = new RandomStream(7);
        ZMatrixRMaj y = new ZMatrixRMaj(8, 3);
        rng.complexGaussian(y.data, 0, 24, 1.0);
        double tau = AnmRegularization.liChi(1.0, 8, 3);
        ZMatrixRMaj tiny = y.copy();
        for (int i = 0; i < tiny.data.length; i++) {
            tiny.data[i] = Math.scalb(tiny.data[i], -460);
        }
        AnmSolution big = AnmAdmm.defaults().solve(y, tau);
        AnmSolution small = AnmAdmm.defaults().solve(tiny, Math.scalb(tau, -460));
        assertEquals(big.iterations(), small.iterations());
        assertEquals(big.converged(), small.converged());
        double[] ub = big.u();
        double[] us = small.u();
        for (int i = 0; i < ub.length; i++) {
            assertEquals(ub[i], Math.scalb(us[i], 460), 1e-12 * Math.abs(ub[0]), "u entry " + i);
        }
    }
}
