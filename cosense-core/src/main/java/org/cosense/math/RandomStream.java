package org.cosense.math;

/**
 * A deterministic stream of pseudo-random numbers (SplitMix64 with Box–Muller normals).
 *
 * <p>Written by hand rather than taken from {@code java.util.random} so that the numbers are
 * bit-identical on every JDK and platform: a Monte Carlo trial's numbers are a pure function of
 * (experiment seed, sweep point, trial index), whatever the thread count, Java version or CPU.
 * The integer generator is exact by construction; the Gaussian transform uses {@link StrictMath},
 * whose log, sin, cos and sqrt are specified bit for bit (fdlibm), where {@link Math}'s may use
 * platform intrinsics that differ by an ulp.
 * Not thread-safe: one stream per trial.
 */
public final class RandomStream {
    private long state;
    private double spareNormal;
    private boolean hasSpare;

    /** A stream seeded directly. */
    public RandomStream(long seed) {
        this.state = seed;
    }

    /** The stream of one Monte Carlo trial: a pure function of the three indices. */
    public static RandomStream forTrial(long experimentSeed, long sweepPoint, long trial) {
        long h = mix(experimentSeed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ (sweepPoint * 0xBF58476D1CE4E5B9L + 0x632BE59BD9B4E019L));
        h = mix(h ^ (trial * 0x94D049BB133111EBL + 0x2545F4914F6CDD1DL));
        return new RandomStream(h);
    }

    /** A child stream labelled {@code label}, independent of this stream's future output. */
    public RandomStream split(long label) {
        return new RandomStream(mix(nextLong() ^ mix(label + 0x9E3779B97F4A7C15L)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (int) ((nextLong() >>> 33) % bound);
    }

    /** Standard normal N(0, 1) by the Box–Muller transform. */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareNormal;
        }
        double u1;
        do {
            u1 = nextDouble();
        } while (u1 <= 0.0);
        double u2 = nextDouble();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double a = 2.0 * Math.PI * u2;
        spareNormal = r * StrictMath.sin(a);
        hasSpare = true;
        return r * StrictMath.cos(a);
    }

    /**
     * Fills {@code out[offset .. offset + 2 n)} (interleaved re, im) with n i.i.d. circular complex
     * Gaussian samples CN(0, variance): E|z|^2 = variance.
     */
    public void complexGaussian(double[] out, int offset, int n, double variance) {
        double s = StrictMath.sqrt(variance / 2.0);
        for (int i = 0; i < 2 * n; i++) {
            out[offset + i] = s * nextGaussian();
        }
    }

    /** Uniform phase in [0, 2 pi). */
    public double nextPhase() {
        return 2.0 * Math.PI * nextDouble();
    }
}
