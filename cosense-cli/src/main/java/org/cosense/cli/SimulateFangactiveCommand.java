package org.cosense.cli;

import static org.cosense.cli.Formats.crb;
import static org.cosense.cli.Formats.plain;
import static org.cosense.cli.Formats.point;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.cosense.InvalidInputException;
import org.cosense.geom.Vec3;
import org.cosense.lab.systems.fangactive.FangSimulation;
import org.cosense.lab.systems.fangactive.FangSimulation.Mode;
import org.cosense.lab.systems.fangactive.FangSimulation.Scheme;
import org.cosense.lab.systems.fangactive.FangSimulation.SchemeResult;
import org.cosense.systems.fangactive.AoOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code cosense simulate fangactive}: one deployment of Fang et al., designed by the paper's
 * schemes in {@link FangSimulation}; this class parses the options and prints the comparison.
 */
@Command(name = "fangactive", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Design a deployment of Fang et al. (multi-active-IRS sensing) and compare the paper's schemes.",
            "Per sensing mode and scheme: the design's max-CRB over the IRSs (mean over channel realizations), AO iterations, "
                    + "the winning start of the proposed design, and the BS and IRS powers used.",
            "Every IRS faces +x (frame h = +y, v = +z): the BS (0,0,0) and the target need a larger x than each IRS.",
            "Defaults are the paper's scene and budget."})
final class SimulateFangactiveCommand implements Callable<Integer>, OptionTable.Owner {
    /** The library's parameter names (FangSimulation.Config, Scenario) and the options that set them. */
    private static final OptionTable OPTIONS = new OptionTable(Map.ofEntries(
            Map.entry("modes", "--mode"),
            Map.entry("schemes", "--schemes"),
            Map.entry("P_t (W)", "--pt"),
            Map.entry("P_s (dBm)", "--ps-dbm"),
            Map.entry("a_max", "--amax"),
            Map.entry("BS antennas M", "--bs-antennas"),
            Map.entry("IRS position", "--irs"),
            Map.entry("IRS normal", "--irs"),
            Map.entry("number of IRSs L", "--irs"),
            Map.entry("target position", "--target"),
            Map.entry("IRS size Nv x Nh", "--irs-size"),
            Map.entry("C_BI (dB)", "--cbi-db"),
            Map.entry("realizations", "--realizations"),
            Map.entry("AO setting", "--ao")),
            Map.of("modes", "sensing at the IRSs alone (--mode irs) allows M = 1"));

    /** The --mode choices: one sensing mode or both. */
    enum Sensing {
        BS(List.of(Mode.BS)), IRS(List.of(Mode.IRS)), BOTH(List.of(Mode.BS, Mode.IRS));

        private final List<Mode> modes;

