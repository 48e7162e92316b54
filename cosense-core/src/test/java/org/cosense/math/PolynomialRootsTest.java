package org.cosense.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

class PolynomialRootsTest {

    /** Largest distance between two multisets of complex numbers, matched greedily (nearest unused). */
    static double matchedDistance(Complex[] got, Complex[] want) {
        assertEquals(want.length, got.length, "count");
        boolean[] used = new boolean[want.length];
        double worst = 0;
        for (Complex g : got) {
            int best = -1;
            double bd = Double.POSITIVE_INFINITY;
            for (int j = 0; j < want.length; j++) {
                double d = g.minus(want[j]).abs();
                if (!used[j] && d < bd) {
                    bd = d;
                    best = j;
                }
            }
            used[best] = true;
            worst = Math.max(worst, bd / Math.max(1, want[best].abs()));
        }
        return worst;
    }

    @Test
    void knownRoots() {
        // (z - 1)(z - j)(z + 2 - 0.5j) expanded: roots 1, j, -2 + 0.5j.
        Complex r1 = new Complex(1, 0);
        Complex r2 = new Complex(0, 1);
        Complex r3 = new Complex(-2, 0.5);
        Complex[] c = {Complex.ONE};
        for (Complex r : new Complex[] {r1, r2, r3}) {
            Complex[] n = new Complex[c.length + 1];
            for (int i = 0; i < n.length; i++) {
                Complex a = i < c.length ? c[i] : Complex.ZERO;
                Complex b = i > 0 ? c[i - 1].times(r).times(-1) : Complex.ZERO;
                n[i] = a.plus(b);
            }
            c = n;
        }
        double[] re = new double[c.length];
        double[] im = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            re[i] = c[i].re();
            im[i] = c[i].im();
        }
        assertTrue(matchedDistance(PolynomialRoots.of(re, im), new Complex[] {r1, r2, r3}) < 1e-13);
    }

    @Test
    void leadingAndTrailingZerosAndRealCoefficients() {
        // 0 z^4 + z^3 - z^2 + 0 z + 0 -> roots 1, 0, 0
        Complex[] r = PolynomialRoots.of(new double[] {0, 1, -1, 0, 0});
        assertTrue(matchedDistance(r, new Complex[] {Complex.ONE, Complex.ZERO, Complex.ZERO}) < 1e-15);
        // z^2 + 1: ±j
        assertTrue(matchedDistance(PolynomialRoots.of(new double[] {1, 0, 1}), new Complex[] {new Complex(0, 1), new Complex(0, -1)}) < 1e-15);
    }

    @Test
    void agreesWithNumpyRoots() {
        FixtureReader f = new FixtureReader(getClass(), "polynomial_roots.txt");
        int cases = f.nextInt();
        for (int c = 0; c < cases; c++) {
            int n = f.nextInt();
            double[] re = new double[n + 1];
            double[] im = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                re[i] = f.nextDouble();
                im[i] = f.nextDouble();
            }
            Complex[] want = f.complexes(n);
            double d = matchedDistance(PolynomialRoots.of(re, im), want);
            assertTrue(d < 1e-9, "degree " + n + ": largest relative root difference " + d);
        }
    }

    @Test
    void complexEigenvaluesAgreeWithNumpy() {
        FixtureReader f = new FixtureReader(getClass(), "complex_eigenvalues.txt");
        int cases = f.nextInt();
        for (int c = 0; c < cases; c++) {
            int n = f.nextInt();
            ZMatrixRMaj a = f.matrix(n);
            Complex[] want = f.complexes(n);
            double d = matchedDistance(ComplexEigenvalues.of(a), want);
            assertTrue(d < 1e-10, "n = " + n + ": largest relative eigenvalue difference " + d);
        }
    }

    @Test
    void eigenvaluesOfTriangularAndDiagonalMatrices() {
        ZMatrixRMaj a = new ZMatrixRMaj(3, 3);
        a.set(0, 0, 1, 2);
        a.set(0, 1, 5, -1);
        a.set(0, 2, 3, 3);
        a.set(1, 1, -4, 0);
        a.set(1, 2, 7, 7);
        a.set(2, 2, 0, -1);
        assertTrue(matchedDistance(ComplexEigenvalues.of(a), new Complex[] {new Complex(1, 2), new Complex(-4, 0), new Complex(0, -1)}) < 1e-15);
        // A rotation with eigenvalues e^{±j 0.3}: a real matrix with a complex pair.
        ZMatrixRMaj r = new ZMatrixRMaj(2, 2);
        r.set(0, 0, Math.cos(0.3), 0);
        r.set(0, 1, -Math.sin(0.3), 0);
        r.set(1, 0, Math.sin(0.3), 0);
        r.set(1, 1, Math.cos(0.3), 0);
        assertTrue(matchedDistance(ComplexEigenvalues.of(r), new Complex[] {Complex.polar(1, 0.3), Complex.polar(1, -0.3)}) < 1e-14);
    }
}
