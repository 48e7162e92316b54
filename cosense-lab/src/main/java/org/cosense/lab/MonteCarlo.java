package org.cosense.lab;

import org.cosense.math.RandomStream;

/**
 * Monte Carlo over sweep points and trials. Each trial receives the random stream
 * {@link RandomStream#forTrial(long, long, long)} of (seed, point, trial), and results are stored
 * by index, so the output is bit-identical for any thread count and any {@link TrialEngine}.
 */
public final class MonteCarlo {
    /** One trial: returns its metrics (a fixed-length vector per experiment). */
    @FunctionalInterface
    public interface Trial {
        double[] run(int point, int trial, RandomStream rng);
    }

    private final TrialSession session;
    private final Progress progress;

    /** Monte Carlo on the embedded engine, outside any figure run. */
    public MonteCarlo(int threads, Progress progress) {
        this(new TrialSession(new EmbeddedEngine(threads), null), progress);
    }

    MonteCarlo(TrialSession session, Progress progress) {
        this.session = session;
        this.progress = progress == null ? Progress.SILENT : progress;
    }

    /** One trial of a sequential sweep: the points of one trial in order, each with its own stream. */
    @FunctionalInterface
    public interface SweepTrial {
        /** @param rngs rngs[p] = the stream of (seed, p, trial), the same as {@link #run} would pass */
        double[][] run(int trial, RandomStream[] rngs);
    }

    /**
     * Like {@link #run}, but each trial visits all sweep points in order in one task (parallel over
     * trials only), so a trial may carry state from point to point — e.g. a design warm-starting the
     * next point of a sweep along which the feasible set grows. Streams and result layout are those
     * of {@link #run}, so results stay bit-identical for any thread count and engine. A trial's
     * points travel as one vector (their lengths, then their values), so an engine that runs trials
     * in another JVM returns them like any other call.
     *
     * @return results[point][trial] = metrics vector
     */
    public double[][][] runSweep(String label, long seed, int points, int trials, SweepTrial trial) {
        double[][][] packed = run(label, seed, 1, trials, (p, t, ignored) -> {
            RandomStream[] rngs = new RandomStream[points];
            for (int q = 0; q < points; q++) {
                rngs[q] = RandomStream.forTrial(seed, q, t);
            }
            double[][] r = trial.run(t, rngs);
            if (r.length != points) {
                throw new IllegalStateException("sweep trial returned " + r.length + " points, expected " + points);
            }
            return pack(r);
        });
        double[][][] out = new double[points][trials][];
        for (int t = 0; t < trials; t++) {
            double[][] r = unpack(packed[0][t], points);
            for (int q = 0; q < points; q++) {
                out[q][t] = r[q];
            }
        }
        return out;
    }

    /**
     * Runs {@code trials} trials at each of {@code points} sweep points on this run's engine.
     *
     * @return results[point][trial] = metrics vector
     */
    public double[][][] run(String label, long seed, int points, int trials, Trial trial) {
        return session.execute(label, seed, points, trials, trial, progress);
    }

    static double[] pack(double[][] rows) {
        int n = rows.length;
        for (double[] r : rows) {
            n += r.length;
        }
        double[] v = new double[n];
        int k = rows.length;
        for (int i = 0; i < rows.length; i++) {
            v[i] = rows[i].length;
            System.arraycopy(rows[i], 0, v, k, rows[i].length);
            k += rows[i].length;
        }
        return v;
    }

    static double[][] unpack(double[] v, int rows) {
        double[][] out = new double[rows][];
        int k = rows;
        for (int i = 0; i < rows; i++) {
            int len = (int) v[i];
            out[i] = java.util.Arrays.copyOfRange(v, k, k + len);
            k += len;
        }
        return out;
    }
}
