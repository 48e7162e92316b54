package org.cosense.math;

import org.cosense.InvalidInputException;

/**
 * numpy's legacy global generator ({@code np.random.seed(s)}, {@code np.random.random_sample},
 * {@code np.random.randn}, i.e. {@code RandomState}) replayed in Java, so that a CoSense estimator
 * can be run on exactly the data a numpy-based peer (doatools, a numpy baseline script) drew.
 *
 * <ul>
 *   <li>integers: MT19937 (Matsumoto and Nishimura 1998), seeded for a 32-bit seed by the
 *       reference {@code init_genrand}, which is what {@code np.random.seed(int)} does;</li>
 *   <li>{@link #randomSample()}: the 53-bit double (a·2²⁶ + b) / 2⁵³ from a = next32 ≫ 5 and
 *       b = next32 ≫ 6 ({@code random_sample});</li>
 *   <li>{@link #standardNormal()}: the legacy polar Box–Muller (Marsaglia) method, which draws
 *       x₁, x₂ = 2U − 1 until 0 &lt; r² = x₁² + x₂² &lt; 1, returns f·x₂ with f = √(−2 ln r² / r²)
 *       and keeps f·x₁ for the next call ({@code standard_normal}, {@code randn}).</li>
 * </ul>
 *
 * <p>The integers and uniforms are exact. The normals use {@link StrictMath} (fdlibm), so they are
 * the same on every JDK; numpy takes {@code log} from the C library, which rounds differently from
 * fdlibm now and then, so a normal can differ from numpy's in its last bits: of 10⁶ normals from
 * seed 20250, 3.2% are not bit-identical and none differs by more than 3 ulps. The accept/reject
 * decision uses no transcendental function, so the two streams never drift apart.
 *
 * <p>This is not the toolkit's Monte Carlo generator: one sequential stream cannot make trials pure
 * functions of (seed, point, trial), which {@link RandomStream#forTrial} does. Use this one only to
 * replay numbers a numpy program drew. Not thread-safe.
 */
public final class NumpyLegacyRandom {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int pos;
    private boolean hasGauss;
    private double gauss;

    /** The state after {@code np.random.seed(seed)}, seed in [0, 2³² − 1]. */
    public NumpyLegacyRandom(long seed) {
        InvalidInputException.require(seed >= 0 && seed <= 0xffffffffL, "seed", seed, "must be in [0, 2^32 - 1] (numpy's legacy seeding)");
        int s = (int) seed;
        for (int i = 0; i < N; i++) {
            mt[i] = s;
            s = 1812433253 * (s ^ (s >>> 30)) + i + 1;
        }
        pos = N;
    }

    /** The next 32-bit output (unsigned, in the low 32 bits of the long). */
    public long nextUnsignedInt() {
        return Integer.toUnsignedLong(next32());
    }

    private int next32() {
        if (pos == N) {
            regenerate();
        }
        int y = mt[pos++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void regenerate() {
        for (int k = 0; k < N; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
            mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        pos = 0;
    }

    /** Uniform in [0, 1) with 53 random bits: {@code np.random.random_sample()}. */
    public double randomSample() {
        long a = Integer.toUnsignedLong(next32()) >>> 5;
        long b = Integer.toUnsignedLong(next32()) >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** N(0, 1): {@code np.random.standard_normal()}, one element of {@code np.random.randn}. */
    public double standardNormal() {
        if (hasGauss) {
            hasGauss = false;
            return gauss;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * randomSample() - 1.0;
            x2 = 2.0 * randomSample() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = StrictMath.sqrt(-2.0 * StrictMath.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** {@code np.random.randn(n)}: n normals in order. */
    public double[] randn(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = standardNormal();
        }
        return out;
    }
}
