package org.cosense.systems.fangactive;

import org.cosense.InvalidInputException;
import org.cosense.array.AngleUpa;
import org.cosense.math.Complex;
import org.ejml.data.ZMatrixRMaj;

/**
 * Everything the FIM and the amplification power of IRS l in its own time slot depend on, except
 * the design (R_{s,l}, psi_l) ([fangactive S2.5], [fangactive S3.1]): arrays, BS–IRS channel G_l, the nominal
 * target parameters xi_l = [theta_l, phi_l, Re beta_l, Im beta_l] and the noise powers.
 *
 * @param reflector   the N-element reflecting UPA (first-element-referenced angles, (2)–(4))
 * @param sensors     the N̄-element sensor UPA of the sensing-at-IRSs mode (28)–(30); null when the
 *                    slot is only used for sensing at the BS
 * @param channel     G_l, N×M, BS → IRS l (IRS → BS is G_l^T by reciprocity)
 * @param theta       target's vertical angle in IRS l's frame (rad)
 * @param phi         target's azimuth in IRS l's frame (rad)
 * @param beta        round-trip coefficient beta_l (RCS and IRS–target–IRS loss)
 * @param irsNoise    sigma_r^2 (W), IRS amplifier noise per element and amplification; 0 = passive
 * @param bsNoise     sigma_b^2 (W), BS receiver noise
 * @param sensorNoise sigma_s^2 (W), IRS sensor receiver noise (ignored without sensors)
 * @param snapshots   T_L = T_c / L, symbols in the slot (the FIM scales with it)
 */
public record IrsSlot(AngleUpa reflector, AngleUpa sensors, ZMatrixRMaj channel, double theta, double phi, Complex beta,
        double irsNoise, double bsNoise, double sensorNoise, double snapshots) {

    public IrsSlot {
        InvalidInputException.require(reflector != null, "reflector", null, "must be given");
        InvalidInputException.require(channel != null, "channel G", null, "must be given");
        InvalidInputException.require(channel.numRows == reflector.size() && channel.numCols >= 1, "channel G shape",
                channel.numRows + "x" + channel.numCols, "must be N x M with N = " + reflector.size() + " and M ≥ 1");
        for (int k = 0; k < channel.getDataLength(); k++) {
            InvalidInputException.require(Double.isFinite(channel.data[k]), "channel G entry", channel.data[k], "must be finite");
        }
        channel = channel.copy();
        InvalidInputException.finite("theta (rad)", theta);
        InvalidInputException.finite("phi (rad)", phi);
        InvalidInputException.require(beta != null && Double.isFinite(beta.re()) && Double.isFinite(beta.im()), "beta", beta,
                "must be a finite complex number");
        InvalidInputException.require(irsNoise >= 0 && Double.isFinite(irsNoise), "IRS noise sigma_r^2 (W)", irsNoise,
                "must be a finite number ≥ 0");
        InvalidInputException.positive("BS noise sigma_b^2 (W)", bsNoise);
        if (sensors != null) {
            InvalidInputException.positive("sensor noise sigma_s^2 (W)", sensorNoise);
        }
        InvalidInputException.positive("slot length T_L = T_c/L (symbols)", snapshots);
    }

    public int n() {
        return reflector.size();
    }

    public int m() {
        return channel.numCols;
    }

    /** N̄ (0 without sensors). */
    public int nBar() {
        return sensors == null ? 0 : sensors.size();
    }

    /** xi = [theta, phi, Re beta, Im beta]. */
    public double[] parameters() {
        return new double[] {theta, phi, beta.re(), beta.im()};
    }

    public IrsSlot withParameters(double[] xi) {
        return new IrsSlot(reflector, sensors, channel, xi[0], xi[1], new Complex(xi[2], xi[3]), irsNoise, bsNoise, sensorNoise,
                snapshots);
    }

    public IrsSlot withBeta(Complex b) {
        return new IrsSlot(reflector, sensors, channel, theta, phi, b, irsNoise, bsNoise, sensorNoise, snapshots);
    }

    public IrsSlot withChannel(ZMatrixRMaj g) {
        return new IrsSlot(reflector, sensors, g, theta, phi, beta, irsNoise, bsNoise, sensorNoise, snapshots);
    }

    public IrsSlot withSnapshots(double tl) {
        return new IrsSlot(reflector, sensors, channel, theta, phi, beta, irsNoise, bsNoise, sensorNoise, tl);
    }

    /** All noise powers times {@code alpha} ([fangactive C11]). */
    public IrsSlot withNoisesScaled(double alpha) {
        return new IrsSlot(reflector, sensors, channel, theta, phi, beta, alpha * irsNoise, alpha * bsNoise, alpha * sensorNoise,
                snapshots);
    }

    /** The passive-IRS version of this slot: no amplifier noise ([fangactive S3.12], ASSUMED model). */
    public IrsSlot passive() {
        return new IrsSlot(reflector, sensors, channel, theta, phi, beta, 0, bsNoise, sensorNoise, snapshots);
    }

    /** a_l = a(theta_l, phi_l) of the reflecting array. */
    public double[] steering() {
        return reflector.steering(theta, phi);
    }

    /** ā_l of the sensor array. */
    public double[] sensorSteering() {
        requireSensors();
        return sensors.steering(theta, phi);
    }

    void requireSensors() {
        InvalidInputException.require(sensors != null, "sensors", null, "sensing at IRSs needs a sensor array on the IRS");
    }
}
