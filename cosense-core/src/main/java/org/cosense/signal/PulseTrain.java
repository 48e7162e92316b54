package org.cosense.signal;

import org.cosense.InvalidInputException;

/**
 * z(t) = Σ_{m=0}^{M−1} z_m g(t − m): M contiguous pulses carrying complex symbols z_m, in
 * normalized time (unit = one pulse period Δt) [wangmultistatic S3.1]. The pulse is used with
 * unit duration whatever duration it was given.
 *
 * <p>Sampling convention of the whole delay–Doppler toolchain: P samples per pulse period at the
 * cell midpoints t_n = (n + 1/2)/P, n = 0, 1, … (t = 0 is the start of transmission). A sample
 * never sits on a pulse edge when the delay is a multiple of 1/P [wangmultistatic P3].
 */
public final class PulseTrain {
    private final PulseShape pulse;
    private final double[] symbols;
    private final int oversampling;

    /**
     * @param pulse        the pulse shape (rescaled to unit duration)
     * @param symbols      z_0 … z_{M−1}, interleaved (re, im); copied
     * @param oversampling P, samples per pulse period
     */
    public PulseTrain(PulseShape pulse, double[] symbols, int oversampling) {
        InvalidInputException.require(pulse != null, "pulse", pulse, "must be given");
        InvalidInputException.require(symbols != null && symbols.length >= 2 && symbols.length % 2 == 0,
                "symbols", symbols == null ? null : symbols.length, "an even, positive number of doubles (interleaved re, im)");
        InvalidInputException.positive("oversampling", oversampling);
        this.pulse = pulse.withDuration(1.0);
        this.symbols = symbols.clone();
        this.oversampling = oversampling;
    }

    public PulseShape pulse() {
        return pulse;
    }

    public int pulses() {
        return symbols.length / 2;
    }

    public int oversampling() {
        return oversampling;
    }

    /** z_m as interleaved (re, im); a copy. */
    public double[] symbols() {
        return symbols.clone();
    }

    /** Σ_m |z_m|². */
    public double symbolEnergy() {
        double e = 0;
        for (double v : symbols) {
            e += v * v;
        }
        return e;
    }

    /** t_n = (n + 1/2)/P. */
    public double sampleTime(int n) {
        return (n + 0.5) / oversampling;
    }

    /**
     * The delayed, Doppler-shifted train at the sample times, and optionally its derivatives:
     * s(t_n) = e^{j2π f t_n} z(t_n − τ) (Doppler on absolute time [wangmultistatic S3.2]).
     *
     * @param tau      delay τ in pulse periods
     * @param doppler  normalized Doppler f~ = f Δt
     * @param samples  number of samples n = 0 … samples − 1
     * @param out      length 2·samples: s(t_n)
     * @param dTau     null or length 2·samples: ∂s/∂τ
     * @param dDoppler null or length 2·samples: ∂s/∂f~
     */
    public void sample(double tau, double doppler, int samples, double[] out, double[] dTau, double[] dDoppler) {
        int mCount = pulses();
        for (int n = 0; n < samples; n++) {
            double t = sampleTime(n);
            double arg = t - tau;
            int m = (int) Math.floor(arg);
            double re = 0, im = 0, dre = 0, dim = 0;
            if (m >= 0 && m < mCount) {
                double u = arg - m;
                double g = pulse.value(u), g1 = pulse.derivative(u);
                double zr = symbols[2 * m], zi = symbols[2 * m + 1];
                double ph = 2 * Math.PI * doppler * t, c = Math.cos(ph), s = Math.sin(ph);
                double er = zr * c - zi * s, ei = zr * s + zi * c;
                re = er * g;
                im = ei * g;
                dre = -er * g1;
                dim = -ei * g1;
            }
            out[2 * n] = re;
            out[2 * n + 1] = im;
            if (dTau != null) {
                dTau[2 * n] = dre;
                dTau[2 * n + 1] = dim;
            }
            if (dDoppler != null) {
                double w = 2 * Math.PI * t;
                dDoppler[2 * n] = -w * im;
                dDoppler[2 * n + 1] = w * re;
            }
        }
    }
}
