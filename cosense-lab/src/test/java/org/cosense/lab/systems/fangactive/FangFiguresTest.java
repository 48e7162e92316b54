package org.cosense.lab.systems.fangactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.IntFunction;
import org.cosense.array.AngleUpa;
import org.cosense.lab.Catalog;
import org.cosense.lab.Check;
import org.cosense.lab.Experiment;
import org.cosense.lab.FigureResult;
import org.cosense.lab.RunContext;
import org.cosense.systems.fangactive.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Smoke tests of the fangactive figures on a small deployment (2 x 2 IRSs, M = 4 instead of 16 where
 * the figure fixes M) so they run in seconds: the reported behaviour is asserted on the computed data.
 */
class FangFiguresTest {
    static final IntFunction<Scenario> SMALL = m -> Scenario.paper(Math.min(m, 4))
            .withIrsArrays(AngleUpa.halfWavelength(2, 2), AngleUpa.halfWavelength(2, 2));

    static FigureResult run(Experiment e) {
        return e.run(new RunContext(1, 2, 3, true, null));
    }

    static void show(FigureResult r) {
        // the verdicts are asserted below; nothing is printed (keeps the build log to Surefire's own lines)
    }

    @Test
    void everyFigureIsDeclared() {
        assertEquals(List.of("fig3", "fig4", "fig5", "fig6", "fig7"),
                Catalog.system("fangactive").experiments().stream().map(Experiment::id).toList());
    }

    @Test
    void fig3SensingAtBs() {
        FigureResult r = run(new PowerSweepFigure("fig3", true, SMALL));
        show(r);
        for (String c : List.of("every design meets", "the proposed design (a_max = 8) is best", "a larger a_max",
                "active IRSs are far better", "(optimality)")) {
            assertTrue(check(r, c).passed(), check(r, c).detail());
        }
    }

    @Test
    void failedChecksBecomeCaptionDeparturesWithTheirDiagnosis() {
        String d = FangFigure.departures(List.of(new Check("a larger a_max gives a lower max-CRB", true, "ok"),
                new Check("the proposed (active) design is also below the passive IRS at every P_t", false, "crossover at 25 W"),
                new Check("some claim nobody explained", false, "evidence")));
        assertTrue(d.contains("DEPARTURE from the paper: the proposed (active) design is also below the passive IRS"), d);
        assertTrue(d.contains("crossover at 25 W") && d.contains("Why: a passive IRS reflects all the incident power"), d);
        assertTrue(d.contains("some claim nobody explained does not hold (evidence); not diagnosed."), d);
        assertTrue(!d.contains("a larger a_max"), d);
    }

    static Check check(FigureResult r, String start) {
        return r.checks().stream().filter(c -> c.behaviour().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + start));
    }

    @Test
    void fig5SensingAtIrs() {
        FigureResult r = run(new PowerSweepFigure("fig5", false, SMALL));
        show(r);
        assertTrue(check(r, "the proposed design (a_max = 8) is best").passed(), check(r, "the proposed design").detail());
        assertTrue(check(r, "a larger a_max").passed(), check(r, "a larger a_max").detail());
        assertTrue(check(r, "every design meets").passed(), check(r, "every design meets").detail());
        assertTrue(check(r, "(optimality)").passed(), check(r, "(optimality)").detail()); // continuation start
    }

    @Test
    void fig7Antennas() {
        // M capped at 8 (the small IRS has N = 4, so larger M reduce to rank 4 anyway)
        FigureResult r = run(new Fig7Antennas(m -> Scenario.paper(Math.min(m, 8)).withIrsArrays(AngleUpa.halfWavelength(2, 2),
                AngleUpa.halfWavelength(2, 2))));
        show(r);
        assertTrue(check(r, "sensing at IRSs, proposed: much lower").passed(), check(r, "sensing at IRSs, proposed").detail());
    }
}
