package org.cosense.signal;

import org.cosense.InvalidInputException;

/**
 * g2(t) = sqrt(π/A) sinc(t/Δt) on [0, Δt] with the normalized sinc sin(πu)/(πu) and
 * A = ∫_0^π sin²x/x² dx = Si(2π): half the main lobe, already zero at t = Δt
 * [wangmultistatic S3.3]. Near u = 0 the derivatives use their Taylor series (the closed
 * expressions are 0/0 there).
 */
public record SincPulse(double duration) implements PulseShape {
    /** A = Si(2π). */
    public static final double SI_2PI = 1.4181515761326284;
    /** Cin(2π) = γ + ln 2π − Ci(2π). */
    public static final double CIN_2PI = 2.437653393057224;
    private static final double K = Math.sqrt(Math.PI / SI_2PI);
    private static final double SERIES_BELOW = 1e-2;

    public SincPulse {
        InvalidInputException.positive("pulse duration", duration);
    }

    private boolean inside(double t) {
        return t >= 0 && t <= duration;
    }

    @Override
    public double value(double t) {
        if (!inside(t)) {
            return 0.0;
        }
        double u = t / duration;
        if (u < SERIES_BELOW) {
            double p2 = Math.PI * Math.PI, v2 = u * u;
            return K * (1 - p2 * v2 / 6 + p2 * p2 * v2 * v2 / 120 - p2 * p2 * p2 * v2 * v2 * v2 / 5040);
        }
        double x = Math.PI * u;
        return K * Math.sin(x) / x;
    }

    @Override
    public double derivative(double t) {
        if (!inside(t)) {
            return 0.0;
        }
        double u = t / duration;
        double p2 = Math.PI * Math.PI;
        if (u < SERIES_BELOW) {
            return K / duration * (-p2 * u / 3 + p2 * p2 * u * u * u / 30 - p2 * p2 * p2 * Math.pow(u, 5) / 840);
        }
        double x = Math.PI * u;
        return K / duration * (x * Math.cos(x) - Math.sin(x)) / (Math.PI * u * u);
    }

    @Override
    public double secondDerivative(double t) {
        if (!inside(t)) {
            return 0.0;
        }
        double u = t / duration;
        double p2 = Math.PI * Math.PI;
        double scale = K / (duration * duration);
        if (u < SERIES_BELOW) {
            return scale * (-p2 / 3 + p2 * p2 * u * u / 10 - p2 * p2 * p2 * Math.pow(u, 4) / 168);
        }
        double x = Math.PI * u, s = Math.sin(x), c = Math.cos(x);
        return scale * (-x * x * s - 2 * x * c + 2 * s) / (Math.PI * u * u * u);
    }

    @Override
    public double energy() {
        return duration;
    }

    /** (π² − π/A) / (3Δt). */
    @Override
    public double derivativeEnergy() {
        return (Math.PI * Math.PI - Math.PI / SI_2PI) / (3 * duration);
    }

    /** Cin(2π) / (2πA) Δt². */
    @Override
    public double firstMoment() {
        return CIN_2PI / (2 * Math.PI * SI_2PI) * duration * duration;
    }

    /** Δt³ / (2πA). */
    @Override
    public double secondMoment() {
        return duration * duration * duration / (2 * Math.PI * SI_2PI);
    }

    /** −Δt/2, since sinc(1) = 0. */
    @Override
    public double timeDerivativeMoment() {
        return -duration / 2;
    }

    @Override
    public PulseShape withDuration(double d) {
        return new SincPulse(d);
    }
}
