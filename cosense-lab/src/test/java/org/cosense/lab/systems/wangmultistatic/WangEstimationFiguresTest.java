package org.cosense.lab.systems.wangmultistatic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cosense.lab.Check;
import org.cosense.lab.Experiment;
import org.cosense.lab.FigureResult;
import org.cosense.lab.LinePanel;
import org.cosense.lab.RunContext;
import org.cosense.lab.Series;
import org.junit.jupiter.api.Test;

/**
 * Smoke tests of fig7 and {@code position} at tiny sizes (M = 64, 3 trials); checks are found by id, the
 * invariants must hold (bit-identity across thread counts: {@link WangThreadIndependenceTest}).
 */
class WangEstimationFiguresTest {
    static final WangSimulation.Setting SMALL = WangSimulation.Setting.paper().withPulses(64);

    static FigureResult run(Experiment e, int threads) {
        FigureResult r = e.run(new RunContext(3, threads, 3, true, null));
        assertFalse(r.checks().isEmpty(), e.id() + " has no checks");
        Set<String> ids = new HashSet<>();
        for (Check c : r.checks()) {
            assertTrue(ids.add(c.id()), "duplicate check id " + c.id());
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
    void fig7HasTheIssuesSeriesAndChecks() {
        FigureResult one = run(new Fig7MatchedFilter(SMALL), 2);
        List<String> names = series(one).stream().map(Series::name).toList();
        assertEquals(List.of("crb-mono", "crb-bi", "crb-multi-2", "crb-multi-5", "mf-mono", "mf-bi", "mf-multi-2", "mf-multi-5"), names);
        assertEquals(Check.Kind.PAPER, check(one, "mf-above-bound").kind());
        assertEquals(Check.Kind.PAPER, check(one, "mf-approaches-bound").kind());
        assertEquals(Check.Kind.PAPER, check(one, "crb-ordering").kind());
        assertEquals(Check.Kind.PAPER, check(one, "mf-ordering").kind());
        assertEquals(Check.Kind.EXTENSION, check(one, "delay-alone-near-bound").kind());
        Check inv = check(one, "bound-falls-with-power");
        assertEquals(Check.Kind.INVARIANT, inv.kind());
        assertTrue(inv.passed(), inv.detail());
        assertEquals("fig7-per-receiver.csv", one.extraTables().get(0).fileName());
    }

    @Test
    void positionHasItsSeriesAndChecks() {
        FigureResult one = run(new PositionFigure(SMALL), 2);
        List<String> names = series(one).stream().map(Series::name).toList();
        assertEquals(List.of("crb-multi-2", "crb-multi-5", "crb-multi-10", "rmse-multi-2", "rmse-multi-5", "rmse-multi-10"), names);
        for (String id : new String[] {"position-crb-falls-with-power", "position-crb-falls-with-receivers"}) {
            Check c = check(one, id);
            assertEquals(Check.Kind.INVARIANT, c.kind(), id);
            assertTrue(c.passed(), id + ": " + c.detail());
        }
        for (String id : new String[] {"position-rmse-above-crb", "position-rmse-similar-to-crb-high-power", "localizer-always-answers"}) {
            assertEquals(Check.Kind.EXTENSION, check(one, id).kind(), id);
        }
    }
}
