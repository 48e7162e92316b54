package org.cosense.math;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** TEMPORARY: top-k eigenvectors of a Hermitian matrix via the real embedding. */
public final class HermitianEigenTmp {
    private HermitianEigenTmp() {
    }

    /** Returns the k eigenvectors of largest eigenvalue as columns (n × k). */
    public static ZMatrixRMaj top(ZMatrixRMaj h, int k) {
        int n = h.numRows;
        DMatrixRMaj m = new DMatrixRMaj(2 * n, 2 * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double re = h.getReal(i, j);
                double im = h.getImag(i, j);
                m.set(i, j, re);
                m.set(i + n, j + n, re);
                m.set(i, j + n, -im);
                m.set(i + n, j, im);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2 * n, true, true);
        eig.decompose(m);
        Integer[] idx = new Integer[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(eig.getEigenvalue(b).real, eig.getEigenvalue(a).real));
        ZMatrixRMaj out = new ZMatrixRMaj(n, k);
        int col = 0;
        for (int p = 0; p < 2 * n && col < k; p++) {
            DMatrixRMaj v = eig.getEigenVector(idx[p]);
            // candidate complex vector x = v_top + j v_bottom; orthogonalize against accepted columns
            double[] x = new double[2 * n];
            for (int i = 0; i < n; i++) {
                x[2 * i] = v.get(i);
                x[2 * i + 1] = v.get(i + n);
            }
            for (int c = 0; c < col; c++) {
                double pr = 0;
                double pi = 0;
                for (int i = 0; i < n; i++) {
                    double ur = out.getReal(i, c);
                    double ui = out.getImag(i, c);
                    pr += ur * x[2 * i] + ui * x[2 * i + 1];
                    pi += ur * x[2 * i + 1] - ui * x[2 * i];
                }
                for (int i = 0; i < n; i++) {
                    double ur = out.getReal(i, c);
                    double ui = out.getImag(i, c);
                    x[2 * i] -= pr * ur - pi * ui;
                    x[2 * i + 1] -= pr * ui + pi * ur;
                }
            }
            double nn = 0;
            for (double d : x) {
                nn += d * d;
            }
            if (nn < 1e-6) {
                continue;
            }
            double s = 1 / Math.sqrt(nn);
            for (int i = 0; i < n; i++) {
                out.set(i, col, x[2 * i] * s, x[2 * i + 1] * s);
            }
            col++;
        }
        return out;
    }
}
