package org.cosense.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the command in-process against the dummy system of cosense-lab's test jar. */
class MainTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result cosense(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listShowsSystemsFiguresAndBenchmarks() {
        Result r = cosense("list");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("dummy  Test system"), r.out());
        assertTrue(r.out().contains("fig1") && r.out().contains("RMSE of the sample mean vs SNR"));
        assertTrue(r.out().contains("sum") && r.out().contains("explode"));
    }

    @Test
    void reproducePrintsALinePerFigureAndTheReport() throws Exception {
        String dir = tmp.resolve("o").toString();
        Result r = cosense("reproduce", "dummy", "--figure", "fig2,table1", "--figure", "dummy.fig1", "--quick", "--threads", "2",
                "--out", dir);
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(4, lines.length, r.out());
        assertTrue(lines[0].matches("dummy\\.fig2 +\\d+\\.\\d s  paper 1/1  invariants 1/1  -> .*dummy.fig2\\.\\*"), lines[0]);
        assertTrue(lines[1].contains("paper 0/1  extensions 1/1"), lines[1]);
        assertTrue(lines[3].startsWith("report: ") && lines[3].endsWith("report.html"), lines[3]);
        assertTrue(Files.exists(tmp.resolve("o/dummy/fig1.png")));
        assertEquals("", r.err(), "no progress when not on a terminal");
    }

    @Test
    void reproduceAllWithQualifiedFigure() {
        Result r = cosense("reproduce", "all", "--figure", "dummy.table1", "--out", tmp.toString(), "--trials", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("dummy.table1"), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "reproduce nope",
        "reproduce dummy --figure fig99",
        "reproduce all --figure fig1",
        "reproduce dummy --trials abc",
        "reproduce dummy --trials 0",
        "reproduce dummy --threads -1",
        "reproduce dummy --seed x1",
        "reproduce dummy --frobnicate",
        "reproduce",
        "bench nope",
        "bench --trials 0",
        "bench sum --cases a",
        "bench sum --no-baseline",
        "bench doa1d --trials 10",
        "frobnicate",
        "list extra",
        ""
    })
    void userErrorsGiveOneLineAndExitCode2(String line) {
        Result r = cosense(line.isEmpty() ? new String[0] : line.split(" "));
        assertEquals(2, r.code(), line + " → " + r.err());
        assertTrue(r.err().startsWith("cosense: error: "), r.err());
        assertEquals(1, r.err().strip().split("\n").length, "one line: " + r.err());
        assertEquals("", r.out());
    }

    @Test
    void errorMessagesNameParameterValueAndAllowed() {
        assertTrue(cosense("reproduce", "dummy", "--trials", "abc").err().contains("--trials = abc is not allowed: must be a positive integer"));
        String sys = cosense("reproduce", "nope").err();
        assertTrue(sys.contains("system = nope is not allowed: must be one of") && sys.contains("dummy") && sys.contains("hua3d"), sys);
        String e = cosense("reproduce", "dummy", "--frobnicate").err();
        assertTrue(e.contains("--frobnicate") && e.contains("--figure"), e);
        e = cosense("bench", "nope").err();
        assertTrue(e.contains("nope") && e.contains("explode") && e.contains("hua3d-stage1"), e);
        e = cosense("frobnicate").err();
        assertTrue(e.contains("list, reproduce, bench"), e);
    }

    @Test
    void benchRunsByName() {
        Result r = cosense("bench", "sum", "--trials", "10", "--threads", "1", "--seed", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("== sum: sums random numbers") && r.out().contains("sum of 10 uniforms"), r.out());
    }

    @Test
    void benchRepeatShowsEveryRunAndSummarizesTheHeadlineNumbers() {
        Result one = cosense("bench", "sum", "--trials", "10", "--threads", "1", "--seed", "3");
        String mean = one.out().lines().filter(l -> l.startsWith("cosense: ")).findFirst().orElseThrow().split(" ")[1];
        Result r = cosense("bench", "sum", "--trials", "10", "--threads", "1", "--seed", "3", "--repeat", "3");
        assertEquals(0, r.code(), r.err());
        assertEquals(3, r.out().lines().filter(l -> l.startsWith("sum of 10 uniforms")).count(), r.out());
        assertTrue(r.out().contains("-- run 3 of 3"), r.out());
        String m = String.format(java.util.Locale.ROOT, "%.4g", Double.parseDouble(mean));
        assertTrue(r.out().contains("repeat: cosense: median " + m + " per uniform (min " + m + ", max " + m + " over 3 runs"), r.out());
        Result bad = cosense("bench", "sum", "--repeat", "0");
        assertEquals(2, bad.code(), bad.err());
        assertEquals(1, bad.err().strip().split("\n").length, bad.err());
        assertTrue(bad.err().contains("--repeat"), bad.err());
    }

    @Test
    void benchCasesAreValidatedByTheBenchmarkBeforeAnyWork() {
        Result r = cosense("bench", "fang-figures", "--cases", "fig3,fig9", "--trials", "1", "--no-baseline");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("cosense: error: cases (--cases) = fig9 is not allowed: must be among fig3, fig4, fig5, fig6, fig7"),
                r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
    }

    @Test
    void benchRefusesWhatItCannotHonourInsteadOfChangingIt() {
        Result r = cosense("bench", "meng-mle", "--trials", "2");
        assertEquals(2, r.code(), r.err());
        assertEquals("cosense: error: trials (--trials) = 2 is not allowed: >= 3 for meng-mle", r.err().strip());
        r = cosense("bench", "sum", "--cases", "fig3");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("cosense: error: cases (--cases) = fig3 is not allowed: sum has no cases"), r.err());
        r = cosense("bench", "sum", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(--trials 100)"), "the default workload is printed: " + r.out());
    }

    @Test
    void benchVariantsAreValidatedByTheBenchmarkBeforeAnyWork() {
        Result r = cosense("bench", "fang-figures", "--cases", "fig7", "--trials", "1", "--variant", "warm");
        assertEquals(2, r.code(), r.err());
        assertEquals("cosense: error: variant (--variant) = warm is not allowed: must be among warm-started-sca for fang-figures",
                r.err().strip());
        r = cosense("bench", "sum", "--variant", "warm-started-sca");
        assertEquals(2, r.code(), r.err());
        assertEquals("cosense: error: variant (--variant) = warm-started-sca is not allowed: sum has no variants", r.err().strip());
    }

    @Test
    void theRoundingFloorNeedsTheBaseline() {
        Result r = cosense("bench", "fang-figures", "--cases", "fig7", "--trials", "1", "--no-baseline", "--rounding-floor");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("cosense: error: rounding-floor (--rounding-floor) = true is not allowed: needs the baseline"), r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
    }

    @Test
    void bugsAreInternalErrorsWithExitCode1() {
        Result r = cosense("bench", "explode");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("cosense: internal error: java.lang.IllegalStateException: boom"), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace without COSENSE_DEBUG");
    }

    @Test
    void helpAndVersion() {
        Result h = cosense("--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("reproduce") && h.out().contains("bench"));
        Result rh = cosense("reproduce", "--help");
        assertEquals(0, rh.code());
        assertTrue(rh.out().contains("--figure") && rh.out().contains("default: out"), rh.out());
        Result v = cosense("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("cosense "), v.out());
    }
}
