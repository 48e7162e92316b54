package org.cosense.math;

import static org.cosense.math.ComplexLinalg.conjugateTranspose;
import static org.cosense.math.ComplexLinalg.kron;
import static org.cosense.math.ComplexLinalg.mult;
import static org.cosense.math.ComplexLinalg.multTransA;
import static org.cosense.math.ComplexLinalg.vec;
import static org.cosense.math.TestMatrices.assertClose;
import static org.cosense.math.TestMatrices.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.Complex_F64;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.junit.jupiter.api.Test;

class ComplexLinalgTest {

    private static void assertUnitaryColumns(ZMatrixRMaj u, double tol, String what) {
        assertClose(CommonOps_ZDRM.identity(u.numCols), multTransA(u, u), tol, what + " U^H U = I");
    }

    @Test
    void dominantLeftSingularVectorsSpanTheSignalSubspace() {
        RandomStream rng = new RandomStream(11);
        int m = 16;
        ZMatrixRMaj steer = random(rng, m, 3);
        for (int t : new int[] {8, 200}) { // both code paths: SVD (T ≤ m) and Gram eig (T > m)
            ZMatrixRMaj data = mult(steer, random(rng, 3, t));
            ZMatrixRMaj noise = random(rng, m, t);
            CommonOps_ZDRM.scale(1e-6, 0, noise);
            data = ComplexLinalg.add(data, noise);
            ZMatrixRMaj us = ComplexLinalg.dominantLeftSingularVectors(data, 3);
            assertEquals(3, us.numCols);
            assertUnitaryColumns(us, 1e-12, "Us");
            // The projector onto span(Us) leaves the true steering vectors (almost) unchanged.
            ZMatrixRMaj proj = mult(us, multTransA(us, steer));
            assertClose(steer, proj, 1e-4, "steering in signal subspace (T=" + t + ")");
        }
    }

    @Test
    void pseudoInverseSatisfiesPenroseConditions() {
        RandomStream rng = new RandomStream(5);
        for (ZMatrixRMaj a : new ZMatrixRMaj[] {random(rng, 7, 4), random(rng, 3, 6),
                mult(random(rng, 6, 2), random(rng, 2, 5))}) {
            ZMatrixRMaj p = ComplexLinalg.pseudoInverse(a);
            assertEquals(a.numCols, p.numRows);
            assertEquals(a.numRows, p.numCols);
            assertClose(a, mult(mult(a, p), a), 1e-11, "A A+ A = A");
            assertClose(p, mult(mult(p, a), p), 1e-11, "A+ A A+ = A+");
            ZMatrixRMaj ap = mult(a, p);
            assertClose(conjugateTranspose(ap), ap, 1e-11, "(A A+)^H = A A+");
            ZMatrixRMaj pa = mult(p, a);
            assertClose(conjugateTranspose(pa), pa, 1e-11, "(A+ A)^H = A+ A");
        }
        // Square invertible: A+ = A^-1.
        ZMatrixRMaj a = random(rng, 5, 5);
        ZMatrixRMaj inv = new ZMatrixRMaj(5, 5);
        CommonOps_ZDRM.invert(a, inv);
        assertClose(inv, ComplexLinalg.pseudoInverse(a), 1e-10, "A+ = A^-1");
    }

    @Test
    void kroneckerMixedProductAndKnownEntries() {
        RandomStream rng = new RandomStream(9);
        ZMatrixRMaj a = random(rng, 2, 3);
        ZMatrixRMaj b = random(rng, 4, 2);
        ZMatrixRMaj c = random(rng, 3, 2);
        ZMatrixRMaj d = random(rng, 2, 5);
        // (A ⊗ B)(C ⊗ D) = (AC) ⊗ (BD)
        assertClose(kron(mult(a, c), mult(b, d)), mult(kron(a, b), kron(c, d)), 1e-12, "mixed product");
        ZMatrixRMaj k = kron(a, b);
        assertEquals(8, k.numRows);
        assertEquals(6, k.numCols);
        // (A ⊗ B)[i·4 + k, j·2 + l] = a_ij b_kl, checked at one entry.
        Complex_F64 x = new Complex_F64(a.getReal(1, 2), a.getImag(1, 2));
        Complex_F64 y = new Complex_F64(b.getReal(3, 1), b.getImag(3, 1));
        Complex_F64 xy = x.times(y);
        assertEquals(xy.real, k.getReal(7, 5), 1e-15);
        assertEquals(xy.imaginary, k.getImag(7, 5), 1e-15);
        // (A ⊗ B)^H = A^H ⊗ B^H
        assertClose(kron(conjugateTranspose(a), conjugateTranspose(b)), conjugateTranspose(k), 1e-14, "kron^H");
    }

    @Test
    void vecOfProductIsKroneckerTimesVec() {
        RandomStream rng = new RandomStream(13);
        ZMatrixRMaj a = random(rng, 3, 4);
        ZMatrixRMaj x = random(rng, 4, 5);
        ZMatrixRMaj b = random(rng, 5, 2);
        ZMatrixRMaj bt = CommonOps_ZDRM.transpose(b, null); // plain transpose, not ^H
        assertClose(vec(mult(mult(a, x), b)), mult(kron(bt, a), vec(x)), 1e-12, "vec(AXB) = (B^T ⊗ A) vec(X)");
        // Column-major: vec([[1, 2], [3, 4]]) = [1, 3, 2, 4].
        ZMatrixRMaj m = new ZMatrixRMaj(new double[][] {{1, 0, 2, 0}, {3, 0, 4, 0}});
        ZMatrixRMaj v = vec(m);
        assertArrayEquals(new double[] {1, 0, 3, 0, 2, 0, 4, 0}, v.data);
        assertClose(m, ComplexLinalg.unvec(v, 2, 2), 0, "unvec(vec(M)) = M");
        assertClose(x, ComplexLinalg.unvec(vec(x), 4, 5), 0, "unvec round trip");
    }

    @Test
    void vectorHelpersConjugateTheFirstArgument() {
        double[] x = {1, 2, 3, -1}; // [1+2j, 3-j]
        double[] y = {0, 1, 2, 2};  // [j, 2+2j]
        // conj(1+2j)·j + conj(3-j)·(2+2j) = (2 + j) + (4 + 8j) = 6 + 9j
        assertArrayEquals(new double[] {6, 9}, ComplexLinalg.dotConj(x, y), 1e-15);
        assertEquals(15, ComplexLinalg.squaredNorm(x), 0);
        ZMatrixRMaj col = ComplexLinalg.columnVector(x);
        assertEquals(2, col.numRows);
        assertArrayEquals(x, ComplexLinalg.column(col, 0));
        assertEquals(Math.sqrt(15), ComplexLinalg.normF(col), 1e-15);
    }

    @Test
    void traceAndProducts() {
        RandomStream rng = new RandomStream(17);
        ZMatrixRMaj a = random(rng, 4, 3);
        ZMatrixRMaj b = random(rng, 4, 3);
        // tr(A^H B) = vec(A)^H vec(B)
        Complex_F64 t = ComplexLinalg.trace(multTransA(a, b));
        double[] d = ComplexLinalg.dotConj(vec(a).data, vec(b).data);
        assertEquals(d[0], t.real, 1e-12);
        assertEquals(d[1], t.imaginary, 1e-12);
        assertClose(mult(conjugateTranspose(a), b), multTransA(a, b), 1e-14, "A^H B");
        assertClose(mult(a, conjugateTranspose(b)), ComplexLinalg.multTransB(a, b), 1e-14, "A B^H");
    }
}
