package org.cosense.systems.hua3d;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cosense.estimation.doa.Beamscan;
import org.cosense.geom.SpatialFrequency;
import org.cosense.geom.Vec3;
import org.cosense.localization.TwoRayLocalizer;
import org.cosense.math.RandomStream;
import org.junit.jupiter.api.Test;

class SingleTargetProtocolTest {

    /**
     * A target at (0, 9, 0) lies in the plane of the BS array (mu_B^2 + nu_B^2 = 1): its MUSIC peak is on
     * the edge of the visible region. At 30 dBm stage I is then essentially exact and the position error
     * is the stage-II grid floor: the position from the true BS DoA and the scan's noiseless on-grid
     * estimate. The protocol's RMSE must be within 30% of that floor.
     */
    @Test
    void aTargetInTheBsArrayPlaneIsLocatedToTheGridFloor() {
        Scene scene = Scene.singleTarget(20, 30).withTargets(List.of(Target.ofDbsm(Vec3.of(0, 9, 0), 7)));
        SpatialFrequency bs = scene.bsToTarget(0);
        assertTrue(Math.abs(bs.mu() * bs.mu() + bs.nu() * bs.nu() - 1) < 1e-12);
        SingleTargetProtocol.Config cfg = SingleTargetProtocol.Config.paper(1.0, 60, 60); // 30 dBm
        SingleTargetProtocol protocol = new SingleTargetProtocol(scene, 0, cfg);

        SpatialFrequency eff = scene.effectiveIrsFrequency(0, 0);
        SpatialFrequency onGrid = new SpatialFrequency(nearest(Beamscan.grid(cfg.scan().beamsY()), eff.mu()),
                nearest(Beamscan.grid(cfg.scan().beamsZ()), eff.nu()));
        TwoRayLocalizer.Fix floorFix = TwoRayLocalizer.locate(scene.bs(), scene.irs(0).position(), bs,
                onGrid.minus(scene.bsToIrsArrival(0)), cfg.xRule());
        double floor = floorFix.position().distance(scene.target(0));

        int n = 20;
        double se = 0;
        for (int t = 0; t < n; t++) {
            double e = protocol.trial(RandomStream.forTrial(1, 0, t)).positionError();
            se += e * e;
        }
        double rmse = Math.sqrt(se / n);
        assertTrue(floor > 0.5 && floor < 2, "grid floor " + floor + " m");
        assertTrue(Math.abs(rmse - floor) <= 0.3 * floor, "RMSE " + rmse + " m against the grid floor " + floor + " m");
    }

    private static double nearest(double[] grid, double x) {
        double best = grid[0];
        for (double g : grid) {
            if (Math.abs(g - x) < Math.abs(best - x)) {
                best = g;
            }
        }
        return best;
    }
}
