package org.cosense.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.cosense.InvalidInputException;
import org.cosense.geom.Vec3;
import org.cosense.lab.Progress;
import org.cosense.lab.systems.fangactive.FangSimulation;
import org.cosense.lab.systems.fangactive.FangSimulation.Mode;
import org.cosense.lab.systems.fangactive.FangSimulation.Scheme;
import org.cosense.lab.systems.fangactive.FangSimulation.SchemeResult;
import org.cosense.lab.systems.hua3d.Hua3dSimulation;
import org.cosense.lab.systems.hua3d.Hua3dSimulation.Doa;
import org.cosense.lab.systems.hua3d.Hua3dSimulation.Errors;
import org.cosense.systems.hua3d.CrossBeam;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cosense simulate <system>}: one user-defined deployment, simulated by Monte Carlo (hua3d) or
 * designed by the paper's schemes (fangactive). The computation lives in cosense-lab
 * ({@link Hua3dSimulation}, {@link FangSimulation}); this class parses and prints.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate one user-defined deployment of a system (a single run, before sweeping).",
        subcommands = {SimulateCommand.Hua3d.class, SimulateCommand.Fangactive.class})
final class SimulateCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "system = (none) is not allowed: must be one of " + String.join(", ", spec.subcommands().keySet()));
    }

    /** Parses "x,y,z"; picocli adds the option name and the value to the message. */
    static final class Point implements CommandLine.ITypeConverter<Vec3> {
        @Override
        public Vec3 convert(String value) {
            try {
                return Vec3.parse("point", value);
            } catch (InvalidInputException ex) {
                throw new CommandLine.TypeConversionException("expected three comma-separated finite numbers x,y,z (metres)");
            }
        }
    }

    static final class FiniteDouble implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                double v = Double.parseDouble(value.trim());
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            throw new CommandLine.TypeConversionException("must be a finite number");
        }
    }

    static final class PositiveDouble implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                double v = Double.parseDouble(value.trim());
                if (v > 0 && Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            throw new CommandLine.TypeConversionException("must be a positive finite number");
        }
    }

    /** bs | irs | both, normalized to lower case. */
    static final class ModeName implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.equals("bs") || v.equals("irs") || v.equals("both")) {
                return v;
            }
            throw new CommandLine.TypeConversionException("must be one of bs, irs, both");
        }
    }

    static final class SchemeName implements CommandLine.ITypeConverter<Scheme> {
        @Override
        public Scheme convert(String value) {
            Scheme s = Scheme.byId(value);
            if (s == null) {
                throw new CommandLine.TypeConversionException("must be a comma-separated list of " + Scheme.ids());
            }
            return s;
        }
    }

    static final class AoName implements CommandLine.ITypeConverter<FangSimulation.Ao> {
        @Override
        public FangSimulation.Ao convert(String value) {
            for (FangSimulation.Ao a : FangSimulation.Ao.values()) {
                if (a.id().equalsIgnoreCase(value.trim())) {
                    return a;
                }
            }
            throw new CommandLine.TypeConversionException("must be one of quick, paper");
        }
    }

    /** An IRS array size N_v x N_h. */
    record IrsSize(int nv, int nh) {
    }

    /** Parses "4x4"; picocli adds the option name and the value to the message. */
    static final class IrsSizeFormat implements CommandLine.ITypeConverter<IrsSize> {
        @Override
        public IrsSize convert(String value) {
            String[] p = value.trim().split("[xX]", -1);
            if (p.length == 2) {
                try {
                    int nv = Integer.parseInt(p[0].trim());
                    int nh = Integer.parseInt(p[1].trim());
                    if (nv > 0 && nh > 0) {
                        return new IrsSize(nv, nh);
                    }
                } catch (NumberFormatException notANumber) {
                    // reported below
                }
            }
            throw new CommandLine.TypeConversionException("expected NvxNh, two positive integers such as 4x4 (vertical x horizontal "
                    + "elements)");
        }
    }

    static final class CrossBeamName implements CommandLine.ITypeConverter<CrossBeam> {
        @Override
        public CrossBeam convert(String value) {
            for (CrossBeam c : CrossBeam.values()) {
                if (c.name().equalsIgnoreCase(value.trim())) {
                    return c;
                }
            }
            throw new CommandLine.TypeConversionException("must be one of " + Arrays.stream(CrossBeam.values())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }

    @Command(name = "hua3d", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Simulate a deployment of Hua et al. (3D localization via IRS).",
                "One IRS and one target: the single-target protocol (stage I MUSIC, stage II beam scan, construction (60)-(64)).",
                "Several IRSs or targets: the multi-target protocol (at least 2 IRSs, unsteered scan).",
                "Defaults are the paper's single-target scene."})
    static final class Hua3d implements Callable<Integer> {
        @ParentCommand
        SimulateCommand parent;

        @Option(names = "--bs", paramLabel = "X,Y,Z", converter = Point.class, defaultValue = "0,0,5",
                description = "BS position in metres (default: ${DEFAULT-VALUE}).")
        Vec3 bs;

        @Option(names = "--irs", paramLabel = "X,Y,Z", converter = Point.class,
                description = "IRS position (repeatable; default: -20,0,3).")
        List<Vec3> irss = new ArrayList<>();

        @Option(names = "--target", paramLabel = "X,Y,Z", converter = Point.class,
                description = "Target position (repeatable; default: -20,2,0).")
        List<Vec3> targets = new ArrayList<>();

        @Option(names = "--nbar-bs", paramLabel = "N", converter = Main.PositiveInt.class, defaultValue = "20",
                description = "BS UPA side, N_BS = N x N (default: ${DEFAULT-VALUE}).")
        int nbarBs;

        @Option(names = "--nbar-irs", paramLabel = "N", converter = Main.PositiveInt.class, defaultValue = "30",
                description = "IRS UPA side, N_r = N x N (default: ${DEFAULT-VALUE}).")
        int nbarIrs;

        @Option(names = "--power-dbm", paramLabel = "P", converter = FiniteDouble.class, defaultValue = "30",
                description = "BS transmit power P_BS in dBm (default: ${DEFAULT-VALUE}).")
        double powerDbm;

        @Option(names = "--noise-dbm", paramLabel = "S", converter = FiniteDouble.class, defaultValue = "-80",
                description = "Noise power per antenna and sample in dBm (default: ${DEFAULT-VALUE}).")
        double noiseDbm;

        @Option(names = "--rcs-dbsm", paramLabel = "K", converter = FiniteDouble.class, defaultValue = "7",
                description = "Radar cross section of every target in dBsm (default: ${DEFAULT-VALUE}).")
        double rcsDbsm;

        @Option(names = "--t1", paramLabel = "N", converter = Main.PositiveInt.class, defaultValue = "60",
                description = "Stage-I snapshots (DFT probing) (default: ${DEFAULT-VALUE}).")
        int t1;

        @Option(names = "--t2", paramLabel = "N", converter = Main.PositiveInt.class, defaultValue = "60",
                description = "Stage-II beams, T2/2 along y and T2/2 along z; even, at least 4 (default: ${DEFAULT-VALUE}).")
        int t2;

        @Option(names = "--cross-beam", paramLabel = "focused|unsteered|sequential", converter = CrossBeamName.class,
                description = "Cross factor of the separable scan (default: focused for one target; the multi-target scan "
                        + "is unsteered).")
        CrossBeam crossBeam;

        @Option(names = "--two-sided-irs", description = "Allow targets behind an IRS (two-sided reflection).")
        boolean twoSidedIrs;

        @Option(names = "--trials", paramLabel = "N", converter = Main.PositiveInt.class, defaultValue = "200",
                description = "Monte Carlo trials (default: ${DEFAULT-VALUE}).")
        int trials;

        @Option(names = "--threads", paramLabel = "N", converter = Main.PositiveInt.class,
                description = "Worker threads (default: available processors); results do not depend on it.")
        Integer threads;

        @Option(names = "--seed", paramLabel = "S", converter = Main.AnyLong.class, defaultValue = "1",
                description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--refine-scan", description = "Refine the IRS scan off the grid with the known beam response "
                + "(CoSense extension, single target).")
        boolean refineScan;

        @Option(names = "--json", description = "Print the results as one JSON object instead of text.")
        boolean json;

        @Override
        public Integer call() {
            Main main = parent.main;
            List<Vec3> irsList = irss.isEmpty() ? List.of(Vec3.of(-20, 0, 3)) : irss;
            List<Vec3> targetList = targets.isEmpty() ? List.of(Vec3.of(-20, 2, 0)) : targets;
            int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            TerminalProgress tp = TerminalProgress.onTerminal() ? new TerminalProgress(main.err) : null;
            Hua3dSimulation.Result r;
            try {
                Hua3dSimulation.Config cfg = new Hua3dSimulation.Config(bs, irsList, targetList, nbarBs, nbarIrs, powerDbm,
                        noiseDbm, rcsDbsm, t1, t2, crossBeam, twoSidedIrs, trials, seed, refineScan);
                if (tp != null) {
                    tp.figure("hua3d");
                }
                r = Hua3dSimulation.run(cfg, nThreads, tp == null ? Progress.SILENT : tp);
            } catch (InvalidInputException ex) {
                throw new InvalidInputException(withOption(ex.getMessage()));
            } finally {
                if (tp != null) {
                    tp.clear();
                }
            }
            PrintStream out = main.out;
            if (json) {
                out.println(Hua3dSimulation.toJson(r));
            } else if (r instanceof Hua3dSimulation.SingleTarget s) {
                printSingle(out, s);
            } else {
                printMulti(out, (Hua3dSimulation.MultiTarget) r);
            }
            return 0;
        }

        /**
         * Names the option behind a library message "param = value is not allowed: ..." so the user
         * knows what to change: "target 1 position (--target) = ...".
         */
        static String withOption(String message) {
            int eq = message.indexOf(" = ");
            if (eq < 0) {
                return message;
            }
            String param = message.substring(0, eq);
            String option = param.matches("target \\d+ position") ? "--target"
                    : param.matches("IRS \\d+ position") || param.equals("number of IRSs") ? "--irs"
                    : param.equals("effective IRS frequency") ? "--bs/--irs/--target"
                    : param.startsWith("T2") ? "--t2"
                    : param.equals("T1") ? "--t1"
                    : param.equals("cross beam") ? "--cross-beam"
                    : param.equals("Nbar_BS") ? "--nbar-bs"
                    : param.equals("Nbar_r") ? "--nbar-irs"
                    : null;
            String text = option == null ? message : param + " (" + option + ")" + message.substring(eq);
            if (message.contains(" is behind IRS ")) {
                text += "; pass --two-sided-irs to allow a target behind an IRS";
            }
            return text;
        }
    }

    @Command(name = "fangactive", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Design a deployment of Fang et al. (multi-active-IRS sensing) and compare the paper's schemes.",
                "Per sensing mode and scheme: the design's max-CRB over the IRSs (mean over channel realizations), AO iterations, "
                        + "the winning start of the proposed design, and the BS and IRS powers used.",
                "Every IRS faces +x (frame h = +y, v = +z): the BS (0,0,0) and the target need a larger x than each IRS.",
                "Defaults are the paper's scene and budget."})
    static final class Fangactive implements Callable<Integer> {
        @ParentCommand
        SimulateCommand parent;

        @Option(names = "--mode", paramLabel = "bs|irs|both", converter = ModeName.class, defaultValue = "both",
                description = "Sensing at the BS (Prop. 1), at the IRSs (Prop. 2), or both (default: ${DEFAULT-VALUE}).")
        String mode;

        @Option(names = "--pt", paramLabel = "W", converter = PositiveDouble.class, defaultValue = "20",
                description = "BS power budget P_t in W, averaged over the L slots (default: ${DEFAULT-VALUE}).")
        double pt;

        @Option(names = "--ps-dbm", paramLabel = "P", converter = FiniteDouble.class, defaultValue = "20",
                description = "Amplification power budget P_s of every IRS in dBm (default: ${DEFAULT-VALUE}, i.e. 0.1 W).")
        double psDbm;

        @Option(names = "--amax", paramLabel = "A", converter = PositiveDouble.class, defaultValue = "8",
                description = "Per-element amplitude limit a_max of the active IRSs (default: ${DEFAULT-VALUE}).")
        double amax;

        @Option(names = "--bs-antennas", paramLabel = "M", converter = Main.PositiveInt.class, defaultValue = "16",
                description = "BS ULA elements M, along +x (default: ${DEFAULT-VALUE}).")
        int bsAntennas;

        @Option(names = "--irs", paramLabel = "X,Y,Z", converter = Point.class,
                description = "IRS position in metres (repeatable; default: -5,10,0 and -5,20,0).")
        List<Vec3> irss = new ArrayList<>();

        @Option(names = "--target", paramLabel = "X,Y,Z", converter = Point.class, defaultValue = "5,15,0",
                description = "Target position in metres (default: ${DEFAULT-VALUE}).")
        Vec3 target;

        @Option(names = "--irs-size", paramLabel = "NVxNH", converter = IrsSizeFormat.class, defaultValue = "4x4",
                description = "Reflecting and sensor UPA of every IRS, N_v x N_h (default: ${DEFAULT-VALUE}).")
        IrsSize irsSize;

        @Option(names = "--cbi-db", paramLabel = "C", converter = FiniteDouble.class, defaultValue = "-20",
                description = "BS-IRS path gain C_BI at 1 m in dB (ASSUMED in the spec; default: ${DEFAULT-VALUE}).")
        double cbiDb;

        @Option(names = "--realizations", paramLabel = "R", converter = Main.PositiveInt.class, defaultValue = "1",
                description = "Rician channel realizations t = 0..R-1 to average over (default: ${DEFAULT-VALUE}).")
        int realizations;

        @Option(names = "--seed", paramLabel = "S", converter = Main.AnyLong.class, defaultValue = "1",
                description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--schemes", paramLabel = "LIST", split = ",", converter = SchemeName.class,
                description = "Schemes to compare, comma-separated: proposed, transmit-only, reflective-only, passive "
                        + "(default: all).")
        List<Scheme> schemes = new ArrayList<>();

        @Option(names = "--ao", paramLabel = "quick|paper", converter = AoName.class, defaultValue = "paper",
                description = "AO settings: paper (K_AO = 20, eps_AO = 1e-3, I_SCA = 20, Q = 1000) or quick (3, 1e-2, 3, 64); "
                        + "both with two starts (default: ${DEFAULT-VALUE}).")
        FangSimulation.Ao ao;

        @Option(names = "--json", paramLabel = "FILE",
                description = "Also write the results as one JSON object to FILE (- prints it instead of the table).")
        String json;

        @Override
        public Integer call() {
            Main main = parent.main;
            List<Mode> modes = switch (mode) {
                case "bs" -> List.of(Mode.BS);
                case "irs" -> List.of(Mode.IRS);
                default -> List.of(Mode.BS, Mode.IRS);
            };
            List<Vec3> irsList = irss.isEmpty() ? List.of(Vec3.of(-5, 10, 0), Vec3.of(-5, 20, 0)) : irss;
            List<Scheme> schemeList = schemes.isEmpty() ? List.of(Scheme.values()) : schemes;
            TerminalProgress tp = TerminalProgress.onTerminal() ? new TerminalProgress(main.err) : null;
            FangSimulation.Result r;
            try {
                FangSimulation.Config cfg = new FangSimulation.Config(modes, schemeList, pt, psDbm, amax, bsAntennas, irsList, target,
                        irsSize.nv(), irsSize.nh(), cbiDb, realizations, seed, ao);
                if (json != null && !json.equals("-")) {
                    Path p = Path.of(json);
                    InvalidInputException.require(!Files.isDirectory(p), "--json", json, "must be a file, not a directory");
                    Path dir = p.toAbsolutePath().getParent();
                    InvalidInputException.require(dir == null || Files.isDirectory(dir), "--json", json,
                            "must be a file in an existing directory");
                }
                if (tp != null) {
                    tp.figure("fangactive");
                }
                r = FangSimulation.run(cfg, tp == null ? Progress.SILENT : tp);
            } catch (InvalidInputException ex) {
                throw new InvalidInputException(withOption(ex.getMessage()));
            } finally {
                if (tp != null) {
                    tp.clear();
                }
            }
            PrintStream out = main.out;
            if (json == null || !json.equals("-")) {
                printFang(out, r);
            }
            if (json != null) {
                String text = FangSimulation.toJson(r);
                if (json.equals("-")) {
                    out.println(text);
                } else {
                    try {
                        Files.writeString(Path.of(json), text + System.lineSeparator());
                    } catch (IOException ex) {
                        throw new InvalidInputException("--json = " + json + " is not allowed: cannot write the file (" + ex + ")");
                    }
                    out.println("JSON: " + json);
                }
            }
            return 0;
        }

        /** Names the option behind a library message "param = value is not allowed: ...". */
        static String withOption(String message) {
            int eq = message.indexOf(" = ");
            if (eq < 0) {
                return message;
            }
            String param = message.substring(0, eq);
            boolean irsAndTarget = param.matches("IRS \\d+ (position|normal)") && message.contains(" the target");
            String option = irsAndTarget ? "--irs/--target" // an IRS and the target clash: either may be the one to change
                    : param.matches("IRS \\d+ (position|normal)") || param.equals("number of IRSs L") ? "--irs"
                    : param.equals("target position") ? "--target"
                    : param.equals("BS antennas M") ? "--bs-antennas"
                    : param.equals("IRS size Nv x Nh") ? "--irs-size"
                    : param.equals("P_t (W)") ? "--pt"
                    : param.equals("P_s (dBm)") ? "--ps-dbm"
                    : param.equals("a_max") ? "--amax"
                    : param.equals("C_BI (dB)") ? "--cbi-db"
                    : param.equals("realizations") ? "--realizations"
                    : param.equals("schemes") ? "--schemes"
                    : param.equals("modes") ? "--mode"
                    : null;
            String text = option == null ? message : param + " (" + option + ")" + message.substring(eq);
            if (param.equals("BS antennas M") && message.contains("(mode irs)")) {
                text = text.replace("(mode irs)", "(--mode irs)");
            }
            return text;
        }
    }

    // ---- text output ----

    private static void printSingle(PrintStream o, Hua3dSimulation.SingleTarget s) {
        Hua3dSimulation.Config c = s.config();
        o.printf(Locale.ROOT, "hua3d single-target simulation: %d trials, seed %d%n", c.trials(), c.seed());
        o.println();
        printScene(o, c, s.crossBeam());
        o.println();
        o.println("True DoAs (from the geometry)");
        Hua3dSimulation.Truth t = s.truth();
        o.println("  BS -> target            " + doa(t.bsToTarget()));
        o.println("  IRS -> target           " + doa(t.irsToTarget()));
        o.printf(Locale.ROOT, "  BS -> IRS (at the IRS)  mu = %+.6f  nu = %+.6f%n", t.bsToIrsArrival().mu(), t.bsToIrsArrival().nu());
        o.printf(Locale.ROOT, "  effective IRS freq.     mu = %+.6f  nu = %+.6f  (scanned in stage II)%n", t.effectiveIrs().mu(),
                t.effectiveIrs().nu());
        o.println();
        Hua3dSimulation.StageOne s1 = s.stageOne();
        o.printf(Locale.ROOT, "Stage I: MUSIC on %d DFT-probing snapshots, BS -> target DoA%n", c.t1());
        o.println("         RMSE        sqrt CRB (Lemma 1)  sqrt CRB (receive-only)");
        o.printf(Locale.ROOT, "  mu     %-10s  %-18s  %s%n", num(s1.rmseMu()), num(s1.sqrtCrbMu()), num(s1.sqrtCrbReceiveOnlyMu()));
        o.printf(Locale.ROOT, "  nu     %-10s  %-18s  %s%n", num(s1.rmseNu()), num(s1.sqrtCrbNu()), num(s1.sqrtCrbReceiveOnlyNu()));
        o.println("  (Lemma 1 with the simulated DFT codebook; MUSIC's asymptote is the receive-only bound)");
        if (!s1.crbNote().isEmpty()) {
            o.println("  bounds infinite: " + s1.crbNote());
        }
        o.println();
        Hua3dSimulation.StageTwo s2 = s.stageTwo();
        o.printf(Locale.ROOT, "Stage II: IRS beam scan, %d + %d beams, effective frequency%n", c.t2() / 2, c.t2() / 2);
        o.println("         RMSE        grid step   grid floor (noiseless error)");
        o.printf(Locale.ROOT, "  mu     %-10s  %-10s  %s%n", num(s2.rmseMu()), num(s2.gridStepMu()), num(s2.gridFloorMu()));
        o.printf(Locale.ROOT, "  nu     %-10s  %-10s  %s%n", num(s2.rmseNu()), num(s2.gridStepNu()), num(s2.gridFloorNu()));
        o.println();
        o.println("Position error (m)");
        printErrors(o, s.position());
        o.println();
        o.printf(Locale.ROOT, "Runtime %.2f s (%d threads)%n", s.runtimeSeconds(), s.threads());
    }

    private static void printMulti(PrintStream o, Hua3dSimulation.MultiTarget m) {
        Hua3dSimulation.Config c = m.config();
        o.printf(Locale.ROOT, "hua3d multi-target simulation: %d IRSs, %d targets, %d trials, seed %d%n", c.irss().size(),
                c.targets().size(), c.trials(), c.seed());
        o.println();
        printScene(o, c, m.crossBeam());
        o.println();
        o.println("True BS -> target DoAs (from the geometry)");
        for (int k = 0; k < m.targets().size(); k++) {
            o.printf(Locale.ROOT, "  target %d  %s%n", k + 1, doa(m.targets().get(k).bsToTarget()));
        }
        o.println();
        o.println("Per-trial position RMSE over the targets (m; estimates matched to the truth)");
        printErrors(o, m.rmsePerTrial());
        o.println();
        o.printf(Locale.ROOT, "Runtime %.2f s (%d threads)%n", m.runtimeSeconds(), m.threads());
    }

    private static void printScene(PrintStream o, Hua3dSimulation.Config c, CrossBeam cross) {
        o.println("Scene");
        o.printf(Locale.ROOT, "  BS       %-16s UPA %d x %d%n", point(c.bs()), c.nbarBs(), c.nbarBs());
        for (int m = 0; m < c.irss().size(); m++) {
            String label = c.irss().size() == 1 ? "IRS     " : String.format(Locale.ROOT, "IRS %-4d", m + 1);
            o.printf(Locale.ROOT, "  %s %-16s UPA %d x %d, %s%n", label, point(c.irss().get(m)), c.nbarIrs(), c.nbarIrs(),
                    c.twoSidedIrs() ? "two-sided" : "one-sided");
        }
        for (int k = 0; k < c.targets().size(); k++) {
            String label = c.targets().size() == 1 ? "target  " : String.format(Locale.ROOT, "target %d", k + 1);
            o.printf(Locale.ROOT, "  %s %-16s RCS %s dBsm%n", label, point(c.targets().get(k)), plain(c.rcsDbsm()));
        }
        o.printf(Locale.ROOT, "  carrier 750 MHz (lambda = 0.4 m), P_BS %s dBm, noise %s dBm%n", plain(c.powerDbm()),
                plain(c.noiseDbm()));
        o.printf(Locale.ROOT, "  T1 = %d (DFT probing), T2 = %d (%d + %d beams, %s cross beam)%n", c.t1(), c.t2(), c.t2() / 2,
                c.t2() / 2, cross.name().toLowerCase(Locale.ROOT));
    }

    private static void printFang(PrintStream o, FangSimulation.Result r) {
        FangSimulation.Config c = r.config();
        org.cosense.systems.fangactive.AoOptions a = r.aoOptions();
        int l = c.irss().size();
        int nr = c.realizations();
        o.printf(Locale.ROOT, "fangactive design: %d IRS%s, M = %d, %d realization%s, seed %d, %s AO (K_AO = %d, eps_AO = %s, "
                + "I_SCA = %d, Q = %d, %s)%n", l, l == 1 ? "" : "s", c.bsAntennas(), nr, nr == 1 ? "" : "s", c.seed(), c.ao().id(),
                a.maxIterations(), plain(a.tolerance()), a.scaIterations(), a.randomizationDraws(), a.twoStarts() ? "two starts" : "one start");
        o.println();
        o.println("Scene");
        o.printf(Locale.ROOT, "  BS       %-16s ULA, M = %d along +x%n", point(Vec3.of(0, 0, 0)), c.bsAntennas());
        for (int k = 0; k < l; k++) {
            o.printf(Locale.ROOT, "  IRS %-4d %-16s %d x %d reflector, %d x %d sensors, normal +x%n", k + 1, point(c.irss().get(k)),
                    c.irsRows(), c.irsCols(), c.irsRows(), c.irsCols());
        }
        o.printf(Locale.ROOT, "  target   %s%n", point(c.target()));
        o.printf(Locale.ROOT, "  budget   P_t = %s W (BS, average over the %d slots), P_s = %s dBm = %s W (each IRS), a_max = %s%n",
                plain(c.bsPowerW()), l, plain(c.irsPowerDbm()), budget(r.budget().irsPower()), plain(c.maxAmplitude()));
        boolean perIrs = l <= 4;
        for (Mode m : c.modes()) {
            o.println();
            o.println(m.title());
            List<String> head = new ArrayList<>(List.of("scheme", nr == 1 ? "max-CRB" : "mean max-CRB (95% CI)"));
            if (nr == 1 && perIrs) {
                for (int k = 0; k < l; k++) {
                    head.add("CRB IRS " + (k + 1));
                }
            }
            head.addAll(List.of("iter.", "winning start", "BS power"));
            if (perIrs) {
                for (int k = 0; k < l; k++) {
                    head.add("P IRS " + (k + 1));
                }
            } else {
                head.add("max_l P_l");
            }
            head.add("time");
            List<List<String>> rows = new ArrayList<>();
            rows.add(head);
            for (Scheme s : c.schemes()) {
                SchemeResult x = r.get(m, s);
                List<String> row = new ArrayList<>();
                row.add(s.id());
                row.add(nr == 1 ? crb(x.meanMaxCrb()) : crb(x.meanMaxCrb()) + " (" + crb(x.meanMaxCrbLo()) + " .. "
                        + crb(x.meanMaxCrbHi()) + ")");
                if (nr == 1 && perIrs) {
                    for (double v : x.designs().get(0).crbs()) {
                        row.add(crb(v));
                    }
                }
                row.add(nr == 1 ? String.valueOf(x.designs().get(0).iterations())
                        : String.format(Locale.ROOT, "%.1f", x.meanIterations()));
                row.add(s == Scheme.PROPOSED ? starts(x, nr) : "-");
                row.add(watts(x.maxBsPower()) + " W");
                double[] p = x.maxIrsPowers();
                if (p == null) {
                    for (int k = 0; k < (perIrs ? l : 1); k++) {
                        row.add("n/a");
                    }
                } else if (perIrs) {
                    for (double v : p) {
                        row.add(watts(v) + " W");
                    }
                } else {
                    row.add(watts(java.util.Arrays.stream(p).max().orElse(0)) + " W");
                }
                row.add(String.format(Locale.ROOT, "%.2f s", x.seconds()));
                rows.add(row);
            }
            table(o, rows);
        }
        o.println();
        o.printf(Locale.ROOT, "max-CRB = max over the IRSs of CRB_l%s; iter. = AO iterations (transmit-only: one R-step; "
                + "reflective-only: Psi-step sweeps with R = (P_t/M) I); winning start = which AO start gave the proposed design%s.%n",
                nr == 1 ? "" : ", averaged over the realizations (common random numbers)", nr == 1 ? "" : " (count)");
        o.printf(Locale.ROOT, "BS power = (1/L) sum_l tr R_l, budget P_t = %s W; %s, budget P_s = %s W%s; n/a: the passive IRS "
                + "has no amplifier and no IRS budget.%n", plain(c.bsPowerW()), perIrs ? "P IRS l = amplification power of IRS l"
                        : "max_l P_l = the largest amplification power of the IRSs", budget(r.budget().irsPower()),
                nr == 1 ? "" : "; powers are the largest over the realizations");
        if (!perIrs) {
            o.println("More than 4 IRSs: the per-IRS CRBs and powers are in the JSON output (--json FILE).");
        }
        o.printf(Locale.ROOT, "Runtime %.2f s%n", r.runtimeSeconds());
        o.println("Values are CRBs: " + r.crbUnits() + ". " + r.assumptions() + ".");
    }

    private static String starts(SchemeResult x, int nr) {
        if (nr == 1) {
            return x.designs().get(0).start().replace(" start", "");
        }
        return x.starts().entrySet().stream().map(e -> e.getKey().replace(" start", "") + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** Left-aligned columns, two spaces apart, indented by two. */
    private static void table(PrintStream o, List<List<String>> rows) {
        int cols = rows.get(0).size();
        int[] w = new int[cols];
        for (List<String> row : rows) {
            for (int i = 0; i < cols; i++) {
                w[i] = Math.max(w[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder b = new StringBuilder(" ");
            for (int i = 0; i < cols; i++) {
                b.append(' ').append(i == cols - 1 ? row.get(i) : String.format(Locale.ROOT, "%-" + (w[i] + 1) + "s", row.get(i)));
            }
            o.println(b.toString().stripTrailing());
        }
    }

    /** A CRB with four significant digits in scientific notation; non-finite as inf / nan. */
    static String crb(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    /** A budget: at most four significant digits, no trailing zeros (20 dBm = 0.1 W). */
    private static String budget(double v) {
        return new BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A power in W with four significant digits. */
    private static String watts(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static void printErrors(PrintStream o, Errors e) {
        o.printf(Locale.ROOT, "  RMSE     %s  (95%% CI %s .. %s)%n", num(e.rmse()), num(e.rmseLo()), num(e.rmseHi()));
        o.printf(Locale.ROOT, "  median   %s%n", num(e.median()));
        o.printf(Locale.ROOT, "  p90      %s%n", num(e.p90()));
        if (e.failedTrials() > 0) {
            o.printf(Locale.ROOT, "  %d of %d trials gave no position (degenerate construction): the RMSE is infinite%n",
                    e.failedTrials(), e.trials());
        }
    }

    private static String doa(Doa d) {
        return String.format(Locale.ROOT, "mu = %+.6f  nu = %+.6f  az = %+7.2f deg  el = %+7.2f deg", d.mu(), d.nu(),
                d.azimuthDeg(), d.elevationDeg());
    }

    /** Four significant digits; non-finite as inf / nan. */
    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String point(Vec3 p) {
        return "[" + plain(p.x()) + ", " + plain(p.y()) + ", " + plain(p.z()) + "]";
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
