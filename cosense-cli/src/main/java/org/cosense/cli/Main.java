package org.cosense.cli;

import java.io.File;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.cosense.InvalidInputException;
import org.cosense.lab.BenchOptions;
import org.cosense.lab.Benchmark;
import org.cosense.lab.Catalog;
import org.cosense.lab.EmbeddedEngine;
import org.cosense.lab.Experiment;
import org.cosense.lab.ExperimentProvider;
import org.cosense.lab.Progress;
import org.cosense.lab.Reproducer;
import org.cosense.lab.TrialEngine;
import org.cosense.lab.TrialEngineFactory;
import org.cosense.lab.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The {@code cosense} command. A user's mistake gives one line {@code cosense: error: ...} on
 * stderr and exit code 2; a bug gives {@code cosense: internal error: ...} and exit code 1 (with
 * the stack trace when {@code COSENSE_DEBUG=1}).
 */
@Command(name = "cosense", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Reproduce the figures of IRS/ISAC sensing papers from running code.",
        subcommands = {Main.ListCommand.class, Main.ReproduceCommand.class, Main.BenchCommand.class, SimulateCommand.class})
public final class Main implements Callable<Integer> {
    static final int USER_ERROR = 2;
    static final int INTERNAL_ERROR = 1;

    final PrintStream out;
    final PrintStream err;

    @Spec
    CommandSpec spec;

