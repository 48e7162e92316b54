package org.cosense.systems.zhanghybrid;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cosense.math.Db;
import org.cosense.math.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * The partial-rank AOD search on a real frame whose criterion F has its global minimum between two points of the 4N
 * grid while the best grid point lies in a side basin [zhanghybrid P15].
 */
class AodTrustRegionTest {
    /** fig8, d = 0 m, trial 170 of seed 1 at 90 dBm: the target and the draws of that frame. */
    static CascadedObservations fig8Frame170() {
        double[][] irs = {{0, 50}, {0, -50}, {50, 0}};
        HybridScene scene = new HybridScene(irs, new double[] {33.12478068892554, -7.493391167229465});
        HybridParameters prm = HybridParameters.defaults().withPower(Db.dbmToWatts(90));
        RandomStream stream = RandomStream.forTrial(1, 0, 170);
        stream.split(0); // the target's stream, which drew the position above
        ReflectedSignals signals = ReflectedSignals.draw(scene, prm, stream.split(1));
        return CascadedObservations.draw(scene, prm, signals, stream.split(2));
    }

    @Test
    void everyGridBasinIsRefinedSoANarrowGlobalMinimumIsFound() {
        CascadedObservations o = fig8Frame170();
        HybridScene scene = o.scene();
        List<IrsAngleEstimate> est = FrameAngles.anm(o, FrameAngles.estimatedDelays(o), JointAngleAnm.of(o.parameters().sensors(),
                o.parameters().elements()));
        IrsAngleEstimate irs3 = est.get(2);
        assertTrue(irs3.trustRegion().isPresent(), irs3.aodNote());
        double err = Math.toDegrees(Math.abs(irs3.aod().getAsDouble() - scene.angle(2)));
        // From the best grid point alone the AOD of IRS 3 was 46.2 degrees off (F = -0.726 against -0.999 near the truth).
        assertTrue(err < 0.1, "AOD of IRS 3 off by " + err + " deg");
        assertTrue(irs3.trustRegion().get().value() < -0.99, "F at the estimate " + irs3.trustRegion().get().value());
        for (IrsAngleEstimate e : est) {
            double d = Math.toDegrees(Math.abs(e.aod().getAsDouble() - scene.angle(e.irs())));
            assertTrue(d < 0.5, "AOD of IRS " + (e.irs() + 1) + " off by " + d + " deg");
        }
        // The localizers downstream: the three-stage error was 13.3 m.
        FrameLocalization f = FrameLocalization.of(o);
        for (double e2 : f.squaredErrors(scene)) {
            assertTrue(e2 < 0.01, "squared position error " + e2 + " m^2");
        }
    }
}
