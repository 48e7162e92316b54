package org.cosense.systems.hua3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cosense.InvalidInputException;
import org.cosense.geom.SpatialFrequency;
import org.cosense.math.Db;
import org.cosense.math.RandomStream;
import org.junit.jupiter.api.Test;

/** The joint 2D scan of Section VI (the paper's second method) on the printed (41) grid. */
class JointScanTest {

    @Test
    void printedGridExcludesMinusOneAndIncludesPlusOne() {
        assertArrayEquals(new double[] {-0.5, 0, 0.5, 1}, BeamScanning.printedGrid(4), 1e-15);
        assertThrows(InvalidInputException.class, () -> BeamScanning.printedGrid(1));
    }

    @Test
    void jointScanFindsTheTargetsOfThePapersSceneWithinOneGridStep() {
        Scene s = Scene.multiTarget(20, 30);
        double[] grid = BeamScanning.printedGrid(30);
        double step = grid[1] - grid[0];
        for (int m = 0; m < s.irss().size(); m++) {
            StageTwo st = new StageTwo(s, m, Db.dbmToWatts(40), LinkModel.FULL);
            List<SpatialFrequency> est = BeamScanning.scanMultiJoint(st, grid, grid, 3, new RandomStream(5 + m)).frequencies();
            assertTrue(est.size() <= 3, "at most K detections");
            Set<Integer> matched = new HashSet<>();
            for (SpatialFrequency e : est) {
                for (int t = 0; t < 3; t++) {
                    SpatialFrequency truth = s.effectiveIrsFrequency(m, t);
                    if (Math.abs(e.mu() - truth.mu()) <= step + 1e-12 && Math.abs(e.nu() - truth.nu()) <= step + 1e-12) {
                        matched.add(t);
                    }
                }
            }
            // every detection is a target, up to the period 2 of the beam (u(g + 2) = ±u(g)): the detection rule
            // rejects leaks and ghosts
            for (SpatialFrequency e : est) {
                boolean near = false;
                for (int t = 0; t < 3; t++) {
                    SpatialFrequency truth = s.effectiveIrsFrequency(m, t);
                    near |= wrapped(e.mu() - truth.mu()) <= 2 * step && wrapped(e.nu() - truth.nu()) <= 2 * step;
                }
                assertTrue(near, "IRS " + (m + 1) + ": detection " + e + " is no target");
            }
            // IRS 1 sees all three; at IRS 2 the target at (-10, 10, 0) (mu = 0.96) falls between the 30 beams of this grid
            // and its peak lands more than a step away, so at least two of three are required there
            assertTrue(matched.size() >= (m == 0 ? 3 : 2), "IRS " + (m + 1) + ": " + est + " matches targets " + matched);
        }
    }

    @Test
    void jointScanTrialIsDeterministicPerStream() {
        Scene s = Scene.multiTarget(12, 12);
        MultiTargetProtocol p = new MultiTargetProtocol(s, MultiTargetProtocol.Config.paper(Db.dbmToWatts(30), 24, 20));
        double[] grid = BeamScanning.printedGrid(10);
        MultiTargetProtocol.Result a = p.trialJointScan(new RandomStream(9), grid);
        MultiTargetProtocol.Result b = p.trialJointScan(new RandomStream(9), grid);
        assertEquals(a.rmse(), b.rmse());
        assertEquals(3, a.positions().size());
    }

    /** Distance on the circle of period 2 of spatial frequencies. */
    private static double wrapped(double d) {
        double r = Math.abs(d) % 2;
        return Math.min(r, 2 - r);
    }
}