    private Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 internal error, 2 user error). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        // Plots are drawn off-screen: never try to open a display.
        System.setProperty("java.awt.headless", "true");
        CommandLine cl = new CommandLine(new Main(out, err));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("cosense: error: " + oneLine(describe(ex)));
            return USER_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof InvalidInputException iie && cmd.getCommand() instanceof OptionTable.Owner owner) {
                err.println("cosense: error: " + oneLine(owner.optionTable().describe(iie)));
                return USER_ERROR;
            }
            if (ex instanceof IllegalArgumentException) { // includes InvalidInputException of a command without a table
                err.println("cosense: error: " + oneLine(ex.getMessage()));
                return USER_ERROR;
            }
            internalError(err, String.valueOf(ex), ex);
            return INTERNAL_ERROR;
        });
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is required: must be one of list, reproduce, bench, simulate (see cosense --help)");
    }

    static void internalError(PrintStream err, String message, Throwable ex) {
        err.println("cosense: internal error: " + oneLine(message));
        if ("1".equals(System.getenv("COSENSE_DEBUG"))) {
            ex.printStackTrace(err);
        } else {
            err.println("cosense: (set COSENSE_DEBUG=1 for the stack trace)");
        }
    }

    /** Picocli's message, rephrased as "what = value is not allowed: what is allowed". */
    private static String describe(CommandLine.ParameterException ex) {
        CommandSpec cmd = ex.getCommandLine().getCommandSpec();
        String name = cmd.qualifiedName(" ");
        ArgSpec arg = ex.getArgSpec();
        if (ex.getCause() instanceof CommandLine.TypeConversionException tce && arg != null) {
            String what = arg.isOption() ? ((OptionSpec) arg).longestName() : arg.paramLabel();
            // picocli's own enum conversion says "expected one of [A, B] (case-insensitive) but was 'x'"
            String allowed = arg.type().isEnum() ? "must be one of " + enumChoices(arg.type()) : tce.getMessage();
            return what + " = " + ex.getValue() + " is not allowed: " + allowed;
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String bad = u.getUnmatched().get(0);
            if (bad.startsWith("-")) {
                return "option " + bad + " is not allowed for '" + name + "': must be one of "
                        + cmd.options().stream().map(OptionSpec::longestName).distinct().collect(Collectors.joining(", "));
            }
            if (cmd.userObject() instanceof SimulateCommand) {
                return "system = " + bad + " is not allowed: must be one of " + String.join(", ", cmd.subcommands().keySet());
            }
            if (!cmd.subcommands().isEmpty()) {
                return "command = " + bad + " is not allowed: must be one of " + String.join(", ", cmd.subcommands().keySet());
            }
            return "argument " + bad + " is not allowed: '" + name + "' takes no further arguments (see " + name + " --help)";
        }
        return ex.getMessage() + " (see " + name + " --help)";
    }

    /** An enum option's choices as the user types them: the constants in lower case, in declaration order. */
    private static String enumChoices(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cosense " + Version.get() + " (Java " + System.getProperty("java.version") + ")"};
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the systems, their figures, and the benchmarks.")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        Main main;

        @Override
        public Integer call() {
            PrintStream out = main.out;
            out.println("Systems (reproduce with: cosense reproduce <system>|all [--figure ID]):");
            if (Catalog.systems().isEmpty()) {
                out.println("  (none installed)");
            }
            for (ExperimentProvider p : Catalog.systems()) {
                out.println();
                out.println("  " + p.system() + "  " + p.description());
                for (Experiment e : p.experiments()) {
                    out.printf(Locale.ROOT, "    %-10s %s%n", e.id(), e.title());
                }
            }
            out.println();
            out.println("Benchmarks (run with: cosense bench [NAME]):");
            if (Catalog.benchmarks().isEmpty()) {
                out.println("  (none installed)");
            }
            for (Benchmark b : Catalog.benchmarks()) {
                out.printf(Locale.ROOT, "  %-12s %s%n", b.name(), b.description());
            }
            return 0;
        }
    }

    @Command(name = "reproduce", mixinStandardHelpOptions = true,
            description = "Reproduce figures: writes CSV, JSON, SVG and PNG per figure into DIR/<system>/, then DIR/report.html.")
    static final class ReproduceCommand implements Callable<Integer>, OptionTable.Owner {
        /** Catalog's and Reproducer's parameter names and the options that set them (the system is positional). */
        private static final OptionTable OPTIONS = OptionTable.of(Map.of("figure", "--figure", "trials", "--trials",
                "threads", "--threads", "output folder", "--out", "engine", "--engine", "master", "--master"));

        @ParentCommand
        Main main;

        @Parameters(index = "0", paramLabel = "<system>|all", description = "A system id (see cosense list) or all.")
        String system;

        @Option(names = "--figure", split = ",", paramLabel = "ID",
                description = "Only these figures (repeatable or comma-separated); qualified ids like hua3d.fig6 with all.")
        List<String> figures = new ArrayList<>();

        @Option(names = "--quick", description = "Quick run: fewer trials (each figure's quick count).")
        boolean quick;

        @Option(names = "--trials", paramLabel = "N", converter = Converters.PositiveInt.class,
                description = "Trials per sweep point for every figure (default: each figure's own count).")
        Integer trials;

        @Option(names = "--threads", paramLabel = "N", converter = Converters.PositiveInt.class,
                description = "Worker threads (default: available processors); results do not depend on it.")
        Integer threads;

        @Option(names = "--seed", paramLabel = "S", converter = Converters.AnyLong.class, defaultValue = "1", description = "Experiment seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Output directory (default: ${DEFAULT-VALUE}).")
        String out;

        @Option(names = "--engine", paramLabel = "NAME", defaultValue = EmbeddedEngine.NAME,
                description = "Where the Monte Carlo trials run: embedded (default, this JVM's threads), replay (this JVM, "
                        + "rebuilding every trial function the way a cluster worker does), or an engine whose jar is on the "
                        + "class path (spark). Results do not depend on it.")
        String engine;

        @Option(names = "--master", paramLabel = "URL", description = "The cluster for --engine spark, e.g. local[2] or spark://host:7077.")
        String master;

        @Override
        public OptionTable optionTable() {
            return OPTIONS;
        }

        @Override
        public Integer call() {
            List<Experiment> exps = Catalog.select(system, figures);
            if (exps.isEmpty()) {
                main.out.println("no figures to reproduce: no systems are installed");
            }
            int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            TerminalProgress tp = TerminalProgress.onTerminal() ? new TerminalProgress(main.err) : null;
            try (TrialEngine trialEngine = TrialEngineFactory.create(engine, master, nThreads)) {
                return run(exps, trialEngine, nThreads, tp);
            }
        }

        private int run(List<Experiment> exps, TrialEngine trialEngine, int nThreads, TerminalProgress tp) {
            Reproducer.Options opts = new Reproducer.Options(trials, nThreads, seed, quick, tp == null ? Progress.SILENT : tp, trialEngine);
            int idWidth = exps.stream().mapToInt(e -> e.qualifiedId().length()).max().orElse(10);
            Reproducer.Summary s = Reproducer.run(Path.of(out), exps, opts, new Reproducer.Listener() {
                @Override
                public void started(Experiment e, int trials) {
                    if (tp != null) {
                        tp.figure(e.qualifiedId());
                    }
                }

                @Override
                public void finished(Reproducer.FigureSummary f) {
                    if (tp != null) {
                        tp.clear();
                    }
                    String id = String.format(Locale.ROOT, "%-" + idWidth + "s", f.qualifiedId());
                    if (f.failed()) {
                        main.out.printf(Locale.ROOT, "%s  %6.1f s  FAILED: %s%n", id, f.runtimeSeconds(), oneLine(String.valueOf(f.failure())));
                    } else {
                        String sys = f.qualifiedId().substring(0, f.qualifiedId().indexOf('.'));
                        String base = f.qualifiedId().substring(sys.length() + 1);
                        main.out.printf(Locale.ROOT, "%s  %6.1f s  %s  -> %s%n", id, f.runtimeSeconds(), f.checkLine(), out + File.separator + sys + File.separator + base + ".*");
                    }
                    main.out.flush();
                }
            });
            main.out.println("report: " + out + File.separator + "report.html");
            if (!s.failures().isEmpty()) {
                for (Reproducer.FigureSummary f : s.failures()) {
                    internalError(main.err, f.qualifiedId() + " failed: " + f.failure(), f.failure());
                }
                return INTERNAL_ERROR;
            }
            return 0;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true, description = "Run one benchmark, or all.")
    static final class BenchCommand implements Callable<Integer>, OptionTable.Owner {
        private static final OptionTable OPTIONS = OptionTable.of(Map.of("trials", "--trials", "threads", "--threads", "cases", "--cases",
                "baseline", "--no-baseline", "rounding-floor", "--rounding-floor", "repeat", "--repeat", "variant", "--variant"));

        @ParentCommand
        Main main;

        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "A benchmark (see cosense list); all if omitted.")
        String name;

        @Option(names = "--trials", paramLabel = "N", converter = Converters.PositiveInt.class,
                description = "Workload size (default: each benchmark's own, printed in its first line).")
        Integer trials;

        @Option(names = "--threads", paramLabel = "N", converter = Converters.PositiveInt.class, description = "Worker threads (default: available processors).")
        Integer threads;

        @Option(names = "--seed", paramLabel = "S", converter = Converters.AnyLong.class, defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--cases", paramLabel = "LIST", split = ",", description = "A subset of the benchmark's cases, comma-separated "
                + "(e.g. fig3,fig7 for fang-figures; default: all).")
        List<String> cases;

        @Option(names = "--no-baseline", description = "Skip the baseline measurement where the benchmark can report without it "
                + "(fang-figures: the new loop's time and projection only).")
        boolean noBaseline;

        @Option(names = "--rounding-floor", description = "Also measure how far the baseline moves under a rounding-level change of "
                + "its input, where the benchmark supports it (fang-figures: the reference loop again on channels moved by one ulp).")
        boolean roundingFloor;

        @Option(names = "--variant", paramLabel = "NAME", description = "Measure a variant of the new code in its place, where the "
                + "benchmark has one: an option that is off by default (fang-figures: warm-started-sca, the SCA solves of "
                + "docs/fangactive.md S3.15.13).")
        String variant;

        @Option(names = "--repeat", paramLabel = "N", converter = Converters.PositiveInt.class, defaultValue = "1",
                description = "Run each benchmark N times and print the median, smallest and largest of its headline numbers "
                        + "(cosense, ratio, projected wall time): one run on a machine whose speed drifts is a sample (default: ${DEFAULT-VALUE}).")
        int repeat;

        @Override
        public OptionTable optionTable() {
            return OPTIONS;
        }

        @Override
        public Integer call() {
            List<Benchmark> run = name == null ? Catalog.benchmarks() : List.of(Catalog.benchmark(name));
            if (run.isEmpty()) {
                throw new InvalidInputException("benchmark", "(any)", "no benchmarks are installed");
            }
            int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            List<BenchOptions> opts = new ArrayList<>();
            for (Benchmark b : run) {   // every request checked before any work starts
                opts.add(options(b, nThreads));
            }
            for (int i = 0; i < run.size(); i++) {
                Benchmark b = run.get(i);
                main.out.println("== " + b.name() + ": " + b.description()
                        + (b.takesTrials() ? " (--trials " + opts.get(i).trials() + ")" : " (fixed workload: --trials does not apply)"));
                if (repeat == 1) {
                    b.run(opts.get(i), main.out);
                    main.out.flush();
                    continue;
                }
                List<String> outputs = new ArrayList<>();
                for (int r = 1; r <= repeat; r++) {
                    main.out.println("-- run " + r + " of " + repeat);
                    java.io.ByteArrayOutputStream copy = new java.io.ByteArrayOutputStream();
                    PrintStream both = new PrintStream(new Tee(main.out, copy), true, java.nio.charset.StandardCharsets.UTF_8);
                    b.run(opts.get(i), both);
                    both.flush();
                    main.out.flush();
                    outputs.add(copy.toString(java.nio.charset.StandardCharsets.UTF_8));
                }
                for (String line : org.cosense.lab.BenchRepeats.summarize(outputs)) {
                    main.out.println(line);
                }
                main.out.flush();
            }
            return 0;
        }

        /** Writes to both streams (a run's output is shown as it comes and kept for the summary). */
        private static final class Tee extends java.io.OutputStream {
            private final java.io.OutputStream a;
            private final java.io.OutputStream b;

            Tee(java.io.OutputStream a, java.io.OutputStream b) {
                this.a = a;
                this.b = b;
            }

            @Override
            public void write(int x) throws java.io.IOException {
                a.write(x);
                b.write(x);
            }

            @Override
            public void write(byte[] buf, int off, int len) throws java.io.IOException {
                a.write(buf, off, len);
                b.write(buf, off, len);
            }

            @Override
            public void flush() throws java.io.IOException {
                a.flush();
                b.flush();
            }
        }

        /** What {@code b} runs with: the options given, its own default workload otherwise; nothing it cannot honour. */
        private BenchOptions options(Benchmark b, int nThreads) {
            int t = trials != null ? trials : b.defaultTrials();
            InvalidInputException.require(t >= b.minTrials(), "trials", t, ">= " + b.minTrials() + " for " + b.name());
            if (cases != null && !cases.isEmpty()) {
                String given = String.join(",", cases);
                InvalidInputException.require(!b.cases().isEmpty(), "cases", given, b.name() + " has no cases");
                for (String c : cases) {
                    InvalidInputException.require(b.cases().contains(c.trim()), "cases", c,
                            "must be among " + String.join(", ", b.cases()) + " for " + b.name());
                }
            }
            InvalidInputException.require(!noBaseline || b.reportsWithoutBaseline(), "baseline", "off",
                    b.name() + " always measures its baseline");
            if (variant != null) {
                InvalidInputException.require(!b.variants().isEmpty(), "variant", variant, b.name() + " has no variants");
                InvalidInputException.require(b.variants().contains(variant), "variant", variant,
                        "must be among " + String.join(", ", b.variants()) + " for " + b.name());
            }
            return new BenchOptions(t, nThreads, seed, cases, !noBaseline, roundingFloor, variant);
        }
    }
}
