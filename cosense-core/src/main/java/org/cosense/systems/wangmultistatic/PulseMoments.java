package org.cosense.systems.wangmultistatic;

import org.cosense.InvalidInputException;
import org.cosense.signal.PulseShape;

/**
 * The moment integrals of one real pulse g supported on [0, Δt) that the delay–Doppler Fisher
 * information needs ([wangmultistatic S3.3]). All integrals run over the open interval (0, Δt): the
 * jump of g at the pulse start is excluded ([wangmultistatic E6]).
 *
 * @param duration   Δt, the pulse (symbol) duration (s)
 * @param energy     ∫ g² dt (s); Δt for a pulse normalized as (1/Δt) ∫ g² = 1
 * @param fg         F_g = ∫ g'² dt (1/s)
 * @param ft2g       F_t2g = ∫ t² g² dt (s³) ([wangmultistatic E5])
 * @param ftdg       F_tdg = ∫ t g g' dt (s)
 * @param ftg        F_tg = ∫ t g² dt (s²), needed only by the EXACT FIM
 * @param fgdg       ∫ g g' dt = (g(Δt⁻)² − g(0⁺)²)/2 (dimensionless): the delay–amplitude coupling
 *                   the pulse-start jump leaves in the EXACT FIM with an unknown gain
 */
public record PulseMoments(double duration, double energy, double fg, double ft2g, double ftdg, double ftg, double fgdg) {
    public PulseMoments {
        InvalidInputException.positive("pulse duration Δt (s)", duration);
        InvalidInputException.positive("pulse energy ∫g² (s)", energy);
        InvalidInputException.positive("F_g (1/s)", fg);
        InvalidInputException.positive("F_t2g (s^3)", ft2g);
        InvalidInputException.finite("F_tdg (s)", ftdg);
        InvalidInputException.positive("F_tg (s^2)", ftg);
        InvalidInputException.finite("∫ g g' dt", fgdg);
        // Cauchy–Schwarz on (g', t g): the PAPER 2x2 FIM is positive definite only if F_tdg² < F_g F_t2g.
        InvalidInputException.require(ftdg * ftdg < fg * ft2g, "F_tdg^2 (s^2)", ftdg * ftdg,
                "must be below F_g F_t2g = " + fg * ft2g + " (Cauchy–Schwarz)");
    }

    /**
     * The moments of a pulse shape from its closed forms; ∫ g g' dt = (g(Δt⁻)² − g(0⁺)²)/2 from its end values
     * (the shapes are continuous inside (0, Δt)).
     */
    public static PulseMoments of(PulseShape g) {
        double dt = g.duration();
        double start = g.value(0);
        double end = g.value(dt);
        return new PulseMoments(dt, g.energy(), g.derivativeEnergy(), g.secondMoment(), g.timeDerivativeMoment(), g.firstMoment(),
                (end * end - start * start) / 2);
    }

    /** r² = F_tdg² / (F_g F_t2g) ∈ [0, 1), the pulse constant of the PAPER FIM. */
    public double correlationSquared() {
        return ftdg * ftdg / (fg * ft2g);
    }
}
