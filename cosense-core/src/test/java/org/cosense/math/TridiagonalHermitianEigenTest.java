package org.cosense.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

class TridiagonalHermitianEigenTest {
    @Test
    void agreesWithHermitianEigenAndReconstructs() {
        RandomStream rng = new RandomStream(5);
        for (int n : new int[] {1, 2, 3, 6, 10, 17, 42}) {
            for (int rep = 0; rep < 3; rep++) {
                ZMatrixRMaj a = new ZMatrixRMaj(n, n);
                rng.complexGaussian(a.data, 0, n * n, 1);
                if (rep == 2 && n > 2) {
                    // rank-deficient PSD with repeated zero eigenvalues
                    ZMatrixRMaj b = new ZMatrixRMaj(n, 2);
                    rng.complexGaussian(b.data, 0, 2 * n, 1);
                    a = ComplexLinalg.multTransB(b, b);
                }
                ZMatrixRMaj h = ComplexLinalg.hermitianPart(a);
                TridiagonalHermitianEigen f = TridiagonalHermitianEigen.decompose(h);
                double[] want = HermitianEigen.decompose(h).values();
                double[] got = f.values();
                double scale = Math.max(1, Math.abs(want[n - 1]));
                for (int i = 0; i < n; i++) {
                    assertEquals(want[i], got[i], 1e-12 * scale * n, "n = " + n);
                }
                ZMatrixRMaj v = f.vectors(0, n);
                ZMatrixRMaj vh = ComplexLinalg.conjugateTranspose(v);
                ZMatrixRMaj eye = ComplexLinalg.mult(vh, v);
                ZMatrixRMaj lam = new ZMatrixRMaj(n, n);
                for (int i = 0; i < n; i++) {
                    lam.set(i, i, got[i], 0);
                }
                ZMatrixRMaj back = ComplexLinalg.mult(v, ComplexLinalg.mult(lam, vh));
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        assertEquals(i == j ? 1 : 0, eye.getReal(i, j), 1e-12 * n);
                        assertEquals(0, eye.getImag(i, j), 1e-12 * n);
                        assertEquals(h.getReal(i, j), back.getReal(i, j), 1e-12 * scale * n);
                        assertEquals(h.getImag(i, j), back.getImag(i, j), 1e-12 * scale * n);
                    }
                }
                assertTrue(f.dominantVectors(1).numCols == 1);
            }
        }
    }

    /**
     * A 4×4 Toeplitz matrix of an ADMM iterate decaying towards X = 0 (entries ~1e-162, from a
     * zhanghybrid fig6 frame): unscaled, the squares of its entries are subnormal and the QL sweeps
     * never met their deflation test. Its eigenvalues (numpy.linalg.eigvalsh: -1.58551843e-163,
     * 4.26792084e-164, 5.52168022e-162, 2.41458479e-161) and vectors equal those of the same matrix
     * scaled by 2^600, scaled back, bit for bit.
     */
    @Test
    void aMatrixNearZeroDecomposesAsItsScaledCopy() {
        long[] bits = {
            2196233858253957104L, 0L, -7030780012947974121L, 2189381542719631004L,
            2194516311005191797L, -7033775270717279070L, -7033786790013746391L, 2195293106432987627L,
            -7030780012947974121L, -7033990494135144804L, 2196233858253957104L, 0L,
            -7030780012947974121L, 2189381542719631004L, 2194516311005191797L, -7033775270717279070L,
            2194516311005191797L, 2189596766137496738L, -7030780012947974121L, -7033990494135144804L,
            2196233858253957104L, 0L, -7030780012947974121L, 2189381542719631004L,
            -7033786790013746391L, -7028078930421788181L, 2194516311005191797L, 2189596766137496738L,
            -7030780012947974121L, -7033990494135144804L, 2196233858253957104L, 0L
        };
        ZMatrixRMaj tiny = new ZMatrixRMaj(4, 4);
        for (int i = 0; i < bits.length; i++) {
            tiny.data[i] = Double.longBitsToDouble(bits[i]);
        }
        ZMatrixRMaj big = tiny.copy();
        for (int i = 0; i < big.data.length; i++) {
            big.data[i] = Math.scalb(big.data[i], 600);
        }
        TridiagonalHermitianEigen a = TridiagonalHermitianEigen.decompose(tiny);
        TridiagonalHermitianEigen b = TridiagonalHermitianEigen.decompose(big);
        double[] numpy = {-1.58551843e-163, 4.26792084e-164, 5.52168022e-162, 2.41458479e-161};
        for (int i = 0; i < 4; i++) {
            assertEquals(Math.scalb(b.values()[i], -600), a.values()[i], 0.0, "eigenvalue " + i);
            assertEquals(numpy[i], a.values()[i], 1e-8 * numpy[3], "eigenvalue " + i + " against numpy");
        }
        ZMatrixRMaj va = a.vectors(0, 4);
        ZMatrixRMaj vb = b.vectors(0, 4);
        for (int i = 0; i < va.data.length; i++) {
            assertEquals(vb.data[i], va.data[i], 0.0, "eigenvector entry " + i);
        }
    }
}
