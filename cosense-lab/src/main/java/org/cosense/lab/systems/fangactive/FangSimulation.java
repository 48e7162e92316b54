package org.cosense.lab.systems.fangactive;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.cosense.InvalidInputException;
import org.cosense.array.AngleUpa;
import org.cosense.geom.LocalFrame;
import org.cosense.geom.Vec3;
import org.cosense.lab.Progress;
import org.cosense.lab.SceneBounds;
import org.cosense.lab.Stats;
import org.cosense.systems.fangactive.AoOptions;
import org.cosense.systems.fangactive.AoResult;
import org.cosense.systems.fangactive.Benchmarks;
import org.cosense.systems.fangactive.Budget;
import org.cosense.optim.DualTraceInverseSolver;
import org.cosense.systems.fangactive.FangBounds;
import org.cosense.systems.fangactive.FangDesign;
import org.cosense.systems.fangactive.FangDesigner;
import org.cosense.optim.TraceInverseSolver;
import org.cosense.systems.fangactive.IrsSlot;
import org.cosense.systems.fangactive.Scenario;
import org.cosense.systems.fangactive.SensingAtBs;
import org.cosense.systems.fangactive.SensingAtIrs;
import org.cosense.systems.fangactive.SensingMode;
import org.ejml.data.ZMatrixRMaj;

/**
 * One user-defined deployment of Fang et al. (multi-active-IRS sensing), designed by the paper's
 * schemes: what a researcher runs before sweeping. For every sensing mode and scheme, each of the
 * channel realizations t = 0..R−1 is designed ({@link FangDesigner}, the figures' {@link DualTraceInverseSolver})
 * and the final design's max_l CRB_l is averaged. Realization t is a function of (seed, t) only and
 * every mode and scheme sees the same realizations and designer streams (common random numbers), so
 * the schemes differ only through the design.
 *
 * <p>The scene is {@link Scenario#paper} with the user's BS antennas, IRS positions, target, IRS
 * arrays and C_BI; every IRS gets the paper's wall frame (h = +y, v = +z, n = +x).
 */
public final class FangSimulation {
    private FangSimulation() {
    }

    /** The largest number of IRSs: T_c = 100 symbols are shared, T_c/L per IRS (Scenario's block length). */
    public static final int MAX_IRSS = 100;

    /** The wall frame of the paper's IRSs (ASSUMED, [fangactive S3.13]): h = +y, v = +z, normal n = h × v = +x. */
    public static final LocalFrame WALL = new LocalFrame(Vec3.of(0, 1, 0), Vec3.of(0, 0, 1));

    /** The two receive architectures. */
    public enum Mode {
        BS("bs", "Sensing at the BS (Prop. 1)", SensingAtBs.INSTANCE),
        IRS("irs", "Sensing at the IRSs (Prop. 2)", SensingAtIrs.INSTANCE);

        private final String id;
        private final String title;
        private final SensingMode sensing;

        Mode(String id, String title, SensingMode sensing) {
            this.id = id;
            this.title = title;
            this.sensing = sensing;
        }

        @JsonValue
        public String id() {
            return id;
        }

        public String title() {
            return title;
        }

        public SensingMode sensing() {
            return sensing;
        }
    }

    /** The compared designs ([fangactive S3.12]), in the order they are reported. */
    public enum Scheme {
        PROPOSED("proposed"), TRANSMIT_ONLY("transmit-only"), REFLECTIVE_ONLY("reflective-only"), PASSIVE("passive");

        private final String id;

        Scheme(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }

        /** The scheme named {@code id} (as typed: "transmit-only"), or null. */
        public static Scheme byId(String id) {
            for (Scheme s : values()) {
                if (s.id.equalsIgnoreCase(id.trim())) {
                    return s;
                }
            }
            return null;
        }

        public static String ids() {
            return Arrays.stream(values()).map(Scheme::id).collect(Collectors.joining(", "));
        }
    }

    /** The AO settings: the paper's (ASSUMED, [fangactive S4]) or the figures' quick ones (two starts kept). */
    public enum Ao {
        QUICK("quick", AoOptions.shortened()), PAPER("paper", AoOptions.paper());

        private final String id;
        private final AoOptions options;

