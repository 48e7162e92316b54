package org.cosense.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.cosense.lab.BenchOptions;
import org.cosense.lab.Benchmark;
import org.cosense.lab.Catalog;
import org.cosense.lab.EmbeddedEngine;
import org.cosense.lab.Experiment;
import org.cosense.lab.MonteCarlo;
import org.cosense.lab.Progress;
import org.cosense.lab.Reproducer;
import org.cosense.lab.TrialBatch;
import org.cosense.lab.TrialEngine;
import org.cosense.lab.TrialReplay;

/**
 * {@code cosense bench spark-local}: one Monte Carlo figure (hua3d table1, 7 beam counts, one call)
 * reproduced with --trials N on the embedded engine and on Spark {@code local[threads]} in the same
 * run, same seed, three interleaved repetitions each: median figure wall time per trial on each, the difference per trial and per Monte Carlo
 * call (Spark's overhead, including the executor's rebuild of the trial function; the Spark context
 * is started and warmed before timing), whether the CSVs
 * are byte-identical, and the wall time projected for the figure's paper trial count on N executor
 * cores from the measured per-trial core time and per-call overhead (executor launch on a cluster
 * not included).
 */
public final class SparkLocalBenchmark implements Benchmark {
    static final String FIGURE = "hua3d.table1";
    static final int REPETITIONS = 3;

    @Override
    public String name() {
        return "spark-local";
    }

    @Override
    public String description() {
        return "one Monte Carlo figure (" + FIGURE + ") on the embedded engine and on Spark local[threads]: time per trial, "
                + "Spark's overhead, identical CSVs, projected paper-count wall time on N executors";
    }

    /** Counts the trials and calls an engine executes. */
    private static final class Counting implements TrialEngine {
        final TrialEngine inner;
        final AtomicLong trials = new AtomicLong();
        final AtomicLong calls = new AtomicLong();

        Counting(TrialEngine inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public double[][][] execute(TrialBatch b, MonteCarlo.Trial trial, Progress progress) {
            calls.incrementAndGet();
            trials.addAndGet(b.size());
            return inner.execute(b, trial, progress);
        }
    }

    private record Timed(double seconds, long trials, long calls, Path csv) {
    }

    @Override
    public void run(BenchOptions opts, PrintStream out) {
        Experiment e = Catalog.figure(FIGURE);
        int threads = opts.threads();
        String master = "local[" + threads + "]";
        Path dir;
        try {
            dir = Files.createTempDirectory("cosense-spark-bench");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        try (SparkEngine spark = new SparkEngine(master)) {
            EmbeddedEngine embedded = new EmbeddedEngine(threads);
            long t0 = System.nanoTime();
            run(e, 1, opts.seed(), spark, dir.resolve("warm-spark"));   // starts the Spark context
            double start = (System.nanoTime() - t0) / 1e9;
            run(e, 1, opts.seed(), embedded, dir.resolve("warm-embedded"));
            // Interleaved repetitions, median of each: the order of the two engines does not favour either.
            Timed[] as = new Timed[REPETITIONS];
            Timed[] bs = new Timed[REPETITIONS];
            for (int k = 0; k < REPETITIONS; k++) {
                as[k] = run(e, opts.trials(), opts.seed(), embedded, dir.resolve("embedded" + k));
                TrialReplay.clear(); // each Spark run pays for rebuilding the trial function, as on a fresh executor
                bs[k] = run(e, opts.trials(), opts.seed(), spark, dir.resolve("spark" + k));
            }
            Timed a = median(as);
            Timed b = median(bs);
            boolean same = true;
            for (int k = 0; k < REPETITIONS; k++) {
                same &= sameBytes(as[0].csv(), as[k].csv()) && sameBytes(as[0].csv(), bs[k].csv());
            }
            double msA = 1e3 * a.seconds() / a.trials();
            double msB = 1e3 * b.seconds() / b.trials();
            double perCall = (b.seconds() - a.seconds()) / b.calls();
            out.printf(Locale.ROOT, "spark-local: %s with --trials %d: %d trials in %d Monte Carlo call(s); %d threads vs Spark %s "
                    + "(context start and first call %.1f s, not timed)%n", FIGURE, opts.trials(), a.trials(), a.calls(), threads, master,
                    start);
            out.printf(Locale.ROOT, "embedded: %.3f ms/trial (figure %.2f s, median of %d)%n", msA, a.seconds(), REPETITIONS);
            out.printf(Locale.ROOT, "cosense: %.3f ms/trial on Spark %s (figure %.2f s, median of %d)%n", msB, master, b.seconds(),
                    REPETITIONS);
            out.printf(Locale.ROOT, "ratio: %.2fx (Spark / embedded)%n", msB / msA);
            out.printf(Locale.ROOT, "overhead: %.3f ms/trial, %.3f s per Monte Carlo call%n", msB - msA, perCall);
            out.printf("CSVs identical (all %d runs): %s%n", 2 * REPETITIONS, same ? "yes" : "NO");
            long paperPerPoint = e.defaultTrials();
            double paperTrials = (double) a.trials() / opts.trials() * paperPerPoint;
            double coreSecondsPerTrial = a.seconds() * threads / a.trials();
            StringBuilder proj = new StringBuilder();
            for (int n : new int[] {2, 8, 32, 128}) {
                double wall = paperTrials * coreSecondsPerTrial / n + Math.max(0, perCall) * a.calls();
                proj.append(String.format(Locale.ROOT, "%s%d executor cores %.1f s", proj.length() == 0 ? "" : ", ", n, wall));
            }
            out.printf(Locale.ROOT, "projected at the paper's %d trials per point (%.0f trials): %s (plus executor launch)%n",
                    paperPerPoint, paperTrials, proj);
        } finally {
            delete(dir);
        }
    }

    private static Timed run(Experiment e, int trials, long seed, TrialEngine engine, Path out) {
        Counting c = new Counting(engine);
        Reproducer.Summary s = Reproducer.run(out, List.of(e), new Reproducer.Options(trials, 1, seed, false, null, c));
        Reproducer.FigureSummary f = s.figures().get(0);
        if (f.failed()) {
            throw f.failure();
        }
        return new Timed(f.runtimeSeconds(), c.trials.get(), c.calls.get(), out.resolve(e.system()).resolve(e.id() + ".csv"));
    }

    private static Timed median(Timed[] runs) {
        Timed[] sorted = runs.clone();
        java.util.Arrays.sort(sorted, Comparator.comparingDouble(Timed::seconds));
        return sorted[sorted.length / 2];
    }

    private static boolean sameBytes(Path a, Path b) {
        try {
            return Files.mismatch(a, b) < 0;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
