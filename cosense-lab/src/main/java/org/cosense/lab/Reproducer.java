package org.cosense.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.cosense.InvalidInputException;

/**
 * Reproduces figures: runs each experiment in turn (parallelism is inside, over Monte Carlo
 * trials), times it, writes {@code DIR/<system>/<id>.csv|.json|.svg|.png} plus extra tables, and
 * finally rebuilds {@code DIR/report.html} from all sidecars in DIR.
 *
 * <p>A user error ({@link InvalidInputException}) stops the run. Any other exception fails only
 * its figure: it is recorded (sidecar with {@code error}, summary with {@link FigureSummary#failure()})
 * and the remaining figures still run.
 */
public final class Reproducer {
    private Reproducer() {
    }

    /**
     * How to run.
     *
     * @param trials   trials per sweep point for every figure, or null for each figure's own
     *                 count ({@code quickTrials} when {@code quick}, else {@code defaultTrials})
     * @param threads  Monte Carlo worker threads (results do not depend on it)
     * @param seed     experiment seed
     * @param quick    use the quick trial counts and let experiments shrink their sweeps
     * @param progress where progress goes (null: nowhere)
     * @param engine   where the Monte Carlo trials run (null: the embedded engine with {@code threads})
     */
    public record Options(Integer trials, int threads, long seed, boolean quick, Progress progress, TrialEngine engine) {
        public Options(Integer trials, int threads, long seed, boolean quick, Progress progress) {
            this(trials, threads, seed, quick, progress, null);
        }

        public Options {
            if (trials != null) {
                InvalidInputException.positive("trials", trials);
            }
            InvalidInputException.positive("threads", threads);
            if (progress == null) {
                progress = Progress.SILENT;
            }
            if (engine == null) {
                engine = new EmbeddedEngine(threads);
            }
        }
    }

    /** The outcome of one figure. {@code failure} is null unless the experiment threw. */
    public record FigureSummary(String qualifiedId, String title, int trials, double runtimeSeconds, CheckTally checks,
            List<Path> files, RuntimeException failure) {
        public FigureSummary {
            files = List.copyOf(files);
        }

        public int checksPassed() {
            return checks.passed();
        }

        public int checksTotal() {
            return checks.total();
        }

        /** The checks part of the command line's summary line, e.g. {@code paper 3/4  invariants 2/2  extensions 1/1}. */
        public String checkLine() {
            return checks.summary();
        }

        public boolean failed() {
            return failure != null;
        }
    }

    /** The outcome of a run: one summary per figure, in run order, and the report file. */
    public record Summary(Path outDir, Path report, List<FigureSummary> figures) {
        public Summary {
            figures = List.copyOf(figures);
        }

        public List<FigureSummary> failures() {
            return figures.stream().filter(FigureSummary::failed).toList();
        }
    }

    /** Hears about each figure as it starts and ends (e.g. to print a line per figure). */
    public interface Listener {
        Listener NONE = new Listener() { };

        default void started(Experiment experiment, int trials) {
        }

        default void finished(FigureSummary summary) {
        }
    }

    /** The trials a figure runs with under {@code options}: deterministic figures run once. */
    public static int trialsFor(Experiment e, Options options) {
        if (e.defaultTrials() <= 0) {
            return 1;
        }
        if (options.trials() != null) {
            return options.trials();
        }
        return Math.max(1, options.quick() ? e.quickTrials() : e.defaultTrials());
    }

    public static Summary run(Path outDir, List<? extends Experiment> experiments, Options options) {
        return run(outDir, experiments, options, Listener.NONE);
    }

    public static Summary run(Path outDir, List<? extends Experiment> experiments, Options options, Listener listener) {
        prepareOutput(outDir, experiments);
        List<FigureSummary> done = new ArrayList<>();
        try {
            for (Experiment e : experiments) {
                FigureSummary s = runOne(outDir, e, options, listener);
                done.add(s);
                listener.finished(s);
            }
            Path report = HtmlReport.write(outDir);
            return new Summary(outDir, report, done);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write to " + outDir + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Creates the output folder and each system's subfolder and writes a probe file in each, so an
     * unusable {@code outDir} is the user's error before any figure runs, not a failure after one.
     */
    static void prepareOutput(Path outDir, List<? extends Experiment> experiments) {
        List<Path> dirs = new ArrayList<>(List.of(outDir));
        experiments.stream().map(e -> outDir.resolve(e.system())).distinct().forEach(dirs::add);
        for (Path dir : dirs) {
            try {
                Files.createDirectories(dir);
                Files.delete(Files.createTempFile(dir, ".cosense-", ".probe"));
            } catch (IOException | SecurityException ex) {
                throw new InvalidInputException("output folder", outDir, "must be a folder that can be created and written ("
                        + (dir.equals(outDir) ? "" : dir + ": ") + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")");
            }
        }
    }

    private static FigureSummary runOne(Path outDir, Experiment e, Options o, Listener listener) throws IOException {
        int trials = trialsFor(e, o);
        listener.started(e, trials);
        RunContext ctx = new RunContext(trials, o.threads(), o.seed(), o.quick(), o.progress(),
                new TrialSession(o.engine(), new TrialRun(e.qualifiedId(), trials, o.seed(), o.quick())));
        Path dir = outDir.resolve(e.system());
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        FigureResult result;
        try {
            result = e.run(ctx);
        } catch (InvalidInputException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            double secs = (System.nanoTime() - t0) / 1e9;
            Path json = dir.resolve(e.id() + ".json");
            sidecar(e, null, ctx, secs, List.of(), String.valueOf(ex)).write(json);
            return new FigureSummary(e.qualifiedId(), e.title(), trials, secs, CheckTally.NONE, List.of(json), ex);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        List<Path> files = write(dir, e.id(), result);
        Path json = dir.resolve(e.id() + ".json");
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            names.add(f.getFileName().toString());
        }
        names.add(json.getFileName().toString());
        sidecar(e, result, ctx, secs, names, null).write(json);
        List<Path> all = new ArrayList<>(files);
        all.add(json);
        return new FigureSummary(e.qualifiedId(), e.title(), trials, secs, CheckTally.of(result.checks()), all, null);
    }

    /** Writes the data files and plots of one figure into {@code dir}: CSVs, then SVG and PNG. */
    public static List<Path> write(Path dir, String id, FigureResult r) throws IOException {
        List<Path> files = new ArrayList<>();
        Path csv = dir.resolve(id + ".csv");
        Csv.write(csv, r.mainTable() != null ? r.mainTable() : Csv.tidy(id + ".csv", r.panels()));
        files.add(csv);
        for (Table t : r.extraTables()) {
            Path f = dir.resolve(t.fileName());
            if (!f.normalize().getParent().equals(dir.normalize())) {
                throw new IllegalArgumentException("table file name " + t.fileName() + " must be a plain file name");
            }
            Csv.write(f, t);
            files.add(f);
        }
        if (!r.panels().isEmpty()) {
            files.addAll(Plots.write(dir, id, r.panels()));
        }
        return files;
    }

    private static Sidecar sidecar(Experiment e, FigureResult r, RunContext ctx, double secs, List<String> files, String error) {
        return new Sidecar(e.system(), e.id(), e.qualifiedId(), e.title(), r == null ? null : r.caption(),
                e.paperBehaviour(), r == null ? null : r.parameters(), r == null ? null : r.checks(), ctx.trials(),
                ctx.quick(), ctx.seed(), ctx.threads(), ctx.engineName(), Version.get(), System.getProperty("java.version"),
                Math.round(secs * 1000) / 1000.0, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                r != null && r.mainTable() != null, files, error);
    }
}
