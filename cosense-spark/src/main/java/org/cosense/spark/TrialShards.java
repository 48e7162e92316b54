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
     * Cuts {@code total} trials into shards that shrink toward the end (guided self-scheduling): each
     * shard takes {@code ceil(remaining / (tasksPerSlot × slots))} of the trials not yet cut, at least
     * one. Spark hands a stage's tasks (without locality preferences) out in partition order, so the
     * executors start on the large shards and end on single trials, and no slot is still working
     * through a block of long trials (a fangactive realization is a sweep of designs, up to a minute)
     * while the others are idle. Never more shards than trials.
     */
    static List<Shard> cut(long total, int slots, int tasksPerSlot) {
        List<Shard> out = new ArrayList<>();
        long divisor = (long) Math.max(1, slots) * Math.max(1, tasksPerSlot);
        long start = 0;
        while (start < total) {
            long remaining = total - start;
            long size = Math.max(1, (remaining + divisor - 1) / divisor);
            out.add(new Shard(start, start + size));
            start += size;
        }
        return out;
    }
}
