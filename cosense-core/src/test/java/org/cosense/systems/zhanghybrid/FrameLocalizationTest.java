package org.cosense.systems.zhanghybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.math.Db;
import org.cosense.math.RandomStream;
import org.junit.jupiter.api.Test;

/** The estimator chain on one frame: at very high SNR every localizer lands on the target, delays and angles on the truth. */
class FrameLocalizationTest {
    @Test
    void highSnrFrameGivesTheTargetFromEstimatedDelaysAndAngles() {
        HybridScene scene = new HybridScene(HybridScene.paperIrs(), new double[] {28, -6});
        HybridParameters p = HybridParameters.defaults().withPower(Db.dbmToWatts(160));
        ReflectedSignals s = ReflectedSignals.draw(scene, p, new RandomStream(41));
        CascadedObservations o = CascadedObservations.draw(scene, p, s, new RandomStream(42));
        FrameLocalization f = FrameLocalization.of(o);
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(scene.cascadedDelay(j, k), f.delays()[j][k], 1e-4 / p.bandwidthHz(), "delay " + j + k);
            }
            assertEquals(scene.angle(j), f.angles().get(j).aoa(), 1e-4, "AOA of IRS " + (j + 1));
        }
        for (double e : f.squaredErrors(scene)) {
            assertTrue(Math.sqrt(e) < 1e-2, "position error " + Math.sqrt(e) + " m");
        }
        // the proposed bound at this power is far below the errors' scale
        assertTrue(f.crb() < 1e-8, "CRB " + f.crb());
    }
}
