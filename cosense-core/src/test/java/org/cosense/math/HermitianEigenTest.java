package org.cosense.math;

import static org.cosense.math.ComplexLinalg.mult;
import static org.cosense.math.ComplexLinalg.multTransA;
import static org.cosense.math.TestMatrices.assertClose;
import static org.cosense.math.TestMatrices.random;
import static org.cosense.math.TestMatrices.randomHermitian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HermitianEigenTest {

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
    @CsvSource({"1", "2", "3", "7", "20", "64"})
    void reconstructsAndIsAscending(int n) {
        ZMatrixRMaj a = randomHermitian(new RandomStream(100 + n), n);
        HermitianEigen e = HermitianEigen.decompose(a);
        for (int i = 1; i < n; i++) {
            assertTrue(e.values()[i - 1] <= e.values()[i], "ascending");
        }
        ZMatrixRMaj v = e.vectors();
        assertUnitaryColumns(v, 1e-12, "eigenvectors");
        assertClose(a, ComplexLinalg.multTransB(mult(v, diag(e.values())), v), 1e-12, "A = V Λ V^H");
        // Each column really is an eigenvector: A v = λ v.
        for (int c = 0; c < n; c++) {
            ZMatrixRMaj vc = ComplexLinalg.columns(v, c, c + 1);
            assertClose(ComplexLinalg.scale(e.values()[c], 0, vc), mult(a, vc), 1e-11, "A v = λ v");
        }
        // Trace is the sum of eigenvalues.
        double sum = 0;
        for (double l : e.values()) {
            sum += l;
        }
        assertEquals(ComplexLinalg.trace(a).real, sum, 1e-10);
    }

    @Test
    void knownMatrixAndDegenerateSpectrum() {
        // [[2, j], [-j, 2]] has eigenvalues 1 and 3.
        ZMatrixRMaj a = new ZMatrixRMaj(new double[][] {{2, 0, 0, 1}, {0, -1, 2, 0}});
        HermitianEigen e = HermitianEigen.decompose(a);
        assertArrayEquals(new double[] {1, 3}, e.values(), 1e-14);

        // Rank-2 projector-like matrix σ² I + a1 a1^H + a2 a2^H: eigenvalue σ² with multiplicity n-2.
        RandomStream rng = new RandomStream(7);
        int n = 12;
        ZMatrixRMaj s = random(rng, n, 2);
        ZMatrixRMaj r = ComplexLinalg.add(ComplexLinalg.multTransB(s, s), ComplexLinalg.scale(0.5, 0, CommonOps_ZDRM.identity(n)));
        HermitianEigen er = HermitianEigen.decompose(r);
        for (int i = 0; i < n - 2; i++) {
            assertEquals(0.5, er.values()[i], 1e-12);
        }
        assertUnitaryColumns(er.vectors(), 1e-12, "degenerate eigenvectors");
        assertClose(r, ComplexLinalg.multTransB(mult(er.vectors(), diag(er.values())), er.vectors()), 1e-12, "reconstruct");
        // The noise eigenvectors are orthogonal to the signal columns (MUSIC's premise).
        ZMatrixRMaj noise = er.vectors(0, n - 2);
        assertTrue(ComplexLinalg.normF(multTransA(noise, s)) < 1e-12);
    }

    @Test
    void descendingValuesAndDominantVectorsAreTheLargestEigenpairs() {
        ZMatrixRMaj a = randomHermitian(new RandomStream(21), 9);
        HermitianEigen e = HermitianEigen.decompose(a);
        double[] up = e.values();
        double[] down = e.valuesDescending();
        for (int i = 0; i < up.length; i++) {
            assertEquals(up[up.length - 1 - i], down[i], 0);
        }
        assertEquals(up[0], e.minEigenvalue(), 0);
        ZMatrixRMaj top = e.dominantVectors(3);
        assertEquals(3, top.numCols);
        for (int c = 0; c < 3; c++) {
            ZMatrixRMaj v = ComplexLinalg.columns(top, c, c + 1);
            assertClose(ComplexLinalg.scale(down[c], 0, v), mult(a, v), 1e-11, "A v = λ v for the " + c + "-th largest");
        }
    }

    @Test
    void accessorsReturnCopies() {
        HermitianEigen e = HermitianEigen.decompose(randomHermitian(new RandomStream(22), 4));
        double first = e.values()[0];
        e.values()[0] = 1e9;
        e.vectors().set(0, 0, 1e9, 0);
        assertEquals(first, e.values()[0], 0);
        assertTrue(e.vectors().getReal(0, 0) != 1e9);
    }
}
