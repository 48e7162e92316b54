package org.cosense.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cosense.InvalidInputException;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Products with a diagonal matrix as scalings: the same doubles as the dense products of {@link ComplexLinalg}, bit for
 * bit at every nonzero entry, on diagonals with exact zeros, purely imaginary and negative entries (as Z_θ, Z_φ have).
 */
class DiagonalScalingTest {
    /** An interleaved diagonal of n entries: general complex, with an exact zero, a purely imaginary and a negative real one. */
    private static double[] diagonal(RandomStream rng, int n) {
        double[] d = new double[2 * n];
        rng.complexGaussian(d, 0, n, 1.0);
        d[0] = 0;
        d[1] = 0;
        d[2] = 0;
        d[3] = -1.7;
        d[4] = -0.3;
        d[5] = 0;
        return d;
    }

    /** Every entry equal as a value; a nonzero entry equal in all its bits. */
    private static void assertSameDoubles(ZMatrixRMaj dense, ZMatrixRMaj scaled, String what) {
        assertEquals(dense.numRows, scaled.numRows, what);
        assertEquals(dense.numCols, scaled.numCols, what);
        for (int k = 0; k < dense.getDataLength(); k++) {
            double x = dense.data[k];
            double y = scaled.data[k];
            if (x == 0) {
                assertEquals(0.0, Math.abs(y), what + " entry " + k);
            } else {
                assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(y), what + " entry " + k + ": " + x + " vs " + y);
            }
        }
    }

    @Test
    void scalingsGiveTheDenseProductsDoubles() {
        RandomStream rng = new RandomStream(11);
        for (int trial = 0; trial < 20; trial++) {
            ZMatrixRMaj b = TestMatrices.random(rng, 16, 9);
            double[] d = diagonal(rng, 16);
            double[] e = diagonal(rng, 9);
            ZMatrixRMaj dd = ComplexLinalg.diagonal(d);
            ZMatrixRMaj de = ComplexLinalg.diagonal(e);
            assertSameDoubles(ComplexLinalg.mult(dd, b), DiagonalScaling.rows(d, b), "diag(d) B");
            assertSameDoubles(ComplexLinalg.mult(b, de), DiagonalScaling.columns(b, e), "B diag(e)");
            assertSameDoubles(ComplexLinalg.product(dd, b, de), DiagonalScaling.bothSides(d, b, e), "diag(d) B diag(e)");
            // the conjugate transpose of a diagonal matrix (its off-diagonal zeros turn to -0 in the imaginary part)
            ZMatrixRMaj dh = ComplexLinalg.conjugateTranspose(de);
            assertSameDoubles(ComplexLinalg.mult(b, dh), DiagonalScaling.columns(b, DiagonalScaling.diagonalOf(dh)), "B diag(e)^H");
        }
    }

    @Test
    void diagonalOfReadsTheDiagonalAndShapesAreChecked() {
        RandomStream rng = new RandomStream(12);
        double[] d = diagonal(rng, 5);
        assertEquals(java.util.Arrays.toString(d), java.util.Arrays.toString(DiagonalScaling.diagonalOf(ComplexLinalg.diagonal(d))));
        ZMatrixRMaj b = TestMatrices.random(rng, 4, 5);
        assertThrows(InvalidInputException.class, () -> DiagonalScaling.rows(d, b));
        assertThrows(InvalidInputException.class, () -> DiagonalScaling.columns(TestMatrices.random(rng, 5, 4), d));
        assertThrows(InvalidInputException.class, () -> DiagonalScaling.diagonalOf(b));
    }
}
