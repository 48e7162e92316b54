package org.cosense.lab.systems.wangmultistatic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cosense.lab.Check;
import org.cosense.lab.DeclaredExperiment;
import org.cosense.lab.RunContext;
import org.cosense.lab.Series;
import org.cosense.lab.Table;
import org.cosense.math.RandomStream;
import org.cosense.math.ComplexLinalg;
import org.cosense.optim.DualLmiSolver;
import org.cosense.optim.KMeansPlusPlus;
import org.cosense.optim.StandardFormSolution;
import org.cosense.signal.HalfCosinePulse;
import org.cosense.signal.SincPulse;
import org.cosense.systems.wangmultistatic.BeamformingProblem;
import org.cosense.systems.wangmultistatic.CommunicationRates;
import org.cosense.systems.wangmultistatic.CooperationCost;
import org.cosense.systems.wangmultistatic.CooperativeCrb;
import org.cosense.systems.wangmultistatic.LosBeamformingSdp;
import org.cosense.systems.wangmultistatic.LosLink;
import org.cosense.systems.wangmultistatic.MultistaticLayout;
import org.cosense.systems.wangmultistatic.PaperFim;
import org.cosense.systems.wangmultistatic.PulseMoments;
import org.cosense.systems.wangmultistatic.ReceiverSelection;
import org.cosense.systems.wangmultistatic.TransmitCovariances;
import org.ejml.data.ZMatrixRMaj;

/**
 * Shared parts of the wangmultistatic figures 2–6: the paper's common parameters, the random RE layouts
 * [wangmultistatic A12], the per-layout pipeline (b = 0 beamformer, selection with it, beamforming for the chosen
 * set [wangmultistatic A13]) and the aggregation over common layouts [wangmultistatic A14]. Every CRB is the
 * PAPER-mode U of (17)–(18) ([wangmultistatic E3], [wangmultistatic P1]).
 */
abstract class WangFigure extends DeclaredExperiment {
    static final double[] TARGET = {20, 40};
    static final int K = 10;
    static final double POWER = 1.0;          // P_T = 30 dBm
    static final double NOISE = 1e-9;         // sigma^2 = -60 dBm
    static final double SENSING_NOISE = 2e-9; // sigma_c^2 + sigma_z^2
    static final double ALPHA = 0.5;
    static final double BETA = 0.6;
    static final double EPS = 2.7;
    static final double RHO = 0.5;
    static final double BANDWIDTH = 100e6;
    static final int PULSES = 1024;
    static final double DT = 1 / (2 * BANDWIDTH);
    static final int NT = 10;
    static final int NR = 2;
    static final double RATE = 1.0;
    /** Rate rows of the SDP optimum hold to this accuracy (bit/s/Hz), [wangmultistatic A13]. */
    static final double RATE_TOLERANCE = 1e-6;
    static final PaperFim COSINE = new PaperFim(BANDWIDTH, PULSES, PulseMoments.of(new HalfCosinePulse(DT)), SENSING_NOISE);
    static final PaperFim SINC = new PaperFim(BANDWIDTH, PULSES, PulseMoments.of(new SincPulse(DT)), SENSING_NOISE);
    /** k-means++ with 10 restarts and at most 100 Lloyd iterations [wangmultistatic A11]. */
    static final KMeansPlusPlus KMEANS = new KMeansPlusPlus(10, 100);

    /** Full runs: 20 layouts per point ([wangmultistatic A12]; --trials 100 for the documentation's 100); quick: 2. */
    WangFigure(String id, String title, String behaviour) {
        super("wangmultistatic", id, title, behaviour, 20, 2);
    }

    /** One random layout ({@link MultistaticLayout#random}, TR at the origin): RE positions and the k-means seed. */
    record Layout(double[][] receivers, long kMeansSeed) {
        Instance with(int nt, int nr) {
            return new Instance(receivers, nt, nr, kMeansSeed);
        }
    }

    /**
     * The layout of trial t, drawn from the stream of (seed, point 0, t): a function of (seed, t) only, shared by every
     * sweep point and series (common random layouts). Draw it once per trial and reuse it for every point.
     */
    static Layout layout(RandomStream layoutStream) {
        double[][] p = MultistaticLayout.random(layoutStream, K, new double[] {0, 0}, TARGET).receivers();
        return new Layout(p, layoutStream.nextLong());
    }

