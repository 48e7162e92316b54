package org.cosense.systems.wangmultistatic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cosense.signal.HalfCosinePulse;
import org.cosense.signal.PulseShape;
import org.cosense.signal.SincPulse;
import org.junit.jupiter.api.Test;

/** The moments the FIMs consume, from the pulse shapes' closed forms, against quadrature of the paper's formulas. */
class PulseMomentsTest {

    @Test
    void closedFormsOfTheShapesEqualQuadratureOfThePapersPulses() {
        for (double dt : new double[] {1, 5e-9}) {
            check(PulseMoments.of(new HalfCosinePulse(dt)), WangPulses.moments(WangPulses.Shape.COSINE, dt));
            check(PulseMoments.of(new SincPulse(dt)), WangPulses.moments(WangPulses.Shape.SINC, dt));
        }
    }

    @Test
    void theCosineStartJumpGivesMinusOne() {
        PulseShape g = new HalfCosinePulse(1);
        assertEquals(-1, PulseMoments.of(g).fgdg(), 1e-15); // g(0+) = sqrt 2, g(Δt-) = 0 ([wangmultistatic E6])
    }

    private static void check(PulseMoments a, PulseMoments b) {
        assertEquals(b.duration(), a.duration(), 1e-15 * b.duration());
        assertEquals(b.energy(), a.energy(), 1e-10 * b.energy());
        assertEquals(b.fg(), a.fg(), 1e-10 * b.fg());
        assertEquals(b.ft2g(), a.ft2g(), 1e-10 * b.ft2g());
        assertEquals(b.ftdg(), a.ftdg(), 1e-10 * Math.abs(b.ftdg()));
        assertEquals(b.ftg(), a.ftg(), 1e-10 * b.ftg());
        assertEquals(b.fgdg(), a.fgdg(), 1e-10 * Math.abs(b.fgdg()));
    }
}
