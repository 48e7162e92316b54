package org.cosense.bounds;

import org.ejml.data.DMatrixRMaj;

/** Test helper: compares two FIMs on the scale of the information, for the closed-form-vs-engine tests. */
public final class FimComparison {
    private FimComparison() {
    }

    /** max_ij |A_ij − B_ij| / sqrt(B_ii B_jj). */
    public static double scaledDifference(DMatrixRMaj a, DMatrixRMaj b) {
        double worst = 0;
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                double sc = Math.sqrt(Math.abs(b.get(i, i) * b.get(j, j)));
                worst = Math.max(worst, Math.abs(a.get(i, j) - b.get(i, j)) / sc);
            }
        }
        return worst;
    }
}
