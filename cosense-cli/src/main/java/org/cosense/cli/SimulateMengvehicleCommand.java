package org.cosense.cli;

import static org.cosense.cli.Formats.crb;
import static org.cosense.cli.Formats.num;
import static org.cosense.cli.Formats.plain;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cosense.lab.systems.mengvehicle.MengSimulation;
import org.cosense.systems.mengvehicle.MengParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code cosense simulate mengvehicle}: one deployment of Meng et al. (vehicle-mounted IRS localization), computed by
 * {@link MengSimulation}; this class parses the options and prints the result.
 */
@Command(name = "mengvehicle", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate a deployment of Meng et al. (cooperative cellular localization with vehicle-mounted IRSs):",
            "angular spans and beam flattening, dwell-time allocation per scheme with its CRLB, the polyblock's gap,",
            "the multi-vehicle slot schedules and the grid MLE's MSE against the CRLB.",
            "BSs from --bs (repeatable) or, without it, a random layout of --bs-count BSs from --seed."})
final class SimulateMengvehicleCommand implements Callable<Integer>, OptionTable.Owner {
    private static final OptionTable OPTIONS = OptionTable.of(Map.ofEntries(
            Map.entry("bs count", "--bs/--bs-count"),
            Map.entry("bs", "--bs"),
            Map.entry("bs position", "--bs"),
            Map.entry("vehicle", "--vehicle"),
            Map.entry("vehicle count", "--vehicle"),
            Map.entry("vehicle position", "--vehicle"),
            Map.entry("radius", "--radius"),
            Map.entry("mx", "--mx"),
            Map.entry("my", "--my"),
            Map.entry("power P (W)", "--power"),
            Map.entry("noise (dBW)", "--noise-dbw"),
            Map.entry("height H (m)", "--height"),
            Map.entry("schemes", "--schemes"),
            Map.entry("trials", "--trials")));

    @ParentCommand
    SimulateCommand parent;

    @Option(names = "--bs", paramLabel = "X,Y", description = "BS position in metres (repeatable; default: a random layout).")
    List<String> bs = new ArrayList<>();

    @Option(names = "--bs-count", paramLabel = "B", converter = Converters.PositiveInt.class, defaultValue = "10",
            description = "BSs of the random layout (uniform in [-250, 250]^2 m, at least r + 20 m from every prior centre) (default: ${DEFAULT-VALUE}).")
    int bsCount;

    @Option(names = "--vehicle", paramLabel = "X,Y", description = "Prior centre of a vehicle in metres (repeatable; default: 0,0).")
    List<String> vehicles = new ArrayList<>();

    @Option(names = "--radius", paramLabel = "R", converter = Converters.FiniteDouble.class, defaultValue = "5",
            description = "Prior uncertainty radius r in metres (default: ${DEFAULT-VALUE}).")
    double radius;

    @Option(names = "--mx", paramLabel = "N", converter = Converters.PositiveInt.class, defaultValue = "10",
            description = "IRS elements along x (default: ${DEFAULT-VALUE}).")
    int mx;

    @Option(names = "--my", paramLabel = "N", converter = Converters.PositiveInt.class, defaultValue = "10",
            description = "IRS elements along y (default: ${DEFAULT-VALUE}).")
    int my;

    @Option(names = "--power", paramLabel = "W", converter = Converters.FiniteDouble.class, defaultValue = "0.5",
            description = "BS transmit power in W (default: ${DEFAULT-VALUE}).")
    double power;

    @Option(names = "--noise-dbw", paramLabel = "S", converter = Converters.FiniteDouble.class, defaultValue = "-110",
            description = "Noise power per sample in dBW (default: ${DEFAULT-VALUE}).")
    double noiseDbw;

    @Option(names = "--height", paramLabel = "H", converter = Converters.FiniteDouble.class, defaultValue = "10",
            description = "Height of the BS antennas above the IRS plane in metres (default: ${DEFAULT-VALUE}).")
    double height;

    @Option(names = "--schemes", paramLabel = "LIST", defaultValue = "proposed,average,closest",
            description = "Single-vehicle schemes, comma-separated: proposed, average, closest (default: ${DEFAULT-VALUE}).")
    String schemes;

    @Option(names = "--trials", paramLabel = "N", converter = Converters.PositiveInt.class, defaultValue = "200",
            description = "MLE Monte Carlo trials per vehicle and scheme (default: ${DEFAULT-VALUE}).")
    int trials;

    @Mixin
    SimulationOutput output;

