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
import org.cosense.lab.BenchOptions;
import org.cosense.lab.RunContext;
import org.cosense.systems.fangactive.IrsSlot;
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
        assertTrue(report.contains(" designs better by more than 1e-04 (largest improvement "), report);
        assertTrue(report.contains("; geometric mean new/reference "), report);
        assertTrue(report.contains("\nsigned summary: "), report);
        assertFalse(report.contains("rounding floor"), report);
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
        assertTrue(ch.worstDown() <= ch.worstUp() && ch.better() >= 0 && ch.better() + ch.worse() <= ch.designs(), ch.toString());
        assertTrue(Math.abs(Math.log(ch.geoMean())) <= ch.worstAbs() * 1.01 + 1e-15, ch.toString());
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
    void theOneUlpPerturbationMovesOnlyTheChannelsAndEachEntryOnlyInItsLastBit() {
        List<IrsSlot> slots = new Fig7Antennas(FangFiguresTest.SMALL).realization(4, QUICK, 0);
        List<IrsSlot> moved = FangFiguresBenchmark.oneUlp(slots);
        assertEquals(slots.size(), moved.size());
        for (int l = 0; l < slots.size(); l++) {
            IrsSlot a = slots.get(l);
            IrsSlot b = moved.get(l);
            assertEquals(a.channel().getDataLength(), b.channel().getDataLength());
            for (int k = 0; k < a.channel().getDataLength(); k++) {
                double x = a.channel().data[k];
                double y = b.channel().data[k];
                if (x == 0) {
                    assertEquals(0.0, y);
                    continue;
                }
                // the neighbouring double away from zero: one ulp, at most 2^-52 relative
                assertEquals(Math.abs(x) + Math.ulp(x), Math.abs(y), 0.0, "entry " + k);
                assertEquals(Math.signum(x), Math.signum(y));
                assertTrue(Math.abs(y - x) <= Math.abs(x) * 0x1p-52, "entry " + k);
            }
            assertEquals(a.theta(), b.theta());
            assertEquals(a.phi(), b.phi());
            assertEquals(a.beta(), b.beta());
            assertEquals(a.irsNoise(), b.irsNoise());
            assertEquals(a.bsNoise(), b.bsNoise());
            assertEquals(a.sensorNoise(), b.sensorNoise());
            assertEquals(a.snapshots(), b.snapshots());
            assertEquals(a.reflector(), b.reflector());
            assertEquals(a.sensors(), b.sensors());
        }
    }

    @Test
    void theRoundingFloorRunsTheReferenceLoopOnTheMovedChannelsAndReportsItsChanges() {
        Fig7Antennas fig = new Fig7Antennas(FangFiguresTest.SMALL);
        FangFiguresBenchmark.Measurement m = FangFiguresBenchmark.measure(List.of(fig), QUICK, DesignLoop.reference(), DesignLoop.FIGURES,
                true, true, 1, false);
        FangFiguresBenchmark.FigureRun run = m.runs().get(0);
        // the third loop is the reference loop on the moved channels: what the figure computes on them, and not the reference
        double[][] moved = fig.realization(QUICK, fig.plan(QUICK), 0, DesignLoop.reference(), null, FangFiguresBenchmark::oneUlp);
        assertTrue(java.util.Arrays.deepEquals(moved, run.perturbed()[0].out()));
        assertFalse(java.util.Arrays.deepEquals(moved, run.reference()[0].out()), "the last-bit change reaches the designs");
        FangFiguresBenchmark.Change fl = FangFiguresBenchmark.floor(run);
        assertEquals(3 * 4, fl.designs());
        assertTrue(fl.worstAbs() > 0, fl.toString());
        String report = m.report();
        assertTrue(report.contains("\n  rounding floor (reference loop on channels moved one ulp vs reference loop, "), report);
        assertTrue(report.contains("; geometric mean perturbed/reference "), report);
        assertTrue(report.contains("\nrounding floor: max objective change "), report);
        assertTrue(report.contains(String.format(java.util.Locale.ROOT, "%d of %d designs worse and %d better by more than 1e-04", fl.worse(),
                fl.designs(), fl.better())), report);
        assertNull(FangFiguresBenchmark.floor(new FangFiguresBenchmark.FigureRun(run.id(), run.plan(), run.reference(), run.neu(), null)));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FangFiguresBenchmark.measure(List.of(fig), QUICK,
                DesignLoop.reference(), DesignLoop.FIGURES, false, true, 1, false));
        assertEquals("rounding-floor", e.parameter());
        assertEquals("rounding-floor", assertThrows(InvalidInputException.class,
                () -> new BenchOptions(1, 1, 1, List.of(), false, true)).parameter());
    }

    @Test
    void changesCountBothSignsAndTheGeometricMeanIsSigned() {
        FangFigure.Plan plan = new Fig7Antennas(FangFiguresTest.SMALL).plan(QUICK);
        int points = plan.x().length;
        int curves = plan.curves().size();
        double[][] a = new double[points][2 * curves];
        double[][] b = new double[points][2 * curves];
        for (double[] row : a) {
            java.util.Arrays.fill(row, 2.0);
        }
        for (int p = 0; p < points; p++) {
            b[p] = a[p].clone();
        }
        b[0][1] = 2.0 * 1.01;     // worse by 1e-2
        b[1][2] = 2.0 * 0.99995;  // better by 5e-5: inside the tolerance
        b[2][3] = 2.0 * 0.98;     // better by 2e-2
        FangFiguresBenchmark.Unit[] ref = {new FangFiguresBenchmark.Unit(a, 0, List.of())};
        FangFiguresBenchmark.Unit[] other = {new FangFiguresBenchmark.Unit(b, 0, List.of())};
        FangFiguresBenchmark.Change ch = FangFiguresBenchmark.change(plan, ref, other);
        assertEquals(points * curves, ch.designs());
        assertEquals(1, ch.worse());
        assertEquals(1, ch.better());
        assertEquals(0.01, ch.worstUp(), 1e-15);
        assertEquals(-0.02, ch.worstDown(), 1e-15);
        assertEquals(0.02, ch.worstAbs(), 1e-15);
        assertEquals(Math.pow(1.01 * 0.99995 * 0.98, 1.0 / (points * curves)), ch.geoMean(), 1e-15);
        assertTrue(ch.geoMean() < 1, "more improvement than worsening: below 1");
        FangFiguresBenchmark.Change same = FangFiguresBenchmark.change(plan, ref, ref);
        assertEquals(1.0, same.geoMean());
        assertEquals(0, same.worse() + same.better());
        assertEquals(0.0, same.worstAbs());
    }

    @Test
    void casesNameFigures() {
        assertEquals(List.of("fig4", "fig7"), FangFiguresBenchmark.figures(List.of("fig7", "fig4")).stream().map(FangFigure::id).toList());
        assertEquals(5, FangFiguresBenchmark.figures(List.of()).size());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FangFiguresBenchmark.figures(List.of("fig9")));
        assertEquals("cases", e.parameter());
    }
}
