package org.cosense.lab;

import java.util.ArrayList;
import java.util.List;

/** Runs every batch on one embedded thread and keeps each batch and its results, as a driver ships them to workers. */
public final class RecordingEngine implements TrialEngine {
    private final List<TrialBatch> batches = new ArrayList<>();
    private final List<double[][][]> results = new ArrayList<>();

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public double[][][] execute(TrialBatch b, MonteCarlo.Trial trial, Progress progress) {
        batches.add(b);
        double[][][] r = new EmbeddedEngine(1).execute(b, trial, progress);
        results.add(r);
        return r;
    }

    /** The batches in call order. */
    public List<TrialBatch> batches() {
        return batches;
    }

    /** The results of the batches, in call order. */
    public List<double[][][]> results() {
        return results;
    }

    /** Runs catalog figure {@code qualifiedId} on this engine at {@code trials} trials, seed {@code seed}, quick. */
    public RecordingEngine record(String qualifiedId, int trials, long seed) {
        Catalog.figure(qualifiedId).run(new RunContext(trials, 1, seed, true, null,
                new TrialSession(this, new TrialRun(qualifiedId, trials, seed, true))));
        return this;
    }
}
