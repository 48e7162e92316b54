package org.cosense.lab.systems.wangmultistatic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.cosense.lab.BenchOptions;
import org.cosense.lab.Benchmark;
import org.junit.jupiter.api.Test;

/** The wangmultistatic benchmarks are registered and print the comparison lines (or say why they were skipped). */
class WangBenchmarksTest {
    static String run(Benchmark b, int trials) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        b.run(new BenchOptions(trials, 1, 1), new PrintStream(buf, true, StandardCharsets.UTF_8));
        return buf.toString(StandardCharsets.UTF_8);
    }

    static Benchmark named(String name) {
        return ServiceLoader.load(Benchmark.class).stream().map(ServiceLoader.Provider::get).filter(b -> b.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("benchmark " + name + " is not registered"));
    }

    @Test
    void matchedFilterBenchmarkPrintsTimesRatioAndAgreement() {
        String out = run(named("wang-mf"), 3);
        System.out.print(out);
        if (!out.contains("skipped")) {
            assertTrue(out.contains("cosense: ") && out.contains(" ms/estimate"), out);
            assertTrue(out.contains("ratio: "), out);
            assertTrue(out.contains("estimates agree: yes"), out);
        }
    }

    @Test
    void beamformingBenchmarkPrintsTimesRatiosAndEqualOptima() {
        String out = run(named("wang-beamforming"), 2);
        System.out.print(out);
        assertTrue(out.contains("cosense: ") && out.contains(" ms/solve"), out);
        assertTrue(out.contains("ratio: "), out);
        assertTrue(out.contains("optima agree (direct): yes"), out);
        if (!out.contains("csdp: skipped")) {
            assertTrue(out.contains("optima agree (csdp): yes"), out);
        }
    }
}
