package org.cosense.channel;

import org.cosense.math.Complex;

/**
 * Complex path coefficients with isotropic elements and phase exp(-j 2 pi (travelled distance) / lambda).
 * Amplitudes are square roots of power gains.
 */
public final class PathLoss {
    private PathLoss() {
    }

    /** One-way free-space amplitude sqrt(lambda^2 / (16 pi^2 d^2)); Hua et al. (6). */
    public static double freeSpaceAmplitude(double lambda, double d) {
        return lambda / (4 * Math.PI * d);
    }

    /**
     * Two-way radar amplitude sqrt(lambda^2 kappa / (64 pi^3 d1^2 d2^2)) for a point target of RCS kappa
     * (m^2) illuminated over distance d1 and observed over d2; Hua et al. (2), (7), (8).
     */
    public static double radarAmplitude(double lambda, double kappa, double d1, double d2) {
        return Math.sqrt(lambda * lambda * kappa / (64 * Math.pow(Math.PI, 3))) / (d1 * d2);
    }

    /** amplitude · exp(-j 2 pi pathLength / lambda). */
    public static Complex coefficient(double amplitude, double pathLength, double lambda) {
        return Complex.polar(amplitude, -2 * Math.PI * pathLength / lambda);
    }

    /** Free-space one-way coefficient (6). */
    public static Complex freeSpace(double lambda, double d) {
        return coefficient(freeSpaceAmplitude(lambda, d), d, lambda);
    }

    /** Radar coefficient over d1 out and d2 back: (2) with d1 = d2, (8) with d1 != d2. */
    public static Complex radar(double lambda, double kappa, double d1, double d2) {
        return coefficient(radarAmplitude(lambda, kappa, d1, d2), d1 + d2, lambda);
    }

    /**
     * Exponent-law POWER gain C0 (d / 1 m)^(-exponent), e.g. Fang et al.'s BS–IRS loss
     * PL(d) = C_BI d^(-alpha_BI) ([fangactive S3.13]); take the square root for an amplitude.
     */
    public static double exponentLawPowerGain(double c0, double d, double exponent) {
        org.cosense.InvalidInputException.positive("reference gain C0", c0);
        org.cosense.InvalidInputException.positive("distance d (m)", d);
        org.cosense.InvalidInputException.finite("path-loss exponent", exponent);
        return c0 * Math.pow(d, -exponent);
    }
}
