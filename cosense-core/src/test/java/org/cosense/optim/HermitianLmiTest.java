package org.cosense.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.InvalidInputException;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.HermitianEigen;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Hermitian affine LMIs in {@link ConvexProgram}: a Hermitian Toeplitz T(u) ⪰ 0 with complex u. */
class HermitianLmiTest {

    /** T(u)_ij = u_{i−j} (i ≥ j), conj(u_{j−i}) (i < j), u_0 real, u_1..u_{n−1} complex. */
    private static HermitianAffineMatrix toeplitz(ScalarVar u0, ScalarVar[] uRe, ScalarVar[] uIm, int n) {
        HermitianAffineMatrix t = HermitianAffineMatrix.zeros(n);
        for (int i = 0; i < n; i++) {
            t.set(i, i, u0.affine(), Affine.constant(0));
            for (int j = 0; j < i; j++) {
                t.set(i, j, uRe[i - j].affine(), uIm[i - j].affine());
            }
        }
        return t;
    }

    /**
     * min u_0 s.t. T(u) ⪰ 0, u_1 = c, and (banded) u_k = 0 for k ≥ 2. Banded: T = u_0 I + c S + c^* S^T has
     * eigenvalues u_0 + 2|c| cos(kπ/(n+1)), so the optimum is 2|c| cos(π/(n+1)). Free u_2..u_{n−1}: the
     * optimum is |c| (|u_1| ≤ u_0 on every 2×2 principal minor, attained by the rank-one T with
     * u_k = |c| (c/|c|)^k). Both whatever the phase of c.
     */
    @Test
    void toeplitzProgramReachesTheKnownOptimum() {
        for (boolean banded : new boolean[] {true, false}) {
            for (int n : new int[] {2, 4, 7}) {
                toeplitzCase(n, banded);
            }
        }
    }

    private static void toeplitzCase(int n, boolean banded) {
        {
            double cRe = 0.6;
            double cIm = -0.8;
            var p = ConvexProgram.builder();
            ScalarVar u0 = p.scalar("u0");
            ScalarVar[] uRe = new ScalarVar[n];
            ScalarVar[] uIm = new ScalarVar[n];
            for (int k = 1; k < n; k++) {
                uRe[k] = p.scalar("Re u" + k);
                uIm[k] = p.scalar("Im u" + k);
            }
            Constraint lmi = p.lmi("T(u)", toeplitz(u0, uRe, uIm, n));
            p.eq(uRe[1].affine(), cRe);
            p.eq(uIm[1].affine(), cIm);
            for (int k = 2; k < n && banded; k++) {
                p.eq(uRe[k].affine(), 0);
                p.eq(uIm[k].affine(), 0);
            }
            p.minimize(u0.affine());
            Solution s = p.build().solve();
            assertEquals(Status.OPTIMAL, s.status(), "n = " + n + (banded ? " banded" : ""));
            double expected = banded ? 2 * Math.hypot(cRe, cIm) * Math.cos(Math.PI / (n + 1)) : Math.hypot(cRe, cIm);
            assertEquals(expected, s.objective(), 1e-7 * expected, "n = " + n + (banded ? " banded" : ""));
            // the Hermitian multiplier Z ⪰ 0 is complementary to T(u*): tr(Z T) = 0
            ZMatrixRMaj z = s.hermitianDual(lmi);
            ZMatrixRMaj t = new ZMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    HermitianAffineMatrix h = toeplitz(u0, uRe, uIm, n);
                    t.set(i, j, s.value(h.re(i, j)), s.value(h.im(i, j)));
                }
            }
            assertTrue(HermitianEigen.decompose(z).minEigenvalue() > -1e-7, "Z ⪰ 0, n = " + n);
            assertTrue(HermitianEigen.decompose(t).minEigenvalue() > -1e-7, "T(u*) ⪰ 0, n = " + n);
            assertEquals(0, ComplexLinalg.traceOfProduct(z, t).re(), 1e-6, "complementarity, n = " + n);
        }
    }

    @Test
    void diagonalMustBeReal() {
        var p = ConvexProgram.builder();
        ScalarVar x = p.scalar("x");
        assertThrows(InvalidInputException.class, () -> HermitianAffineMatrix.zeros(2).set(1, 1, x.affine(), x.affine()));
    }

    @Test
    void setMirrorsTheConjugate() {
        var p = ConvexProgram.builder();
        ScalarVar a = p.scalar("a");
        ScalarVar b = p.scalar("b");
        HermitianAffineMatrix h = HermitianAffineMatrix.zeros(3).set(2, 0, a.affine(), b.affine());
        p.minimize(Affine.constant(0));
        assertEquals(a.affine().toString(), h.re(0, 2).toString());
        assertEquals(b.affine().negate().toString(), h.im(0, 2).toString());
        assertEquals(b.affine().toString(), h.im(2, 0).toString());
    }
}
