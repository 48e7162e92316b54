package org.cosense.signal;

/**
 * A real pulse g(t) supported on [0, Δt] (Δt = {@link #duration()}), normalized so that
 * (1/Δt) ∫_0^Δt g² dt = 1, with the moment integrals of the delay–Doppler Fisher information
 * [wangmultistatic S3.3]. All integrals run over the open interval (0, Δt): a jump of g at the
 * pulse edges is not counted [wangmultistatic E6].
 *
 * <p>{@link #value}, {@link #derivative} and {@link #secondDerivative} return the analytic
 * expression on the closed interval [0, Δt] (one-sided limits at the ends) and 0 outside it.
 */
public interface PulseShape {
    /** Δt, the support length [s] (or 1 in normalized time). */
    double duration();

    /** g(t); 0 outside [0, Δt]. */
    double value(double t);

    /** g'(t); 0 outside [0, Δt]. */
    double derivative(double t);

    /** g''(t); 0 outside [0, Δt]. */
    double secondDerivative(double t);

    /** ∫ g² dt = Δt (the normalization). */
    double energy();

    /** F_g = ∫ |g'|² dt [1/s]. */
    double derivativeEnergy();

    /** F_tg = ∫ t |g|² dt [s²] (needed by the exact Fisher information). */
    double firstMoment();

    /** F_t2g = ∫ t² |g|² dt [s³]. */
    double secondMoment();

    /** F_tdg = Re ∫ t g(t) g'(t)* dt [s]; equals Δt g(Δt)²/2 − Δt/2 for any real pulse. */
    double timeDerivativeMoment();

    /** RMS bandwidth sqrt(F_g / energy) / (2π) [Hz], jump at the edges excluded [wangmultistatic E6]. */
    default double rmsBandwidth() {
        return Math.sqrt(derivativeEnergy() / energy()) / (2 * Math.PI);
    }

    /** r² = F_tdg² / (F_g F_t2g) ≤ 1 (Cauchy–Schwarz) [wangmultistatic C4]. */
    default double pulseConstant() {
        double c = timeDerivativeMoment();
        return c * c / (derivativeEnergy() * secondMoment());
    }

    /** The same shape stretched to support [0, duration]. */
    PulseShape withDuration(double duration);
}