        Ao(String id, AoOptions options) {
            this.id = id;
            this.options = options;
        }

        @JsonValue
        public String id() {
            return id;
        }

        public AoOptions options() {
            return options;
        }
    }

    /**
     * A deployment and its run settings, as a user types them.
     *
     * @param modes         sensing modes to design for (distinct, reported in enum order)
     * @param schemes       schemes to compare (distinct, reported in enum order)
     * @param bsPowerW      P_t (W), the BS average power over the L slots
     * @param irsPowerDbm   P_s (dBm), the amplification power of every IRS
     * @param maxAmplitude  a_max, the per-element amplitude limit (the passive IRS uses |psi_n| = 1)
     * @param bsAntennas    M, the BS ULA (along +x)
     * @param irss          IRS first-element positions (m), all with the frame {@link #WALL}
     * @param target        target position (m)
     * @param irsRows       N_v of the reflector and of the sensor array
     * @param irsCols       N_h of the reflector and of the sensor array
     * @param bsIrsGainDb   C_BI (dB), ASSUMED −20 dB in the documentation
     * @param realizations  R channel realizations t = 0..R−1
     * @param seed          experiment seed of the channel and designer streams
     * @param ao            AO settings
     */
    public record Config(List<Mode> modes, List<Scheme> schemes, double bsPowerW, double irsPowerDbm, double maxAmplitude,
            int bsAntennas, List<Vec3> irss, Vec3 target, int irsRows, int irsCols, double bsIrsGainDb, int realizations, long seed,
            Ao ao) {
        public Config {
            InvalidInputException.require(modes != null && !modes.isEmpty(), "modes", modes, "at least one of bs, irs is required");
            InvalidInputException.require(schemes != null && !schemes.isEmpty(), "schemes", schemes,
                    "at least one of " + Scheme.ids() + " is required");
            modes = modes.stream().distinct().sorted().toList();
            schemes = schemes.stream().distinct().sorted().toList();
            InvalidInputException.positive("P_t (W)", bsPowerW);
            InvalidInputException.finite("P_s (dBm)", irsPowerDbm);
            InvalidInputException.positive("a_max", maxAmplitude);
            InvalidInputException.positive("BS antennas M", bsAntennas);
            // one antenna sees the echo as one complex gain per symbol: 2 real numbers for 4 unknowns
            if (bsAntennas < 2 && modes.contains(Mode.BS)) {
                throw new InvalidInputException("BS antennas M", bsAntennas,
                        "sensing at the BS needs M of at least 2 (with one antenna the FIM of theta, phi, beta is singular)")
                        .unless("modes", "irs");
            }
            SceneBounds.require("target position", 0, target);
            InvalidInputException.require(ao != null, "AO setting", null, "must be quick or paper");
            irss = List.copyOf(irss);
            InvalidInputException.require(!irss.isEmpty(), "number of IRSs L", 0, "at least one IRS is required");
            InvalidInputException.require(irss.size() <= MAX_IRSS, "number of IRSs L", irss.size(),
                    "must be at most " + MAX_IRSS + " (the T_c = 100 symbols are shared, T_c/L per IRS)");
            InvalidInputException.require(irsRows >= 2 && irsCols >= 2, "IRS size Nv x Nh", irsRows + "x" + irsCols,
                    "must be at least 2x2 (a planar array is needed to identify both target angles theta and phi)");
            InvalidInputException.finite("C_BI (dB)", bsIrsGainDb);
            InvalidInputException.positive("realizations", realizations);
            Vec3 bs = Vec3.of(0, 0, 0);
            for (int l = 0; l < irss.size(); l++) {
                Vec3 q = irss.get(l);
                String p = "IRS position";
                int i = l + 1;
                SceneBounds.require(p, i, q);
                InvalidInputException.require(q.distance(bs) > 0, p, i, q, "must differ from the BS " + bs);
                if (!(q.distance(target) > 0)) {
                    throw new InvalidInputException(p, i, q, "must differ from the target " + target).involving("target position");
                }
                InvalidInputException.require(WALL.frontness(q, bs) > 0, p, i, q, "the BS " + bs
                        + " is behind the surface (every IRS faces +x with h = +y, v = +z: the BS needs a larger x than the IRS)");
                if (!(WALL.frontness(q, target) > 0)) {
                    throw new InvalidInputException(p, i, q, "the target " + target + " is behind the surface (every IRS faces +x "
                            + "with h = +y, v = +z: the target needs a larger x than the IRS)").involving("target position");
                }
            }
        }

        /** The paper's scene and budget (Section V): both modes, all schemes, one realization, paper AO. */
        public static Config paper() {
            return new Config(List.of(Mode.values()), List.of(Scheme.values()), 20, 20, 8, 16,
                    List.of(Vec3.of(-5, 10, 0), Vec3.of(-5, 20, 0)), Vec3.of(5, 15, 0), 4, 4, -20, 1, 1, Ao.PAPER);
        }

        /** The scene; {@link Scenario}'s constructor validates it again. */
        public Scenario scenario() {
            Scenario p = Scenario.paper(bsAntennas);
            AngleUpa upa = AngleUpa.halfWavelength(irsRows, irsCols);
            return new Scenario(p.bs(), p.bsAxis(), irss, irss.stream().map(q -> WALL).toList(), target, p.bsArray(), upa, upa,
                    p.kFactorDb(), bsIrsGainDb, p.bsIrsExponent(), p.targetGainDb(), p.irsTargetExponent(), p.betaPhase(),
                    p.irsNoise(), p.bsNoise(), p.sensorNoise(), p.blockLength());
        }

        public Budget budget() {
            return Budget.of(bsPowerW, irsPowerDbm, maxAmplitude);
        }
    }

