package org.cosense.systems.wangmultistatic;

import org.cosense.InvalidInputException;
import org.cosense.array.Ula;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * The per-receiver Fisher information of Proposition 3.1 in PAPER mode, (12)–(16)
 * ([wangmultistatic S3.4]): J_k = Υ_k(W) [[ι_k, ς_k], [ς_k, χ_k]] on the pair (τ_k in seconds,
 * f̃_k = f_k Δt dimensionless) — the units the printed constants actually carry
 * ([wangmultistatic E1]).
 * <pre>
 *   ι_k = 4 B M F_g g_k,   χ_k = 64 π² B³ M F_t2g g_k,   ς_k = 16 π B² M F_tdg g_k,
 *   g_k = η_k / ((1 + α_k)(σ_c² + σ_z²)),   η_k = β_k d_{b,0,k}^{−ε}  ([wangmultistatic E8]),
 *   Υ_k(W) = tr(H̃_k^H H̃_k R) = N_r a_b(θ)^T R a_b(θ)^*   for the unit-gain H̃_k = a_k(φ_k) a_b(θ)^T.
 * </pre>
 * The cross term ς_k is kept as printed although the exact model has none ([wangmultistatic E4]).
 * Because every constant is a pulse-only multiple of χ_k (ι = κ₁ χ, ς = κ₂ χ, (35)), sums over
 * receivers are done through {@link CooperativeCrb#paper} without forming I X − S².
 *
 * @param bandwidth      B (Hz); the paper's Δt = 1/(2B)
 * @param pulses         M, pulses (symbols) per frame
 * @param pulse          the moments of the pulse g
 * @param sensingNoise   σ_c² + σ_z², clutter plus thermal noise power per sample (W)
 */
public record PaperFim(double bandwidth, int pulses, PulseMoments pulse, double sensingNoise) {
    public PaperFim {
        InvalidInputException.positive("bandwidth B (Hz)", bandwidth);
        InvalidInputException.positive("pulses per frame M", pulses);
        InvalidInputException.require(pulse != null, "pulse moments", null, "must be given");
        InvalidInputException.positive("sensing noise power σ_c² + σ_z² (W)", sensingNoise);
    }

    /** Large-scale echo loss η_k = β_k d^{−ε} of a path of total length d (m) ([wangmultistatic E8]). */
    public static double echoLoss(double reflection, double pathLength, double exponent) {
        InvalidInputException.positive("reflection factor β", reflection);
        InvalidInputException.positive("echo path length d_{b,0,k} (m)", pathLength);
        InvalidInputException.positive("path-loss exponent ε", exponent);
        return reflection * Math.pow(pathLength, -exponent);
    }

    /** g_k = η_k / ((1 + α_k)(σ_c² + σ_z²)), the common factor of (13)–(16) (1/W). */
    public double gain(double echoLoss, double rician) {
        InvalidInputException.positive("echo loss η_k", echoLoss);
        InvalidInputException.require(rician >= 0, "Rician factor α_k", rician, "must be >= 0 (linear)");
        return echoLoss / ((1 + rician) * sensingNoise);
    }

    /** ι_k of (13), information on τ in seconds per unit Υ. */
    public double iota(double gain) {
        return 4 * bandwidth * pulses * pulse.fg() * gain;
    }

    /** χ_k of (14), information on f̃ = f Δt per unit Υ. */
    public double chi(double gain) {
        return 64 * Math.PI * Math.PI * bandwidth * bandwidth * bandwidth * pulses * pulse.ft2g() * gain;
    }

    /** ς_k of (15)–(16), the printed cross term per unit Υ. */
    public double varsigma(double gain) {
        return 16 * Math.PI * bandwidth * bandwidth * pulses * pulse.ftdg() * gain;
    }

    /** κ₁ = ι/χ = F_g / (16 π² B² F_t2g), (35). */
    public double kappa1() {
        return pulse.fg() / (16 * Math.PI * Math.PI * bandwidth * bandwidth * pulse.ft2g());
    }

    /** κ₂ = ς/χ = F_tdg / (4 π B F_t2g), (35). */
    public double kappa2() {
        return pulse.ftdg() / (4 * Math.PI * bandwidth * pulse.ft2g());
    }

    /** J_k of (12) for a receiver with factor g_k and Υ_k(W). */
    public DMatrixRMaj fim(double gain, double upsilon) {
        InvalidInputException.require(upsilon >= 0, "Υ_k(W)", upsilon, "must be >= 0");
        double s = varsigma(gain) * upsilon;
        return new DMatrixRMaj(2, 2, true, iota(gain) * upsilon, s, s, chi(gain) * upsilon);
    }

    /**
     * Υ_k(W) = N_r a_b(θ)^T R a_b(θ)^* for rank-one unit-gain echo channels ([wangmultistatic S3.4]),
     * with the half-wavelength transmit ULA along y, a_b(θ) = [e^{jπ n sin θ}].
     */
    public static double upsilon(int receiveAntennas, double dod, ZMatrixRMaj transmitCovariance) {
        InvalidInputException.positive("receive antennas N_r", receiveAntennas);
        int n = transmitCovariance.numRows;
        InvalidInputException.require(transmitCovariance.numCols == n, "R shape", n + "x" + transmitCovariance.numCols, "must be square");
        double[] a = Ula.halfWavelength(n).steering(Math.sin(dod));
        return receiveAntennas * quadraticFormConjugate(a, transmitCovariance);
    }

    /** a^T R a^* = Σ_ij a_i R_ij conj(a_j), real for Hermitian R. */
    static double quadraticFormConjugate(double[] a, ZMatrixRMaj r) {
        int n = r.numRows;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double ar = a[2 * i];
            double ai = a[2 * i + 1];
            for (int j = 0; j < n; j++) {
                double rr = r.data[2 * (i * n + j)];
                double ri = r.data[2 * (i * n + j) + 1];
                double br = a[2 * j];
                double bi = -a[2 * j + 1];
                // real part of a_i R_ij b_j
                double xr = ar * rr - ai * ri;
                double xi = ar * ri + ai * rr;
                s += xr * br - xi * bi;
            }
        }
        return s;
    }
}
