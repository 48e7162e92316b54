package org.cosense.bounds;

import org.cosense.InvalidInputException;
import org.ejml.data.DMatrixRMaj;

/**
 * A Cramér–Rao bound, or the reason there is none.
 *
 * @param identifiable    false when the Fisher information is singular: then every bound is +∞
 * @param covariance      the CRB matrix F^{-1} (or G F^{-1} G^T after {@link Crb#transform});
 *                        null when not identifiable
 * @param conditionNumber λ_max/λ_min of the diagonally scaled FIM D^{-1/2} F D^{-1/2}; +∞ if singular
 * @param rank            numerical rank of the scaled FIM (tolerance relative to λ_max)
 * @param reason          why the model is not identifiable; empty when it is
 */
public record CrbResult(boolean identifiable, DMatrixRMaj covariance, double conditionNumber, int rank, String reason) {
    public CrbResult {
        InvalidInputException.require(reason != null, "reason", null, "must not be null");
        InvalidInputException.require(!identifiable || covariance != null, "covariance", null,
                "must be given when identifiable");
        if (!identifiable) {
            covariance = null;
        }
    }

    /** The bound on the variance of parameter i: F^{-1}_ii, or +∞ when not identifiable. */
    public double variance(int i) {
        return identifiable ? covariance.get(i, i) : Double.POSITIVE_INFINITY;
    }

    /** sqrt of {@link #variance}. */
    public double standardDeviation(int i) {
        return Math.sqrt(variance(i));
    }

    /**
     * Σ variance(i) over the given indices — e.g. the squared position error bound over the x, y, z
     * entries; +∞ when not identifiable.
     */
    public double sumOfVariances(int... indices) {
        double s = 0;
        for (int i : indices) {
            s += variance(i);
        }
        return s;
    }
}
