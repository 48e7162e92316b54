package org.cosense.lab.systems.fangactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.cosense.array.AngleUpa;
import org.cosense.lab.Catalog;
import org.cosense.lab.Check;
import org.cosense.lab.Experiment;
import org.cosense.lab.FigureResult;
import org.cosense.lab.RunContext;
import org.cosense.lab.Series;
import org.cosense.lab.Table;
import org.cosense.systems.fangactive.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Smoke tests of the fangactive figures on a small deployment (2 x 2 IRSs, M = 4 instead of 16 where
 * the figure fixes M) so they run in seconds. Checks are found by id; every figure must have checks with
 * unique ids, and the invariants (true by construction) must hold. Paper claims are asserted only where the
 * small scene is known to show them.
 */
class FangFiguresTest {
    static final IntFunction<Scenario> SMALL = m -> Scenario.paper(Math.min(m, 4))
            .withIrsArrays(AngleUpa.halfWavelength(2, 2), AngleUpa.halfWavelength(2, 2));

    static FigureResult run(Experiment e) {
        FigureResult r = e.run(new RunContext(1, 2, 3, true, null));
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

    static void holds(FigureResult r, String... ids) {
        for (String id : ids) {
            Check c = check(r, id);
            assertTrue(c.passed(), id + ": " + c.detail());
        }
    }

    static void kind(FigureResult r, Check.Kind kind, String... ids) {
        for (String id : ids) {
            assertEquals(kind, check(r, id).kind(), id);
        }
    }

    static Series series(FigureResult r, String name) {
        return r.panels().get(0) instanceof org.cosense.lab.LinePanel p
                ? p.series().stream().filter(s -> s.name().startsWith(name)).findFirst().orElseThrow(() -> new AssertionError("no series " + name))
                : null;
    }

    @Test
    void everyFigureIsDeclared() {
        assertEquals(List.of("fig3", "fig4", "fig5", "fig6", "fig7"),
                Catalog.system("fangactive").experiments().stream().map(Experiment::id).toList());
    }

    @Test
    void fig3SensingAtBs() {
        FigureResult r = run(new PowerSweepFigure("fig3", true, SMALL));
        kind(r, Check.Kind.INVARIANT, "feasible", "proposed-best", "non-increasing-in-pt");
        kind(r, Check.Kind.PAPER, "larger-amax-lower", "active-much-below-passive", "transmit-below-reflective");
        kind(r, Check.Kind.EXTENSION, "below-joint-passive");
        holds(r, "feasible", "proposed-best", "non-increasing-in-pt", "larger-amax-lower", "active-much-below-passive");
        assertTrue(series(r, "passive-reflective-only") != null && series(r, "Passive IRS, joint AO") != null);
    }

    @Test
    void fig4BudgetSweepAtBs() {
        FigureResult r = run(new BudgetSweepFigure("fig4", true, SMALL));
        kind(r, Check.Kind.INVARIANT, "feasible", "non-increasing-in-ps");
        kind(r, Check.Kind.PAPER, "low-ps-coincide", "low-ps-decreasing", "high-ps-constant");
        holds(r, "feasible", "non-increasing-in-ps", "low-ps-coincide");
    }

    @Test
    void fig5SensingAtIrsWithTheGlobalBound() {
        FigureResult r = run(new PowerSweepFigure("fig5", false, SMALL));
        kind(r, Check.Kind.INVARIANT, "feasible", "proposed-best", "non-increasing-in-pt", "above-bound");
        kind(r, Check.Kind.PAPER, "proposed-below-passive", "transmit-below-reflective", "transmit-matches-proposed-high-pt");
        kind(r, Check.Kind.EXTENSION, "amax-irrelevant", "below-joint-passive", "proposed-globally-optimal");
        holds(r, "feasible", "proposed-best", "non-increasing-in-pt", "above-bound");
        Series bound = series(r, "Global lower bound");
        Series p8 = series(r, "Proposed, a_max = 8");
        for (int i = 0; i < bound.y().length; i++) {
            assertTrue(p8.y()[i] >= bound.y()[i] * (1 - 1e-9), "proposed above the bound at point " + i);
        }
        Table t = r.extraTables().stream().filter(x -> x.fileName().equals("fig5-global-optimality.csv")).findFirst().orElseThrow();
        assertEquals(List.of("curve", "P_t_W", "realization", "max_crb", "bound", "relative_excess", "globally_optimal"), t.header());
        assertEquals(3 * 3, t.rows().size(), "three proposed curves, three P_t, one realization");
        long marked = t.rows().stream().filter(row -> row.get(6).equals("true")).count();
        assertTrue(check(r, "proposed-globally-optimal").detail().startsWith(marked + " of 9"), check(r, "proposed-globally-optimal").detail());
        assertTrue(r.caption().contains("Global lower bound"), r.caption());
    }

    @Test
    void fig6BudgetSweepAtIrsStatesTheTransmitOnlyRange() {
        FigureResult r = run(new BudgetSweepFigure("fig6", false, SMALL));
        kind(r, Check.Kind.INVARIANT, "feasible", "non-increasing-in-ps");
        kind(r, Check.Kind.PAPER, "low-ps-coincide", "low-ps-decreasing", "transmit-matches-proposed");
        kind(r, Check.Kind.EXTENSION, "high-ps-constant", "floor-ordered-by-pt", "transmit-matches-range");
        holds(r, "feasible", "non-increasing-in-ps");
        assertTrue(check(r, "transmit-matches-range").detail().contains("P_t C_BI / P_s"), check(r, "transmit-matches-range").detail());
        assertTrue(r.caption().contains("Transmit BF only coincides with the proposed design"), r.caption());
    }

    @Test
    void fig7Antennas() {
        // M capped at 8 (the small IRS has N = 4, so larger M reduce to rank 4 anyway)
        FigureResult r = run(new Fig7Antennas(m -> Scenario.paper(Math.min(m, 8)).withIrsArrays(AngleUpa.halfWavelength(2, 2),
                AngleUpa.halfWavelength(2, 2))));
        kind(r, Check.Kind.INVARIANT, "feasible", "non-increasing-in-m", "above-bound");
        kind(r, Check.Kind.PAPER, "bs-decreasing", "bs-saturates", "irs-much-lower", "irs-proposed-decreasing",
                "irs-isotropic-independent-of-m");
        kind(r, Check.Kind.EXTENSION, "proposed-globally-optimal", "bs-isotropic-decreasing");
        holds(r, "feasible", "non-increasing-in-m", "above-bound", "irs-much-lower");
        assertTrue(series(r, "Global lower bound") != null);
    }

    @Test
    void fig7SaturationDiagnosisFollowsTheAxisItWasMeasuredOn() {
        // the BS curve of a 100-realization full run (M = 4 .. 32 step 4), then the quick axis's three points
        double[] m = {4, 8, 12, 16, 20, 24, 28, 32};
        double[] bs = {7.388e-3, 8.203e-4, 3.386e-4, 2.161e-4, 1.600e-4, 1.305e-4, 1.117e-4, 9.931e-5};
        String full = Fig7Antennas.saturationDiagnosis(m, bs, false);
        // ln(1.117e-4 / 9.931e-5) / ln(32 / 28) = 0.880
        assertTrue(full.contains("M = 28 -> 32") && full.contains("M^-0.88"), full);
        assertFalse(full.contains("quick"), full);
        String quick = Fig7Antennas.saturationDiagnosis(new double[] {4, 16, 32}, new double[] {7.4e-3, 2.2e-4, 9.9e-5}, true);
        assertTrue(quick.contains("quick axis (M = 4, 16, 32)"), quick);
    }

    @Test
    void failedChecksBecomeCaptionDeparturesWithTheirDiagnosis() {
        String d = FangFigure.departures(List.of(Check.paper("larger-amax-lower", "a larger a_max gives a lower max-CRB", true, "ok"),
                Check.extension("below-joint-passive", "below the joint passive IRS", false, "crossover at 25 W"),
                Check.paper("unexplained", "some claim nobody explained", false, "evidence")));
        assertTrue(d.contains("FAILED extension: below the joint passive IRS does not hold (crossover at 25 W)"), d);
        assertTrue(d.contains("Why: a passive IRS reflects all the incident power"), d);
        assertTrue(d.contains("DEPARTURE from the paper: some claim nobody explained does not hold (evidence); not diagnosed."), d);
        assertFalse(d.contains("a larger a_max"), d);
        // a detail that carries its diagnosis already is not followed by it a second time
        String once = FangFigure.departures(List.of(Check.paper("transmit-below-reflective", "transmit below reflective", false,
                "ratio 1.8" + FangFigure.why("transmit-below-reflective"))));
        assertEquals(1, once.split("transmit-only wins only", -1).length - 1, once);
    }
}
