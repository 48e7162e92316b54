package org.cosense.lab.systems.mengvehicle;

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
import org.cosense.lab.MapPanel;
import org.cosense.lab.RunContext;
import org.cosense.lab.Series;
import org.junit.jupiter.api.Test;

/**
 * Smoke tests of the mengvehicle figures at tiny sizes: series names and table headers as declared, unique check ids, every
 * invariant holds; the paper claims asserted are those that hold by construction of the compared schemes.
 */
class MengFiguresTest {
    static FigureResult run(Experiment e, int trials) {
        long t0 = System.nanoTime();
        FigureResult r = e.run(new RunContext(trials, 2, 5, true, null));
        System.out.printf("%s: %.1f s%n", e.id(), (System.nanoTime() - t0) / 1e9);
        assertFalse(r.checks().isEmpty(), e.id() + " has no checks");
        Set<String> ids = new HashSet<>();
        for (Check c : r.checks()) {
            assertTrue(ids.add(c.id()), "duplicate check id " + c.id());
            System.out.println("  " + c.id() + " [" + c.kind().label() + "] " + c.passed() + ": " + c.detail());
            if (c.kind() == Check.Kind.INVARIANT) {
                assertTrue(c.passed(), c.id() + ": " + c.detail());
            }
        }
        return r;
    }

    static Check check(FigureResult r, String id) {
        return r.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no check " + id));
    }

    static List<String> names(FigureResult r) {
        return ((LinePanel) r.panels().get(0)).series().stream().map(Series::name).toList();
    }

    @Test
    void table1() {
        FigureResult r = run(new Table1Association(), 20);
        assertEquals(List.of("associated_bs", "proportion", "min_time_ratio"), r.mainTable().header());
        assertEquals("table1.csv", r.mainTable().fileName());
        assertEquals(List.of("1", "2", "3", "4", "5+"), r.mainTable().rows().stream().map(x -> x.get(0)).toList());
        assertEquals("table1-polyblock.csv", r.extraTables().get(0).fileName());
        assertEquals(r.mainTable().header(), r.extraTables().get(0).header());
        assertTrue(r.parameters().containsKey("polyblock_certified_gap_mean"));
        assertTrue(check(r, "one-bs-never").passed());
    }

    @Test
    void fig3() {
        FigureResult r = run(new Fig3EchoMap(), 1);
        assertTrue(r.panels().get(0) instanceof MapPanel);
        assertEquals(3, ((int[]) r.parameters().get("associated_bs")).length);
    }

    @Test
    void fig4() {
        FigureResult r = run(new Fig4MsePower(), 30);
        assertEquals(List.of("proposed-mle", "proposed-crlb", "average-mle", "average-crlb", "closest-mle", "closest-crlb"), names(r));
        assertTrue(check(r, "proposed-lowest-crlb").passed());
    }

    @Test
    void fig5() {
        FigureResult r = run(new SingleVehicleSweep(SingleVehicleSweep.Axis.ELEMENTS), 6);
        assertEquals(List.of("proposed-r2", "average-r2", "closest-r2", "proposed-r10", "average-r10", "closest-r10"), names(r));
        assertTrue(check(r, "proposed-lowest").passed());
    }

    @Test
    void fig6() {
        FigureResult r = run(new SingleVehicleSweep(SingleVehicleSweep.Axis.BS), 6);
        assertEquals(List.of("proposed-m64", "average-m64", "closest-m64", "proposed-m256", "average-m256", "closest-m256"), names(r));
    }

    @Test
    void fig7() {
        FigureResult r = run(new MultiVehicleSweep(MultiVehicleSweep.Axis.SLOTS_VS_BS), 4);
        assertEquals(List.of("proposed-r5", "closest-r5", "timedivision-r5", "proposed-r20", "closest-r20", "timedivision-r20"), names(r));
    }

    @Test
    void fig8() {
        FigureResult r = run(new MultiVehicleSweep(MultiVehicleSweep.Axis.CRLB_VS_VEHICLES), 4);
        assertEquals(List.of("proposed-b5", "closest-b5", "timedivision-b5", "proposed-b10", "closest-b10", "timedivision-b10"), names(r));
    }

    @Test
    void fig9() {
        FigureResult r = run(new MultiVehicleSweep(MultiVehicleSweep.Axis.CRLB_VS_RADIUS), 4);
        assertEquals(List.of("proposed", "closest", "timedivision"), names(r));
        assertTrue(check(r, "finite-at-zero").passed());
    }
}
