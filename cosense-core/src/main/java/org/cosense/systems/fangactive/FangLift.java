package org.cosense.systems.fangactive;

import org.ejml.data.ZMatrixRMaj;

/** Theta = psi psi^H (spec fangactive 3.2). */
final class FangLift {
    private FangLift() {
    }

    static ZMatrixRMaj lift(double[] psi) {
        ZMatrixRMaj c = Cx.col(psi);
        return Cx.mult(c, Cx.h(c));
    }
}
