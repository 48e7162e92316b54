package org.cosense.cli;

import static org.cosense.cli.Formats.num;
import static org.cosense.cli.Formats.plain;
import static org.cosense.cli.Formats.point;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cosense.geom.Vec3;
import org.cosense.lab.systems.hua3d.Hua3dSimulation;
import org.cosense.lab.systems.hua3d.Hua3dSimulation.Doa;
import org.cosense.lab.systems.hua3d.Hua3dSimulation.Errors;
import org.cosense.signal.ProbingCodebook;
import org.cosense.systems.hua3d.CrossBeam;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code cosense simulate hua3d}: one deployment of Hua et al., simulated by Monte Carlo in
 * {@link Hua3dSimulation}; this class parses the options and prints the result.
 */
@Command(name = "hua3d", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate a deployment of Hua et al. (3D localization via IRS).",
            "One IRS and one target: the single-target protocol (stage I MUSIC, stage II beam scan, construction (60)-(64)).",
            "Several IRSs or targets: the multi-target protocol (at least 2 IRSs, unsteered scan).",
            "Defaults are the paper's single-target scene."})
final class SimulateHua3dCommand implements Callable<Integer>, OptionTable.Owner {
    /** The library's parameter names (Hua3dSimulation, Scene, the protocols) and the options that set them. */
    private static final OptionTable OPTIONS = new OptionTable(Map.ofEntries(
            Map.entry("BS position", "--bs"),
            Map.entry("IRS position", "--irs"),
            Map.entry("number of IRSs", "--irs"),
            Map.entry("target position", "--target"),
            Map.entry("number of targets", "--target"),
            Map.entry("effective IRS frequency", "--bs/--irs/--target"),
            Map.entry("Nbar_BS", "--nbar-bs"),
            Map.entry("Nbar_r", "--nbar-irs"),
            Map.entry("P_BS (dBm)", "--power-dbm"),
            Map.entry("BS transmit power P_BS (W)", "--power-dbm"),
            Map.entry("noise power (dBm)", "--noise-dbm"),
            Map.entry("noise variance (W)", "--noise-dbm"),
            Map.entry("target RCS (dBsm)", "--rcs-dbsm"),
            Map.entry("target RCS (m^2)", "--rcs-dbsm"),
            Map.entry("T1", "--t1"),
            Map.entry("T2", "--t2"),
            Map.entry("T2/2 (beams along y)", "--t2"),
            Map.entry("T2/2 (beams along z)", "--t2"),
            Map.entry("cross beam", "--cross-beam"),
            Map.entry("probing", "--probing"),
            Map.entry("scan", "--scan"),
            Map.entry("trials", "--trials"),
            Map.entry("threads", "--threads")),
            Map.of("two-sided IRS", "pass --two-sided-irs to allow a target behind an IRS"));

    @ParentCommand
    SimulateCommand parent;

    @Option(names = "--bs", paramLabel = "X,Y,Z", converter = Converters.Point.class, defaultValue = "0,0,5",
            description = "BS position in metres (default: ${DEFAULT-VALUE}).")
    Vec3 bs;

    @Option(names = "--irs", paramLabel = "X,Y,Z", converter = Converters.Point.class,
            description = "IRS position (repeatable; default: -20,0,3).")
    List<Vec3> irss = new ArrayList<>();

    @Option(names = "--target", paramLabel = "X,Y,Z", converter = Converters.Point.class,
            description = "Target position (repeatable; default: -20,2,0).")
    List<Vec3> targets = new ArrayList<>();

    @Option(names = "--nbar-bs", paramLabel = "N", converter = Converters.PositiveInt.class, defaultValue = "20",
            description = "BS UPA side, N_BS = N x N (default: ${DEFAULT-VALUE}).")
    int nbarBs;

    @Option(names = "--nbar-irs", paramLabel = "N", converter = Converters.PositiveInt.class, defaultValue = "30",
            description = "IRS UPA side, N_r = N x N (default: ${DEFAULT-VALUE}).")
    int nbarIrs;

    @Option(names = "--power-dbm", paramLabel = "P", converter = Converters.FiniteDouble.class, defaultValue = "30",
            description = "BS transmit power P_BS in dBm (default: ${DEFAULT-VALUE}).")
    double powerDbm;

    @Option(names = "--noise-dbm", paramLabel = "S", converter = Converters.FiniteDouble.class, defaultValue = "-80",
            description = "Noise power per antenna and sample in dBm (default: ${DEFAULT-VALUE}).")
    double noiseDbm;

    @Option(names = "--rcs-dbsm", paramLabel = "K", converter = Converters.FiniteDouble.class, defaultValue = "7",
            description = "Radar cross section of every target in dBsm (default: ${DEFAULT-VALUE}).")
    double rcsDbsm;

    @Option(names = "--t1", paramLabel = "N", converter = Converters.PositiveInt.class, defaultValue = "60",
            description = "Stage-I snapshots (DFT probing) (default: ${DEFAULT-VALUE}).")
    int t1;

