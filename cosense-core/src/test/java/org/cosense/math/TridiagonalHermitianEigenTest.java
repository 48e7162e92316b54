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
}
