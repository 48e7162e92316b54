package org.cosense.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.cosense.InvalidInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproducerTest {
    @TempDir
    static Path tmp;
    static Reproducer.Summary one;
    static Path dir1;

    @BeforeAll
    static void runDummyOnOneThread() {
        dir1 = tmp.resolve("t1");
        one = Reproducer.run(dir1, Catalog.system("dummy").experiments(), new Reproducer.Options(null, 1, 5, true, null));
    }

    @Test
    void writesEveryFileAndTheReport() throws Exception {
        Path d = dir1.resolve("dummy");
        for (String f : List.of("fig1.csv", "fig1.json", "fig1.svg", "fig1.png", "fig2.csv", "fig2-doas.csv", "fig2.svg",
                "fig2.png", "fig10.png", "table1.csv", "table1.json")) {
            assertTrue(Files.size(d.resolve(f)) > 0, f);
        }
        assertFalse(Files.exists(d.resolve("table1.png")), "a table-only figure has no plot");
        assertEquals(4, one.figures().size());
        assertTrue(one.failures().isEmpty());
        Reproducer.FigureSummary fig2 = one.figures().stream().filter(f -> f.qualifiedId().equals("dummy.fig2")).findFirst().orElseThrow();
        assertEquals("paper 1/1  invariants 1/1", fig2.checkLine());
        assertEquals(dir1.resolve("report.html"), one.report());

        BufferedImage png = ImageIO.read(d.resolve("fig10.png").toFile());
        assertEquals(2 * Plots.PANEL_WIDTH, png.getWidth(), "three panels on a 2-column grid");
        assertEquals(2 * Plots.PANEL_HEIGHT, png.getHeight());
        assertTrue(Files.readString(d.resolve("fig1.svg")).startsWith("<?xml"));
    }

    @Test
    void csvHeadersAndContent() throws Exception {
        Path d = dir1.resolve("dummy");
        List<String> fig1 = Files.readAllLines(d.resolve("fig1.csv"));
        assertEquals("series,x,y,y_lo,y_hi,trials", fig1.get(0));
        assertTrue(fig1.get(1).startsWith("sample mean (MC),-10.0,"));
        assertTrue(fig1.get(1).endsWith(",20"), "quick trials: " + fig1.get(1));
        assertTrue(fig1.stream().anyMatch(l -> l.startsWith("CRB,") && l.endsWith(",,,")));
        assertTrue(fig1.contains("\"3 × CRB, unidentifiable at 5 dB\",5.0,inf,,,"));
        List<String> fig2 = Files.readAllLines(d.resolve("fig2.csv"));
        assertEquals("series,x,y", fig2.get(0));
        assertTrue(fig2.get(1).startsWith("spectrum (dB)|ν=-0.75,-1.0,"));
        assertEquals(1 + 41 * 31, fig2.size());
        assertEquals("parameter,value", Files.readAllLines(d.resolve("table1.csv")).get(0));
    }

    @Test
    void csvIsBitIdenticalForAnyThreadCount() throws Exception {
        Path dir2 = tmp.resolve("t2");
        Reproducer.run(dir2, List.of(Catalog.figure("dummy.fig1"), Catalog.figure("dummy.fig10")),
                new Reproducer.Options(null, 2, 5, true, null));
        // The plots too: they are drawn from the same data, and the SVG's ids are fixed.
        for (String f : List.of("fig1.csv", "fig10.csv", "fig1.svg", "fig10.svg")) {
            assertArrayEquals(Files.readAllBytes(dir1.resolve("dummy").resolve(f)), Files.readAllBytes(dir2.resolve("dummy").resolve(f)), f);
        }
    }

    @Test
    void sidecarRecordsTheRun() throws Exception {
        Sidecar s = Sidecar.read(dir1.resolve("dummy/fig1.json"));
        assertEquals("dummy.fig1", s.qualifiedId());
        assertEquals(20, s.trials());
        assertTrue(s.quick());
        assertEquals(5, s.seed());
        assertEquals(1, s.threads());
        assertEquals("dev", s.cosenseVersion());
        assertEquals(List.of("fig1.csv", "fig1.svg", "fig1.png", "fig1.json"), s.files());
        assertEquals(1, s.checks().size());
        assertEquals("rmse-decreases", s.checks().get(0).id());
        assertEquals(Check.Kind.PAPER, s.checks().get(0).kind());
        assertEquals(10, ((Number) s.parameters().get("samples")).intValue());
        assertNull(s.error());
        String json = Files.readString(dir1.resolve("dummy/fig1.json"));
        for (String key : List.of("\"system\"", "\"title\"", "\"caption\"", "\"paperBehaviour\"", "\"javaVersion\"",
                "\"runtimeSeconds\"", "\"timestamp\"", "\"id\" : \"rmse-decreases\"", "\"kind\" : \"paper\"")) {
            assertTrue(json.contains(key), key);
        }
        Sidecar fig2 = Sidecar.read(dir1.resolve("dummy/fig2.json"));
        assertEquals(List.of(Check.Kind.PAPER, Check.Kind.INVARIANT), fig2.checks().stream().map(Check::kind).toList());
        assertEquals(new CheckTally(1, 1, 1, 1, 0, 0), fig2.tally());
        // Deterministic figures run once whatever the options say.
        assertEquals(1, Sidecar.read(dir1.resolve("dummy/fig2.json")).trials());
    }

    @Test
    void reportListsEveryFigureAndKeepsEarlierOnes() throws Exception {
        Path d = tmp.resolve("t3");
        Reproducer.run(d, List.of(Catalog.figure("dummy.fig2")), new Reproducer.Options(3, 1, 1, false, null));
        Reproducer.Summary s = Reproducer.run(d, List.of(Catalog.figure("dummy.table1")), new Reproducer.Options(3, 1, 1, false, null));
        String html = Files.readString(s.report());
        assertTrue(html.contains("dummy.fig2") && html.contains("dummy.table1"), "both runs in the report");
        assertTrue(html.contains("dummy/fig2.svg"));
        assertTrue(html.contains("commas, &quot;quotes&quot;"), "table figure inlined and escaped");
        assertTrue(html.contains("&lt;sigma/sqrt(N)&gt;"), "paper behaviour escaped");
        assertTrue(html.contains("FAIL") && html.contains("PASS"));
        // fig2: paper 1/1 and one invariant; table1: paper 0/1 and one extension. Invariants are never counted as claims.
        assertTrue(html.contains("Paper claims: 1 passed, 1 failed (of 2). Invariants (true by construction, not claims): 1/1 hold. "
                + "Extensions (our additions): 1/1 hold."), html);
        assertTrue(html.contains("<code>grid-covers-sources</code>") && html.contains("class=\"kind invariant\""), "each check's id and kind");
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("http://") || html.contains("https://"), "no external resources");

        String full = Files.readString(one.report());
        for (Experiment e : Catalog.system("dummy").experiments()) {
            assertTrue(full.contains("id=\"" + e.qualifiedId() + "\""), e.qualifiedId());
        }
        assertTrue(full.indexOf("id=\"dummy.fig2\"") < full.indexOf("id=\"dummy.fig10\""), "natural order");
    }

    @Test
    void trialCounts() {
        Experiment fig1 = Catalog.figure("dummy.fig1");
        assertEquals(200, Reproducer.trialsFor(fig1, new Reproducer.Options(null, 1, 1, false, null)));
        assertEquals(20, Reproducer.trialsFor(fig1, new Reproducer.Options(null, 1, 1, true, null)));
        assertEquals(7, Reproducer.trialsFor(fig1, new Reproducer.Options(7, 1, 1, true, null)));
        assertEquals(1, Reproducer.trialsFor(Catalog.figure("dummy.fig2"), new Reproducer.Options(7, 1, 1, false, null)));
        assertThrows(InvalidInputException.class, () -> new Reproducer.Options(0, 1, 1, false, null));
        assertThrows(InvalidInputException.class, () -> new Reproducer.Options(null, 0, 1, false, null));
    }

    @Test
    void failingFigureIsRecordedAndOthersStillRun() throws Exception {
        Experiment bad = new Experiment() {
            public String system() { return "dummy"; }
            public String id() { return "broken"; }
            public String title() { return "Broken"; }
            public String paperBehaviour() { return "-"; }
            public int defaultTrials() { return 0; }
            public int quickTrials() { return 0; }
            public FigureResult run(RunContext ctx) { throw new IllegalStateException("bug inside"); }
        };
        Path d = tmp.resolve("t4");
        Reproducer.Summary s = Reproducer.run(d, List.of(bad, Catalog.figure("dummy.table1")), new Reproducer.Options(null, 1, 1, true, null));
        assertEquals(1, s.failures().size());
        assertEquals("bug inside", s.failures().get(0).failure().getMessage());
        assertTrue(Files.exists(d.resolve("dummy/table1.csv")));
        assertTrue(Files.readString(s.report()).contains("bug inside"));
    }
}
