package org.cosense.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.cosense.channel.PathLoss;
import org.junit.jupiter.api.Test;

/** The worked example of spec 2.3 and the degree-conversion round trip (property 6). */
class SpatialFrequencyTest {
    static final Vec3 BS = Vec3.of(0, 0, 5);
    static final Vec3 IRS = Vec3.of(-15, 0, 2);
    static final Vec3 T = Vec3.of(-8, 6, 0);

    @Test
    void workedExampleOfSpec() {
        SpatialFrequency b2t = SpatialFrequency.between(BS, T);
        assertEquals(11.180340, BS.distance(T), 1e-6);
        assertEquals(0.536656, b2t.mu(), 1e-6);
        assertEquals(-0.447214, b2t.nu(), 1e-6);
        assertEquals(36.8699, b2t.azimuthDeg(), 1e-4);
        assertEquals(-26.5651, b2t.elevationDeg(), 1e-4);
        SpatialFrequency i2t = SpatialFrequency.between(IRS, T);
        assertEquals(9.433981, IRS.distance(T), 1e-6);
        assertEquals(0.635999, i2t.mu(), 1e-6);
        assertEquals(-0.212000, i2t.nu(), 1e-6);
        assertEquals(40.6013, i2t.azimuthDeg(), 1e-4);
        assertEquals(-12.2396, i2t.elevationDeg(), 1e-4);
        SpatialFrequency dep = SpatialFrequency.between(BS, IRS);
        SpatialFrequency arr = SpatialFrequency.between(IRS, BS);
        assertEquals(15.297059, BS.distance(IRS), 1e-6);
        assertEquals(0, dep.mu(), 1e-12);
        assertEquals(-0.196116, dep.nu(), 1e-6);
        assertEquals(0.196116, arr.nu(), 1e-6);
        assertEquals(11.3099, arr.elevationDeg(), 1e-4);
        SpatialFrequency eff = arr.plus(i2t);
        assertEquals(0.635999, eff.mu(), 1e-6);
        assertEquals(-0.015884, eff.nu(), 1e-6);
        double kappa = Math.pow(10, 0.7);
        assertEquals(1.608182e-4, PathLoss.radarAmplitude(0.4, kappa, BS.distance(T), BS.distance(T)), 1e-10);
    }

    @Property(tries = 300)
    void degreeRoundTrip(@ForAll @DoubleRange(min = -1.5, max = 1.5) double az, @ForAll @DoubleRange(min = -1.5, max = 1.5) double el) {
        SpatialFrequency f = SpatialFrequency.fromAngles(az, el);
        assertTrue(f.isVisible());
        SpatialFrequency g = SpatialFrequency.fromAngles(f.azimuth(), f.elevation());
        assertEquals(f.mu(), g.mu(), 1e-9);
        assertEquals(f.nu(), g.nu(), 1e-9);
        assertEquals(az, f.azimuth(), 1e-7);
        assertEquals(el, f.elevation(), 1e-9);
    }
}
