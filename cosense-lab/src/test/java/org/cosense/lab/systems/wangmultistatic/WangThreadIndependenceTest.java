package org.cosense.lab.systems.wangmultistatic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cosense.lab.Experiment;
import org.cosense.lab.FigureResult;
import org.cosense.lab.LinePanel;
import org.cosense.lab.Panel;
import org.cosense.lab.RunContext;
import org.cosense.lab.Series;
import org.junit.jupiter.api.Test;

/**
 * Every wangmultistatic figure gives bit-identical results with 1 and 2 threads: every series (y and trial counts), every
 * table, every check and the caption. Quick settings with one layout per point for figs 2–6 (the fixed layout set is
 * still searched in parallel batches) and 64 pulses for fig7 and {@code position}.
 */
class WangThreadIndependenceTest {
    @Test
    void everyFigureIsBitIdenticalForOneAndTwoThreads() {
        WangSimulation.Setting small = WangSimulation.Setting.paper().withPulses(64);
        List<Experiment> figures = List.of(new SchemeSweepFigure("fig2", SchemeSweepFigure.Axis.RATE),
                new SchemeSweepFigure("fig3", SchemeSweepFigure.Axis.TRANSMIT), new SchemeSweepFigure("fig4", SchemeSweepFigure.Axis.RECEIVE),
                new Fig5SelectionTradeoff(), new Fig6GroupSize(), new Fig7MatchedFilter(small), new PositionFigure(small));
        assertEquals(new WangExperiments().experiments().stream().map(Experiment::id).toList(),
                figures.stream().map(Experiment::id).toList(), "every figure of the system is covered");
        for (Experiment e : figures) {
            int trials = e instanceof WangFigure ? 1 : 3;
            FigureResult one = e.run(new RunContext(trials, 1, 9, true, null));
            FigureResult two = e.run(new RunContext(trials, 2, 9, true, null));
            String id = e.id();
            assertEquals(one.caption(), two.caption(), id);
            assertEquals(one.checks(), two.checks(), id);
            assertEquals(one.extraTables(), two.extraTables(), id);
            assertEquals(one.mainTable(), two.mainTable(), id);
            assertEquals(one.panels().size(), two.panels().size(), id);
            int compared = 0;
            for (int p = 0; p < one.panels().size(); p++) {
                Panel a = one.panels().get(p);
                Panel b = two.panels().get(p);
                if (a instanceof LinePanel la && b instanceof LinePanel lb) {
                    assertEquals(la.series().size(), lb.series().size(), id);
                    for (int s = 0; s < la.series().size(); s++) {
                        Series x = la.series().get(s);
                        Series y = lb.series().get(s);
                        assertEquals(x.name(), y.name(), id);
                        assertArrayEquals(x.x(), y.x(), id + " " + x.name());
                        assertArrayEquals(x.y(), y.y(), id + " " + x.name());
                        assertArrayEquals(x.trials(), y.trials(), id + " " + x.name());
                        compared++;
                    }
                }
            }
            assertTrue(compared > 0, id + ": no series compared");
            for (Map.Entry<String, Object> en : one.parameters().entrySet()) {
                assertTrue(Objects.deepEquals(en.getValue(), two.parameters().get(en.getKey())), id + " parameter " + en.getKey());
            }
        }
    }
}
