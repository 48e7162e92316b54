package org.cosense.lab;

/**
 * How one reproduction is run: trials per point, worker threads, experiment seed, quick mode, where
 * progress goes, and the session whose engine executes the Monte Carlo calls. Results depend only on
 * (seed, trials, quick), never on threads or engine.
 */
public record RunContext(int trials, int threads, long seed, boolean quick, Progress progress, TrialSession session) {
    public RunContext {
        org.cosense.InvalidInputException.positive("trials", trials);
        org.cosense.InvalidInputException.positive("threads", threads);
        if (progress == null) {
            progress = Progress.SILENT;
        }
        if (session == null) {
            session = new TrialSession(new EmbeddedEngine(threads), null);
        }
    }

    /** A run on the embedded engine with {@code threads} threads. */
    public RunContext(int trials, int threads, long seed, boolean quick, Progress progress) {
        this(trials, threads, seed, quick, progress, null);
    }

    /** The Monte Carlo engine configured for this run. */
    public MonteCarlo monteCarlo() {
        return new MonteCarlo(session, progress);
    }

    /** Name of the engine that executes this run's trials (recorded in the sidecar). */
    public String engineName() {
        return session.engine().name();
    }
}
