package org.cosense.systems.fangactive;

import org.cosense.math.ComplexLinalg;
import org.ejml.data.ZMatrixRMaj;

/** Theta = psi psi^H ([fangactive S3.2]). */
final class FangLift {
    private FangLift() {
    }

    static ZMatrixRMaj lift(double[] psi) {
        ZMatrixRMaj c = ComplexLinalg.columnVector(psi);
        return ComplexLinalg.product(c, ComplexLinalg.conjugateTranspose(c));
    }
}
