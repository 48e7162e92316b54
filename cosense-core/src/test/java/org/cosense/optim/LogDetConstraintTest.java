package org.cosense.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.InvalidInputException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/** log det G(x) ≥ ℓ as a constraint, against closed forms. */
class LogDetConstraintTest {

    /** min Σ c_i x_i s.t. Σ log x_i ≥ ℓ: x_i = λ/c_i, λ = (e^ℓ Π c_i)^{1/n}, value n λ, multiplier λ. */
    @Test
    void weightedSumUnderAGeometricMeanConstraint() {
        double[] c = {1, 2, 5, 0.5};
        double level = 1.3;
        ConvexProgram.Builder p = ConvexProgram.builder();
        VectorVar x = p.nonnegativeVector("x", 4);
        AffineMatrix g = AffineMatrix.zeros(4);
        Affine f = Affine.constant(0);
        double prod = 1;
        for (int i = 0; i < 4; i++) {
            g.set(i, i, x.get(i));
            f = f.plus(x.get(i).times(c[i]));
            prod *= c[i];
        }
        Constraint ld = p.logDetAtLeast(g, level);
        p.minimize(f);
        Solution s = p.build().solve();
        double lam = Math.pow(Math.exp(level) * prod, 0.25);
        assertEquals(Status.OPTIMAL, s.status());
        assertEquals(4 * lam, s.objective(), 1e-7 * 4 * lam);
        assertEquals(lam, s.dual(ld), 1e-6 * lam);
        double[] xv = s.value(x);
        double logdet = 0;
        for (int i = 0; i < 4; i++) {
            assertEquals(lam / c[i], xv[i], 1e-6 * lam / c[i]);
            logdet += Math.log(xv[i]);
        }
        assertTrue(logdet >= level - 1e-8, "feasible: " + logdet);
        assertTrue(Math.abs(s.relativeGap()) <= 1e-7, "gap " + s.relativeGap());
        assertTrue(s.innerSolves() > 1);
    }

    /** min tr X (Hermitian k×k) s.t. log det X ≥ ℓ: X = e^{ℓ/k} I. */
    @Test
    void hermitianTraceUnderALogDetConstraint() {
        int k = 3;
        double level = -0.7;
        ConvexProgram.Builder p = ConvexProgram.builder();
        HermitianVar x = p.hermitian("X", k);
        p.logDetAtLeast(x, level);
        p.minimize(x.trace());
        Solution s = p.build().solve();
        assertEquals(Status.OPTIMAL, s.status());
        double t = Math.exp(level / k);
        assertEquals(k * t, s.objective(), 1e-7 * k * t);
        ZMatrixRMaj xv = s.value(x);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                assertEquals(i == j ? t : 0, xv.getReal(i, j), 1e-6);
                assertEquals(0, xv.getImag(i, j), 1e-6);
            }
        }
    }

    @Test
    void inactiveConstraintHasZeroMultiplier() {
        // min x s.t. x ≥ 2, log x ≥ 0 (x ≥ 1): the optimum x = 2 does not touch the log-det constraint
        ConvexProgram.Builder p = ConvexProgram.builder();
        ScalarVar x = p.scalar("x");
        p.ge(x.affine(), 2);
        AffineMatrix g = AffineMatrix.zeros(1);
        g.set(0, 0, x.affine());
        Constraint ld = p.logDetAtLeast(g, 0);
        p.minimize(x.affine());
        Solution s = p.build().solve();
        assertEquals(Status.OPTIMAL, s.status());
        assertEquals(2, s.objective(), 1e-7);
        assertEquals(0, s.dual(ld), 0);
    }

    @Test
    void unreachableLevelIsInfeasible() {
        // tr X ≤ 1 for a 2×2 X caps log det X at 2 log(1/2) < 10
        ConvexProgram.Builder p = ConvexProgram.builder();
        SymmetricVar x = p.symmetric("X", 2);
        p.le(x.trace(), 1);
        p.logDetAtLeast(x, 10);
        p.minimize(x.trace());
        Solution s = p.build().solve();
        assertEquals(Status.INFEASIBLE, s.status());
        assertThrows(IllegalStateException.class, s::objective);
    }

    @Test
    void aSecondLogDetConstraintIsRejectedWithAClearMessage() {
        ConvexProgram.Builder p = ConvexProgram.builder();
        SymmetricVar x = p.symmetric("X", 2);
        p.logDetAtLeast(x, 0);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> p.logDetAtLeast(x, 1));
        assertTrue(e.getMessage().contains("at most one"), e.getMessage());
        assertTrue(new DMatrixRMaj(1, 1).numRows == 1);
    }
}