    /**
     * One scheme's design on one realization.
     *
     * @param realization t
     * @param maxCrb      max_l CRB_l of the final design
     * @param crbs        CRB_l = tr F_l^{-1} per IRS
     * @param angleCrbs   the angle part [F_l^{-1}]_00 + [F_l^{-1}]_11 (rad^2) per IRS, a diagnostic
     * @param iterations  AO iterations (transmit-only: 1 R-step; reflective-only: Psi-step sweeps)
     * @param start       the start that produced the design (the proposed design: the better of two)
     * @param bsPower     (1/L) Σ_l tr R_l (W), constrained by P_t
     * @param irsPowers   amplification power P_l of each IRS (W), constrained by P_s; null for the passive IRS
     * @param seconds     time of this design procedure (the proposed one includes its reflective-only start)
     * @param covariances R_l, the BS transmit covariance of each IRS's slot (M×M, W)
     * @param reflections psi_l, the reflection coefficients of each IRS (N, element n = n_v N_h + n_h)
     */
    /**
     * One scheme's design on one realization. {@code solverStatuses}: how many of its convex solves ended with each
     * status; the AO accepts OPTIMAL, NEAR_OPTIMAL (a stall within 10x of the tolerances) and the iteration limit's
     * last point, and re-evaluates every point it keeps, so these say how exact the subproblems were.
     */
    public record Design(int realization, double maxCrb, double[] crbs, double[] angleCrbs, int iterations, String start,
            double bsPower, double[] irsPowers, double seconds, List<ComplexMatrix> covariances, List<ComplexVector> reflections,
            Map<String, Integer> solverStatuses) {
    }

    /** A complex matrix for the JSON: real and imaginary parts, row by row. */
    public record ComplexMatrix(double[][] re, double[][] im) {
        public static ComplexMatrix of(ZMatrixRMaj a) {
            double[][] re = new double[a.numRows][a.numCols];
            double[][] im = new double[a.numRows][a.numCols];
            for (int i = 0; i < a.numRows; i++) {
                for (int j = 0; j < a.numCols; j++) {
                    re[i][j] = a.getReal(i, j);
                    im[i][j] = a.getImag(i, j);
                }
            }
            return new ComplexMatrix(re, im);
        }
    }

    /** A complex vector for the JSON (from the interleaved re, im storage of the core). */
    public record ComplexVector(double[] re, double[] im) {
        public static ComplexVector of(double[] interleaved) {
            double[] re = new double[interleaved.length / 2];
            double[] im = new double[re.length];
            for (int k = 0; k < re.length; k++) {
                re[k] = interleaved[2 * k];
                im[k] = interleaved[2 * k + 1];
            }
            return new ComplexVector(re, im);
        }
    }

