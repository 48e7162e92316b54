package org.cosense.systems.wangmultistatic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.math.NumericalDerivative;
import org.cosense.math.RandomStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The Doppler/delay model (48)–(51) and its Jacobian for the chain rule ([wangmultistatic C25]). */
class BistaticDopplerDelayTest {
    static final double F0 = 28e9;
    static final double DT = 5e-9;

    @Test
    void relativisticFormsAgreeAndTheFirstOrderOneIsWithinTenZeta() {
        RandomStream rng = new RandomStream(30);
        for (int trial = 0; trial < 200; trial++) {
            double zeta = (rng.nextDouble() - 0.5) * 2e-6 * (1 + 99 * rng.nextDouble());
            double theta = Math.PI * (2 * rng.nextDouble() - 1);
            double phi = Math.PI * (2 * rng.nextDouble() - 1);
            double exact = BistaticDopplerDelay.doppler(F0, zeta, theta, phi);
            double product = BistaticDopplerDelay.dopplerProduct(F0, zeta, theta, phi);
            // (48) subtracts f₀ from f₀(1 + O(ζ)): it keeps ~ |ζ|·1e16 significant digits, so compare on f₀'s scale
            assertEquals(exact, product, 1e-12 * F0 * Math.abs(zeta) + 4 * Math.ulp(F0));
            double first = BistaticDopplerDelay.dopplerFirstOrder(F0, zeta, theta, phi);
            assertTrue(Math.abs(first - exact) <= 10 * Math.abs(zeta) * Math.abs(exact) + 1e-12,
                    "first order vs exact: " + first + " " + exact);
        }
    }

    @Test
    void analyticJacobianMatchesNumericalDerivatives() {
        RandomStream rng = new RandomStream(31);
        for (int trial = 0; trial < 50; trial++) {
            double[] pb = {10 * (rng.nextDouble() - 0.5), 10 * (rng.nextDouble() - 0.5)};
            double[] pk = {200 * (rng.nextDouble() - 0.5), 200 * (rng.nextDouble() - 0.5)};
            double[] psi = {200 * (rng.nextDouble() - 0.5), 200 * (rng.nextDouble() - 0.5), 60 * (rng.nextDouble() - 0.5)};
            if (BistaticDopplerDelay.distance(psi, pb) < 2 || BistaticDopplerDelay.distance(psi, pk) < 2) {
                continue;
            }
            DMatrixRMaj g = BistaticDopplerDelay.jacobian(pb, pk, F0, DT, psi);
            ZMatrixRMaj num = NumericalDerivative.jacobian(p -> {
                double[] m = BistaticDopplerDelay.measurement(pb, pk, F0, DT, p);
                return new double[] {m[0], 0, m[1], 0};
            }, psi, new double[] {0.5, 0.5, 1});
            for (int i = 0; i < 2; i++) {
                double scale = 0;
                for (int j = 0; j < 3; j++) {
                    scale = Math.max(scale, Math.abs(num.getReal(i, j)));
                }
                for (int j = 0; j < 3; j++) {
                    assertEquals(num.getReal(i, j), g.get(i, j), 1e-8 * scale, "entry " + i + "," + j);
                }
            }
        }
    }
}
