package org.cosense.systems.fangactive;

import org.cosense.InvalidInputException;
import org.cosense.math.Db;

/**
 * The design constraints ([fangactive S3.8]): BS average power (1/L) Σ tr R_l ≤ P_t (18b), IRS
 * amplification power ≤ P_s per IRS ((18a) or (42a)), per-element amplitude |psi_n| ≤ a_max (18d).
 *
 * @param bsPower      P_t (W)
 * @param irsPower     P_s (W)
 * @param maxAmplitude a_max (amplitude)
 */
public record Budget(double bsPower, double irsPower, double maxAmplitude) {
    public Budget {
        InvalidInputException.positive("BS power P_t (W)", bsPower);
        InvalidInputException.positive("IRS power P_s (W)", irsPower);
        InvalidInputException.positive("amplitude limit a_max", maxAmplitude);
    }

    /** P_t in W, P_s in dBm (the paper's axes), a_max. */
    public static Budget of(double bsPowerW, double irsPowerDbm, double maxAmplitude) {
        return new Budget(bsPowerW, Db.dbmToWatts(irsPowerDbm), maxAmplitude);
    }
}
