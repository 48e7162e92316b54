package org.cosense.math;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/** Random complex matrices and closeness assertions shared by the numerics tests. */
public final class TestMatrices {
    private TestMatrices() {
    }

    /** Entries i.i.d. CN(0, 1). */
    public static ZMatrixRMaj random(RandomStream rng, int rows, int cols) {
        ZMatrixRMaj a = new ZMatrixRMaj(rows, cols);
        rng.complexGaussian(a.data, 0, rows * cols, 1.0);
        return a;
    }

    /** A random Hermitian matrix (B + B^H)/2. */
    public static ZMatrixRMaj randomHermitian(RandomStream rng, int n) {
        return ComplexLinalg.hermitianPart(random(rng, n, n));
    }

    /** ||a - b||_F ≤ tol·max(1, ||b||_F). */
    public static void assertClose(ZMatrixRMaj expected, ZMatrixRMaj actual, double tol, String what) {
        assertTrue(expected.numRows == actual.numRows && expected.numCols == actual.numCols,
                what + ": shape " + actual.numRows + "x" + actual.numCols + " vs " + expected.numRows + "x" + expected.numCols);
        double err = ComplexLinalg.normF(ComplexLinalg.subtract(expected, actual));
        double ref = Math.max(1, ComplexLinalg.normF(expected));
        assertTrue(err <= tol * ref, what + ": error " + err + " > " + tol + " * " + ref);
    }

    /** ||a - b||_F ≤ tol·||b||_F (pure relative). */
    public static void assertRelClose(DMatrixRMaj expected, DMatrixRMaj actual, double tol, String what) {
        double err = 0;
        double ref = 0;
        for (int i = 0; i < expected.getNumElements(); i++) {
            double d = expected.data[i] - actual.data[i];
            err += d * d;
            ref += expected.data[i] * expected.data[i];
        }
        assertTrue(Math.sqrt(err) <= tol * Math.sqrt(ref),
                what + ": relative error " + Math.sqrt(err / ref) + " > " + tol + "\nexpected " + expected + "\nactual " + actual);
    }

    /** V diag(λ) V^H with a random unitary V (from a Householder QR of a Gaussian matrix via HermitianEigen). */
    public static ZMatrixRMaj withSpectrum(RandomStream rng, double[] lambda) {
        int n = lambda.length;
        ZMatrixRMaj v = HermitianEigen.decompose(randomHermitian(rng, n)).vectors();
        ZMatrixRMaj out = new ZMatrixRMaj(n, n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double sr = 0;
                double si = 0;
                for (int k = 0; k < n; k++) {
                    double ar = v.getReal(r, k);
                    double ai = v.getImag(r, k);
                    double br = v.getReal(c, k);
                    double bi = v.getImag(c, k);
                    sr += lambda[k] * (ar * br + ai * bi);
                    si += lambda[k] * (ai * br - ar * bi);
                }
                out.set(r, c, sr, si);
            }
        }
        return ComplexLinalg.hermitianPart(out);
    }
}