    @Option(names = "--seed", paramLabel = "S", converter = Converters.AnyLong.class, defaultValue = "1",
            description = "Seed of the random layout and the trials (default: ${DEFAULT-VALUE}).")
    long seed;


    @Override
    public OptionTable optionTable() {
        return OPTIONS;
    }

    @Override
    public Integer call() {
        Main main = parent.main;
        List<double[]> q = new ArrayList<>();
        for (String s : bs) {
            q.add(SimulateWangmultistaticCommand.xy("bs position", s));
        }
        List<double[]> v = new ArrayList<>();
        for (String s : vehicles.isEmpty() ? List.of("0,0") : vehicles) {
            v.add(SimulateWangmultistaticCommand.xy("vehicle position", s));
        }
        MengParameters p = MengParameters.defaults().withArray(mx, my).withPower(power).withNoiseDbw(noiseDbw).withHeight(height);
        List<String> names = Arrays.stream(schemes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        MengSimulation.Config cfg = new MengSimulation.Config(q, bsCount, v, radius, p, names, trials, seed);
        int n = output.threads();
        MengSimulation.Result r = TerminalProgress.around(main.err, "mengvehicle", progress -> MengSimulation.run(cfg, n, progress));
        if (output.json()) {
            main.out.println(MengSimulation.toJson(r));
        } else {
            print(main.out, r);
        }
        return 0;
    }

    private static String xy(double x, double y) {
        return "(" + plain(Math.round(x * 100) / 100.0) + ", " + plain(Math.round(y * 100) / 100.0) + ")";
    }

    private static void print(PrintStream o, MengSimulation.Result r) {
        MengSimulation.Config c = r.config();
        MengParameters p = c.parameters();
        o.printf(Locale.ROOT, "mengvehicle simulation: %d BSs, %d vehicles, r = %s m, %d trials, seed %d%n", r.bs().length, r.vehicles().size(),
                plain(c.radius()), c.trials(), c.seed());
        o.printf(Locale.ROOT, "  IRS %dx%d, P = %s W, noise %s dBW, H = %s m (other link parameters: the ASSUMED defaults)%n", p.mx(), p.my(),
                plain(p.powerW()), plain(p.noiseDbw()), plain(p.heightM()));
        for (MengSimulation.VehicleReport v : r.vehicles()) {
            o.println();
            o.println("Vehicle " + v.vehicle() + " at " + xy(v.x(), v.y()));
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("BS", "position", "distance (m)", "span x", "span y", "sub-arrays", "rho (1/m^2)"));
            for (MengSimulation.BsLink b : v.links()) {
                rows.add(List.of(Integer.toString(b.bs()), xy(b.x(), b.y()), num(b.distanceM()), num(b.spanX()), num(b.spanY()),
                        b.lx() + "x" + b.ly(), num(b.rho())));
            }
            Formats.table(o, rows);
            List<List<String>> al = new ArrayList<>();
            al.add(List.of("scheme", "BSs (dwell share)", "CRLB (m^2)", "MLE MSE (m^2)", "MSE/CRLB"));
            for (MengSimulation.Allocation a : v.allocations()) {
                StringBuilder s = new StringBuilder();
                for (int b : a.associated()) {
                    s.append(s.length() == 0 ? "" : ", ").append(b).append(String.format(Locale.ROOT, " (%.3f)", a.tau()[b - 1]));
                }
                al.add(List.of(a.scheme(), s.toString(), crb(a.crlb()), crb(a.mleMse()), num(a.mleMse() / a.mleCrlb())));
            }
            Formats.table(o, al);
            o.println("  polyblock (" + v.polyblockIterations() + " iterations): CRLB " + crb(v.polyblockCrlb()) + " m^2, certified gap "
                    + num(v.polyblockCertifiedGap()));
        }
        o.println();
        o.println("Slot schedules (" + r.interferingTriples() + " interfering (BS, vehicle, BS) triples)");
        for (MengSimulation.Schedule s : r.schedules()) {
            o.println("  " + s.scheme() + ": N = " + s.slots() + ", max CRLB " + crb(s.maxCrlb()) + " m^2");
            for (MengSimulation.Slot sl : s.schedule()) {
                o.printf(Locale.ROOT, "    slot %d (share %.3f): %s%n", sl.slot(), sl.share(), String.join("; ", sl.associations()));
            }
        }
        o.println();
        o.printf(Locale.ROOT, "Runtime %.2f s (%d threads)%n", r.runtimeSeconds(), r.threads());
    }
}
