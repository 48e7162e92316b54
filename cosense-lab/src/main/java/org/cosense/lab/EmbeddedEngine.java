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
                        out[p][t] = trial.run(p, t, RandomStream.forTrial(b.seed(), p, t));
                        progress.update(b.label(), done.incrementAndGet(), total);
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
