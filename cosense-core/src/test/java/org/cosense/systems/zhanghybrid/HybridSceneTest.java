package org.cosense.systems.zhanghybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cosense.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Invalid deployments are InvalidInputExceptions that name the parameter; angles and sides follow the +y array axis. */
class HybridSceneTest {
    static InvalidInputException bad(double[][] irs, double[] p) {
        return assertThrows(InvalidInputException.class, () -> new HybridScene(irs, p));
    }

    @Test
    void rejectsInvalidDeployments() {
        assertEquals("IRS count", bad(new double[][] {{10, 50}}, new double[] {30, 0}).parameter());
        InvalidInputException dup = bad(new double[][] {{10, 50}, {10, 50}}, new double[] {30, 0});
        assertEquals("IRS position", dup.parameter());
        assertEquals(2, dup.index().getAsInt());
        assertEquals("target position", bad(HybridScene.paperIrs(), new double[] {50.2, 0.3}).parameter());
        // endfire of IRS 1: straight below it along its axis
        assertEquals("target position", bad(HybridScene.paperIrs(), new double[] {10, 20}).parameter());
        assertEquals("IRS position", bad(new double[][] {{0, 0}, {10, 5}}, new double[] {30, 0}).parameter());
    }

    @Test
    void rejectsSmallArrays() {
        HybridParameters d = HybridParameters.defaults();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> d.withSensors(1));
        assertEquals("sensors M", e.parameter());
        e = assertThrows(InvalidInputException.class, () -> d.withElements(1));
        assertEquals("elements N", e.parameter());
    }

    @Test
    void anglesAndSides() {
        HybridScene s = new HybridScene(HybridScene.paperIrs(), new double[] {30, 10});
        // IRS 1 at (10, 50): target is below and to the right
        assertEquals(Math.asin(-40 / Math.hypot(20, 40)), s.angle(0), 1e-15);
        assertEquals(1, s.side(0));
        // IRS 3 at (50, 0): the target is behind it (x < 50)
        assertEquals(-1, s.side(2));
        assertEquals(Math.asin(10 / Math.hypot(20, 10)), s.angle(2), 1e-15);
        assertEquals(Math.PI - s.angle(2), HybridMeasurements.bearing(s.angle(2), -1), 0);
        assertEquals(Math.atan2(10, -20), HybridMeasurements.bearing(s.angle(2), -1), 1e-12);
    }
}
