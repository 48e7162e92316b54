package org.cosense.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Headline numbers of repeated benchmark runs: which lines count, how they are aligned across runs, what is summarized. */
class BenchRepeatsTest {
    private static String run(double cpu, double ratio, double anmRatio, double hours) {
        return String.join("\n",
                "== fang-figures: ... (--trials 1)",
                "fig3: 5 points x 7 curves; new 36.6 CPU-s/realization",
                String.format(java.util.Locale.ROOT, "cosense: %.1f s/realization of figs 3-7 (CPU time)", cpu),
                String.format(java.util.Locale.ROOT, "ratio: %.2fx (reference / new)", ratio),
                String.format(java.util.Locale.ROOT, "ratio: %.1fx vs cvxopt (total time, 12.0 ms)", anmRatio),
                String.format(java.util.Locale.ROOT, "projected wall time of figs 3-7 at 100 realizations on 2 cores: %.2f h", hours),
                "max objective change: 1.44e-01 (relative)");
    }

    @Test
    void headlinesAreTheCosenseRatioAndProjectionLinesInOrder() {
        List<BenchRepeats.Headline> h = BenchRepeats.headlines(run(159.8, 2.92, 28.0, 2.22));
        assertEquals(4, h.size(), h.toString());
        assertEquals("cosense", h.get(0).label());
        assertEquals(159.8, h.get(0).value());
        assertEquals("s/realization of figs", h.get(0).unit());
        assertEquals("x", h.get(1).unit());
        assertEquals("x vs cvxopt", h.get(2).unit());
        assertEquals(2.22, h.get(3).value());
        assertEquals("h", h.get(3).unit());
    }

    @Test
    void eachQuantityIsSummarizedByMedianAndRangeAcrossRuns() {
        List<String> lines = BenchRepeats.summarize(List.of(run(158.0, 2.9, 28.0, 2.19), run(138.9, 3.1, 30.0, 1.93),
                run(142.6, 3.0, 29.0, 1.98), run(139.1, 3.2, 27.0, 1.93)));
        assertEquals(4, lines.size(), lines.toString());
        assertEquals("repeat: cosense: median 140.9 s/realization of figs (min 138.9, max 158.0 over 4 runs: 158.0, 138.9, 142.6, 139.1)",
                lines.get(0));
        assertEquals("repeat: ratio: median 3.050 x (min 2.900, max 3.200 over 4 runs: 2.900, 3.100, 3.000, 3.200)", lines.get(1));
        assertEquals("repeat: ratio: median 28.50 x vs cvxopt (min 27.00, max 30.00 over 4 runs: 28.00, 30.00, 29.00, 27.00)",
                lines.get(2));
        assertEquals("repeat: projected wall time of figs 3-7 at 100 realizations on 2 cores: median 1.955 h (min 1.930, max 2.190 over 4 runs: "
                + "2.190, 1.930, 1.980, 1.930)", lines.get(3));
    }

    @Test
    void repeatedLinesOfOneShapeAreAlignedByTheirOrder() {
        String a = "MUSIC\ncosense: 0.50 ms/call\nESPRIT\ncosense: 0.20 ms/call";
        String b = "MUSIC\ncosense: 0.70 ms/call\nESPRIT\ncosense: 0.10 ms/call";
        assertEquals(List.of("repeat: cosense: median 0.6000 ms/call (min 0.5000, max 0.7000 over 2 runs: 0.5000, 0.7000)",
                "repeat: cosense (line 2): median 0.1500 ms/call (min 0.1000, max 0.2000 over 2 runs: 0.2000, 0.1000)"),
                BenchRepeats.summarize(List.of(a, b)));
    }

    @Test
    void aQuantityMissingFromARunIsNamedNotSummarized() {
        List<String> lines = BenchRepeats.summarize(List.of("cosense: 1.0 ms/solve\nratio: 2.0x", "cosense: 3.0 ms/solve"));
        assertEquals(List.of("repeat: cosense: median 2.000 ms/solve (min 1.000, max 3.000 over 2 runs: 1.000, 3.000)",
                "repeat: ratio x: in 1 of 2 runs only, not summarized"), lines);
    }
}
