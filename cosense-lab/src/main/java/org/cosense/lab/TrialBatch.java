package org.cosense.lab;

import java.io.Serializable;
import java.util.List;

/**
 * One Monte Carlo call of a figure, as a {@link TrialEngine} sees it: which run it belongs to, its
 * position among that run's calls, its label, seed and size, and the results of the run's earlier
 * calls. An engine that computes trials in another JVM needs the earlier results to replay the
 * figure up to this call ({@link TrialReplay}); the embedded engine ignores them.
 *
 * @param run      the reproduction this call belongs to; null when the caller is not a catalog figure
 *                 (then only the embedded engine can execute it)
 * @param call     0 for the run's first Monte Carlo call, 1 for the next, ...
 * @param previous results of calls 0 … call − 1, each results[point][trial]
 */
public record TrialBatch(TrialRun run, int call, String label, long seed, int points, int trials,
        List<double[][][]> previous) implements Serializable {
    public TrialBatch {
        previous = List.copyOf(previous);
        if (previous.size() != call) {
            throw new IllegalArgumentException("call " + call + " needs " + call + " earlier results, got " + previous.size());
        }
    }

    public long size() {
        return (long) points * trials;
    }

    /** Same call of the same figure: what a rebuilt trial function must match. */
    boolean sameCallAs(TrialBatch other) {
        return call == other.call && label.equals(other.label) && seed == other.seed && points == other.points
                && trials == other.trials;
    }

    String describe() {
        return "call #" + call + " '" + label + "' (seed " + seed + ", " + points + " points × " + trials + " trials)";
    }
}
