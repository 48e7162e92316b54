package org.cosense.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * The Monte Carlo calls of one figure's run, in order: which engine executes them, which run they
 * belong to, and the results so far (an engine in another JVM replays the figure up to the current
 * call with them). Calls of one run are sequential; the trials inside a call are parallel.
 */
public final class TrialSession {
    private final TrialEngine engine;
    private final TrialRun run;
    private final List<double[][][]> results = new ArrayList<>();

    /** @param run null when the caller is not a catalog figure (then only in-JVM engines work) */
    public TrialSession(TrialEngine engine, TrialRun run) {
        this.engine = java.util.Objects.requireNonNull(engine, "engine");
        this.run = run;
    }

    public TrialEngine engine() {
        return engine;
    }

    public TrialRun run() {
        return run;
    }

    synchronized double[][][] execute(String label, long seed, int points, int trials, MonteCarlo.Trial trial,
            Progress progress) {
        TrialBatch batch = new TrialBatch(run, results.size(), label, seed, points, trials, results);
        double[][][] out = engine.execute(batch, trial, progress);
        results.add(out);
        return out;
    }
}
