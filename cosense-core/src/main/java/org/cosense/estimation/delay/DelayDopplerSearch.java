package org.cosense.estimation.delay;

import org.cosense.InvalidInputException;

/**
 * Where the matched filter looks, in normalized units (delay in pulse periods Δt, Doppler
 * f~ = f Δt). Coarse grid: delays centre ± halfWidth in steps of one sample 1/P; Doppler
 * centre + i/(stepDivisor·M), |i| ≤ dopplerHalfBins. With {@code dopplerHalfBins = 0} the
 * Doppler is held at its centre and only the delay is estimated.
 *
 * @param delayCentre     centre of the delay window [Δt]
 * @param delayHalfWidth  half-width of the delay window [Δt]
 * @param dopplerCentre   centre of the Doppler window (f~)
 * @param dopplerHalfBins half-width of the Doppler grid in bins; 0: Doppler known
 * @param dopplerStepDivisor the Doppler step is 1/(stepDivisor · M), a fraction of the resolution 1/M
 */
public record DelayDopplerSearch(double delayCentre, double delayHalfWidth, double dopplerCentre,
                                 int dopplerHalfBins, int dopplerStepDivisor) {
    public DelayDopplerSearch {
        InvalidInputException.finite("delayCentre", delayCentre);
        InvalidInputException.positive("delayHalfWidth", delayHalfWidth);
        InvalidInputException.require(delayCentre - delayHalfWidth >= 0, "delayCentre", delayCentre,
                "the delay window must start at or after t = 0 (delayCentre >= delayHalfWidth = " + delayHalfWidth + ")");
        InvalidInputException.finite("dopplerCentre", dopplerCentre);
        InvalidInputException.require(dopplerHalfBins >= 0, "dopplerHalfBins", dopplerHalfBins, "must be >= 0");
        InvalidInputException.positive("dopplerStepDivisor", dopplerStepDivisor);
    }

    /** Delay only, Doppler known (e.g. zero). */
    public static DelayDopplerSearch delayOnly(double delayCentre, double delayHalfWidth, double doppler) {
        return new DelayDopplerSearch(delayCentre, delayHalfWidth, doppler, 0, 1);
    }

    public boolean estimatesDoppler() {
        return dopplerHalfBins > 0;
    }
}
