package org.cosense.lab.systems.zhanghybrid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cosense.lab.Check;
import org.cosense.lab.Experiment;
import org.cosense.lab.ExperimentProvider;
import org.cosense.lab.FigureResult;
import org.cosense.lab.LinePanel;
import org.cosense.lab.RunContext;
import org.cosense.lab.Series;
import org.cosense.math.RandomStream;
import org.cosense.systems.zhanghybrid.HybridScene;
import org.junit.jupiter.api.Test;

/**
 * Smoke tests of zhanghybrid figs 3–5 at tiny sizes (quick sweeps, a few targets): series names, checks by id, unique ids,
 * invariants hold, the same numbers for one and two threads.
 */
class ZhangFiguresTest {
    static final List<String> NAMES = List.of("proposed", "angle", "delay", "nocollab", "single");

    static FigureResult run(Experiment e, int trials, int threads) {
        FigureResult r = e.run(new RunContext(trials, threads, 3, true, null));
        assertFalse(r.checks().isEmpty(), e.id() + " has no checks");
        Set<String> ids = new HashSet<>();
        for (Check c : r.checks()) {
            assertTrue(ids.add(c.id()), "duplicate check id " + c.id());
            if (c.kind() == Check.Kind.INVARIANT) {
                assertTrue(c.passed(), c.id() + ": " + c.detail());
            }
        }
        return r;
    }

    static Check check(FigureResult r, String id) {
        return r.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no check " + id));
    }

    static List<Series> series(FigureResult r) {
        return ((LinePanel) r.panels().get(0)).series();
    }

    @Test
    void providerListsFigs3To5() {
        ExperimentProvider p = new ZhangExperiments();
        assertEquals("zhanghybrid", p.system());
        assertEquals(List.of("fig3", "fig4", "fig5", "fig6", "fig7", "fig8"), p.experiments().stream().map(Experiment::id).toList());
    }

    @Test
    void fig3SeriesChecksAndThreadIndependence() {
        CrbSweepFigure f = new CrbSweepFigure("fig3", CrbSweepFigure.Axis.ELEMENTS);
        FigureResult one = run(f, 3, 1);
        FigureResult two = run(f, 3, 2);
        assertEquals(NAMES, series(one).stream().map(Series::name).toList());
        for (int s = 0; s < NAMES.size(); s++) {
            assertArrayEquals(series(one).get(s).y(), series(two).get(s).y());
        }
        for (String id : List.of("delay-beats-angle-at-smallest-n", "angle-beats-delay-at-largest-n", "collaboration-beats-nocollab",
                "collaboration-gain-roughly-constant", "every-scheme-decreases-with-n", "proposed-below-its-parts")) {
            check(one, id);
        }
        assertEquals(Check.Kind.PAPER, check(one, "collaboration-beats-nocollab").kind());
        assertTrue(one.caption().contains("ASSUMED"));
    }

    @Test
    void fig4AndFig5HaveTheirChecks() {
        FigureResult f4 = run(new CrbSweepFigure("fig4", CrbSweepFigure.Axis.SENSORS), 2, 1);
        check(f4, "delay-beats-angle-at-smallest-m");
        check(f4, "angle-beats-delay-at-largest-m");
        FigureResult f5 = run(new CrbSweepFigure("fig5", CrbSweepFigure.Axis.RADIUS), 2, 1);
        assertEquals(NAMES, series(f5).stream().map(Series::name).toList());
        check(f5, "multi-beats-single-at-largest-r");
        check(f5, "single-best-at-smallest-r");
        check(f5, "collaboration-beats-nocollab");
        assertEquals(Check.Kind.EXTENSION, check(f5, "same-size-single-reading").kind());
    }

    @Test
    void diskTargetsAreInTheAnnulusAndValid() {
        RandomStream rng = new RandomStream(4);
        double[][] irs = HybridScene.paperIrs();
        for (int i = 0; i < 200; i++) {
            HybridScene s = ZhangSimulation.diskTarget(irs, 10, rng);
            double d = s.distance(0);
            assertTrue(d >= 1 && d <= 10, "distance " + d);
        }
        for (int i = 0; i < 200; i++) {
            double[] p = ZhangSimulation.rectangleTarget(irs, rng).target();
            assertTrue(p[0] >= 20 && p[0] <= 40 && p[1] >= -20 && p[1] <= 20);
        }
    }
}
