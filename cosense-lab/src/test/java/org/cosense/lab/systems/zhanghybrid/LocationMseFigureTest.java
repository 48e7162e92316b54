package org.cosense.lab.systems.zhanghybrid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.cosense.lab.FigureResult;
import org.cosense.lab.Series;
import org.junit.jupiter.api.Test;

/** Smoke tests of figs 7–8 at tiny sizes: series, checks by id, the same numbers for one and two threads. */
class LocationMseFigureTest {
    static final List<String> NAMES = List.of("ls", "wls", "two-stage", "three-stage", "crb");

    @Test
    void fig7SeriesChecksAndThreadIndependence() {
        LocationMseFigure f = new LocationMseFigure("fig7", LocationMseFigure.Axis.POWER);
        FigureResult one = ZhangFiguresTest.run(f, 2, 1);
        FigureResult two = ZhangFiguresTest.run(f, 2, 2);
        assertEquals(NAMES, ZhangFiguresTest.series(one).stream().map(Series::name).toList());
        for (int s = 0; s < NAMES.size(); s++) {
            assertArrayEquals(ZhangFiguresTest.series(one).get(s).y(), ZhangFiguresTest.series(two).get(s).y());
        }
        ZhangFiguresTest.check(one, "ordering-ls-wls-two-three");
        ZhangFiguresTest.check(one, "every-localizer-decreases-with-power");
    }

    @Test
    void fig8SeriesAndChecks() {
        FigureResult r = ZhangFiguresTest.run(new LocationMseFigure("fig8", LocationMseFigure.Axis.IRS_X), 2, 2);
        assertEquals(NAMES, ZhangFiguresTest.series(r).stream().map(Series::name).toList());
        assertArrayEquals(new double[] {0, 6, 14, 20}, ZhangFiguresTest.series(r).get(0).x());
        for (String id : List.of("three-stage-nearly-flat-in-d", "crb-nearly-flat-in-d", "wls-degrades-as-d-decreases",
                "stage3-benefit-grows-with-d")) {
            ZhangFiguresTest.check(r, id);
        }
    }
}
