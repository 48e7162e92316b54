package org.cosense.systems.fangactive;

import org.cosense.InvalidInputException;
import org.cosense.bounds.AffineFisherInformation;
import org.ejml.data.ZMatrixRMaj;

/**
 * The IRS amplification power for a fixed reflection, affine in the BS covariance:
 * P_l(R) = tr(K_l R) + c_l (spec fangactive 3.4 for sensing at the BS, 3.6/(42a) for sensing at IRSs).
 *
 * @param k M×M Hermitian PSD
 * @param c the noise-only part (W), ≥ 0
 */
public record IrsPowerAffine(ZMatrixRMaj k, double c) {
    public IrsPowerAffine {
        InvalidInputException.require(k.numRows == k.numCols, "K shape", k.numRows + "x" + k.numCols, "must be square");
        InvalidInputException.require(c >= 0 && Double.isFinite(c), "c", c, "must be a finite number ≥ 0");
    }

    public double evaluate(ZMatrixRMaj r) {
        return AffineFisherInformation.traceProduct(k, r) + c;
    }
}