    @Option(names = "--t2", paramLabel = "N", converter = Converters.PositiveInt.class, defaultValue = "60",
            description = "Stage-II beams, T2/2 along y and T2/2 along z; even, at least 4 (default: ${DEFAULT-VALUE}).")
    int t2;

    @Option(names = "--cross-beam", paramLabel = "focused|unsteered|sequential",
            description = "Cross factor of the separable scan (default: focused for one target; the multi-target scan "
                    + "is unsteered).")
    CrossBeam crossBeam;

    @Option(names = "--probing", paramLabel = "dft|random", defaultValue = "dft",
            description = "Stage-I probing: the paper's DFT codebook (default) or i.i.d. random probing, whose expected "
                    + "covariance is Theorem 1's white optimum (another reading of Fig. 6).")
    ProbingCodebook.Design probing;

    @Option(names = "--scan", paramLabel = "separable|joint", defaultValue = "separable",
            description = "Multi-target stage-II scan: the paper's separable scan with pairing probes (default) or its joint "
                    + "(T2/2) x (T2/2) scan on the printed (41) grid (several IRSs or targets only).")
    Hua3dSimulation.Scan scan;

    @Option(names = "--two-sided-irs", description = "Allow targets behind an IRS (two-sided reflection).")
    boolean twoSidedIrs;

    @Option(names = "--trials", paramLabel = "N", converter = Converters.PositiveInt.class, defaultValue = "200",
            description = "Monte Carlo trials (default: ${DEFAULT-VALUE}).")
    int trials;

    @Mixin
    SimulationOutput output;

    @Option(names = "--seed", paramLabel = "S", converter = Converters.AnyLong.class, defaultValue = "1",
            description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--refine-scan", description = "Refine the IRS scan off the grid with the known beam response "
            + "(CoSense extension, single target).")
    boolean refineScan;


    @Override
    public OptionTable optionTable() {
        return OPTIONS;
    }

    @Override
    public Integer call() {
        Main main = parent.main;
        List<Vec3> irsList = irss.isEmpty() ? List.of(Vec3.of(-20, 0, 3)) : irss;
        List<Vec3> targetList = targets.isEmpty() ? List.of(Vec3.of(-20, 2, 0)) : targets;
        int nThreads = output.threads();
        Hua3dSimulation.Config cfg = new Hua3dSimulation.Config(bs, irsList, targetList, nbarBs, nbarIrs, powerDbm, noiseDbm,
                rcsDbsm, t1, t2, crossBeam, twoSidedIrs, trials, seed, refineScan, probing, scan);
        Hua3dSimulation.Result r = TerminalProgress.around(main.err, "hua3d", progress -> Hua3dSimulation.run(cfg, nThreads, progress));
        PrintStream out = main.out;
        if (output.json()) {
            out.println(Hua3dSimulation.toJson(r));
        } else if (r instanceof Hua3dSimulation.SingleTarget s) {
            printSingle(out, s);
        } else {
            printMulti(out, (Hua3dSimulation.MultiTarget) r);
        }
        return 0;
    }

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
        o.printf(Locale.ROOT, "Stage I: MUSIC on %d %s snapshots, BS -> target DoA%n", c.t1(),
                c.probing() == ProbingCodebook.Design.DFT ? "DFT-probing" : "random-probing");
        o.println("         RMSE        sqrt CRB (Lemma 1)  sqrt CRB (receive-only)");
        o.printf(Locale.ROOT, "  mu     %-10s  %-18s  %s%n", num(s1.rmseMu()), num(s1.sqrtCrbMu()), num(s1.sqrtCrbReceiveOnlyMu()));
        o.printf(Locale.ROOT, "  nu     %-10s  %-18s  %s%n", num(s1.rmseNu()), num(s1.sqrtCrbNu()), num(s1.sqrtCrbReceiveOnlyNu()));
        o.println(c.probing() == ProbingCodebook.Design.DFT
                ? "  (Lemma 1 with the simulated DFT codebook; MUSIC's asymptote is the receive-only bound)"
                : "  (sqrt of Lemma 1 and the receive-only bound averaged over the trials' own random probing matrices)");
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
        String probing = c.probing() == ProbingCodebook.Design.DFT ? "DFT probing" : "random probing";
        if (c.scan() == Hua3dSimulation.Scan.JOINT) {
            o.printf(Locale.ROOT, "  T1 = %d (%s), T2 = %d (joint %d x %d scan on the printed grid)%n", c.t1(), probing, c.t2(),
                    c.t2() / 2, c.t2() / 2);
        } else {
            o.printf(Locale.ROOT, "  T1 = %d (%s), T2 = %d (%d + %d beams, %s cross beam)%n", c.t1(), probing, c.t2(),
                    c.t2() / 2, c.t2() / 2, cross.name().toLowerCase(Locale.ROOT));
        }
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
}
