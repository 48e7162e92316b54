package org.cosense.systems.wangmultistatic;

import org.cosense.InvalidInputException;
import org.cosense.math.RandomStream;
import org.cosense.signal.PulseShape;
import org.cosense.signal.PulseTrain;

/**
 * The oversampled multi-pulse target echo at one receiver, (3) with (9): the known transmitted
 * pulse train delayed by τ, Doppler-shifted on absolute time, scaled by a complex gain per
 * antenna, plus white clutter and thermal noise [wangmultistatic S3.2].
 *
 * @param train   the transmitted train z(t) (symbols known to the receiver [wangmultistatic E22])
 * @param samples y_r[n], one interleaved row per receive antenna
 */
public record SampledEcho(PulseTrain train, double[][] samples) {

    /** The noiseless echo e^{j2π f~ t_n} γ_r z(t_n − τ). */
    public static SampledEcho noiseless(PulseShape pulse, double[] symbols, EchoSettings s) {
        InvalidInputException.require(symbols != null && symbols.length == 2 * s.pulses(), "symbols",
                symbols == null ? null : symbols.length / 2, "exactly pulses = " + s.pulses() + " complex symbols");
        PulseTrain train = new PulseTrain(pulse, symbols, s.oversampling());
        int n = s.windowSamples();
        double[] z = new double[2 * n];
        train.sample(s.delay(), s.doppler(), n, z, null, null);
        double[] g = s.gains();
        double[][] y = new double[s.receiveAntennas()][2 * n];
        for (int r = 0; r < y.length; r++) {
            double gr = g[2 * r], gi = g[2 * r + 1];
            for (int i = 0; i < n; i++) {
                double zr = z[2 * i], zi = z[2 * i + 1];
                y[r][2 * i] = gr * zr - gi * zi;
                y[r][2 * i + 1] = gr * zi + gi * zr;
            }
        }
        return new SampledEcho(train, y);
    }

    /**
     * Noiseless echo plus clutter c_r[n] ~ CN(0, σ_c² P) and thermal noise w_r[n] ~ CN(0, σ_z² P),
     * independent over antennas and samples; drawn from {@code rng} in that order, antenna by
     * antenna.
     */
    public static SampledEcho simulate(PulseShape pulse, double[] symbols, EchoSettings s, RandomStream rng) {
        SampledEcho e = noiseless(pulse, symbols, s);
        int n = s.windowSamples();
        double[] c = new double[2 * n], w = new double[2 * n];
        for (double[] row : e.samples) {
            rng.complexGaussian(c, 0, n, s.clutterVariance() * s.oversampling());
            rng.complexGaussian(w, 0, n, s.thermalVariance() * s.oversampling());
            for (int i = 0; i < 2 * n; i++) {
                row[i] += c[i] + w[i];
            }
        }
        return e;
    }

    /**
     * M i.i.d. symbols CN(0, power): the effective symbol a_b(θ)^T x[m] that the target sees has
     * power a_b(θ)^T R a_b(θ)^* when the streams are Gaussian [wangmultistatic S3.4].
     */
    public static double[] randomSymbols(int pulses, double power, RandomStream rng) {
        InvalidInputException.positive("pulses", pulses);
        InvalidInputException.positive("symbol power", power);
        double[] z = new double[2 * pulses];
        rng.complexGaussian(z, 0, pulses, power);
        return z;
    }

    /**
     * γ_r = amplitude e^{j phase} e^{jπ r sin φ}, r = 0 … N_r − 1: a rank-one echo seen by a
     * half-wavelength ULA along y with DoA azimuth φ, element 0 the phase reference (5).
     */
    public static double[] receiveGains(double amplitude, double phase, int antennas, double doa) {
        InvalidInputException.positive("receive antennas", antennas);
        double[] g = new double[2 * antennas];
        for (int r = 0; r < antennas; r++) {
            double a = phase + Math.PI * r * Math.sin(doa);
            g[2 * r] = amplitude * Math.cos(a);
            g[2 * r + 1] = amplitude * Math.sin(a);
        }
        return g;
    }

    /** The echo's delay from the path length: τ = d / (c Δt), (51). */
    public static double delayInPulses(double pathLength, double pulseDuration) {
        return pathLength / (299_792_458.0 * pulseDuration);
    }
}
