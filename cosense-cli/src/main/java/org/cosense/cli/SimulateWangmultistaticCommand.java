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
import org.cosense.InvalidInputException;
import org.cosense.systems.wangmultistatic.MultistaticLayout;
import org.cosense.lab.systems.wangmultistatic.WangSimulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code cosense simulate wangmultistatic}: one layout of Wang et al. (multi-static ISAC): receiver selection and
 * beamforming (deterministic design), then the matched filter and Prop. 5.1 by Monte Carlo, in
 * {@link WangSimulation}; this class parses the options and prints the result.
 */
@Command(name = "wangmultistatic", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate a layout of Wang et al. (multi-static ISAC: receiver selection, beamforming,",
            "delay-Doppler matched filter and Prop. 5.1 localization).",
            "Receivers from --receiver (repeatable) or, without it, a random layout of --receivers REs from --seed.",
            "The design picks the candidate set with the smallest EXACT bound that meets every rate and the cost limit."})
final class SimulateWangmultistaticCommand implements Callable<Integer>, OptionTable.Owner {
    private static final OptionTable OPTIONS = OptionTable.of(Map.ofEntries(
            Map.entry("transmitter", "--transmitter"),
            Map.entry("transmitter position", "--transmitter"),
            Map.entry("target", "--target"),
            Map.entry("target position", "--target"),
            Map.entry("receiver", "--receiver"),
            Map.entry("receiver position", "--receiver"),
            Map.entry("receivers K", "--receivers"),
            Map.entry("transmit antennas N_t", "--nt"),
            Map.entry("receive antennas N_r", "--nr"),
            Map.entry("power (dBm)", "--power-dbm"),
            Map.entry("noise (dBm)", "--noise-dbm"),
            Map.entry("rate threshold R_th (bit/s/Hz)", "--rate"),
            Map.entry("cost limit Omega_th (m)", "--cost-limit"),
            Map.entry("selection", "--selection"),
            Map.entry("pulse", "--pulse"),
            Map.entry("speed v (m/s)", "--speed"),
            Map.entry("carrier f_0 (Hz)", "--carrier-ghz"),
            Map.entry("pulses M", "--pulses"),
            Map.entry("oversampling P", "--oversampling"),
            Map.entry("trials", "--trials")));

    @ParentCommand
    SimulateCommand parent;

    @Option(names = "--transmitter", paramLabel = "X,Y", defaultValue = "0,0",
            description = "TR position in metres (default: ${DEFAULT-VALUE}).")
    String transmitter;

    @Option(names = "--target", paramLabel = "X,Y", defaultValue = "20,40",
            description = "Target position in metres; also the prior the selection uses (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--receiver", paramLabel = "X,Y", description = "RE position in metres (repeatable; default: a random layout).")
    List<String> receivers = new ArrayList<>();

    @Option(names = "--receivers", paramLabel = "K", converter = Converters.PositiveInt.class, defaultValue = "10",
            description = "REs of the random layout (uniform in area over 1..100 m from the TR, from --seed) (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--nt", paramLabel = "N", converter = Converters.PositiveInt.class, defaultValue = "10",
            description = "TR transmit antennas N_t (default: ${DEFAULT-VALUE}).")
    int nt;

    @Option(names = "--nr", paramLabel = "N", converter = Converters.PositiveInt.class, defaultValue = "2",
            description = "Receive antennas per RE N_r (default: ${DEFAULT-VALUE}).")
    int nr;

    @Option(names = "--power-dbm", paramLabel = "P", converter = Converters.FiniteDouble.class, defaultValue = "30",
            description = "Power budget P_T in dBm (default: ${DEFAULT-VALUE}).")
    double powerDbm;

    @Option(names = "--noise-dbm", paramLabel = "S", converter = Converters.FiniteDouble.class, defaultValue = "-60",
            description = "Noise power sigma^2 = sigma_c^2 = sigma_z^2 in dBm (default: ${DEFAULT-VALUE}).")
    double noiseDbm;

