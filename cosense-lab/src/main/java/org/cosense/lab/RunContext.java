package org.cosense.lab;

/**
 * How one reproduction is run: trials per point, worker threads, experiment seed, quick mode, and
 * where progress goes. Results depend only on (seed, trials, quick), never on threads.
 */
public record RunContext(int trials, int threads, long seed, boolean quick, Progress progress) {
    public RunContext {
        if (trials < 1) {
            throw new org.cosense.InvalidInputException("trials = " + trials + " is not allowed: must be a positive integer");
        }
        if (threads < 1) {
            throw new org.cosense.InvalidInputException("threads = " + threads + " is not allowed: must be a positive integer");
        }
        if (progress == null) {
            progress = Progress.SILENT;
        }
    }

    /** The Monte Carlo engine configured for this run. */
    public MonteCarlo monteCarlo() {
        return new MonteCarlo(threads, progress);
    }
}
