package org.cosense.systems.fangactive;

import org.cosense.array.AngleUpa;
import org.cosense.math.ComplexLinalg;
import org.ejml.data.ZMatrixRMaj;

/** a, da/dtheta, da/dphi of an {@link AngleUpa} as column matrices. */
record AngleUpaParts(ZMatrixRMaj a, ZMatrixRMaj aTheta, ZMatrixRMaj aPhi) {
    static AngleUpaParts of(AngleUpa upa, double theta, double phi) {
        return new AngleUpaParts(ComplexLinalg.columnVector(upa.steering(theta, phi)), ComplexLinalg.columnVector(upa.derivativeTheta(theta, phi)),
                ComplexLinalg.columnVector(upa.derivativePhi(theta, phi)));
    }

    ZMatrixRMaj derivative(int r) {
        return r == 0 ? aTheta : aPhi;
    }
}
