package org.cosense.systems.wangmultistatic;

import org.cosense.InvalidInputException;
import org.ejml.data.DMatrixRMaj;

/**
 * The bistatic delay and relativistic Doppler of the echo TR → target → RE k in the plane
 * ([wangmultistatic S3.13]), the target moving along +x at speed v (ζ = v/c):
 * <pre>
 *   (48) f_k = f₀ [(1 − ζ cos θ)/√(1 − ζ²)] [√(1 − ζ²)/(1 + ζ cos φ_k)] − f₀
 *   (49)     = −ζ f₀ (cos θ + cos φ_k)/(1 + ζ cos φ_k)
 *   (50)    ≈ −(f₀ v/c)(cos θ + cos φ_k)
 *   (51) τ_k = (|p₀ − p_b| + |p₀ − p_k|)/c
 * </pre>
 * θ is the azimuth TR → target and φ_k the azimuth RE k → target, both atan2(y, x) from +x
 * ([wangmultistatic S2.2]). Positions are {x, y} arrays in metres.
 */
public final class BistaticDopplerDelay {
    /** Speed of light c (m/s). */
    public static final double C = 299_792_458.0;

    private BistaticDopplerDelay() {
    }

    /** (48), the two-leg relativistic product form. */
    public static double dopplerProduct(double carrier, double zeta, double theta, double phi) {
        checkZeta(zeta);
        double g = Math.sqrt(1 - zeta * zeta);
        return carrier * ((1 - zeta * Math.cos(theta)) / g) * (g / (1 + zeta * Math.cos(phi))) - carrier;
    }

    /** (49), the same quantity without the cancellation f₀(…) − f₀. */
    public static double doppler(double carrier, double zeta, double theta, double phi) {
        checkZeta(zeta);
        double cp = Math.cos(phi);
        return -zeta * carrier * (Math.cos(theta) + cp) / (1 + zeta * cp);
    }

    /** (50), first order in ζ. */
    public static double dopplerFirstOrder(double carrier, double zeta, double theta, double phi) {
        return -zeta * carrier * (Math.cos(theta) + Math.cos(phi));
    }

    /** (51), the bistatic delay (s). */
    public static double delay(double[] transmitter, double[] target, double[] receiver) {
        return (distance(target, transmitter) + distance(target, receiver)) / C;
    }

    /** θ = atan2(y₀ − y_b, x₀ − x_b), or φ_k with the receiver in place of the transmitter. */
    public static double azimuthTowards(double[] from, double[] to) {
        return Math.atan2(to[1] - from[1], to[0] - from[0]);
    }

    public static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    /** (τ_k [s], f̃_k = f_k Δt) for the target at ψ = (x₀, y₀, v). */
    public static double[] measurement(double[] transmitter, double[] receiver, double carrier, double sampleInterval, double[] psi) {
        double[] p0 = {psi[0], psi[1]};
        checkDistinct(transmitter, receiver, p0);
        double zeta = psi[2] / C;
        double f = doppler(carrier, zeta, azimuthTowards(transmitter, p0), azimuthTowards(receiver, p0));
        return new double[] {delay(transmitter, p0, receiver), f * sampleInterval};
    }

    /**
     * G_k = ∂(τ_k, f̃_k)/∂(x₀, y₀, v), 2×3, analytic: ∂τ/∂p₀ = (u_b + u_k)/c with u the unit vectors
     * towards the target, and ∂cos θ/∂p₀ = (sin²θ, −sin θ cos θ)/|p₀ − p_b| (likewise for φ_k).
     */
    public static DMatrixRMaj jacobian(double[] transmitter, double[] receiver, double carrier, double sampleInterval, double[] psi) {
        double[] p0 = {psi[0], psi[1]};
        checkDistinct(transmitter, receiver, p0);
        double zeta = psi[2] / C;
        checkZeta(zeta);
        double db = distance(p0, transmitter);
        double dk = distance(p0, receiver);
        double ct = (p0[0] - transmitter[0]) / db;
        double st = (p0[1] - transmitter[1]) / db;
        double cp = (p0[0] - receiver[0]) / dk;
        double sp = (p0[1] - receiver[1]) / dk;
        double den = 1 + zeta * cp;
        double dfdct = -zeta * carrier / den;
        double dfdcp = -zeta * carrier * (1 - zeta * ct) / (den * den);
        double dfdzeta = -carrier * (ct + cp) / (den * den);
        double dfdx = dfdct * st * st / db + dfdcp * sp * sp / dk;
        double dfdy = -dfdct * st * ct / db - dfdcp * sp * cp / dk;
        return new DMatrixRMaj(2, 3, true,
                (ct + cp) / C, (st + sp) / C, 0,
                dfdx * sampleInterval, dfdy * sampleInterval, dfdzeta / C * sampleInterval);
    }

    private static void checkZeta(double zeta) {
        InvalidInputException.require(Math.abs(zeta) < 1, "speed ratio v/c", zeta, "must be in (-1, 1)");
    }

    private static void checkDistinct(double[] transmitter, double[] receiver, double[] target) {
        InvalidInputException.require(distance(target, transmitter) > 0, "target position", target[0] + "," + target[1],
                "must differ from the transmitter");
        InvalidInputException.require(distance(target, receiver) > 0, "target position", target[0] + "," + target[1],
                "must differ from the receiver");
    }
}
