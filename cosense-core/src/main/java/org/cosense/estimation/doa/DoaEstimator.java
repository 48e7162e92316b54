package org.cosense.estimation.doa;

import org.cosense.InvalidInputException;
import org.cosense.math.ComplexLinalg;
import org.ejml.data.ZMatrixRMaj;

/**
 * A direction-of-arrival estimator in the shape of doatools' {@code estimate(R, k)}: a sample
 * covariance (or the snapshots it is formed from) and the number of sources K in, a {@link DoaResult}
 * out. Estimates are in the estimator's own parameter space, {@link #parameterDimension()} numbers
 * per source: spatial frequencies (mu, nu) for a UPA, one spatial frequency (sin theta) for a ULA.
 */
public interface DoaEstimator {

    /** Numbers per source: 2 for (mu, nu) on a UPA, 1 for a ULA's spatial frequency. */
    int parameterDimension();

    /** Estimate K sources from a sample covariance R (N × N, Hermitian). */
    DoaResult estimateFromCovariance(ZMatrixRMaj covariance, int k);

    /**
     * Estimate K sources from snapshots Y (N × T). The default forms R = Y Y^H / T; an estimator may
     * work on Y directly when that is cheaper (MUSIC's thin SVD for T < N).
     */
    default DoaResult estimateFromSnapshots(ZMatrixRMaj snapshots, int k) {
        return estimateFromCovariance(sampleCovariance(snapshots), k);
    }

    /** R = Y Y^H / T. */
    static ZMatrixRMaj sampleCovariance(ZMatrixRMaj snapshots) {
        InvalidInputException.require(snapshots.numCols >= 1, "snapshots", snapshots.numCols, "must be at least 1");
        ZMatrixRMaj r = ComplexLinalg.multTransB(snapshots, snapshots);
        double t = snapshots.numCols;
        for (int i = 0; i < r.data.length; i++) {
            r.data[i] /= t;
        }
        return r;
    }
}
