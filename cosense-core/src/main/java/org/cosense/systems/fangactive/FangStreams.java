package org.cosense.systems.fangactive;

import org.cosense.math.RandomStream;

/**
 * The random streams of one channel realization ([fangactive S3.13], common random numbers): every
 * stream is a pure function of (experiment seed, realization index, IRS index), never of the sweep
 * point or the series, so curves differ only through the design.
 */
public final class FangStreams {
    private static final long CHANNEL = 1;
    private static final long BENCHMARK_PHASES = 2;
    private static final long RANDOMIZATION = 3;

    private FangStreams() {
    }

    private static RandomStream base(long seed, long draw, long purpose, int irs) {
        return RandomStream.forTrial(seed, 0, draw).split(purpose * 1_000_003L + irs);
    }

    /** NLoS part G~_l of realization {@code draw}. */
    public static RandomStream channel(long seed, long draw, int irs) {
        return base(seed, draw, CHANNEL, irs);
    }

    /** The transmit-BF-only benchmark's random phases psi_l = a_max exp(j arg r_l). */
    public static RandomStream benchmarkPhases(long seed, long draw, int irs) {
        return base(seed, draw, BENCHMARK_PHASES, irs);
    }

    /** Gaussian-randomization draws of AO iteration {@code iteration}. */
    public static RandomStream randomization(long seed, long draw, int irs, int iteration) {
        return base(seed, draw, RANDOMIZATION, irs).split(iteration);
    }
}
