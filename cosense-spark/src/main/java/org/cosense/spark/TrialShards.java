package org.cosense.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * How one Monte Carlo call is cut into Spark tasks: consecutive runs of the flat index
 * {@code i = point * trials + trial}. The cut affects only scheduling; each result is placed by its
 * index, so the output does not depend on it.
 */
final class TrialShards {
    /** Flat indices [start, end) of one task. */
    record Shard(long start, long end) implements Serializable {
        long size() {
            return end - start;
        }
    }

    /** One trial's result and where it goes. */
    record Indexed(long index, double[] metrics) implements Serializable {
    }

    private TrialShards() {
    }

    /**
     * Cuts {@code total} trials into at most {@code tasksPerSlot × slots} shards of near-equal size
     * (sizes differ by at most one), never more shards than trials.
     */
    static List<Shard> cut(long total, int slots, int tasksPerSlot) {
        List<Shard> out = new ArrayList<>();
        if (total <= 0) {
            return out;
        }
        long n = Math.min(total, (long) Math.max(1, slots) * Math.max(1, tasksPerSlot));
        long base = total / n;
        long extra = total % n;
        long start = 0;
        for (long k = 0; k < n; k++) {
            long end = start + base + (k < extra ? 1 : 0);
            out.add(new Shard(start, end));
            start = end;
        }
        return out;
    }
}