    @Option(names = "--rate", paramLabel = "R", converter = Converters.FiniteDouble.class, defaultValue = "1",
            description = "Rate threshold R_th at every RE in bit/s/Hz (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--cost-limit", paramLabel = "OMEGA", defaultValue = "inf",
            description = "Cooperation cost limit Omega_th in metres, or inf (default: ${DEFAULT-VALUE}).")
    String costLimit;

    @Option(names = "--selection", paramLabel = "minimax|kmeans|all", defaultValue = "minimax",
            description = "Candidate sets: Algorithm I (minimax linkage), k-means clusters, or all REs (default: ${DEFAULT-VALUE}).")
    String selection;

    @Option(names = "--pulse", paramLabel = "cosine|sinc", defaultValue = "cosine",
            description = "Pulse shape g1 (cosine) or g2 (sinc) (default: ${DEFAULT-VALUE}).")
    String pulse;

    @Option(names = "--speed", paramLabel = "V", converter = Converters.FiniteDouble.class, defaultValue = "20",
            description = "Target speed along +x in m/s (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--carrier-ghz", paramLabel = "F", converter = Converters.FiniteDouble.class, defaultValue = "28",
            description = "Carrier f_0 in GHz (default: ${DEFAULT-VALUE}).")
    double carrierGhz;

    @Option(names = "--pulses", paramLabel = "M", converter = Converters.PositiveInt.class, defaultValue = "1024",
            description = "Pulses per frame M (default: ${DEFAULT-VALUE}).")
    int pulses;

    @Option(names = "--oversampling", paramLabel = "P", converter = Converters.PositiveInt.class, defaultValue = "8",
            description = "Samples per pulse, at least 2 (default: ${DEFAULT-VALUE}).")
    int oversampling;

    @Option(names = "--trials", paramLabel = "N", converter = Converters.PositiveInt.class, defaultValue = "50",
            description = "Monte Carlo trials (default: ${DEFAULT-VALUE}).")
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