    /**
     * One channel realization: the BS–IRS channels every mode and scheme was designed on.
     *
     * @param index    t
     * @param channels G_l per IRS (N×M; the IRS → BS channel is G_l^T)
     */
    public record Realization(int index, List<ComplexMatrix> channels) {
    }

    /**
     * One (mode, scheme) over the realizations.
     *
     * @param meanMaxCrb     mean over realizations of max_l CRB_l, with its normal 95% interval (NaN for R = 1)
     * @param meanIterations mean AO iterations
     * @param starts         how often each start won (proposed: "transmit-only start" or "reflective-only start")
     * @param maxBsPower     largest (1/L) Σ tr R_l over the realizations (W)
     * @param maxIrsPowers   per IRS the largest P_l over the realizations (W); null for the passive IRS
     * @param seconds        total time of the design procedures
     */
    public record SchemeResult(Mode mode, Scheme scheme, double meanMaxCrb, double meanMaxCrbLo, double meanMaxCrbHi,
            double meanIterations, Map<String, Integer> starts, double maxBsPower, double[] maxIrsPowers, double seconds,
            List<Design> designs) {
    }

    /** What a run returns; {@code runtimeSeconds} describes the run, not its results. */
    public record Result(Config config, AoOptions aoOptions, Budget budget, String crbUnits, String assumptions,
            List<SchemeResult> results, List<Realization> realizations, double runtimeSeconds) {
        /** The result of one (mode, scheme), or null when it was not run. */
        public SchemeResult get(Mode mode, Scheme scheme) {
            return results.stream().filter(r -> r.mode() == mode && r.scheme() == scheme).findFirst().orElse(null);
        }
    }

    /** What the reported CRB values are (FangBounds.traceCrb). */
    public static final String CRB_UNITS = "CRB_l = tr F_l^-1 for xi_l = (theta_l, phi_l, Re beta_l, Im beta_l), the paper's "
            + "objective: rad^2 (the two angles) plus squared units of the dimensionless round-trip coefficient beta_l, summed; "
            + "max-CRB = max over the IRSs; infinite when the FIM is singular";

    static final TraceInverseSolver SOLVER = FangDesigner.recommendedSolver();

    /** The ASSUMED values of the scene, for the user to see. */
    public static String assumptions(Config c) {
        return String.format(Locale.ROOT, "ASSUMED ([fangactive S3.13]): C_BI = %s dB, alpha_BI = 2.2, C_T = -30 dB, alpha_IT = 2, "
                + "K = 5 dB, noise -80 dBm everywhere, T_c = 100; IRS frames h = +y, v = +z, n = +x; BS ULA along +x; d = lambda/2; "
                + "passive IRS = |psi_n| = 1 without amplifier noise or budget", plain(c.bsIrsGainDb()));
    }