    static Instance instance(RandomStream layoutStream, int nt, int nr) {
        return layout(layoutStream).with(nt, nr);
    }

    enum Scheme {
        MINIMAX("minimax"), KMEANS("kmeans");

        final String label;

        Scheme(String label) {
            this.label = label;
        }
    }

    /** One layout with its antenna numbers; caches the beamforming SDP by (R_th, b) (the SDP does not depend on the pulse). */
    static final class Instance {
        final double[][] receivers;
        final int nt;
        final int nr;
        final long kMeansSeed;
        final LosLink[] links;
        final ZMatrixRMaj steering;
        final double theta;
        final CooperationCost cost;
        final double[] pathLengths;
        final double monoPath;
        private final Map<String, Optional<TransmitCovariances>> solved = new HashMap<>();

        Instance(double[][] receivers, int nt, int nr, long kMeansSeed) {
            this.receivers = receivers;
            this.nt = nt;
            this.nr = nr;
            this.kMeansSeed = kMeansSeed;
            this.theta = Math.atan2(TARGET[1], TARGET[0]);
            double db0 = Math.hypot(TARGET[0], TARGET[1]);
            this.monoPath = 2 * db0;
            this.links = new LosLink[receivers.length];
            this.pathLengths = new double[receivers.length];
            for (int k = 0; k < receivers.length; k++) {
                double d = Math.hypot(receivers[k][0], receivers[k][1]);
                links[k] = LosLink.towards(Math.pow(d, -EPS), nt, nr, Math.atan2(receivers[k][1], receivers[k][0]));
                pathLengths[k] = db0 + Math.hypot(receivers[k][0] - TARGET[0], receivers[k][1] - TARGET[1]);
            }
            this.steering = LosLink.steering(nt, theta);
            this.cost = new CooperationCost(receivers, TARGET, RHO);
        }

        /**
         * The beamforming SDP for selection b at rate R_th (weight 1: the weight only scales the optimum,
         * [wangmultistatic S3.10]) on the dual-LMI route: phase 1 decides feasibility ([wangmultistatic A9]); the
         * covariances are the SDP optimum, without the rank reduction and extraction ([wangmultistatic A13]).
         * Empty when no beamformer meets every rate within the budget.
         */
        Optional<TransmitCovariances> beamform(int[] selected, double rate) {
            return solved.computeIfAbsent(rate + ":" + Arrays.toString(selected), key -> solve(selected, rate));
        }

        private Optional<TransmitCovariances> solve(int[] selected, double rate) {
            boolean[] b = ReceiverSelection.indicator(receivers.length, selected);
            BeamformingProblem p = new BeamformingProblem(links, steering, b, rate, POWER, NOISE, 1);
            DualLmiSolver solver = new DualLmiSolver(DualLmiSolver.recommendedOptions());
            if (p.requiredSinr() > 0) {
                StandardFormSolution one = solver.solve(LosBeamformingSdp.phaseOne(p).sdp());
                if (!one.hasPoint() || one.objective() > POWER * (1 + 1e-9)) {
                    return Optional.empty();
                }
            }
            LosBeamformingSdp.Standard st = LosBeamformingSdp.standardForm(p);
            StandardFormSolution sol = solver.solve(st.sdp());
            if (!sol.hasPoint()) {
                return Optional.empty();
            }
            ZMatrixRMaj[] q = new ZMatrixRMaj[st.blocks().length];
            for (int i = 0; i < q.length; i++) {
                q[i] = ComplexLinalg.hermitianPart(sol.hermitian(st.blocks()[i]));
            }
            return Optional.of(new TransmitCovariances(q));
        }

        /** U (18) of the set G (empty: the mono-static TR echo) with covariances q. */
        double crb(PaperFim model, int[] g, TransmitCovariances q) {
            double ups = PaperFim.upsilon(nr, theta, q.total());
            if (g.length == 0) {
                return CooperativeCrb.paper(model, new double[] {model.gain(PaperFim.echoLoss(BETA, monoPath, EPS), ALPHA)},
                        new double[] {ups});
            }
            double[] gains = new double[g.length];
            double[] upsilons = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                gains[i] = model.gain(PaperFim.echoLoss(BETA, pathLengths[g[i]], EPS), ALPHA);
                upsilons[i] = ups;
            }
            return CooperativeCrb.paper(model, gains, upsilons);
        }

