package org.cosense.systems.wangmultistatic;

import java.util.Arrays;

import org.cosense.InvalidInputException;
import org.ejml.data.DMatrixRMaj;

/**
 * Fisher information of one receiver's sampled echo in EXACT mode ([wangmultistatic S3.5]):
 * μ(t) = a H v_m g(t − τ − (m−1)Δt) e^{j2π f t} over pulse m, with the Doppler phase on absolute
 * time and the delay outside the exponent (3), white noise of density N₀ = σ_n² Δt, and a complex
 * gain a (true value 1) that is either known or a nuisance. Parameters (τ in s, f̃ = f Δt), the units
 * of the PAPER FIM. With w_m = ‖H v_m‖² and t_m = τ + (m−1)Δt, over the open pulse interval
 * ([wangmultistatic E6]):
 * <pre>
 *   J_ττ = (2/N₀) F_g Σ w_m,     J_τf = 0 (real pulse, [wangmultistatic E4])
 *   J_ff = (8π²/N₀) Σ w_m (t_m² E + 2 t_m F_tg + F_t2g)    on f in Hz; J_f̃f̃ = J_ff / Δt²
 *   gain (Re a, Im a):  J_aa = (2/N₀) E Σ w_m each,
 *     J_τ,Re a = −(2/N₀) (∫ g g') Σ w_m,   J_f,Im a = (4π/N₀) Σ w_m (t_m E + F_tg)  (÷ Δt for f̃),
 * </pre>
 * E = ∫ g², and all other entries zero.
 * The unknown-gain bound is the Schur complement over the gain, which makes the Doppler entry
 * independent of the time origin ([wangmultistatic P14]); it is the bound the matched filter (8)
 * attains. The pulse-start jump couples delay with the gain amplitude (∫ g g' = −g(0⁺)²/2 ≠ 0),
 * so the unknown-gain delay information is below the known-gain one.
 */
public final class ExactFim {
    private ExactFim() {
    }

    /**
     * The 4×4 FIM on (τ [s], f̃, Re a, Im a) conditional on the symbols.
     *
     * @param pulse           the pulse moments
     * @param delay           τ (s), ≥ 0
     * @param pulseEnergies   w_m = ‖H v_m‖², m = 1..M (W)
     * @param noiseVariance   σ_n², noise power per Δt-spaced sample (W)
     */
    public static DMatrixRMaj withGain(PulseMoments pulse, double delay, double[] pulseEnergies, double noiseVariance) {
        InvalidInputException.require(pulse != null, "pulse moments", null, "must be given");
        InvalidInputException.require(delay >= 0 && Double.isFinite(delay), "delay τ (s)", delay, "must be finite and >= 0");
        InvalidInputException.require(pulseEnergies.length > 0, "pulse energies w_m", "[]", "must hold one value per pulse");
        InvalidInputException.positive("noise variance σ_n² (W)", noiseVariance);
        double dt = pulse.duration();
        double e = pulse.energy();
        double n0 = noiseVariance * dt;
        double sw = 0;
        double swa = 0;
        double swb = 0;
        for (int m = 0; m < pulseEnergies.length; m++) {
            double w = pulseEnergies[m];
            InvalidInputException.require(w >= 0, "pulse energy w_m (W)", m, w, "must be >= 0");
            double tm = delay + m * dt;
            sw += w;
            swa += w * (tm * tm * e + 2 * tm * pulse.ftg() + pulse.ft2g());
            swb += w * (tm * e + pulse.ftg());
        }
        DMatrixRMaj j = new DMatrixRMaj(4, 4);
        j.set(0, 0, 2 / n0 * pulse.fg() * sw);
        j.set(1, 1, 8 * Math.PI * Math.PI / n0 * swa / (dt * dt));
        j.set(2, 2, 2 / n0 * e * sw);
        j.set(3, 3, 2 / n0 * e * sw);
        double tauAmplitude = -2 / n0 * pulse.fgdg() * sw;
        double dopplerPhase = 4 * Math.PI / n0 * swb / dt;
        j.set(0, 2, tauAmplitude);
        j.set(2, 0, tauAmplitude);
        j.set(1, 3, dopplerPhase);
        j.set(3, 1, dopplerPhase);
        return j;
    }

    /** The 2×2 FIM on (τ, f̃) with the gain known (the upper-left block of {@link #withGain}). */
    public static DMatrixRMaj knownGain(PulseMoments pulse, double delay, double[] pulseEnergies, double noiseVariance) {
        DMatrixRMaj j = withGain(pulse, delay, pulseEnergies, noiseVariance);
        return new DMatrixRMaj(2, 2, true, j.get(0, 0), j.get(0, 1), j.get(1, 0), j.get(1, 1));
    }

    /** The 2×2 FIM on (τ, f̃) with the complex gain a nuisance: Schur complement over (Re a, Im a). */
    public static DMatrixRMaj unknownGain(PulseMoments pulse, double delay, double[] pulseEnergies, double noiseVariance) {
        DMatrixRMaj j = withGain(pulse, delay, pulseEnergies, noiseVariance);
        // The gain block is diagonal and J_τ,Im a = J_f,Re a = J_τf = 0, so the complement stays diagonal.
        double tt = j.get(0, 0) - j.get(0, 2) * j.get(0, 2) / j.get(2, 2);
        double ff = j.get(1, 1) - j.get(1, 3) * j.get(1, 3) / j.get(3, 3);
        return new DMatrixRMaj(2, 2, true, tt, 0, 0, ff);
    }

    /** The unknown-gain FIM averaged over the symbols: every w_m replaced by E w_m = tr(H R H^H). */
    public static DMatrixRMaj expectedUnknownGain(PulseMoments pulse, double delay, int pulses, double meanPulseEnergy,
            double noiseVariance) {
        InvalidInputException.positive("pulses per frame M", pulses);
        double[] w = new double[pulses];
        Arrays.fill(w, meanPulseEnergy);
        return unknownGain(pulse, delay, w, noiseVariance);
    }
}
