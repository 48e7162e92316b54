package org.cosense.lab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rebuilds a figure's trial function in a JVM that did not run the figure (a cluster worker).
 * Trial functions close over model objects and cannot be shipped; what can be shipped is the
 * {@link TrialBatch}: the figure's qualified id, the run's settings, the call's position and the
 * results of the earlier calls. The worker looks the figure up in the {@link Catalog} and runs it
 * again with an engine that answers the earlier calls with their shipped results, and at the
 * wanted call keeps the trial function and stops the figure. Figures are deterministic given
 * their Monte Carlo results, so the rebuilt function is the driver's. It is built once per JVM
 * and call, then reused for every shard of that call.
 *
 * <p>The cache keeps the {@value #CAPACITY} most recently used functions. A figure's calls run one
 * after the other and every shard of a call is done before the next call starts, so an executor
 * that serves many reproductions over its lifetime holds only the model objects of the latest
 * calls instead of every figure it ever rebuilt.
 */
public final class TrialReplay {
    /** Rebuilt trial functions kept per JVM. */
    static final int CAPACITY = 8;

    private static final Map<Key, MonteCarlo.Trial> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, MonteCarlo.Trial> eldest) {
            return size() > CAPACITY;
        }
    };

    private record Key(TrialRun run, int call) {
    }

    private TrialReplay() {
    }

    /** The trial function of {@code batch}, rebuilt from the catalog (cached per JVM). */
    public static MonteCarlo.Trial trialFor(TrialBatch batch) {
        if (batch.run() == null) {
            throw new TrialRebuildException(batch.describe() + " does not belong to a catalog figure, so it can run only on the embedded engine");
        }
        Key key = new Key(batch.run(), batch.call());
        // One lock: concurrent shards of one call wait for a single rebuild instead of each replaying the figure.
        synchronized (CACHE) {
            MonteCarlo.Trial trial = CACHE.get(key);
            if (trial == null) {
                trial = rebuild(batch);
                CACHE.put(key, trial);
            }
            return trial;
        }
    }

    /** Forgets the rebuilt functions (tests; a long-lived worker between reproductions). */
    public static void clear() {
        synchronized (CACHE) {
            CACHE.clear();
        }
    }

    /** How many rebuilt functions this JVM holds. */
    static int cached() {
        synchronized (CACHE) {
            return CACHE.size();
        }
    }

    private static MonteCarlo.Trial rebuild(TrialBatch wanted) {
        TrialRun run = wanted.run();
        Experiment e;
        try {
            e = Catalog.figure(run.experiment());
        } catch (RuntimeException ex) {
            throw new TrialRebuildException("cannot rebuild the trials of " + run.experiment()
                    + " on this worker: the figure is not in its catalog (" + ex.getMessage() + ")");
        }
        Replaying engine = new Replaying(wanted);
        RunContext ctx = new RunContext(run.trials(), 1, run.seed(), run.quick(), Progress.SILENT,
                new TrialSession(engine, run));
        try {
            e.run(ctx);
        } catch (Captured c) {
            return c.trial;
        } catch (RuntimeException ex) {
            throw new TrialRebuildException("cannot rebuild the trials of " + run.experiment() + " " + wanted.describe()
                    + " on this worker: the figure failed while replaying (" + ex + ")");
        }
        throw new TrialRebuildException("cannot rebuild the trials of " + run.experiment() + " " + wanted.describe()
                + " on this worker: the replayed figure made only " + engine.calls + " Monte Carlo calls");
    }

    /** Answers earlier calls from the shipped results; at the wanted call, captures its trial function. */
    private static final class Replaying implements TrialEngine {
        private final TrialBatch wanted;
        private int calls;

        Replaying(TrialBatch wanted) {
            this.wanted = wanted;
        }

        @Override
        public String name() {
            return "replay";
        }

        @Override
        public double[][][] execute(TrialBatch b, MonteCarlo.Trial trial, Progress progress) {
            calls++;
            if (b.call() < wanted.call()) {
                return wanted.previous().get(b.call());
            }
            if (!b.sameCallAs(wanted)) {
                throw new TrialRebuildException("cannot rebuild the trials of " + wanted.run().experiment()
                        + " on this worker: the driver ran " + wanted.describe() + ", the replay reached " + b.describe()
                        + " (the figure is not deterministic, or driver and worker run different versions)");
            }
            throw new Captured(trial);
        }
    }

    /**
     * Stops the replayed figure at the wanted call. An {@link Error}, so a figure that catches
     * {@code RuntimeException} around its Monte Carlo calls cannot swallow it.
     */
    private static final class Captured extends Error {
        private final transient MonteCarlo.Trial trial;

        Captured(MonteCarlo.Trial trial) {
            super(null, null, false, false);
            this.trial = trial;
        }
    }
}
