package org.cosense.lab.systems.zhanghybrid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cosense.lab.FigureResult;
import org.cosense.lab.Series;
import org.cosense.lab.Table;
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
}
