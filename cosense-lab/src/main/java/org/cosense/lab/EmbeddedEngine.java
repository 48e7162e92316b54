package org.cosense.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.cosense.math.RandomStream;

/** The default {@link TrialEngine}: a thread pool in this JVM. Results are placed by index. */
public final class EmbeddedEngine implements TrialEngine {
    public static final String NAME = "embedded";

    private final int threads;

    public EmbeddedEngine(int threads) {
        org.cosense.InvalidInputException.positive("threads", threads);
        this.threads = threads;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[][][] execute(TrialBatch b, MonteCarlo.Trial trial, Progress progress) {
        int points = b.points();
        int trials = b.trials();
        double[][][] out = new double[points][trials][];
        long total = b.size();
        if (total == 0) {
            return out;
        }
        AtomicLong done = new AtomicLong();
        if (threads == 1) {
            for (int p = 0; p < points; p++) {
                for (int t = 0; t < trials; t++) {
                    out[p][t] = trial.run(p, t, RandomStream.forTrial(b.seed(), p, t));
                    progress.update(b.label(), done.incrementAndGet(), total);
                }
            }
            return out;
        }
        // Self-scheduling, one trial per grab: a worker takes the next unclaimed index when it is free, so the
        // last trials do not wait behind a block of them held by a busy worker (a figure's trial can be a whole
        // sweep of designs, minutes long). Which worker runs a trial does not affect results: they are placed by index.
        AtomicLong next = new AtomicLong();
        Failure failure = new Failure();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "cosense-mc");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < Math.min(threads, total); w++) {
                workers.add(pool.submit(() -> {
                    for (long i = next.getAndIncrement(); i < total && !failure.seen(); i = next.getAndIncrement()) {
                        int p = (int) (i / trials);
                        int t = (int) (i % trials);
                        try {
                            out[p][t] = trial.run(p, t, RandomStream.forTrial(b.seed(), p, t));
                        } catch (RuntimeException | Error ex) {
                            failure.record(i, ex);
                            return;
                        }
                        progress.update(b.label(), done.incrementAndGet(), total);
                    }
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Monte Carlo run interrupted", ex);
        } catch (ExecutionException ex) { // a worker failed outside a trial (progress reporting)
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
        failure.rethrow();
        return out;
    }

    /** The failed trial of lowest index among those that ran, rethrown as it was (the other workers stop at their next grab). */
    private static final class Failure {
        private long index = Long.MAX_VALUE;
        private Throwable error;
        private volatile boolean seen;

        synchronized void record(long i, Throwable ex) {
            if (i < index) {
                index = i;
                error = ex;
            }
            seen = true;
        }

        boolean seen() {
            return seen;
        }

        synchronized void rethrow() {
            if (error instanceof RuntimeException re) {
                throw re;
            }
            if (error instanceof Error er) {
                throw er;
            }
        }
    }
}
