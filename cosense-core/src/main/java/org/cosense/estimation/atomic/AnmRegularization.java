package org.cosense.estimation.atomic;

import org.cosense.InvalidInputException;

/**
 * The regularization weight τ of the atomic-norm denoiser min ½||Y − X||_F² + τ ||X||_A, set by a
 * formula of the noise level and the sizes, fixed before any data are seen: Li and Chi's bound on
 * the expected dual atomic norm of M × L white noise CN(0, σ²) (IEEE TSP 2016, with η = 1),
 * <pre>  τ = σ √M √(1 + 1/ln M) √(L + ln(αL) + √(2L ln(αL)) + √(πL/2) + 1),   α = 8πM ln M,</pre>
 * the same formula as the cvxopt/numpy baselines [zhanghybrid A24]. For coloured noise pass its average
 * power per entry.
 */
public final class AnmRegularization {
    private AnmRegularization() {
    }

    /** τ for noise power σ² per entry of an M × L observation. */
    public static double liChi(double sigma2, int m, int snapshots) {
        InvalidInputException.require(sigma2 >= 0 && Double.isFinite(sigma2), "noise power", sigma2, "must be finite and >= 0");
        InvalidInputException.require(m >= 2, "rows M", m, "must be at least 2");
        InvalidInputException.positive("snapshots L", snapshots);
        double a = 8 * Math.PI * m * Math.log(m);
        double l = snapshots;
        double la = Math.log(a * l);
        return Math.sqrt(sigma2 * m * (1 + 1 / Math.log(m))) * Math.sqrt(l + la + Math.sqrt(2 * l * la) + Math.sqrt(Math.PI * l / 2) + 1);
    }
}
