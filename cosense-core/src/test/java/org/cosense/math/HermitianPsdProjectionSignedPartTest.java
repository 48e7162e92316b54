package org.cosense.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The signed-part route of {@link HermitianPsdProjection} (Sturm bisection and inverse iteration for at most
 * {@link HermitianPsdProjection#SIGNED_PART_MAX} eigenpairs) against the projection built from EJML's full
 * decomposition: a wanted part of exactly the bound and one above it (the QL route), and clusters inside the wanted
 * part whose eigenvalues differ by 1e-12 to 1e-6 relative, where inverse iteration must orthogonalize within the
 * cluster.
 */
class HermitianPsdProjectionSignedPartTest {

    /** Largest entry of |P(A) − reference| relative to max(1, ||A||_F), the reference from EJML's eigenpairs. */
    private static double projectionError(ZMatrixRMaj a) {
        int n = a.numRows;
        HermitianEigen e = HermitianEigen.decompose(a);
        double[] l = e.values();
        ZMatrixRMaj v = e.vectors();
        double[] out = new double[2 * n * n];
        new HermitianPsdProjection(n).project(a.data, out);
        double scale = Math.max(1, ComplexLinalg.normF(a));
        double worst = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double wr = 0;
                double wi = 0;
                for (int k = 0; k < n; k++) {
                    if (l[k] > 0) {
                        wr += l[k] * (v.getReal(r, k) * v.getReal(c, k) + v.getImag(r, k) * v.getImag(c, k));
                        wi += l[k] * (v.getImag(r, k) * v.getReal(c, k) - v.getReal(r, k) * v.getImag(c, k));
                    }
                }
                int idx = 2 * (r * n + c);
                worst = Math.max(worst, Math.hypot(out[idx] - wr, out[idx + 1] - wi) / scale);
            }
        }
        return worst;
    }

    @Test
    void wantedPartsAtAndAboveTheBoundMatchTheFullDecomposition() {
        RandomStream rng = new RandomStream(21);
        int n = 30;
        for (int positives : new int[] {1, HermitianPsdProjection.SIGNED_PART_MAX, HermitianPsdProjection.SIGNED_PART_MAX + 1}) {
            double[] lambda = new double[n];
            for (int i = 0; i < n; i++) {
                lambda[i] = i < positives ? 1.0 + 0.7 * i : -0.3 - 0.05 * i;
            }
            assertEquals(0, projectionError(TestMatrices.withSpectrum(rng, lambda)), 1e-12, positives + " positive eigenvalues");
            for (int i = 0; i < n; i++) {
                lambda[i] = -lambda[i];
            }
            assertEquals(0, projectionError(TestMatrices.withSpectrum(rng, lambda)), 1e-12, positives + " negative eigenvalues");
        }
    }

    @Test
    void clustersInsideTheWantedPartGetOrthonormalVectors() {
        RandomStream rng = new RandomStream(22);
        for (int n : new int[] {4, 17, 42}) {
            for (double gap : new double[] {1e-12, 1e-9, 1e-6}) {
                double[] lambda = new double[n];
                for (int i = 0; i < n; i++) {
                    lambda[i] = -1.0 - 0.01 * i;
                }
                lambda[0] = 2.0;
                lambda[1] = 2.0 * (1 + gap);
                lambda[2] = 2.0 * (1 + 2 * gap);
                assertEquals(0, projectionError(TestMatrices.withSpectrum(rng, lambda)), 1e-10, "n = " + n + ", cluster gap " + gap);
            }
        }
    }
}
