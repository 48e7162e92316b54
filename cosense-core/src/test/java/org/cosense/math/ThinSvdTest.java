package org.cosense.math;

import static org.cosense.math.ComplexLinalg.mult;
import static org.cosense.math.ComplexLinalg.multTransA;
import static org.cosense.math.TestMatrices.assertClose;
import static org.cosense.math.TestMatrices.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThinSvdTest {

    private static ZMatrixRMaj diag(double[] d) {
        ZMatrixRMaj m = new ZMatrixRMaj(d.length, d.length);
        for (int i = 0; i < d.length; i++) {
            m.set(i, i, d[i], 0);
        }
        return m;
    }

    private static void assertUnitaryColumns(ZMatrixRMaj u, double tol, String what) {
        assertClose(CommonOps_ZDRM.identity(u.numCols), multTransA(u, u), tol, what + " U^H U = I");
    }

    @ParameterizedTest
    @CsvSource({"1,1", "5,3", "3,5", "8,8", "30,4", "4,30", "50,50"})
    void reconstructsWithOrthonormalFactors(int m, int n) {
        ZMatrixRMaj a = random(new RandomStream(31L * m + n), m, n);
        ThinSvd s = ThinSvd.decompose(a);
        int k = Math.min(m, n);
        assertEquals(m, s.u().numRows);
        assertEquals(k, s.u().numCols);
        assertEquals(n, s.v().numRows);
        assertEquals(k, s.v().numCols);
        for (int i = 1; i < k; i++) {
            assertTrue(s.singularValues()[i - 1] >= s.singularValues()[i], "descending");
        }
        assertUnitaryColumns(s.u(), 1e-12, "U");
        assertUnitaryColumns(s.v(), 1e-12, "V");
        assertClose(a, ComplexLinalg.multTransB(mult(s.u(), diag(s.singularValues())), s.v()), 1e-12, "A = U S V^H");
        assertEquals(k, s.rank());
        // Singular values squared are the eigenvalues of A^H A.
        HermitianEigen e = HermitianEigen.decompose(multTransA(a, a));
        for (int i = 0; i < k; i++) {
            double sv = s.singularValues()[i];
            assertEquals(e.values()[n - 1 - i], sv * sv, 1e-10 * Math.max(1, sv * sv));
        }
    }

    @Test
    void rankDeficientAndZeroMatrices() {
        RandomStream rng = new RandomStream(3);
        ZMatrixRMaj a = mult(random(rng, 10, 2), random(rng, 2, 6)); // rank 2
        ThinSvd s = ThinSvd.decompose(a);
        assertEquals(2, s.rank());
        assertUnitaryColumns(s.u(), 1e-12, "U of rank-deficient");
        assertUnitaryColumns(s.v(), 1e-12, "V of rank-deficient");
        assertClose(a, ComplexLinalg.multTransB(mult(s.u(), diag(s.singularValues())), s.v()), 1e-12, "reconstruct");

        ThinSvd z = ThinSvd.decompose(new ZMatrixRMaj(4, 3));
        assertArrayEquals(new double[3], z.singularValues());
        assertUnitaryColumns(z.u(), 1e-14, "U of zero");
        assertEquals(0, z.rank());
    }

    @Test
    void knownMatrix() {
        // diag(3, 1) rotated by unitary phases: singular values 3, 1.
        ZMatrixRMaj a = new ZMatrixRMaj(new double[][] {{0, 3, 0, 0}, {0, 0, -1, 0}});
        assertArrayEquals(new double[] {3, 1}, ThinSvd.decompose(a).singularValues(), 1e-15);
    }
}
