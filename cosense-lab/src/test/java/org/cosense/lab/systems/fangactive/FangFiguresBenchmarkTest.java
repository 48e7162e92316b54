package org.cosense.lab.systems.fangactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.cosense.InvalidInputException;
import org.cosense.lab.RunContext;
import org.junit.jupiter.api.Test;

/**
 * {@code cosense bench fang-figures} at tiny sizes: the small deployment of {@link FangFiguresTest}, the quick AO settings,
 * one realization. Structure of the report and agreement of the two loops' designs; no timing assertions.
 */
class FangFiguresBenchmarkTest {
    private static final RunContext QUICK = new RunContext(1, 1, 3, true, null);

    @Test
    void fig3ReportsTimeObjectiveChangeAndProjectionAndEveryDesignKind() {
        PowerSweepFigure fig = new PowerSweepFigure("fig3", true, FangFiguresTest.SMALL);
        FangFiguresBenchmark.Measurement m = FangFiguresBenchmark.measure(List.of(fig), QUICK, DesignLoop.reference(), DesignLoop.FIGURES,
                true, 1, false);
        String report = m.report();
        assertTrue(report.contains("fig3: 3 points x 7 curves; new "), report);
        assertTrue(report.contains("CPU-s/realization, ratio "), report);
        assertTrue(report.contains("max objective change "), report);
        assertTrue(report.contains("projected at 100 realizations on 2 cores: new "), report);
        for (String line : List.of("\ncosense: ", "\nratio: ", "\nmax objective change: ", "\nreference loop: ", "\ntotal (fig3)",
                "\nprojected wall time of fig3 at 100 realizations on 2 cores: ")) {
            assertTrue(report.contains(line), line + " missing in\n" + report);
        }
        FangFiguresBenchmark.FigureRun run = m.runs().get(0);
        // the probe sees exactly the figure's designs: per point one proposed design per proposed curve, one reflective-only
        // per (mode, budget) of a proposed curve, and each benchmark curve once
        Set<String> kinds = run.neu()[0].designs().stream().map(FangFiguresBenchmark.Probed::kind).collect(Collectors.toSet());
        assertEquals(Set.of("proposed (BS)", "reflective-only (BS)", "transmit-only (BS)", "passive (BS)", "passive-reflective-only (BS)"), kinds);
        assertEquals(3 * (3 + 3 + 3), run.neu()[0].designs().size());
        // every design of the figures' loop within 1e-4 relative of the reference loop, none worse by more ([fangactive S3.15])
        FangFiguresBenchmark.Change ch = FangFiguresBenchmark.change(run);
        assertEquals(3 * 7, ch.designs());
        assertTrue(ch.worstAbs() <= FangFiguresBenchmark.TOLERANCE, ch.toString());
        assertEquals(0, ch.worse(), ch.toString());
        // the figure's own values: the unit's output is what the figure's Monte Carlo trial returns
        assertEquals(fig.realization(QUICK, fig.plan(QUICK), 0, DesignLoop.FIGURES, null)[1][2], run.neu()[0].out()[1][2]);
    }

    @Test
    void withoutTheBaselineOnlyTheNewLoopRunsAndTheProjectionIsPrinted() {
        Fig7Antennas fig = new Fig7Antennas(FangFiguresTest.SMALL);
        FangFiguresBenchmark.Measurement m = FangFiguresBenchmark.measure(List.of(fig), QUICK, DesignLoop.reference(), DesignLoop.FIGURES,
                false, 1, false);
        assertNull(m.runs().get(0).reference());
        String report = m.report();
        assertTrue(report.contains("fig7: 3 points x 4 curves; new "), report);
        assertTrue(report.contains("\ncosense: ") && report.contains("\nprojected wall time of fig7"), report);
        assertFalse(report.contains("\nratio:") || report.contains("objective change"), report);
        assertTrue(report.contains("not run: --no-baseline"), report);
    }

    @Test
    void twoRealizationsOnTwoThreadsGiveTheDesignsOfOneThreadAndTheIntervalLine() {
        Fig7Antennas fig = new Fig7Antennas(FangFiguresTest.SMALL);
        RunContext two = new RunContext(2, 1, 3, true, null);
        FangFiguresBenchmark.Measurement a = FangFiguresBenchmark.measure(List.of(fig), two, DesignLoop.reference(), DesignLoop.FIGURES,
                true, 2, false);
        FangFiguresBenchmark.Measurement b = FangFiguresBenchmark.measure(List.of(fig), two, DesignLoop.reference(), DesignLoop.FIGURES,
                true, 1, false);
        for (int t = 0; t < 2; t++) {
            // a realization's designs are a function of (seed, t) and the loop only, whatever the thread
            assertTrue(java.util.Arrays.deepEquals(a.runs().get(0).neu()[t].out(), b.runs().get(0).neu()[t].out()), "realization " + t);
            assertTrue(java.util.Arrays.deepEquals(a.runs().get(0).reference()[t].out(), b.runs().get(0).reference()[t].out()),
                    "realization " + t);
        }
        FangFiguresBenchmark.Change ch = FangFiguresBenchmark.change(a.runs().get(0));
        assertEquals(2 * 3 * 4, ch.designs());
        assertEquals(3 * 4, ch.points());
        assertTrue(ch.meansOutside() >= 0 && ch.meansOutside() <= ch.points(), ch.toString());
        assertTrue(a.report().contains(" means outside the reference's 95% interval"), a.report());
        assertTrue(a.report().contains("fang-figures: 2 realization(s) per figure, quick AO settings, 2 thread(s)"), a.report());
    }

    @Test
    void casesNameFigures() {
        assertEquals(List.of("fig4", "fig7"), FangFiguresBenchmark.figures(List.of("fig7", "fig4")).stream().map(FangFigure::id).toList());
        assertEquals(5, FangFiguresBenchmark.figures(List.of()).size());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FangFiguresBenchmark.figures(List.of("fig9")));
        assertEquals("cases", e.parameter());
    }
}
