package org.cosense.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cosense.InvalidInputException;
import org.junit.jupiter.api.Test;

class CatalogTest {
    @Test
    void findsTheDummySystemAndBenchmarks() {
        assertTrue(Catalog.systems().stream().anyMatch(p -> p.system().equals("dummy")));
        assertTrue(Catalog.benchmarks().stream().map(Benchmark::name).toList().containsAll(List.of("explode", "sum")));
        assertEquals("fig2", Catalog.figure("dummy", "fig2").id());
        assertEquals("dummy.fig1", Catalog.figure("dummy.fig1").qualifiedId());
    }

    @Test
    void selectsFigures() {
        assertEquals(4, Catalog.select("dummy", List.of()).size());
        assertEquals(List.of("fig2", "fig1"), Catalog.select("dummy", List.of("fig2", "dummy.fig1", "fig2")).stream().map(Experiment::id).toList());
        assertEquals(1, Catalog.select("all", List.of("dummy.fig1")).size());
        assertTrue(Catalog.select("all", null).size() >= 4);
    }

    @Test
    void unknownIdsNameWhatIsAllowed() {
        String m = assertThrows(InvalidInputException.class, () -> Catalog.system("nope")).getMessage();
        assertTrue(m.contains("nope") && m.contains("dummy"), m);
        m = assertThrows(InvalidInputException.class, () -> Catalog.figure("dummy", "fig99")).getMessage();
        assertTrue(m.contains("fig99") && m.contains("fig1, fig2"), m);
        m = assertThrows(InvalidInputException.class, () -> Catalog.select("all", List.of("fig1"))).getMessage();
        assertTrue(m.contains("qualified"), m);
        m = assertThrows(InvalidInputException.class, () -> Catalog.benchmark("zzz")).getMessage();
        assertTrue(m.contains("zzz") && m.contains("explode") && m.contains("sum"), m);
        assertThrows(InvalidInputException.class, () -> new BenchOptions(0, 1, 1));
    }
}
