package org.cosense.estimation.doa;

import org.cosense.array.Upa;
import org.cosense.geom.SpatialFrequency;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.HermitianEigen;
import org.ejml.data.ZMatrixRMaj;

/**
 * The straightforward 2D MUSIC a researcher writes first, kept as the reference that {@link Music2D}
 * is checked and benchmarked against: the full N × N sample covariance R = Y Y^H / T, its full
 * eigendecomposition, the noise projector P_n = U_n U_n^H formed once, and the pseudo-spectrum
 * 1 / (a^H P_n a) evaluated point by point on a uniform grid over [-1, 1]^2; the estimate is the
 * grid maximum (no refinement). Cost O(N^3 + G^2 N^2) per estimate.
 */
public final class Music2DReference {
    private final Upa upa;
    private final double[] grid;

    /** @param step grid step in spatial frequency (the numpy baseline uses 0.01: 201 × 201 points) */
    public Music2DReference(Upa upa, double step) {
        this.upa = upa;
        int n = (int) Math.round(2 / step) + 1;
        this.grid = new double[n];
        for (int i = 0; i < n; i++) {
            grid[i] = -1 + i * step;
        }
    }

    /** Single-source estimate (K = 1). */
    public SpatialFrequency estimate(ZMatrixRMaj y) {
        int n = upa.size();
        int t = y.numCols;
        ZMatrixRMaj r = ComplexLinalg.multTransB(y, y);
        for (int i = 0; i < r.data.length; i++) {
            r.data[i] /= t;
        }
        HermitianEigen e = HermitianEigen.decompose(r);
        ZMatrixRMaj un = e.vectors(0, n - 1); // ascending: all but the largest
        ZMatrixRMaj pn = ComplexLinalg.multTransB(un, un);
        double best = Double.NEGATIVE_INFINITY;
        double bm = 0;
        double bn = 0;
        for (double mu : grid) {
            for (double nu : grid) {
                double[] a = upa.steering(mu, nu);
                // a^H P_n a
                double den = 0;
                for (int i = 0; i < n; i++) {
                    double sr = 0;
                    double si = 0;
                    int row = 2 * i * n;
                    for (int j = 0; j < n; j++) {
                        double pr = pn.data[row + 2 * j];
                        double pi = pn.data[row + 2 * j + 1];
                        sr += pr * a[2 * j] - pi * a[2 * j + 1];
                        si += pr * a[2 * j + 1] + pi * a[2 * j];
                    }
                    den += a[2 * i] * sr + a[2 * i + 1] * si;
                }
                double s = 1 / den;
                if (s > best) {
                    best = s;
                    bm = mu;
                    bn = nu;
                }
            }
        }
        return new SpatialFrequency(bm, bn);
    }
}
