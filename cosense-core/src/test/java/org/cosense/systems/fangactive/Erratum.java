package org.cosense.systems.fangactive;

import java.util.Set;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/** Printed forms of Prop. 2 (40)–(41) that the spec corrects (spec fangactive 4), pinned by the tests. */
public enum Erratum {
    /** (41b) printed with beta where beta^* is required. */
    E2_BETA_NOT_CONJUGATED,
    /** (41a)–(41c) covariance parts printed with factors 4, 4, 4 instead of 1, 2, 4 (times T_c/L). */
    E3_COVARIANCE_FACTORS,
    /** C̄_rho printed as (ǡ a^T + ā ǡ^T) Psi G: the sensor derivative where the reflecting one is required. */
    E4_SENSOR_DERIVATIVE_IN_C;

    /** Prop. 2 with the given printed forms restored. */
    static DMatrixRMaj proposition2(IrsSlot slot, double[] psi, ZMatrixRMaj rs, Set<Erratum> printed) {
        return SensingAtIrs.INSTANCE.proposition2(slot, psi, rs, printed.contains(E2_BETA_NOT_CONJUGATED),
                printed.contains(E3_COVARIANCE_FACTORS), printed.contains(E4_SENSOR_DERIVATIVE_IN_C));
    }
}
