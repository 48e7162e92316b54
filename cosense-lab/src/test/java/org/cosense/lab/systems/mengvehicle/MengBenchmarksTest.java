package org.cosense.lab.systems.mengvehicle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.cosense.lab.BenchOptions;
import org.cosense.lab.Benchmark;
import org.junit.jupiter.api.Test;

/** The mengvehicle benchmarks at tiny sizes: the report lines are there and the compared methods agree (no timing asserted). */
class MengBenchmarksTest {
    static String run(Benchmark b, int trials) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        b.run(new BenchOptions(trials, 1, 1), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(out);
        assertTrue(out.contains("cosense: ") && out.contains("ratio: "), out);
        return out;
    }

    @Test
    void dwellSolversAgree() {
        assertTrue(run(new DwellBenchmark(), 5).contains("same optimum: yes"));
    }

    @Test
    void zoomedMleEqualsTheFullGrid() {
        assertTrue(run(new MleBenchmark(), 3).contains("same estimates: yes"));
    }
}
