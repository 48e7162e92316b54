package org.cosense.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cosense.lab.determinism.SameCsvs;
import org.cosense.lab.dummy.ChainedCallsSystem;
import org.cosense.lab.Catalog;
import org.cosense.lab.EmbeddedEngine;
import org.cosense.lab.Experiment;
import org.cosense.lab.FigureResult;
import org.cosense.lab.Progress;
import org.cosense.lab.Reproducer;
import org.cosense.lab.RunContext;
import org.cosense.lab.Sidecar;
import org.cosense.lab.TrialBatch;
import org.cosense.lab.TrialEngine;
import org.cosense.lab.TrialRebuildException;
import org.cosense.lab.TrialReplay;
import org.cosense.lab.TrialRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A figure reproduced on Spark {@code local[2]} writes the embedded engine's CSVs byte for byte, and
 * its sidecar (written with the Jackson that Spark ships) names the engine. The figures cover one
 * Monte Carlo call (hua3d table1), a sequential sweep (wangmultistatic fig5) and two calls whose
 * second is set up from the first's results ({@link ChainedCallsSystem}; hua3d fig10 does the same
 * but takes too long for the build); Spark's listener brings every call's progress to its size. One Spark context serves the class: starting
 * one takes seconds.
 */
class SparkEngineGivesEmbeddedCsvsTest {
    private static SparkEngine spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = new SparkEngine("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    @Test
    void figuresOfTwoSystemsAndChainedCallsGiveTheEmbeddedEnginesCsvs() throws IOException {
        same("hua3d", List.of("table1"), null);
        same("wangmultistatic", List.of("fig5"), 1);
        same(ChainedCallsSystem.SYSTEM, List.of("fig1"), null);
    }

    private void same(String system, List<String> figures, Integer trials) throws IOException {
        List<Experiment> es = Catalog.select(system, figures);
        Path a = tmp.resolve(system + "-embedded");
        Path b = tmp.resolve(system + "-spark");
        TrialReplay.clear();
        run(a, es, trials, new EmbeddedEngine(2), null);
        // per label: {largest done, total, number of updates}
        Map<String, long[]> progress = new ConcurrentHashMap<>();
        run(b, es, trials, spark, (label, done, total) -> progress.merge(label, new long[] {done, total, 1},
                (x, y) -> new long[] {Math.max(x[0], y[0]), y[1], x[2] + 1}));
        SameCsvs.assertSame(a.resolve(system), b.resolve(system), figures.size(),
                system + ", embedded engine vs Spark local[2]");
        for (String id : figures) {
            assertEquals("spark local[2]", Sidecar.read(b.resolve(system).resolve(id + ".json")).engine(),
                    "the sidecar records the engine");
        }
        assertFalse(progress.isEmpty(), "Spark reports progress");
        progress.forEach((label, p) -> {
            assertEquals(p[1], p[0], label + ": progress reaches the call's size");
            // one update per finished task (the shards of local[2]), not only a closing one
            assertTrue(p[2] >= Math.min(p[1], 2L * SparkEngine.TASKS_PER_CORE), label + ": " + p[2] + " updates");
        });
    }

    private static void run(Path out, List<Experiment> es, Integer trials, TrialEngine engine, Progress progress) {
        Reproducer.Summary s = Reproducer.run(out, es, new Reproducer.Options(trials, 1, 1, true, progress, engine));
        assertTrue(s.failures().isEmpty(), () -> engine.name() + ": " + s.failures());
    }

    /** A figure the driver has but the workers' catalog lacks: every worker fails to rebuild its trials. */
    private record NotInCatalog() implements Experiment {
        @Override
        public String system() {
            return "sparkcheck";
        }

        @Override
        public String id() {
            return "fig1";
        }

        @Override
        public String title() {
            return "A figure the workers cannot find";
        }

        @Override
        public String paperBehaviour() {
            return "none";
        }

        @Override
        public int defaultTrials() {
            return 4;
        }

        @Override
        public int quickTrials() {
            return 4;
        }

        @Override
        public FigureResult run(RunContext ctx) {
            ctx.monteCarlo().run("sparkcheck", ctx.seed(), 2, ctx.trials(), (p, t, rng) -> new double[] {rng.nextGaussian()});
            throw new AssertionError("the Monte Carlo call must fail on the workers");
        }
    }

    @Test
    void aWorkerThatCannotRebuildFailsItsFigureWithTheWorkersMessage() {
        Reproducer.Summary s = Reproducer.run(tmp.resolve("failing"), List.of(new NotInCatalog()),
                new Reproducer.Options(null, 1, 1, true, null, spark));
        assertEquals(1, s.failures().size(), "one failing figure");
        RuntimeException failure = s.failures().get(0).failure();
        assertTrue(failure instanceof TrialRebuildException, failure.getClass().getName());
        String m = failure.getMessage();
        assertTrue(m.startsWith("cannot rebuild the trials of sparkcheck.fig1 on this worker: the figure is not in its catalog"), m);
        assertFalse(m.contains("\n"), "one line, not a Spark stack dump: " + m);
        assertFalse(m.contains("Job aborted"), m);

        TrialBatch outside = new TrialBatch(null, 0, "loose", 1, 1, 1, List.of());
        TrialRebuildException e = assertThrows(TrialRebuildException.class, () -> spark.execute(outside, null, null));
        assertTrue(e.getMessage().contains("outside a catalog figure"), e.getMessage());
    }
}
