package org.cosense.lab.determinism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cosense.lab.Catalog;
import org.cosense.lab.EmbeddedEngine;
import org.cosense.lab.Experiment;
import org.cosense.lab.RecordingEngine;
import org.cosense.lab.ReplayEngine;
import org.cosense.lab.Reproducer;
import org.cosense.lab.Sidecar;
import org.cosense.lab.TrialBatch;
import org.cosense.lab.TrialEngine;
import org.cosense.lab.TrialRebuildException;
import org.cosense.lab.TrialReplay;
import org.cosense.lab.TrialRun;
import org.cosense.lab.dummy.ChainedCallsSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A figure's files do not depend on where its trials ran. The replay engine drops every trial
 * function a figure passes and rebuilds it from the catalog the way a cluster worker does
 * ({@link TrialReplay}); its CSVs must equal the embedded engine's byte for byte. The figures cover
 * one Monte Carlo call (hua3d table1), a second call set up from the first one's results (the test
 * figure {@link ChainedCallsSystem}; hua3d fig10 does the same at a larger cost) and a sequential
 * sweep (wangmultistatic fig5).
 */
class EnginesGiveIdenticalCsvsTest {
    @TempDir
    Path tmp;

    @Test
    void replayedTrialsGiveTheEmbeddedEnginesCsvs() throws IOException {
        same("hua3d", List.of("table1"), null);
        same("wangmultistatic", List.of("fig5"), 1);
        same(ChainedCallsSystem.SYSTEM, List.of("fig1"), null);
    }

    private void same(String system, List<String> figures, Integer trials) throws IOException {
        List<Experiment> es = Catalog.select(system, figures);
        Path a = tmp.resolve(system + "-embedded");
        Path b = tmp.resolve(system + "-replay");
        TrialReplay.clear();
        run(a, es, trials, new EmbeddedEngine(2));
        run(b, es, trials, new ReplayEngine(1));
        SameCsvs.assertSame(a.resolve(system), b.resolve(system), figures.size(),
                system + ", embedded vs replay engine");
        for (String id : figures) {
            assertEquals("replay", Sidecar.read(b.resolve(system).resolve(id + ".json")).engine(), "sidecar records the engine");
        }
    }

    private static void run(Path out, List<Experiment> es, Integer trials, TrialEngine engine) {
        Reproducer.Summary s = Reproducer.run(out, es, new Reproducer.Options(trials, 1, 1, true, null, engine));
        assertTrue(s.failures().isEmpty(), () -> engine.name() + ": " + s.failures());
    }

    @Test
    void aWorkerThatCannotRebuildSaysWhichFigureAndWhy() {
        TrialBatch unknown = new TrialBatch(new TrialRun("nosuch.fig1", 2, 1, true), 0, "nosuch.fig1", 1, 1, 2, List.of());
        TrialRebuildException e = assertThrows(TrialRebuildException.class, () -> TrialReplay.trialFor(unknown));
        assertTrue(e.getMessage().startsWith("cannot rebuild the trials of nosuch.fig1 on this worker: the figure is not in its catalog"),
                e.getMessage());

        // hua3d fig7 makes one Monte Carlo call: asking for its second cannot be answered.
        String fig7 = "hua3d.fig7";
        RecordingEngine recording = new RecordingEngine().record(fig7, 2, 1);
        List<TrialBatch> seen = recording.batches();
        List<double[][][]> results = recording.results();
        assertEquals(1, seen.size(), "hua3d fig7 makes one Monte Carlo call");
        TrialBatch first = seen.get(0);
        TrialBatch second = new TrialBatch(first.run(), 1, fig7, 1, 1, 2, results);
        e = assertThrows(TrialRebuildException.class, () -> TrialReplay.trialFor(second));
        assertTrue(e.getMessage().contains("made only 1 Monte Carlo calls"), e.getMessage());

        // A driver and a worker that disagree on the call (different seed here) are caught, not computed.
        TrialBatch otherSeed = new TrialBatch(first.run(), 0, fig7, 99, first.points(), first.trials(), List.of());
        e = assertThrows(TrialRebuildException.class, () -> TrialReplay.trialFor(otherSeed));
        assertTrue(e.getMessage().contains("the replay reached call #0 'hua3d.fig7' (seed 1"), e.getMessage());
    }
}
