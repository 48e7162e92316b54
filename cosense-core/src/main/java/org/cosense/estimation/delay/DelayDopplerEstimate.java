package org.cosense.estimation.delay;

/**
 * Result of {@link DelayDopplerMatchedFilter#estimate}.
 *
 * @param delay            τ^ [Δt]
 * @param doppler          f~^ (the search centre when the Doppler is not estimated)
 * @param ambiguity        A(τ^, f~^) = Σ_r |Φ_r|² / E(τ^), the maximized normalized ambiguity
 * @param coarseLag        the coarse-grid delay in samples (τ ≈ coarseLag / P)
 * @param cells            sample cells searched by the refinement
 * @param newtonIterations Newton iterations over all cells
 */
public record DelayDopplerEstimate(double delay, double doppler, double ambiguity, int coarseLag, int cells,
                                   int newtonIterations) {
}
