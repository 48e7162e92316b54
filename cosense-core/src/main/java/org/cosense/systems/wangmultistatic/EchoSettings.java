package org.cosense.systems.wangmultistatic;

import org.cosense.InvalidInputException;

/**
 * One receiver's sampled target echo [wangmultistatic S3.2], in normalized time (unit Δt):
 * y_r[n] = γ_r e^{j2π f~ t_n} z(t_n − τ) + c_r[n] + w_r[n], t_n = (n + 1/2)/P.
 *
 * @param pulses          M, pulses (symbols) per frame
 * @param oversampling    P, samples per pulse period; ≥ 2, because with one sample per pulse a
 *                        delay shift inside a sample cell only rescales the echo [wangmultistatic A2]
 * @param windowSamples   samples in the receive window [0, windowSamples / P)
 * @param delay           τ in Δt, the whole echo inside the window
 * @param doppler         f~ = f Δt
 * @param gains           γ_r, r = 0 … N_r − 1, interleaved (re, im): the echo's complex gain at
 *                        each receive antenna (path gain × receive steering × unknown phase)
 * @param clutterVariance σ_c² per Δt: clutter is white, circular Gaussian and independent of the
 *                        thermal noise [wangmultistatic A1]
 * @param thermalVariance σ_z² per Δt
 */
public record EchoSettings(int pulses, int oversampling, int windowSamples, double delay, double doppler,
                           double[] gains, double clutterVariance, double thermalVariance) {
    public EchoSettings {
        InvalidInputException.positive("pulses", pulses);
        InvalidInputException.require(oversampling >= 2, "oversampling", oversampling,
                "at least 2 samples per pulse (with 1 the delay inside a sample cell is unidentifiable)");
        InvalidInputException.finite("delay", delay);
        InvalidInputException.require(delay >= 0, "delay", delay, "must be non-negative (the echo starts after t = 0)");
        InvalidInputException.require(windowSamples >= Math.ceil((delay + pulses) * oversampling), "windowSamples",
                windowSamples, "must hold the whole echo: at least (delay + pulses) * oversampling");
        InvalidInputException.finite("doppler", doppler);
        InvalidInputException.require(gains != null && gains.length >= 2 && gains.length % 2 == 0, "gains",
                gains == null ? null : gains.length, "one complex gain per receive antenna, interleaved (re, im)");
        InvalidInputException.require(clutterVariance >= 0 && Double.isFinite(clutterVariance), "clutterVariance",
                clutterVariance, "must be finite and non-negative");
        InvalidInputException.require(thermalVariance >= 0 && Double.isFinite(thermalVariance), "thermalVariance",
                thermalVariance, "must be finite and non-negative");
        gains = gains.clone();
    }

    public int receiveAntennas() {
        return gains.length / 2;
    }

    /**
     * Variance of clutter plus noise per SAMPLE, (σ_c² + σ_z²) P: the density per Δt stays fixed
     * when the oversampling changes, so the Fisher information does not depend on P
     * [wangmultistatic A3].
     */
    public double noiseVariancePerSample() {
        return (clutterVariance + thermalVariance) * oversampling;
    }

    @Override
    public double[] gains() {
        return gains.clone();
    }
}