        /** Fixed-size candidates of a scheme ([wangmultistatic A10], [wangmultistatic A11]). */
        List<int[]> candidatesOfSize(Scheme s, int n) {
            return s == Scheme.MINIMAX ? ReceiverSelection.minimaxCandidatesOfSize(cost, n)
                    : ReceiverSelection.kMeansCandidatesOfSize(receivers, n, KMEANS, kMeansSeed);
        }

        /** Cost-constrained candidate pools (Algorithm I tree, or every k-means cluster for C = 1..K). */
        List<int[]> candidates(Scheme s) {
            return s == Scheme.MINIMAX ? ReceiverSelection.minimaxCandidates(cost)
                    : ReceiverSelection.kMeansCandidates(receivers, KMEANS, kMeansSeed);
        }

        /**
         * Steps 0–2 of the decomposition [wangmultistatic A13] for one candidate pool: the b = 0 beamformer W̄ at
         * R_th (null: the layout is infeasible at this R_th), step 4 of Algorithm I with W̄, then the SDP for the
         * chosen set. Returns {U, min_k R_k, |G|, Omega} or null when infeasible or no candidate qualifies.
         */
        double[] select(PaperFim model, List<int[]> pool, double rate, double costLimit) {
            return select(model, pool, rate, costLimit, false);
        }

        /**
         * As {@link #select(PaperFim, List, double, double)}; with {@code largest} the admissible candidate with the most
         * REs (the cheapest among equals) instead of the smallest U: a choice that looks only at the REs' own geometry
         * (fig5's extension reading of the k-means baseline).
         */
        double[] select(PaperFim model, List<int[]> pool, double rate, double costLimit, boolean largest) {
            Optional<TransmitCovariances> bar = beamform(new int[0], rate);
            if (bar.isEmpty()) {
                return null;
            }
            TransmitCovariances wBar = bar.get();
            Optional<ReceiverSelection.Choice> c = ReceiverSelection.choose(pool, new ReceiverSelection.Criteria(
                    g -> largest ? -g.length : crb(model, g, wBar), ratesMet(wBar, rate), cost, costLimit));
            if (c.isEmpty()) {
                return null;
            }
            return evaluate(model, c.get().members(), rate);
        }

        /**
         * The rate check of step 4 with the SDP optimum W̄: every R_k(b_G) ≥ R_th − 1e-6 bit/s/Hz, the interior-point
         * accuracy of the rate rows (measured: W̄ meets its rows to a few 1e-8; [wangmultistatic A13]).
         */
        java.util.function.Predicate<int[]> ratesMet(TransmitCovariances w, double rate) {
            return g -> {
                for (double r : CommunicationRates.rankOneRates(links, w, ReceiverSelection.indicator(receivers.length, g), NOISE)) {
                    if (r < rate - RATE_TOLERANCE) {
                        return false;
                    }
                }
                return true;
            };
        }

