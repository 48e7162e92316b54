package org.cosense.lab;

import java.util.List;

import org.cosense.InvalidInputException;

/**
 * How a benchmark runs: its workload size, worker threads and seed; {@code cases} selects a subset of a benchmark's
 * cases (empty: all; a benchmark without cases ignores it) and {@code baseline} false skips the baseline measurement
 * where a benchmark can report without it (e.g. a projection of the new code's time only); {@code roundingFloor} also
 * measures how far the baseline itself moves under a rounding-level change of its input, where a benchmark supports it;
 * {@code variant} (null: none) measures one of the benchmark's {@link Benchmark#variants()} in place of its new code.
 */
public record BenchOptions(int trials, int threads, long seed, List<String> cases, boolean baseline, boolean roundingFloor, String variant) {
    public BenchOptions {
        InvalidInputException.positive("trials", trials);
        InvalidInputException.positive("threads", threads);
        cases = cases == null ? List.of() : List.copyOf(cases);
        InvalidInputException.require(baseline || !roundingFloor, "rounding-floor", true, "needs the baseline (drop --no-baseline)");
    }

    /** The new code itself, no variant. */
    public BenchOptions(int trials, int threads, long seed, List<String> cases, boolean baseline, boolean roundingFloor) {
        this(trials, threads, seed, cases, baseline, roundingFloor, null);
    }

    /** Without the rounding floor. */
    public BenchOptions(int trials, int threads, long seed, List<String> cases, boolean baseline) {
        this(trials, threads, seed, cases, baseline, false);
    }

    /** All cases, with the baseline. */
    public BenchOptions(int trials, int threads, long seed) {
        this(trials, threads, seed, List.of(), true, false);
    }
}
