package org.cosense.systems.fangactive;

/** Printed forms of Prop. 2 (40)–(41) that the spec corrects (spec fangactive 4); used only to pin them in tests. */
public enum Erratum {
    /** (41b) printed with beta where beta^* is required. */
    E2_BETA_NOT_CONJUGATED,
    /** (41a)–(41c) covariance parts printed with factors 4, 4, 4 instead of 1, 2, 4 (times T_c/L). */
    E3_COVARIANCE_FACTORS,
    /** C̄_rho printed as (ǡ a^T + ā ǡ^T) Psi G: the sensor derivative where the reflecting one is required. */
    E4_SENSOR_DERIVATIVE_IN_C
}
