package org.cosense.lab;

/**
 * How one reproduction is run: trials per point, worker threads, experiment seed, quick mode, and
 * where progress goes. Results depend only on (seed, trials, quick), never on threads.
 */
public record RunContext(int trials, int threads, long seed, boolean quick, Progress progress) {
    public RunContext {
        org.cosense.InvalidInputException.positive("trials", trials);
        org.cosense.InvalidInputException.positive("threads", threads);
        if (progress == null) {
            progress = Progress.SILENT;
        }
    }

    /** The Monte Carlo engine configured for this run. */
    public MonteCarlo monteCarlo() {
        return new MonteCarlo(threads, progress);
    }
}
