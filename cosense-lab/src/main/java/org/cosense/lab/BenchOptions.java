package org.cosense.lab;

import org.cosense.InvalidInputException;

/** How a benchmark runs: its workload size, worker threads and seed. */
public record BenchOptions(int trials, int threads, long seed) {
    public BenchOptions {
        InvalidInputException.positive("trials", trials);
        InvalidInputException.positive("threads", threads);
    }
}
