package org.cosense.localization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.geom.SpatialFrequency;
import org.cosense.geom.Vec3;
import org.cosense.math.RandomStream;
import org.junit.jupiter.api.Test;

/** Spec 6, properties 7–8: the construction (60)–(64) and its degeneracies. */
class TwoRayLocalizerTest {

    @Test
    void workedExampleRecoversTarget() {
        Vec3 bs = Vec3.of(0, 0, 5);
        Vec3 irs = Vec3.of(-15, 0, 2);
        Vec3 t = Vec3.of(-8, 6, 0);
        TwoRayLocalizer.Fix f = TwoRayLocalizer.locate(bs, irs, SpatialFrequency.between(bs, t), SpatialFrequency.between(irs, t),
                TwoRayLocalizer.XRule.PAPER);
        assertTrue(f.ok());
        assertEquals(0, f.position().distance(t), 1e-10);
    }

    @Test
    void exactDoasRecoverRandomGeometries() {
        RandomStream rng = new RandomStream(42);
        int paperAgree = 0;
        int frontCases = 0;
        for (int i = 0; i < 2000; i++) {
            Vec3 bs = Vec3.of(20 * rng.nextDouble() - 10, 20 * rng.nextDouble() - 10, 10 * rng.nextDouble());
            Vec3 irs = Vec3.of(20 * rng.nextDouble() - 10, 20 * rng.nextDouble() - 10, 10 * rng.nextDouble());
            Vec3 t = Vec3.of(40 * rng.nextDouble() - 20, 40 * rng.nextDouble() - 20, 10 * rng.nextDouble() - 5);
            if (Math.abs(bs.x() - irs.x()) < 0.5) {
                continue;
            }
            SpatialFrequency b = SpatialFrequency.between(bs, t);
            SpatialFrequency r = SpatialFrequency.between(irs, t);
            double d = r.mu() * b.nu() - b.mu() * r.nu();
            if (Math.abs(d) < 1e-3) {
                continue;
            }
            TwoRayLocalizer.Fix g = TwoRayLocalizer.locate(bs, irs, b, r, TwoRayLocalizer.XRule.GENERALIZED);
            assertTrue(g.ok());
            assertEquals(0, g.position().distance(t), 1e-8 * Math.max(1, t.norm()), "geometry " + i);
            if (t.x() >= irs.x()) {
                frontCases++;
                TwoRayLocalizer.Fix p = TwoRayLocalizer.locate(bs, irs, b, r, TwoRayLocalizer.XRule.PAPER);
                if (p.position().distance(t) < 1e-6 * Math.max(1, t.norm())) {
                    paperAgree++;
                }
            }
        }
        // the paper rule is exact whenever the target is in front of the IRS
        assertEquals(frontCases, paperAgree);
    }

    @Test
    void paperRuleFailsBehindIrsWhereGeneralizedRuleSucceeds() {
        Vec3 bs = Vec3.of(0, 0, 5);
        Vec3 irs = Vec3.of(-10, 0, 3);
        Vec3 t = Vec3.of(-20, 2, 0);
        SpatialFrequency b = SpatialFrequency.between(bs, t);
        SpatialFrequency r = SpatialFrequency.between(irs, t);
        assertTrue(TwoRayLocalizer.locate(bs, irs, b, r, TwoRayLocalizer.XRule.PAPER).position().distance(t) > 1);
        assertEquals(0, TwoRayLocalizer.locate(bs, irs, b, r, TwoRayLocalizer.XRule.GENERALIZED).position().distance(t), 1e-9);
    }

    @Test
    void degenerateGeometriesAreReportedNotComputed() {
        Vec3 bs = Vec3.of(0, 0, 5);
        Vec3 irs = Vec3.of(-20, 0, 3);
        Vec3 onAxis = Vec3.of(-10, 0, 0);
        TwoRayLocalizer.Fix f = TwoRayLocalizer.locate(bs, irs, SpatialFrequency.between(bs, onAxis),
                SpatialFrequency.between(irs, onAxis), TwoRayLocalizer.XRule.GENERALIZED);
        assertFalse(f.ok());
        assertTrue(f.degenerate().contains("D = 0"));
        Vec3 sameYz = Vec3.of(-20, 0, 5);
        Vec3 t = Vec3.of(-8, 6, 0);
        TwoRayLocalizer.Fix g = TwoRayLocalizer.locate(bs, sameYz, SpatialFrequency.between(bs, t),
                SpatialFrequency.between(sameYz, t), TwoRayLocalizer.XRule.GENERALIZED);
        assertFalse(g.ok());
        assertTrue(g.degenerate().contains("share (y, z)"));
    }
}
