package org.cosense.cli;

import static org.cosense.cli.Formats.crb;
import static org.cosense.cli.Formats.num;
import static org.cosense.cli.Formats.plain;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.cosense.lab.systems.zhanghybrid.ZhangSimulation;
import org.cosense.math.Db;
import org.cosense.systems.zhanghybrid.HybridParameters;
import org.cosense.systems.zhanghybrid.HybridScene;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code cosense simulate zhanghybrid}: one deployment of Zhang et al. (multi-IRS collaborative hybrid time–angle
 * localization): the rank case of every IRS, the five position bounds, and the localizers on measurements drawn at the
 * bound, in {@link ZhangSimulation}; this class parses the options and prints the result.
 */
@Command(name = "zhanghybrid", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate a deployment of Zhang et al. (multi-IRS collaborative localization from cascaded delays,",
            "AOAs and AODs): rank case per IRS, the five position CRBs, and LS / WLS / two-stage / three-stage localization.",
            "IRSs from --irs (repeatable; default: the paper's (10,50), (10,-50), (50,0)); the BS is at the origin.",
            "Channels and IRS phases are drawn once from --seed; the localizers run on delays and angles drawn from the bound,",
            "then on --estimator-trials simulated frames: angle RMSE per estimator (ANM with its ADMM iterations, MUSIC, ESPRIT,",
            "Capon) and location RMSE per localizer from matched-filter delays and ANM angles, each against its bound."})
final class SimulateZhanghybridCommand implements Callable<Integer>, OptionTable.Owner {
    private static final OptionTable OPTIONS = OptionTable.of(Map.ofEntries(
            Map.entry("IRS count", "--irs"),
            Map.entry("IRS position", "--irs"),
            Map.entry("target position", "--target"),
            Map.entry("target x", "--target"),
            Map.entry("target y", "--target"),
            Map.entry("elements N", "--elements"),
            Map.entry("sensors M", "--sensors"),
            Map.entry("BS antennas N_t", "--bs-antennas"),
            Map.entry("BS-IRS paths L", "--paths"),
            Map.entry("streams D", "--streams"),
            Map.entry("power P (W)", "--power-dbm"),
            Map.entry("bandwidth B (Hz)", "--bandwidth-mhz"),
            Map.entry("RCS (m^2)", "--rcs"),
            Map.entry("trials", "--trials"),
            Map.entry("estimator trials", "--estimator-trials")));

    @ParentCommand
    SimulateCommand parent;

    @Option(names = "--irs", paramLabel = "X,Y", description = "IRS position in metres (repeatable, at least 2; default: the paper's three).")
    List<String> irs = new ArrayList<>();

    @Option(names = "--target", paramLabel = "X,Y", defaultValue = "30,5", description = "Target position in metres (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--elements", paramLabel = "N", defaultValue = "16", description = "Reflecting elements per IRS N, at least 2 (default: ${DEFAULT-VALUE}).")
    int elements;

    @Option(names = "--sensors", paramLabel = "M", defaultValue = "8", description = "Sensors per IRS M, at least 2 (default: ${DEFAULT-VALUE}).")
    int sensors;

    @Option(names = "--bs-antennas", paramLabel = "N_T", defaultValue = "16", description = "BS antennas N_t (default: ${DEFAULT-VALUE}).")
    int bsAntennas;

    @Option(names = "--paths", paramLabel = "L", defaultValue = "16",
            description = "Paths of each BS-IRS channel, line of sight first (default: ${DEFAULT-VALUE}).")
    int paths;

    @Option(names = "--streams", paramLabel = "D", description = "Sensing streams per IRS D (default: min(N, N_t)).")
    Integer streams;

    @Option(names = "--power-dbm", paramLabel = "P", converter = Converters.FiniteDouble.class, defaultValue = "40",
            description = "BS transmit power in dBm, split equally over the IRSs (default: ${DEFAULT-VALUE}).")
    double powerDbm;

    @Option(names = "--bandwidth-mhz", paramLabel = "B", converter = Converters.FiniteDouble.class, defaultValue = "20",
            description = "Bandwidth in MHz (flat spectrum); the noise is -174 dBm/Hz over it (default: ${DEFAULT-VALUE}).")
    double bandwidthMhz;

    @Option(names = "--rcs", paramLabel = "SIGMA", converter = Converters.FiniteDouble.class, defaultValue = "1",
            description = "Target RCS in m^2 (default: ${DEFAULT-VALUE}).")
    double rcs;

    @Option(names = "--trials", paramLabel = "N", converter = Converters.PositiveInt.class, defaultValue = "1000",
            description = "Monte Carlo trials of the localizers (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--estimator-trials", paramLabel = "N", defaultValue = "20",
            description = "Simulated frames for the estimator rows (angle estimators, localizers from estimated delays and angles); "
                    + "0 skips them (default: ${DEFAULT-VALUE}).")
    int estimatorTrials;

    @Mixin
    SimulationOutput output;

    @Option(names = "--seed", paramLabel = "S", converter = Converters.AnyLong.class, defaultValue = "1",
            description = "Seed of the channel and phase draw and of the trials (default: ${DEFAULT-VALUE}).")
    long seed;


    @Override
    public OptionTable optionTable() {
        return OPTIONS;
    }