        /** {U, min_k R_k, |G|, Omega} of set g after its own SDP; null when the rate is infeasible. */
        double[] evaluate(PaperFim model, int[] g, double rate) {
            Optional<TransmitCovariances> o = beamform(g, rate);
            if (o.isEmpty()) {
                return null;
            }
            double[] rates = CommunicationRates.rankOneRates(links, o.get(), ReceiverSelection.indicator(receivers.length, g), NOISE);
            double minRate = Arrays.stream(rates).min().orElse(Double.NaN);
            return new double[] {crb(model, g, o.get()), minRate, g.length, cost.of(g)};
        }
    }

    /** Layouts drawn at most per wanted layout when looking for a fixed set feasible everywhere [wangmultistatic A14]. */
    static final int DRAW_CAP_FACTOR = 15;

    /** One layout's results at every point; may stop at the first point where a series is infeasible (the rest left infeasible). */
    @FunctionalInterface
    interface LayoutSweep {
        double[][] run(int layout, RandomStream[] rngs);
    }

    /**
     * The figure's fixed layout set [wangmultistatic A14]: layouts t = 0, 1, 2, ... (each a pure function of (seed, t), its
     * point streams those of {@link org.cosense.lab.MonteCarlo#runSweep}) are drawn in batches until {@code wanted} of them
     * are feasible for every series at every point, or {@code DRAW_CAP_FACTOR × wanted} have been drawn. The first
     * {@code wanted} such layouts in draw order are kept, so the set does not depend on the thread count.
     *
     * @return results[point][kept layout] and the number drawn
     */
    static FixedLayouts fixedLayouts(RunContext ctx, String label, int points, int series, LayoutSweep sweep) {
        int wanted = ctx.trials();
        int cap = DRAW_CAP_FACTOR * wanted;
        List<double[][]> kept = new ArrayList<>();
        int drawn = 0;
        int batch = wanted;
        while (kept.size() < wanted && drawn < cap) {
            int offset = drawn;
            int size = Math.min(batch, cap - drawn);
            double[][][] r = ctx.monteCarlo().runSweep(label, ctx.seed(), points, size, (t, ignored) -> {
                RandomStream[] rngs = new RandomStream[points];
                for (int q = 0; q < points; q++) {
                    rngs[q] = RandomStream.forTrial(ctx.seed(), q, offset + t);
                }
                return sweep.run(offset + t, rngs);
            });
            drawn += size;
            for (int t = 0; t < size && kept.size() < wanted; t++) {
                boolean all = true;
                double[][] one = new double[points][];
                for (int q = 0; q < points; q++) {
                    one[q] = r[q][t];
                    for (int s = 0; s < series; s++) {
                        all &= r[q][t][METRICS * s + 2] == 1;
                    }
                }
                if (all) {
                    kept.add(one);
                }
            }
            int need = wanted - kept.size();
            // the next batch from the yield so far (a deterministic function of the results), at least `need`
            batch = kept.isEmpty() ? 2 * drawn : Math.max(need, (int) Math.ceil(1.25 * need * drawn / (double) kept.size()));
        }
        double[][][] out = new double[points][kept.size()][];
        for (int t = 0; t < kept.size(); t++) {
            for (int q = 0; q < points; q++) {
                out[q][t] = kept.get(t)[q];
            }
        }
        return new FixedLayouts(out, drawn, wanted);
    }

    /** A fixed layout set: results[point][layout], all feasible for every series at every point; drawn = layouts drawn. */
    record FixedLayouts(double[][][] results, int drawn, int wanted) {
        int kept() {
            return results.length == 0 ? 0 : results[0].length;
        }

        /** Caption sentence: how the set was found. */
        String sentence() {
            return String.format(" Fixed layout set: the first %d of %d layouts drawn that are feasible for every series at every x "
                    + "(wanted %d, at most %d drawn, [wangmultistatic A14]); every mean and every check is over these same layouts.",
                    kept(), drawn, wanted, DRAW_CAP_FACTOR * wanted);
        }
    }

    /** Runs the points of one layout in {@code order}; after the first point where some series is infeasible the rest are infeasible. */
    static double[][] untilInfeasible(int points, int series, int[] order, java.util.function.IntFunction<double[]> point) {
        double[][] out = new double[points][];
        boolean stop = false;
        for (int p : order) {
            if (stop) {
                out[p] = new double[METRICS * series];
                for (int s = 0; s < series; s++) {
                    put(out[p], s, null);
                }
                continue;
            }
            out[p] = point.apply(p);
            for (int s = 0; s < series; s++) {
                stop |= out[p][METRICS * s + 2] != 1;
            }
        }
        return out;
    }

    /** "Claims: a holds; b does not hold." for the figure's paper claims. */
    static String verdicts(List<Check> checks) {
        StringBuilder sb = new StringBuilder(" Paper claims on these layouts:");
        String sep = " ";
        for (Check c : checks) {
            if (c.kind() == Check.Kind.PAPER) {
                sb.append(sep).append(c.id()).append(c.passed() ? " holds" : " does not hold");
                sep = "; ";
            }
        }
        return sb.append('.').toString();
    }

    /** Metrics per series: U, min rate, feasible flag (1/0). */
    static final int METRICS = 3;

    static void put(double[] out, int series, double[] r) {
        if (r == null) {
            out[METRICS * series] = Double.NaN;
            out[METRICS * series + 1] = Double.NaN;
            out[METRICS * series + 2] = 0;
        } else {
            out[METRICS * series] = r[0];
            out[METRICS * series + 1] = r[1];
            out[METRICS * series + 2] = 1;
        }
    }

    /** Aggregates of one figure: means over the layouts feasible for EVERY series at a point [wangmultistatic A14]. */
    record Aggregate(double[][] mean, double[][] minRate, int[][] feasible, int[] common, int layouts) {
    }

    static Aggregate aggregate(double[][][] r, int series) {
        int points = r.length;
        int layouts = points == 0 ? 0 : r[0].length;
        double[][] mean = new double[series][points];
        double[][] rate = new double[series][points];
        int[][] feasible = new int[series][points];
        int[] common = new int[points];
        for (int p = 0; p < points; p++) {
            double[] sum = new double[series];
            double[] rsum = new double[series];
            for (int t = 0; t < layouts; t++) {
                boolean all = true;
                for (int s = 0; s < series; s++) {
                    boolean f = r[p][t][METRICS * s + 2] == 1;
                    feasible[s][p] += f ? 1 : 0;
                    all &= f;
                }
                if (all) {
                    common[p]++;
                    for (int s = 0; s < series; s++) {
                        sum[s] += r[p][t][METRICS * s];
                        rsum[s] += r[p][t][METRICS * s + 1];
                    }
                }
            }
            for (int s = 0; s < series; s++) {
                mean[s][p] = common[p] == 0 ? Double.NaN : sum[s] / common[p];
                rate[s][p] = common[p] == 0 ? Double.NaN : rsum[s] / common[p];
            }
        }
        return new Aggregate(mean, rate, feasible, common, layouts);
    }

    static List<Series> series(List<String> names, double[] x, Aggregate a) {
        List<Series> out = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            out.add(new Series(names.get(s), x, a.mean()[s], null, null, a.common(), Series.Style.LINE_MARKERS));
        }
        return out;
    }

    /**
     * The trade-off table {@code <id>-tradeoff.csv}: per series and R_th, the means over the fixed layout set;
     * feasible_layouts = the size of that set, layouts = the layouts drawn to find it.
     */
    static Table tradeoff(String id, List<String> names, double[] rth, Aggregate a, int drawn) {
        List<List<String>> rows = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            for (int p = 0; p < rth.length; p++) {
                rows.add(List.of(names.get(s), num(rth[p]), num(a.minRate()[s][p]), num(a.mean()[s][p]),
                        Integer.toString(a.common()[p]), Integer.toString(drawn)));
            }
        }
        return new Table(id + "-tradeoff.csv", List.of("series", "r_th", "min_rate_mean", "crb_mean", "feasible_layouts", "layouts"), rows);
    }

    static String num(double v) {
        return Double.isNaN(v) ? "nan" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : Double.toString(v);
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "nan" : String.format("%.3e", v);
    }

    /**
     * "a below b at every x" over the points with at least one common feasible layout, with the
     * {@link org.cosense.lab.Wording#LOWER} threshold (ratio below 1). Returns null when it holds, else the first failure.
     */
    static String belowEverywhere(double[] x, double[] lower, double[] upper, String lname, String uname) {
        List<String> bad = new ArrayList<>();
        int equal = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(lower[i]) || Double.isNaN(upper[i])) {
                continue;
            }
            if (!(lower[i] / upper[i] < org.cosense.lab.Wording.LOWER)) {
                bad.add(String.format("x = %s: %s %s vs %s %s", num(x[i]), lname, fmt(lower[i]), uname, fmt(upper[i])));
                equal += lower[i] == upper[i] ? 1 : 0;
            }
        }
        return bad.isEmpty() ? null : bad.size() + " point(s) fail, e.g. " + bad.get(0) + (equal == 0 ? ""
                : "; at " + equal + " of them the two means are identical: both choose the same set on every common layout");
    }

    static int evaluated(double[] y) {
        int n = 0;
        for (double v : y) {
            n += Double.isNaN(v) ? 0 : 1;
        }
        return n;
    }

    /** The ordering checks "first below second below ... at every x" as paper claims, one per adjacent pair. */
    static void orderingChecks(List<Check> checks, String prefix, double[] x, List<String> lowToHigh, Map<String, double[]> y) {
        for (int i = 0; i + 1 < lowToHigh.size(); i++) {
            String lo = lowToHigh.get(i);
            String hi = lowToHigh.get(i + 1);
            String fail = belowEverywhere(x, y.get(lo), y.get(hi), lo, hi);
            double worst = 0;
            for (int p = 0; p < x.length; p++) {
                if (!Double.isNaN(y.get(lo)[p]) && !Double.isNaN(y.get(hi)[p])) {
                    worst = Math.max(worst, y.get(lo)[p] / y.get(hi)[p]);
                }
            }
            checks.add(Check.paper(prefix + lo + "-below-" + hi, lo + " has a lower CRB than " + hi + " at every x (ratio < 1)",
                    fail == null && evaluated(y.get(lo)) > 0, fail == null ? String.format("largest ratio %s / %s over %d points: %.4f",
                            lo, hi, evaluated(y.get(lo)), worst) : fail));
        }
    }

    static Map<String, double[]> byName(List<String> names, Aggregate a) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int s = 0; s < names.size(); s++) {
            m.put(names.get(s), a.mean()[s]);
        }
        return m;
    }

    static Map<String, Object> commonParameters(RunContext ctx) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("K", K);
        p.put("TR", "(0, 0)");
        p.put("target", "(20, 40)");
        p.put("P_T_dBm", 30);
        p.put("noise_dBm", "sigma^2 = sigma_c^2 = sigma_z^2 = -60");
        p.put("alpha", ALPHA);
        p.put("beta", BETA);
        p.put("rho", RHO);
        p.put("B_Hz", BANDWIDTH);
        p.put("delta_t_s", DT);
        p.put("M", PULSES);
        p.put("epsilon", EPS);
        p.put("layouts (ASSUMED)", ctx.trials());
        p.put("layout_rule (ASSUMED)", "uniform in area over 1..100 m around the TR, redrawn within 1 m of the target");
        p.put("L", "min(N_t, N_r)");
        p.put("kmeans (ASSUMED)", "k-means++, 10 restarts, 100 iterations, seed per layout");
        return p;
    }

    static String common(RunContext ctx) {
        return String.format(" CRB = PAPER-mode U of (17)-(18) (no unit: var(tau) in s^2 plus var(f dt), dominated by the Doppler "
                + "term). Common parameters: K = 10 REs, TR (0, 0), target (20, 40), P_T = 30 dBm, sigma^2 = sigma_c^2 = sigma_z^2 = "
                + "-60 dBm, alpha = 0.5, beta = 0.6, rho = 0.5, B = 100 MHz, dt = 5 ns, M = 1024, epsilon = 2.7, L = min(N_t, N_r). "
                + "ASSUMED: %d random layouts (the same layouts for every series and x; uniform in area over 1..100 m, "
                + "[wangmultistatic A12]); deterministic LoS links; per layout and x: the b = 0 beamformer, selection with it, then the "
                + "SDP for the chosen set, one pass ([wangmultistatic A13]); the target's true position is the selector's prior. "
                + "A rate requirement that no beamformer meets for a layout is a result: the layout is infeasible at that x, and "
                + "every series is averaged over the same layouts (their number is the trials column; [wangmultistatic A14]).",
                ctx.trials());
    }

    /** Caption sentences for failed checks. */
    static String departures(List<Check> checks, Map<String, String> why) {
        StringBuilder sb = new StringBuilder();
        for (Check c : checks) {
            if (c.passed()) {
                continue;
            }
            String what = c.kind() == Check.Kind.PAPER ? " DEPARTURE from the paper: " : " FAILED " + c.kind().label() + ": ";
            String w = why.get(c.id());
            sb.append(what).append(c.behaviour()).append(" does not hold (").append(c.detail()).append(")")
                    .append(w != null ? ". Why: " + w + "." : "; not diagnosed.");
        }
        return sb.toString();
    }

    /** Sweep points: all in a full run; a subset with --quick (named in the caption). */
    static double[] sweep(double[] full, RunContext ctx, int... quickIndices) {
        if (!ctx.quick()) {
            return full;
        }
        double[] q = new double[quickIndices.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = full[quickIndices[i]];
        }
        return q;
    }
}
