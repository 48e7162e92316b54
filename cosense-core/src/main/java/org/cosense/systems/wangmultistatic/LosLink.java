package org.cosense.systems.wangmultistatic;

import org.cosense.InvalidInputException;
import org.cosense.math.ComplexLinalg;
import org.ejml.data.ZMatrixRMaj;

/**
 * A deterministic rank-one line-of-sight MIMO link H = sqrt(eta) a_r a_t^T from the N_t-element transmit ULA to an
 * N_r-element receive ULA [wangmultistatic S2.4]. Only the power gain eta, the transmit steering vector a_t and N_r
 * enter any rate of the paper, because |a_r|^2 = N_r.
 *
 * @param gain              eta = d^-eps, the path gain (linear, > 0)
 * @param transmitSteering  a_t = a_b(theta_k), N_t×1
 * @param receiveSteering   a_r, N_r×1 (unit-modulus entries)
 */
public record LosLink(double gain, ZMatrixRMaj transmitSteering, ZMatrixRMaj receiveSteering) {
    public LosLink {
        InvalidInputException.require(gain > 0 && Double.isFinite(gain), "gain", gain, "a finite positive path gain");
        InvalidInputException.require(transmitSteering != null && transmitSteering.numCols == 1, "transmitSteering",
                transmitSteering == null ? null : transmitSteering.numRows + "x" + transmitSteering.numCols, "a column vector");
        InvalidInputException.require(receiveSteering != null && receiveSteering.numCols == 1, "receiveSteering",
                receiveSteering == null ? null : receiveSteering.numRows + "x" + receiveSteering.numCols, "a column vector");
    }

    /** The link from a TR with an n_t-element ULA to an RE with an n_r-element ULA seen at azimuth theta_k (4)-(5). */
    public static LosLink towards(double gain, int nt, int nr, double thetaK) {
        return new LosLink(gain, steering(nt, thetaK), steering(nr, thetaK + Math.PI));
    }

    /** a(angle) = [e^{j pi n sin(angle)}]_{n=0..N-1}, half-wavelength ULA along y (4)-(5) [wangmultistatic S2.3]. */
    public static ZMatrixRMaj steering(int n, double angle) {
        InvalidInputException.require(n >= 1, "n", n, "at least one element");
        ZMatrixRMaj a = new ZMatrixRMaj(n, 1);
        double s = Math.sin(angle);
        for (int i = 0; i < n; i++) {
            a.set(i, 0, Math.cos(Math.PI * i * s), Math.sin(Math.PI * i * s));
        }
        return a;
    }

    public int transmitAntennas() {
        return transmitSteering.numRows;
    }

    public int receiveAntennas() {
        return receiveSteering.numRows;
    }

    /** H = sqrt(eta) a_r a_t^T (N_r×N_t). */
    public ZMatrixRMaj matrix() {
        ZMatrixRMaj at = ComplexLinalg.transpose(transmitSteering);
        return ComplexLinalg.scale(Math.sqrt(gain), ComplexLinalg.mult(receiveSteering, at));
    }

    /** c = conj(a_t), so that the power a_t^T Q a_t^* delivered along the link is tr(c c^H Q) = c^H Q c. */
    public ZMatrixRMaj powerDirection() {
        return ComplexLinalg.conjugate(transmitSteering);
    }

    /** q = a_t^T Q a_t^* (real for Hermitian Q). */
    public double deliveredPower(ZMatrixRMaj q) {
        return quadraticForm(powerDirection(), q);
    }

    /** c^H Q c, real part (Q Hermitian). */
    static double quadraticForm(ZMatrixRMaj c, ZMatrixRMaj q) {
        ZMatrixRMaj qc = ComplexLinalg.mult(q, c);
        return ComplexLinalg.mult(ComplexLinalg.conjugateTranspose(c), qc).getReal(0, 0);
    }
}