    @Override
    public Integer call() {
        Main main = parent.main;
        double[][] q;
        if (irs.isEmpty()) {
            q = HybridScene.paperIrs();
        } else {
            q = new double[irs.size()][];
            for (int i = 0; i < q.length; i++) {
                q[i] = SimulateWangmultistaticCommand.xy("IRS position", irs.get(i));
            }
        }
        double[] p = SimulateWangmultistaticCommand.xy("target position", target);
        new HybridScene(q, p);
        double b = bandwidthMhz * 1e6;
        org.cosense.InvalidInputException.positive("bandwidth B (Hz)", b);
        int d = streams != null ? streams : Math.max(1, Math.min(elements, bsAntennas));
        HybridParameters prm = new HybridParameters(elements, sensors, bsAntennas, paths, d, Db.dbmToWatts(powerDbm), b, rcs,
                3.5e9, HybridParameters.thermalNoise(b), 1024, 10);
        ZhangSimulation.Config cfg = new ZhangSimulation.Config(q, p, prm, trials, estimatorTrials, seed);
        int n = output.threads();
        ZhangSimulation.Result r = TerminalProgress.around(main.err, "zhanghybrid", progress -> ZhangSimulation.run(cfg, n, progress));
        if (output.json()) {
            main.out.println(ZhangSimulation.toJson(r));
        } else {
            print(main.out, r, powerDbm);
        }
        return 0;
    }

    private static String xy(double[] v) {
        return "(" + plain(v[0]) + ", " + plain(v[1]) + ")";
    }

    private static void print(PrintStream o, ZhangSimulation.Result r, double powerDbm) {
        ZhangSimulation.Config c = r.config();
        HybridParameters s = c.parameters();
        o.printf(Locale.ROOT, "zhanghybrid simulation: %d IRSs, %d trials, seed %d%n", c.irs().length, c.trials(), c.seed());
        o.println();
        o.println("Deployment (m), BS at (0, 0)");
        o.println("  target  " + xy(c.target()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("IRS", "position", "rank Z_j", "case"));
        for (ZhangSimulation.IrsCase k : r.cases()) {
            rows.add(List.of(Integer.toString(k.irs()), xy(c.irs()[k.irs() - 1]), Integer.toString(k.rank()),
                    k.rankCase() + " (" + k.meaning() + ")"));
        }
        Formats.table(o, rows);
        o.printf(Locale.ROOT, "  N = %d, M = %d, N_t = %d, L = %d, D = %d, P = %s dBm, B = %s MHz, RCS %s m^2, f_c = 3.5 GHz, T = %d%n",
                s.elements(), s.sensors(), s.bsAntennas(), s.bsIrsPaths(), s.streams(), plain(powerDbm), plain(s.bandwidthHz() / 1e6),
                plain(s.rcs()), s.frameSamples());
        o.println();
        o.println("Position CRB tr CRB(p) (m^2), channels and IRS phases drawn from the seed");
        o.println("  proposed (all K^2 paths)  " + crb(r.crbProposed()));
        o.println("  angle only                " + crb(r.crbAngle()));
        o.println("  delay only                " + crb(r.crbDelay()));
        o.println("  no collaboration          " + crb(r.crbNoCollaboration()));
        o.println("  single IRS (K N, K M)     " + crb(r.crbSingle()));
        o.println();
        o.println("Localization RMSE at the bound (measurements drawn from the bound, no estimator run)");
        o.println("  inputs: " + r.measurements());
        List<List<String>> lr = new ArrayList<>();
        lr.add(List.of("localizer", "RMSE (m)", "sqrt CRB (m)", "MSE/CRB"));
        for (ZhangSimulation.LocalizerRow l : r.localizers()) {
            lr.add(List.of(l.method(), num(l.rmse()), num(Math.sqrt(l.crb())), num(l.ratio())));
        }
        Formats.table(o, lr);
        o.println();
        o.printf(Locale.ROOT, "Estimators on %d simulated frames%n", c.estimatorTrials());
        o.println("  inputs: " + r.estimatorInputs());
        if (r.angles().isEmpty()) {
            return;
        }
        List<List<String>> ar = new ArrayList<>();
        ar.add(List.of("estimator", "data", "AOA RMSE (deg)", "AOA bound (deg)", "AOD RMSE (deg)", "AOD bound (deg)", "no source",
                "ADMM iterations median/max", "ADMM converged"));
        for (ZhangSimulation.AngleRow a : r.angles()) {
            boolean admm = a.solves() > 0;
            ar.add(List.of(a.estimator(), a.data(), num(Math.toDegrees(a.aoaRmse())), num(Math.toDegrees(a.aoaBound())),
                    num(Math.toDegrees(a.aodRmse())), num(Math.toDegrees(a.aodBound())), Integer.toString(a.failures()),
                    admm ? num(a.iterationsMedian()) + " / " + a.iterationsMax() : "-", admm ? a.converged() + " of " + a.solves() : "-"));
        }
        Formats.table(o, ar);
        o.println("Localization RMSE from estimated delays and angles against the proposed bound of the same frames");
        List<List<String>> er = new ArrayList<>();
        er.add(List.of("localizer", "RMSE (m)", "sqrt CRB (m)", "MSE/CRB"));
        for (ZhangSimulation.LocalizerRow l : r.estimatedLocalizers()) {
            er.add(List.of(l.method(), num(l.rmse()), num(Math.sqrt(l.crb())), num(l.ratio())));
        }
        Formats.table(o, er);
    }
}
