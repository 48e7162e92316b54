package org.cosense.lab.systems.zhanghybrid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.cosense.lab.FigureResult;
import org.cosense.lab.Table;
import org.junit.jupiter.api.Test;

/** The flagged-frame extension of figs 7–8: counts, shares, MSE without the flagged frames and medians. */
class GrossFramesTest {
    /** ls, wls, two-stage, three-stage, crb, gross delays, gross angles. */
    static double[] trial(double e, int delays, int angles) {
        return new double[] {4 * e, 3 * e, 2 * e, e, 0.1, delays, angles};
    }

    @Test
    void countsSharesUnflaggedMseAndMedians() {
        double[][][] r = {{trial(1, 0, 0), trial(3, 0, 0), trial(96, 2, 0), trial(100, 0, 1)}};
        GrossFrames g = GrossFrames.of(r);
        assertArrayEquals(new int[] {1}, g.delayFrames());
        assertArrayEquals(new int[] {1}, g.angleFrames());
        assertArrayEquals(new int[] {2}, g.flagged());
        int three = org.cosense.localization.CascadedHybridLocalizer.Method.THREE_STAGE.ordinal();
        assertEquals(2, g.cleanMse()[three][0], 1e-12); // (1 + 3) / 2
        assertEquals(8, g.cleanMse()[0][0], 1e-12);
        assertEquals(49.5, g.median()[three][0], 1e-12); // (3 + 96) / 2
        assertEquals(196.0 / 200, g.flaggedShare()[three][0], 1e-12);
        Table t = g.table("fig8-gross.csv", "d_m", new double[] {4});
        assertEquals(List.of("4", "4", "1", "1", "2"), t.rows().get(0).subList(0, 5));
    }

    @Test
    void figuresWriteTheTableAndTheExtensionChecks() {
        FigureResult r = ZhangFiguresTest.run(new LocationMseFigure("fig8", LocationMseFigure.Axis.IRS_X), 2, 2);
        assertEquals("fig8-gross.csv", r.extraTables().get(0).fileName());
        assertEquals(4, r.extraTables().get(0).rows().size());
        ZhangFiguresTest.check(r, "three-stage-nearly-flat-without-gross-frames");
    }
}
