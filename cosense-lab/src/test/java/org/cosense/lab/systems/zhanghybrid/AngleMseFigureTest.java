package org.cosense.lab.systems.zhanghybrid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cosense.lab.FigureResult;
import org.cosense.lab.Series;
import org.cosense.lab.Table;
import org.cosense.math.Db;
import org.cosense.math.RandomStream;
import org.cosense.math.ThinSvd;
import org.cosense.systems.zhanghybrid.CascadedObservations;
import org.cosense.systems.zhanghybrid.FrameAngles;
import org.cosense.systems.zhanghybrid.HybridParameters;
import org.cosense.systems.zhanghybrid.HybridScene;
import org.cosense.systems.zhanghybrid.IrsAngleEstimate;
import org.cosense.systems.zhanghybrid.JointAngleAnm;
import org.cosense.systems.zhanghybrid.RankCase;
import org.cosense.systems.zhanghybrid.ReflectedSignals;
import org.junit.jupiter.api.Test;

/** Smoke test of fig6 at a tiny size: series, the ADMM table, checks by id, the same numbers for one and two threads. */
class AngleMseFigureTest {
    @Test
    void fig6SeriesAdmmTableChecksAndThreadIndependence() {
        AngleMseFigure f = new AngleMseFigure();
        FigureResult one = ZhangFiguresTest.run(f, 2, 1);
        FigureResult two = ZhangFiguresTest.run(f, 2, 2);
        List<String> names = ZhangFiguresTest.series(one).stream().map(Series::name).toList();
        assertEquals(List.of("anm", "music", "esprit", "capon", "crb-joint", "crb-single", "anm-case1", "music-case1", "esprit-case1",
                "capon-case1", "crb-joint-case1", "crb-single-case1"), names);
        for (int s = 0; s < names.size(); s++) {
            assertArrayEquals(ZhangFiguresTest.series(one).get(s).y(), ZhangFiguresTest.series(two).get(s).y());
        }
        Table admm = one.extraTables().get(0);
        assertEquals("fig6-admm.csv", admm.fileName());
        assertEquals(List.of("power_dbm", "trials", "converged", "iterations_median", "iterations_max", "primal_residual_max",
                "dual_residual_max"), admm.header());
        assertEquals(5, admm.rows().size());
        for (List<String> row : admm.rows()) {
            assertEquals("2", row.get(1));
        }
        for (String id : List.of("anm-closest-to-bound", "capon-fails", "admm-converged", "anm-closest-to-bound-case1", "capon-fails-case1",
                "admm-converged-case1")) {
            ZhangFiguresTest.check(one, id);
        }
        // the bounds of the joint data are below those of path (1, 1) alone: it is one of the K terms
        double[] joint = ZhangFiguresTest.series(one).get(4).y();
        double[] single = ZhangFiguresTest.series(one).get(5).y();
        for (int p = 0; p < joint.length; p++) {
            assertTrue(joint[p] < single[p]);
        }
    }

    /**
     * [zhanghybrid P13]: frames 14 and 15 of seed 1 (main setting, 100 dBm) each have a full-rank Z_j whose condition number
     * is above 10^7 (IRS 3 in frame 14, IRS 1 in frame 15). Pre-processed by Z_j^†, those observations were pure noise and
     * took over the joint ANM: IRS 1's AOA came out at −21.4° (truth −71.8°) and 25.2° (truth −79.0°) at every power. Now
     * IRS 1's AOA and AOD are within 0.5° of the truth (the bound's standard deviation is below 0.1° there).
     */
    @Test
    void framesWithAnIllConditionedFullRankIrsGiveTheTrueAnglesAtHighPower() {
        int[][] frames = {{14, 2}, {15, 0}}; // trial, IRS with a full-rank ill-conditioned Z
        for (int[] f : frames) {
            RandomStream stream = RandomStream.forTrial(1, 0, f[0]);
            HybridScene scene = ZhangSimulation.rectangleTarget(HybridScene.paperIrs(), stream.split(0));
            HybridParameters prm = AngleMseFigure.settings()[0].withPower(Db.dbmToWatts(100));
            ReflectedSignals signals = ReflectedSignals.draw(scene, prm, stream.split(1));
            CascadedObservations o = CascadedObservations.draw(scene, prm, signals, stream.split(2));
            assertEquals(RankCase.FULL, signals.rankCase(f[1]), "frame " + f[0]);
            IrsAngleEstimate e = FrameAngles.anm(o, FrameAngles.trueDelays(o), JointAngleAnm.of(prm.sensors(), prm.elements()), 0);
            double theta = Math.toDegrees(scene.angle(0));
            assertEquals(theta, Math.toDegrees(e.aoa()), 0.5, "AOA of IRS 1, frame " + f[0]);
            assertEquals(theta, Math.toDegrees(e.aod().orElseThrow()), 0.5, "AOD of IRS 1, frame " + f[0]);
        }
    }

    /**
     * [zhanghybrid A29]: on the draws of fig6's first 200 trials the limit on the condition number separates the two settings:
     * every full-rank Z_j of the main setting (N = 16) is far above it, every Z_j of the case-1 setting (N = 4) below it.
     */
    @Test
    void caseOneConditionLimitSeparatesTheTwoSettings() {
        HybridParameters[] set = AngleMseFigure.settings();
        double lowestFull16 = Double.POSITIVE_INFINITY;
        double highest4 = 0;
        int full16 = 0;
        for (int t = 0; t < 200; t++) {
            RandomStream stream = RandomStream.forTrial(1, 0, t);
            HybridScene scene = ZhangSimulation.rectangleTarget(HybridScene.paperIrs(), stream.split(0));
            for (int s = 0; s < set.length; s++) {
                ReflectedSignals signals = ReflectedSignals.draw(scene, set[s], stream.split(1 + 2 * s));
                stream.split(2 + 2 * s); // the frame's stream, as in AngleMseFigure.trial
                for (int j = 0; j < scene.irsCount(); j++) {
                    if (signals.rankCase(j) != RankCase.FULL) {
                        continue;
                    }
                    double[] sv = ThinSvd.decompose(signals.reflection(j)).singularValues();
                    double c = sv[0] / sv[sv.length - 1];
                    if (s == 0) {
                        full16++;
                        lowestFull16 = Math.min(lowestFull16, c);
                    } else {
                        highest4 = Math.max(highest4, c);
                    }
                }
            }
        }
        assertTrue(full16 > 0, "no full-rank Z_j in the main setting");
        assertTrue(lowestFull16 > 100 * JointAngleAnm.MAX_CASE_ONE_CONDITION, full16 + " full-rank, lowest condition " + lowestFull16);
        assertTrue(highest4 < JointAngleAnm.MAX_CASE_ONE_CONDITION, "highest condition with N = 4: " + highest4);
    }
}
