package org.cosense.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

class HermitianToeplitzTest {

    private static double innerMatrix(ZMatrixRMaj a, ZMatrixRMaj b) {
        double s = 0;
        for (int i = 0; i < a.data.length; i += 2) {
            s += a.data[i] * b.data[i] + a.data[i + 1] * b.data[i + 1];   // Re conj(a) b
        }
        return s;
    }

    private static double innerVector(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    @Test
    void adjointIdentityHoldsForGeneralAndHermitianMatrices() {
        RandomStream rng = new RandomStream(3);
        for (int n : new int[] {1, 2, 5, 9}) {
            double[] u = new double[2 * n];
            rng.complexGaussian(u, 0, n, 1);
            u[1] = 0;   // u_0 is real
            ZMatrixRMaj x = new ZMatrixRMaj(n, n);
            rng.complexGaussian(x.data, 0, n * n, 1);
            ZMatrixRMaj t = HermitianToeplitz.matrix(u);
            assertEquals(innerMatrix(t, x), innerVector(u, HermitianToeplitz.adjoint(x)), 1e-12);
            ZMatrixRMaj h = ComplexLinalg.hermitianPart(x);
            assertEquals(innerMatrix(t, h), innerVector(u, HermitianToeplitz.adjoint(h)), 1e-12);
            // Hermitian X: T*(X)_l is twice the sum of the l-th subdiagonal.
            double[] a = HermitianToeplitz.adjoint(h);
            for (int l = 1; l < n; l++) {
                double re = 0;
                double im = 0;
                for (int c = 0; c + l < n; c++) {
                    re += h.getReal(c + l, c);
                    im += h.getImag(c + l, c);
                }
                assertEquals(2 * re, a[2 * l], 1e-12);
                assertEquals(2 * im, a[2 * l + 1], 1e-12);
            }
            // T*(T(u)) = D ∘ u.
            double[] tt = HermitianToeplitz.adjoint(t);
            double[] d = HermitianToeplitz.gram(n);
            for (int l = 0; l < n; l++) {
                assertEquals(d[l] * u[2 * l], tt[2 * l], 1e-12);
                assertEquals(d[l] * u[2 * l + 1], tt[2 * l + 1], 1e-12);
            }
        }
    }

    @Test
    void matrixIsHermitianToeplitzWithFirstColumnU() {
        double[] u = {2, 0, 0.5, -0.25, -1, 3};
        ZMatrixRMaj t = HermitianToeplitz.matrix(u);
        assertEquals(0.5, t.getReal(1, 0));
        assertEquals(-0.25, t.getImag(1, 0));
        assertEquals(0.5, t.getReal(2, 1));
        assertEquals(0.25, t.getImag(1, 2));
        assertEquals(-1, t.getReal(0, 2));
        assertEquals(-3, t.getImag(0, 2));
        assertEquals(2, t.getReal(2, 2));
    }
}
