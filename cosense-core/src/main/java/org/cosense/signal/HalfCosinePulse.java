package org.cosense.signal;

import org.cosense.InvalidInputException;

/**
 * g1(t) = √2 cos(π t / (2Δt)) on [0, Δt]: the quarter period of a cosine that the paper calls
 * "cosine"; it starts at its peak and ends at zero [wangmultistatic S3.3].
 */
public record HalfCosinePulse(double duration) implements PulseShape {
    private static final double SQRT2 = Math.sqrt(2.0);

    public HalfCosinePulse {
        InvalidInputException.positive("pulse duration", duration);
    }

    private boolean inside(double t) {
        return t >= 0 && t <= duration;
    }

    private double w() {
        return Math.PI / (2 * duration);
    }

    @Override
    public double value(double t) {
        return inside(t) ? SQRT2 * Math.cos(w() * t) : 0.0;
    }

    @Override
    public double derivative(double t) {
        return inside(t) ? -SQRT2 * w() * Math.sin(w() * t) : 0.0;
    }

    @Override
    public double secondDerivative(double t) {
        double w = w();
        return inside(t) ? -SQRT2 * w * w * Math.cos(w * t) : 0.0;
    }

    @Override
    public double energy() {
        return duration;
    }

    /** π² / (4Δt). */
    @Override
    public double derivativeEnergy() {
        return Math.PI * Math.PI / (4 * duration);
    }

    /** (1/2 − 2/π²) Δt². */
    @Override
    public double firstMoment() {
        return (0.5 - 2 / (Math.PI * Math.PI)) * duration * duration;
    }

    /** (1/3 − 2/π²) Δt³. */
    @Override
    public double secondMoment() {
        return (1.0 / 3 - 2 / (Math.PI * Math.PI)) * duration * duration * duration;
    }

    /** −Δt/2, since g1(Δt) = 0. */
    @Override
    public double timeDerivativeMoment() {
        return -duration / 2;
    }

    @Override
    public PulseShape withDuration(double d) {
        return new HalfCosinePulse(d);
    }
}