    /** Runs the designs; bad input throws {@link InvalidInputException} before any design runs. */
    public static Result run(Config cfg, Progress progress) {
        Progress pr = progress == null ? Progress.SILENT : progress;
        long start = System.nanoTime();
        Scenario scenario = cfg.scenario();
        Budget budget = cfg.budget();
        AoOptions ao = cfg.ao().options();
        int nm = cfg.modes().size();
        int ns = cfg.schemes().size();
        long total = (long) cfg.realizations() * nm * ns;
        long done = 0;
        Map<Mode, Map<Scheme, List<Design>>> all = new EnumMap<>(Mode.class);
        for (Mode m : cfg.modes()) {
            Map<Scheme, List<Design>> per = new EnumMap<>(Scheme.class);
            for (Scheme s : cfg.schemes()) {
                per.put(s, new ArrayList<>());
            }
            all.put(m, per);
        }
        List<Realization> realizations = new ArrayList<>();
        for (int t = 0; t < cfg.realizations(); t++) {
            List<IrsSlot> slots = scenario.realization(cfg.seed(), t);
            realizations.add(new Realization(t, slots.stream().map(sl -> ComplexMatrix.of(sl.channel())).toList()));
            for (Mode m : cfg.modes()) {
                FangDesigner d = new FangDesigner(m.sensing(), slots, budget, ao, SOLVER, cfg.seed(), t);
                AoResult reflective = null;
                double reflectiveSeconds = 0;
                if (cfg.schemes().contains(Scheme.PROPOSED) || cfg.schemes().contains(Scheme.REFLECTIVE_ONLY)) {
                    long t0 = System.nanoTime();
                    reflective = d.reflectiveOnly();
                    reflectiveSeconds = seconds(t0);
                }
                for (Scheme s : cfg.schemes()) {
                    long t0 = System.nanoTime();
                    AoResult r = switch (s) {
                        case PROPOSED -> d.proposed(reflective); // two starts: AO from transmit-only and from reflective-only
                        case TRANSMIT_ONLY -> d.transmitOnly();
                        case REFLECTIVE_ONLY -> reflective;
                        case PASSIVE -> d.passive();
                    };
                    double sec = seconds(t0) + (s == Scheme.PROPOSED || s == Scheme.REFLECTIVE_ONLY ? reflectiveSeconds : 0);
                    all.get(m).get(s).add(design(m, s, s == Scheme.PASSIVE ? Benchmarks.passiveSlots(slots) : slots, t, r, sec));
                    pr.update("simulate fangactive", ++done, total);
                }
            }
        }
        List<SchemeResult> results = new ArrayList<>();
        for (Mode m : cfg.modes()) {
            for (Scheme s : cfg.schemes()) {
                results.add(summarize(m, s, all.get(m).get(s), scenario.irsCount()));
            }
        }
        return new Result(cfg, ao, budget, CRB_UNITS, assumptions(cfg), results, realizations, seconds(start));
    }

    private static Design design(Mode m, Scheme s, List<IrsSlot> slots, int t, AoResult r, double sec) {
        FangDesign d = r.design();
        int l = slots.size();
        double[] angle = new double[l];
        double[] irsPower = s == Scheme.PASSIVE ? null : new double[l];
        double tr = 0;
        for (int k = 0; k < l; k++) {
            ZMatrixRMaj rs = d.covariances().get(k);
            double[] psi = d.reflections().get(k);
            angle[k] = FangBounds.angleCrb(m.sensing().fim(slots.get(k), psi, rs));
            for (int i = 0; i < rs.numRows; i++) {
                tr += rs.getReal(i, i);
            }
            if (irsPower != null) {
                irsPower[k] = m.sensing().irsPower(slots.get(k), psi, rs);
            }
        }
        return new Design(t, d.maxCrb(), d.crbs(), angle, r.iterations(), r.start(), tr / l, irsPower, sec,
                d.covariances().stream().map(ComplexMatrix::of).toList(), d.reflections().stream().map(ComplexVector::of).toList(),
                statuses(r));
    }

    private static Map<String, Integer> statuses(AoResult r) {
        Map<String, Integer> out = new LinkedHashMap<>();
        r.solverStatuses().forEach((st, n) -> out.put(st.name().toLowerCase(java.util.Locale.ROOT), n));
        return out;
    }

    private static SchemeResult summarize(Mode m, Scheme s, List<Design> ds, int irsCount) {
        double[] crb = ds.stream().mapToDouble(Design::maxCrb).toArray();
        Stats.Estimate e = Stats.meanCi(crb);
        Map<String, Integer> starts = new LinkedHashMap<>();
        double bs = 0;
        double[] irs = s == Scheme.PASSIVE ? null : new double[irsCount];
        double sec = 0;
        for (Design d : ds) {
            starts.merge(d.start(), 1, Integer::sum);
            bs = Math.max(bs, d.bsPower());
            if (irs != null) {
                for (int k = 0; k < irsCount; k++) {
                    irs[k] = Math.max(irs[k], d.irsPowers()[k]);
                }
            }
            sec += d.seconds();
        }
        return new SchemeResult(m, s, e.value(), e.lo(), e.hi(), ds.stream().mapToInt(Design::iterations).average().orElse(0),
                starts, bs, irs, sec, List.copyOf(ds));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /**
     * The result as one JSON object (points as [x, y, z]; modes, schemes and the AO setting by their
     * command-line names; non-finite numbers as the strings "Infinity", "-Infinity", "NaN").
     */
    public static String toJson(Result r) {
        return org.cosense.lab.SimulationJson.write(r);
    }
}