        Sensing(List<Mode> modes) {
            this.modes = modes;
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

    /** A scheme by its id (transmit-only, ...), which is not its enum constant's name. */
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

    @ParentCommand
    SimulateCommand parent;

    @Option(names = "--mode", paramLabel = "bs|irs|both", defaultValue = "both",
            description = "Sensing at the BS (Prop. 1), at the IRSs (Prop. 2), or both (default: ${DEFAULT-VALUE}).")
    Sensing mode;

    @Option(names = "--pt", paramLabel = "W", converter = Converters.PositiveDouble.class, defaultValue = "20",
            description = "BS power budget P_t in W, averaged over the L slots (default: ${DEFAULT-VALUE}).")
    double pt;

    @Option(names = "--ps-dbm", paramLabel = "P", converter = Converters.FiniteDouble.class, defaultValue = "20",
            description = "Amplification power budget P_s of every IRS in dBm (default: ${DEFAULT-VALUE}, i.e. 0.1 W).")
    double psDbm;

    @Option(names = "--amax", paramLabel = "A", converter = Converters.PositiveDouble.class, defaultValue = "8",
            description = "Per-element amplitude limit a_max of the active IRSs (default: ${DEFAULT-VALUE}).")
    double amax;

    @Option(names = "--bs-antennas", paramLabel = "M", converter = Converters.PositiveInt.class, defaultValue = "16",
            description = "BS ULA elements M, along +x (default: ${DEFAULT-VALUE}).")
    int bsAntennas;

    @Option(names = "--irs", paramLabel = "X,Y,Z", converter = Converters.Point.class,
            description = "IRS position in metres (repeatable; default: -5,10,0 and -5,20,0).")
    List<Vec3> irss = new ArrayList<>();

    @Option(names = "--target", paramLabel = "X,Y,Z", converter = Converters.Point.class, defaultValue = "5,15,0",
            description = "Target position in metres (default: ${DEFAULT-VALUE}).")
    Vec3 target;

    @Option(names = "--irs-size", paramLabel = "NVxNH", converter = IrsSizeFormat.class, defaultValue = "4x4",
            description = "Reflecting and sensor UPA of every IRS, N_v x N_h (default: ${DEFAULT-VALUE}).")
    IrsSize irsSize;

    @Option(names = "--cbi-db", paramLabel = "C", converter = Converters.FiniteDouble.class, defaultValue = "-20",
            description = "BS-IRS path gain C_BI at 1 m in dB (ASSUMED in the documentation; default: ${DEFAULT-VALUE}).")
    double cbiDb;

    @Option(names = "--realizations", paramLabel = "R", converter = Converters.PositiveInt.class, defaultValue = "1",
            description = "Rician channel realizations t = 0..R-1 to average over (default: ${DEFAULT-VALUE}).")
    int realizations;

    @Option(names = "--seed", paramLabel = "S", converter = Converters.AnyLong.class, defaultValue = "1",
            description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--schemes", paramLabel = "LIST", split = ",", converter = SchemeName.class,
            description = "Schemes to compare, comma-separated: proposed, transmit-only, reflective-only, passive "
                    + "(default: all).")
    List<Scheme> schemes = new ArrayList<>();

    @Option(names = "--ao", paramLabel = "quick|paper", defaultValue = "paper",
            description = "AO settings: paper (K_AO = 20, eps_AO = 1e-3, I_SCA = 20, Q = 1000) or quick (3, 1e-2, 3, 64); "
                    + "both with two starts (default: ${DEFAULT-VALUE}).")
    FangSimulation.Ao ao;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the results as one JSON object to FILE (- prints it instead of the table).")
    String json;

    @Override
    public OptionTable optionTable() {
        return OPTIONS;
    }

    @Override
    public Integer call() {
        Main main = parent.main;
        List<Vec3> irsList = irss.isEmpty() ? List.of(Vec3.of(-5, 10, 0), Vec3.of(-5, 20, 0)) : irss;
        List<Scheme> schemeList = schemes.isEmpty() ? List.of(Scheme.values()) : schemes;
        FangSimulation.Config cfg = new FangSimulation.Config(mode.modes, schemeList, pt, psDbm, amax, bsAntennas, irsList, target,
                irsSize.nv(), irsSize.nh(), cbiDb, realizations, seed, ao);
        Path jsonFile = json == null || json.equals("-") ? null : Path.of(json);
        if (jsonFile != null) {
            // checked before the design runs, so a typo does not cost the run; the option is named as typed
            InvalidInputException.require(!Files.isDirectory(jsonFile), "--json", json, "must be a file, not a directory");
            Path dir = jsonFile.toAbsolutePath().getParent();
            InvalidInputException.require(dir == null || Files.isDirectory(dir), "--json", json,
                    "must be a file in an existing directory");
            if (dir != null) {
                try {
                    Files.delete(Files.createTempFile(dir, ".cosense-", ".probe"));
                } catch (IOException | SecurityException ex) {
                    throw new InvalidInputException("--json", json, "must be a file in a folder that can be written ("
                            + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")");
                }
            }
        }
        FangSimulation.Result r = TerminalProgress.around(main.err, "fangactive", progress -> FangSimulation.run(cfg, progress));
        PrintStream out = main.out;
        if (json == null || jsonFile != null) {
            printFang(out, r);
        }
        if (json != null) {
            String text = FangSimulation.toJson(r);
            if (jsonFile == null) {
                out.println(text);
            } else {
                try {
                    Files.writeString(jsonFile, text + System.lineSeparator());
                } catch (IOException ex) {
                    throw new InvalidInputException("--json", json, "cannot write the file (" + ex + ")");
                }
                out.println("JSON: " + json);
            }
        }
        return 0;
    }

    private static void printFang(PrintStream o, FangSimulation.Result r) {
        FangSimulation.Config c = r.config();
        AoOptions a = r.aoOptions();
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
                rows.add(row(r.get(m, s), s, nr, l, perIrs));
            }
            Formats.table(o, rows);
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

    private static List<String> row(SchemeResult x, Scheme s, int nr, int l, boolean perIrs) {
        List<String> row = new ArrayList<>();
        row.add(s.id());
        row.add(nr == 1 ? crb(x.meanMaxCrb()) : crb(x.meanMaxCrb()) + " (" + crb(x.meanMaxCrbLo()) + " .. "
                + crb(x.meanMaxCrbHi()) + ")");
        if (nr == 1 && perIrs) {
            for (double v : x.designs().get(0).crbs()) {
                row.add(crb(v));
            }
        }
        row.add(nr == 1 ? String.valueOf(x.designs().get(0).iterations()) : String.format(Locale.ROOT, "%.1f", x.meanIterations()));
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
            row.add(watts(Arrays.stream(p).max().orElse(0)) + " W");
        }
        row.add(String.format(Locale.ROOT, "%.2f s", x.seconds()));
        return row;
    }

    private static String starts(SchemeResult x, int nr) {
        if (nr == 1) {
            return x.designs().get(0).start().replace(" start", "");
        }
        return x.starts().entrySet().stream().map(e -> e.getKey().replace(" start", "") + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** A budget: at most four significant digits, no trailing zeros (20 dBm = 0.1 W). */
    private static String budget(double v) {
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A power in W with four significant digits. */
    private static String watts(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
