package org.cosense.lab;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;
import java.util.List;
import org.cosense.math.RandomStream;

/**
 * Parallel Monte Carlo over sweep points and trials. Each trial receives the random stream
 * {@link RandomStream#forTrial(long, long, long)} of (seed, point, trial), and results are stored
 * by index, so the output is bit-identical for any thread count.
 */
public final class MonteCarlo {
    /** One trial: returns its metrics (a fixed-length vector per experiment). */
    @FunctionalInterface
    public interface Trial {
        double[] run(int point, int trial, RandomStream rng);
    }

    private final int threads;
    private final Progress progress;

    public MonteCarlo(int threads, Progress progress) {
        org.cosense.InvalidInputException.positive("threads", threads);
        this.threads = threads;
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
     * of {@link #run}, so results stay bit-identical for any thread count.
     *
     * @return results[point][trial] = metrics vector
     */
    public double[][][] runSweep(String label, long seed, int points, int trials, SweepTrial trial) {
        double[][][] out = new double[points][trials][];
        double[][][] perTrial = new double[trials][][];
        run(label, seed, 1, trials, (p, t, ignored) -> {
            RandomStream[] rngs = new RandomStream[points];
            for (int q = 0; q < points; q++) {
                rngs[q] = RandomStream.forTrial(seed, q, t);
            }
            double[][] r = trial.run(t, rngs);
            if (r.length != points) {
                throw new IllegalStateException("sweep trial returned " + r.length + " points, expected " + points);
            }
            perTrial[t] = r;
            return new double[0];
        });
        for (int t = 0; t < trials; t++) {
            for (int q = 0; q < points; q++) {
                out[q][t] = perTrial[t][q];
            }
        }
        return out;
    }

    /**
     * Runs {@code trials} trials at each of {@code points} sweep points.
     *
     * @return results[point][trial] = metrics vector
     */
    public double[][][] run(String label, long seed, int points, int trials, Trial trial) {
        double[][][] out = new double[points][trials][];
        long total = (long) points * trials;
        if (total == 0) {
            return out;
        }
        AtomicLong done = new AtomicLong();
        if (threads == 1) {
            for (int p = 0; p < points; p++) {
                for (int t = 0; t < trials; t++) {
                    out[p][t] = trial.run(p, t, RandomStream.forTrial(seed, p, t));
                    progress.update(label, done.incrementAndGet(), total);
                }
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "cosense-mc");
            th.setDaemon(true);
            return th;
        });
        try {
            // Chunks of consecutive (point, trial) indices; assignment to threads does not affect results.
            int chunk = (int) Math.max(1, Math.min(64, total / (threads * 8L)));
            List<Future<?>> futures = new ArrayList<>();
            for (long start = 0; start < total; start += chunk) {
                final long s = start;
                final long e = Math.min(total, start + chunk);
                futures.add(pool.submit(() -> {
                    for (long i = s; i < e; i++) {
                        int p = (int) (i / trials);
                        int t = (int) (i % trials);
                        out[p][t] = trial.run(p, t, RandomStream.forTrial(seed, p, t));
                        progress.update(label, done.incrementAndGet(), total);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Monte Carlo run interrupted", ex);
        } catch (ExecutionException ex) {
            Throwable c = ex.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
        return out;
    }
}