    static double[] xy(String parameter, String text) {
        String[] parts = text.split(",", -1);
        double[] p = new double[2];
        boolean ok = parts.length == 2;
        for (int i = 0; ok && i < 2; i++) {
            try {
                p[i] = Double.parseDouble(parts[i].trim());
                ok = Double.isFinite(p[i]);
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        InvalidInputException.require(ok, parameter, text, "must be two comma-separated finite numbers x,y (metres)");
        return p;
    }

    @Override
    public Integer call() {
        Main main = parent.main;
        double[] tr = xy("transmitter position", transmitter);
        double[] tg = xy("target position", target);
        double omega = costLimit.trim().equalsIgnoreCase("inf") ? Double.POSITIVE_INFINITY
                : xyScalar("cost limit Omega_th (m)", costLimit);
        WangSimulation.Setting setting = new WangSimulation.Setting(nt, nr, noiseDbm, carrierGhz * 1e9, speed, 5e-9, pulses, oversampling,
                pulse, 0.6, 2.7, 0.5, 0.5);
        MultistaticLayout layout;
        if (receivers.isEmpty()) {
            layout = WangSimulation.randomLayout(seed, count, tr, tg);
        } else {
            double[][] re = new double[receivers.size()][];
            for (int i = 0; i < re.length; i++) {
                re[i] = xy("receiver position", receivers.get(i));
            }
            layout = new MultistaticLayout(tr, tg, re);
        }
        WangSimulation.Config cfg = new WangSimulation.Config(layout, setting, powerDbm, rate, omega, selection, trials, seed);
        int n = output.threads();
        WangSimulation.Result r = TerminalProgress.around(main.err, "wangmultistatic", progress -> WangSimulation.run(cfg, n, progress));
        if (output.json()) {
            main.out.println(WangSimulation.toJson(r));
        } else {
            print(main.out, r);
        }
        return 0;
    }

    private static double xyScalar(String parameter, String text) {
        try {
            double v = Double.parseDouble(text.trim());
            InvalidInputException.require(!Double.isNaN(v), parameter, text, "must be a number >= 0 or inf");
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(parameter, text, "must be a number >= 0 or inf");
        }
    }

    private static String xy(double[] p) {
        return "(" + plain(BigRound.round2(p[0])) + ", " + plain(BigRound.round2(p[1])) + ")";
    }

    /** Positions to the centimetre for display (the JSON keeps full precision). */
    private static final class BigRound {
        static double round2(double v) {
            return Math.round(v * 100) / 100.0;
        }
    }

    private static void print(PrintStream o, WangSimulation.Result r) {
        WangSimulation.Config c = r.config();
        WangSimulation.Setting s = c.setting();
        MultistaticLayout l = c.layout();
        o.printf(Locale.ROOT, "wangmultistatic simulation: %d REs, %d trials, seed %d%n", l.size(), c.trials(), c.seed());
        o.println();
        o.println("Layout (m)");
        o.println("  TR      " + xy(l.transmitter()) + ", N_t = " + s.transmitAntennas());
        o.println("  target  " + xy(l.target()) + ", v = " + plain(s.speed()) + " m/s along +x");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("RE", "position", "selected", "rate (bit/s/Hz)"));
        java.util.Set<Integer> sel = new java.util.HashSet<>();
        for (int k : r.selected()) {
            sel.add(k);
        }
        for (int k = 0; k < l.size(); k++) {
            rows.add(List.of(Integer.toString(k + 1), xy(l.receivers()[k]), sel.contains(k) ? "yes" : "no",
                    r.rates().length > k ? num(r.rates()[k]) : "-"));
        }
        Formats.table(o, rows);
        o.printf(Locale.ROOT, "  P_T = %s dBm, noise %s dBm, N_r = %d, f_0 = %s GHz, %s pulse, M = %d, P = %d%n", plain(c.powerDbm()),
                plain(s.noiseDbm()), s.receiveAntennas(), plain(s.carrier() / 1e9), s.pulseName(), s.pulses(), s.oversampling());
        o.printf(Locale.ROOT, "  R_th = %s bit/s/Hz, cost limit %s m, selection %s (%d candidates, %d feasible)%n", plain(c.rateThreshold()),
                Double.isInfinite(c.costLimit()) ? "inf" : plain(c.costLimit()), c.selection(), r.candidates(), r.feasibleCandidates());
        o.println();
        if (!"ok".equals(r.status())) {
            o.println("No selection: " + r.status() + ".");
            return;
        }
        int[] shown = Arrays.stream(r.selected()).map(k -> k + 1).toArray();
        o.println("Design");
        o.println("  selected REs G          " + Arrays.toString(shown));
        o.println("  U (EXACT bound)         " + crb(r.bound()) + "  (tr((sum J_k)^-1) on (tau [s], f~), symbols averaged)");
        o.println("  transmit power          " + num(r.power()) + " W of " + num(1e-3 * Math.pow(10, c.powerDbm() / 10)) + " W");
        o.println("  power towards target    " + num(r.sensingPower()) + " W (a_b^T R a_b^*, with the N_t array gain)");
        o.println("  cooperation cost Omega  " + num(r.cost()) + " m");
        o.println();
        o.println("Matched filter (fused over G) against the EXACT bound");
        o.println("  trace    MSE " + crb(r.mfMse()) + "  bound " + crb(r.mfBound()) + "  ratio " + num(r.mfMse() / r.mfBound()));
        o.println("  delay    RMSE " + crb(r.delayRmse()) + " s  bound sd " + crb(r.delayBoundSd()) + " s");
        o.println("  Doppler  RMSE " + crb(r.dopplerRmse()) + "  bound sd " + crb(r.dopplerBoundSd()) + "  (f~ = f dt)");
        o.println();
        if (r.positionTrials() > 0) {
            o.println("Position (Prop. 5.1 on the estimates)");
            o.println("  RMSE " + num(r.positionRmse()) + " m  position CRB " + num(r.positionCrb()) + " m  (" + r.positionTrials()
                    + " trials)");
        } else {
            o.println("Position: needs at least 2 selected REs (speed and direction are two unknowns).");
        }
        o.println();
        o.printf(Locale.ROOT, "Runtime %.2f s (%d threads)%n", r.runtimeSeconds(), r.threads());
    }
}
