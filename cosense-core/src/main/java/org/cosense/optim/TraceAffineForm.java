package org.cosense.optim;

import org.cosense.InvalidInputException;
import org.cosense.bounds.AffineFisherInformation;
import org.cosense.math.ComplexLinalg;
import org.ejml.data.ZMatrixRMaj;

/**
 * A real affine functional of a Hermitian matrix variable, f(X) = tr(K X) + c (e.g. a power that is
 * affine in a transmit covariance or in a lifted reflection matrix). For Hermitian X only the
 * Hermitian part of K matters: f(X) = Re tr(K X) + c is what {@link #evaluate} computes, K as given.
 *
 * @param k n×n (Hermitian, or any square matrix whose Hermitian part is meant)
 * @param c constant
 */
public record TraceAffineForm(ZMatrixRMaj k, double c) {
    public TraceAffineForm {
        InvalidInputException.require(k.numRows == k.numCols, "K shape", k.numRows + "x" + k.numCols, "must be square");
        InvalidInputException.finite("c", c);
    }

    /** f with K replaced by its Hermitian part (K + K^H)/2: the same functional on Hermitian X. */
    public static TraceAffineForm hermitian(ZMatrixRMaj k, double c) {
        return new TraceAffineForm(ComplexLinalg.hermitianPart(k), c);
    }

    public double evaluate(ZMatrixRMaj x) {
        return AffineFisherInformation.traceProduct(k, x) + c;
    }
}
