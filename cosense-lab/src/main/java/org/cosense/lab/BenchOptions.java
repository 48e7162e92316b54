package org.cosense.lab;

import java.util.List;

import org.cosense.InvalidInputException;

/**
 * How a benchmark runs: its workload size, worker threads and seed; {@code cases} selects a subset of a benchmark's
 * cases (empty: all; a benchmark without cases ignores it) and {@code baseline} false skips the baseline measurement
 * where a benchmark can report without it (e.g. a projection of the new code's time only).
 */
public record BenchOptions(int trials, int threads, long seed, List<String> cases, boolean baseline) {
    public BenchOptions {
        InvalidInputException.positive("trials", trials);
        InvalidInputException.positive("threads", threads);
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

    /** All cases, with the baseline. */
    public BenchOptions(int trials, int threads, long seed) {
        this(trials, threads, seed, List.of(), true);
    }
}
