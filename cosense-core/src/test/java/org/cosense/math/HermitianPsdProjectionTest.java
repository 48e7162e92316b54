package org.cosense.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The partial-eigenvector PSD projection against the full decomposition of {@link HermitianEigen} (EJML's
 * tridiagonalization and symmetric QR): eigenvalues, the projection Σ_{λ>0} λ v v^H built from EJML's vectors, and the
 * projection's defining properties (PSD, A − P(A) negative semidefinite and orthogonal to P(A)), for mostly-positive and
 * mostly-negative spectra (both expansion branches), repeated eigenvalues and n = 1, 2, 3, 40.
 */
class HermitianPsdProjectionTest {
    private static ZMatrixRMaj reference(ZMatrixRMaj a) {
        HermitianEigen e = HermitianEigen.decompose(a);
        int n = a.numRows;
        double[] l = e.values();
        ZMatrixRMaj v = e.vectors();
        ZMatrixRMaj out = new ZMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            if (l[k] <= 0) {
                continue;
            }
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    double ar = v.getReal(r, k);
                    double ai = v.getImag(r, k);
                    double br = v.getReal(c, k);
                    double bi = v.getImag(c, k);
                    out.set(r, c, out.getReal(r, c) + l[k] * (ar * br + ai * bi), out.getImag(r, c) + l[k] * (ai * br - ar * bi));
                }
            }
        }
        return out;
    }

    private static void check(ZMatrixRMaj a, String what) {
        int n = a.numRows;
        HermitianPsdProjection p = new HermitianPsdProjection(n);
        double[] out = new double[2 * n * n];
        p.project(a.data, out);
        ZMatrixRMaj got = new ZMatrixRMaj(n, n);
        System.arraycopy(out, 0, got.data, 0, out.length);
        ZMatrixRMaj h = ComplexLinalg.hermitianPart(a);
        double scale = Math.max(1, ComplexLinalg.normF(h));
        TestMatrices.assertClose(reference(h), got, 1e-10, what + ": projection vs EJML");
        double[] want = HermitianEigen.decompose(h).values();
        double[] ev = p.eigenvalues();
        Arrays.sort(ev);
        int positives = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(want[i], ev[i], 1e-10 * scale, what + ": eigenvalue " + i);
            positives += want[i] > 1e-9 * scale ? 1 : 0;
        }
        assertTrue(p.positiveCount() >= positives, what + ": positive count");
        for (int i = 0; i < n; i++) {
            assertEquals(0, got.getImag(i, i), 0, what + ": real diagonal");
            for (int j = 0; j < n; j++) {
                assertEquals(got.getReal(i, j), got.getReal(j, i), 0, what + ": Hermitian");
                assertEquals(got.getImag(i, j), -got.getImag(j, i), 0, what + ": Hermitian");
            }
        }
        // P(A) ⪰ 0, A − P(A) ⪯ 0 and <P(A), A − P(A)> = 0.
        ZMatrixRMaj rest = ComplexLinalg.subtract(h, got);
        assertTrue(HermitianEigen.decompose(got).minEigenvalue() >= -1e-10 * scale, what + ": P(A) PSD");
        double[] rl = HermitianEigen.decompose(rest).values();
        assertTrue(rl[n - 1] <= 1e-10 * scale, what + ": A − P(A) NSD");
        assertEquals(0, ComplexLinalg.traceOfProduct(got, rest).re(), 1e-10 * scale * scale, what + ": orthogonality");
    }

    @Test
    void agreesWithTheFullDecompositionOnRandomMatrices() {
        RandomStream rng = new RandomStream(11);
        for (int n : new int[] {1, 2, 3, 5, 17, 40}) {
            for (int rep = 0; rep < 3; rep++) {
                check(TestMatrices.randomHermitian(rng, n), "random n = " + n);
            }
        }
    }

    @Test
    void expandsEitherSignedPartCorrectly() {
        RandomStream rng = new RandomStream(12);
        for (int n : new int[] {2, 3, 40}) {
            double[] fewPositive = new double[n];
            double[] fewNegative = new double[n];
            for (int i = 0; i < n; i++) {
                fewPositive[i] = i < 1 ? 3.0 + i : -1.0 - 0.1 * i;
                fewNegative[i] = i < 1 ? -2.0 : 0.5 + 0.2 * i;
            }
            check(TestMatrices.withSpectrum(rng, fewPositive), "one positive eigenvalue, n = " + n);
            check(TestMatrices.withSpectrum(rng, fewNegative), "one negative eigenvalue, n = " + n);
        }
    }

    @Test
    void handlesRepeatedAndZeroEigenvalues() {
        RandomStream rng = new RandomStream(13);
        for (int n : new int[] {1, 2, 3, 40}) {
            double[] repeated = new double[n];
            double[] rankTwo = new double[n];
            for (int i = 0; i < n; i++) {
                repeated[i] = i % 2 == 0 ? 2.0 : -1.0;    // two eigenvalues, each repeated about n/2 times
                rankTwo[i] = i < 2 ? 1.5 : 0.0;         // PSD of rank two, a zero eigenvalue of multiplicity n − 2
            }
            check(TestMatrices.withSpectrum(rng, repeated), "repeated, n = " + n);
            check(TestMatrices.withSpectrum(rng, rankTwo), "rank two, n = " + n);
            ZMatrixRMaj eye = ComplexLinalg.identity(n);
            check(eye, "identity, n = " + n);
            check(ComplexLinalg.scale(-1.0, eye), "minus identity, n = " + n);
            check(new ZMatrixRMaj(n, n), "zero, n = " + n);
        }
    }

    @Test
    void isScaleEquivariantDownToTinyEntries() {
        RandomStream rng = new RandomStream(14);
        ZMatrixRMaj a = TestMatrices.randomHermitian(rng, 12);
        ZMatrixRMaj tiny = ComplexLinalg.scale(Math.scalb(1.0, -700), a);
        HermitianPsdProjection p = new HermitianPsdProjection(12);
        double[] big = new double[2 * 144];
        double[] small = new double[2 * 144];
        p.project(a.data, big);
        p.project(tiny.data, small);
        for (int i = 0; i < big.length; i++) {
            assertEquals(big[i], Math.scalb(small[i], 700), 1e-14 * Math.abs(big[i]) + 1e-300, "entry " + i);
        }
    }

    @Test
    void rejectsNonFiniteEntries() {
        HermitianPsdProjection p = new HermitianPsdProjection(2);
        double[] a = {1, 0, Double.NaN, 0, 0, 0, 1, 0};
        assertThrows(ArithmeticException.class, () -> p.project(a, new double[8]));
    }
}
