package org.cosense.systems.fangactive;

import org.cosense.InvalidInputException;
import org.cosense.bounds.AffineFisherInformation;
import org.ejml.data.ZMatrixRMaj;

/**
 * A real affine functional of a Hermitian matrix variable, f(X) = tr(K X) + c with K Hermitian
 * (symmetrized on construction). Used for the IRS power in the Theta-step: the linearized (25) in
 * sensing at the BS (c may be negative there) and the exact (47) in sensing at IRSs (spec 3.11.2).
 *
 * @param k n×n, Hermitian
 * @param c constant
 */
public record TraceAffineForm(ZMatrixRMaj k, double c) {
    public TraceAffineForm {
        InvalidInputException.require(k.numRows == k.numCols, "K shape", k.numRows + "x" + k.numCols, "must be square");
        InvalidInputException.finite("c", c);
        k = Cx.herm(k);
    }

    public double evaluate(ZMatrixRMaj x) {
        return AffineFisherInformation.traceProduct(k, x) + c;
    }

    /** f(s X~) = tr(s K X~) + c: the same functional in the variable X~ = X / s. */
    public TraceAffineForm inScaledVariable(double s) {
        return new TraceAffineForm(Cx.scale(s, k), c);
    }
}
