package org.cosense.systems.fangactive;

import org.cosense.bounds.Crb;
import org.cosense.bounds.CrbResult;
import org.ejml.data.DMatrixRMaj;

/** The paper's scalar bounds from a 4×4 FIM of [theta, phi, Re beta, Im beta] ([fangactive S2.5], [fangactive E22]). */
public final class FangBounds {
    private FangBounds() {
    }

    /** CRB_l = tr(F^{-1}) (rad^2 plus |beta|-units^2, as the paper); +∞ when not identifiable. */
    public static double traceCrb(DMatrixRMaj fim) {
        return Crb.of(fim).sumOfVariances(0, 1, 2, 3);
    }

    /** The angle part [F^{-1}]_00 + [F^{-1}]_11 (rad^2), a diagnostic ([fangactive E22]). */
    public static double angleCrb(DMatrixRMaj fim) {
        return Crb.of(fim).sumOfVariances(0, 1);
    }

    /** The full result with rank and reason. */
    public static CrbResult crb(DMatrixRMaj fim) {
        return Crb.of(fim);
    }
}
