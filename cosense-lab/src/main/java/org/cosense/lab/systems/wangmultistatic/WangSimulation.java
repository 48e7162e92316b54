package org.cosense.lab.systems.wangmultistatic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cosense.InvalidInputException;
import org.cosense.bounds.CrbResult;
import org.cosense.estimation.delay.DelayDopplerEstimate;
import org.cosense.estimation.delay.DelayDopplerMatchedFilter;
import org.cosense.estimation.delay.DelayDopplerSearch;
import org.cosense.localization.DopplerDelayLocalizer;
import org.cosense.math.RandomStream;
import org.cosense.signal.HalfCosinePulse;
import org.cosense.signal.PulseShape;
import org.cosense.signal.SincPulse;
import org.cosense.systems.wangmultistatic.BistaticDopplerDelay;
import org.cosense.systems.wangmultistatic.CooperationCost;
import org.cosense.systems.wangmultistatic.CooperativeCrb;
import org.cosense.systems.wangmultistatic.EchoSettings;
import org.cosense.systems.wangmultistatic.ExactFim;
import org.cosense.systems.wangmultistatic.MultistaticLayout;
import org.cosense.systems.wangmultistatic.PaperFim;
import org.cosense.systems.wangmultistatic.PulseMoments;
import org.cosense.systems.wangmultistatic.ReceiverSelection;
import org.cosense.systems.wangmultistatic.SampledEcho;
import org.ejml.data.DMatrixRMaj;

/**
 * The EXACT-mode estimation chain of one wangmultistatic layout, shared by fig7, {@code position} and
 * {@code cosense simulate wangmultistatic}: per receiver the true (τ_k, f̃_k) from (51) and (48), the
 * oversampled echo ({@link SampledEcho}, Doppler on absolute time), the delay–Doppler matched filter, its
 * EXACT unknown-gain FIM ({@link ExactFim#unknownGain}) conditional on the trial's symbols, and Prop. 5.1
 * ({@link DopplerDelayLocalizer}) on the estimates.
 *
 * <p>Power reaching the target in the figures: the whole budget is steered at θ, R = P_T a_b^* a_b^T / N_t, so the effective
 * symbol z_m = a_b(θ)^T x[m] has power N_t P_T [wangmultistatic A31]. Echo amplitude per receive antenna:
 * √(η_k / (1 + α_k)), η_k = β d^{−ε} over the echo path ([wangmultistatic E8]); receive steering e^{jπ r sin φ_k}
 * with a random common phase per trial. In fig7 each trial draws a sub-sample delay offset u/P, u ~ U(−1/2, 1/2),
 * for every receiver ([wangmultistatic A30], [wangmultistatic E6]).
 */
public final class WangSimulation {
    /** Speed of light (m/s). */
    static final double C = BistaticDopplerDelay.C;

    /**
     * Every fixed value of the chain.
     *
     * @param pulses       M
     * @param oversampling P, samples per Δt
     * @param pulseName    "cosine" (g1) or "sinc" (g2)
     */
    public record Setting(int transmitAntennas, int receiveAntennas, double noiseDbm, double carrier, double speed,
                   double sampleInterval, int pulses, int oversampling, String pulseName, double reflection,
                   double exponent, double rician, double rho) {
        public Setting {
            InvalidInputException.positive("transmit antennas N_t", transmitAntennas);
            InvalidInputException.positive("receive antennas N_r", receiveAntennas);
            InvalidInputException.finite("noise (dBm)", noiseDbm);
            InvalidInputException.positive("carrier f_0 (Hz)", carrier);
            InvalidInputException.require(Double.isFinite(speed) && Math.abs(speed) < C, "speed v (m/s)", speed,
                    "must be finite and below the speed of light in magnitude");
            InvalidInputException.positive("pulse interval Δt (s)", sampleInterval);
            InvalidInputException.positive("pulses M", pulses);
            InvalidInputException.require(oversampling >= 2, "oversampling P", oversampling, "must be >= 2");
            InvalidInputException.require("cosine".equals(pulseName) || "sinc".equals(pulseName), "pulse", pulseName,
                    "must be cosine or sinc");
        }

        /** The implementation notes' common values; P = 8 (fig7 row). */
        public static Setting paper() {
            return new Setting(10, 2, -60, 28e9, 20, 5e-9, 1024, 8, "cosine", 0.6, 2.7, 0.5, 0.5);
        }

        public Setting withPulses(int m) {
            return new Setting(transmitAntennas, receiveAntennas, noiseDbm, carrier, speed, sampleInterval, m, oversampling,
                    pulseName, reflection, exponent, rician, rho);
        }

        /** σ_c² = σ_z² = noise (W) each. */
        double noiseWatts() {
            return 1e-3 * Math.pow(10, noiseDbm / 10);
        }

        PulseShape normalizedPulse() {
            return "cosine".equals(pulseName) ? new HalfCosinePulse(1.0) : new SincPulse(1.0);
        }

        PulseMoments moments() {
            return PulseMoments.of("cosine".equals(pulseName) ? new HalfCosinePulse(sampleInterval) : new SincPulse(sampleInterval));
        }
    }

    /**
     * One receiver's truth: position (the TR itself for mono-static), delay τ (s), f̃ = f Δt, DoA φ, amplitude² per
     * antenna.
     */
    record Link(double[] position, double delay, double doppler, double arrival, double power) {
    }

    /** A random layout of seed s: the figures' layout 0 of seed s ({@link MultistaticLayout#random}, [wangmultistatic A12]). */
    public static MultistaticLayout randomLayout(long seed, int k, double[] transmitter, double[] target) {
        return MultistaticLayout.random(RandomStream.forTrial(seed, 0, 0), k, transmitter, target);
    }

    /** The reference layout of fig7 and {@code position}: layout 0 of figs 2–6 for the master seed ([wangmultistatic A32]). */
    static MultistaticLayout referenceLayout(long seed) {
        return randomLayout(seed, WangFigure.K, new double[] {0, 0}, WangFigure.TARGET);
    }

    static double dist(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    private final MultistaticLayout layout;
    private final Setting setting;
    private final PulseShape pulse;
    private final PulseMoments moments;

    WangSimulation(MultistaticLayout layout, Setting setting) {
        this.layout = layout;
        this.setting = setting;
        this.pulse = setting.normalizedPulse();
        this.moments = setting.moments();
    }

    MultistaticLayout layout() {
        return layout;
    }

    Setting setting() {
        return setting;
    }

    /** ψ = (x₀, y₀, v). */
    double[] psi() {
        return new double[] {layout.target()[0], layout.target()[1], setting.speed()};
    }

    /** RE k's link; k = −1 is the mono-static TR receiving its own echo (path 2 d_{b,0}, DoA θ). */
    Link link(int k) {
        double[] tr = layout.transmitter();
        double[] p0 = layout.target();
        double theta = BistaticDopplerDelay.azimuthTowards(tr, p0);
        double[] pos = k < 0 ? tr : layout.receivers()[k];
        double phi = k < 0 ? theta : BistaticDopplerDelay.azimuthTowards(pos, p0);
        double path = dist(tr, p0) + dist(pos, p0);
        double f = BistaticDopplerDelay.doppler(setting.carrier(), setting.speed() / C, theta, phi);
        double eta = PaperFim.echoLoss(setting.reflection(), path, setting.exponent());
        return new Link(pos.clone(), path / C, f * setting.sampleInterval(), phi, eta / (1 + setting.rician()));
    }

    /** The matched filter of one link: delay ± 2 Δt, Doppler ± 4/M in 1/(8M) ([wangmultistatic A4]). */
    DelayDopplerMatchedFilter filter(Link l) {
        double tau = l.delay() / setting.sampleInterval();
        return new DelayDopplerMatchedFilter(setting.pulses(), setting.oversampling(),
                new DelayDopplerSearch(Math.max(tau, 2.0), 2.0, l.doppler(), 32, 8));
    }

    /** A selected RE's link and its matched filter, built once per figure or run. */
    record Receiver(Link link, DelayDopplerMatchedFilter filter) {
    }

    /** The receivers of every RE in the groups (k = −1 the TR itself), each built once. */
    java.util.Map<Integer, Receiver> receivers(int[][] groups) {
        java.util.Map<Integer, Receiver> out = new java.util.LinkedHashMap<>();
        for (int[] g : groups) {
            for (int k : g) {
                out.computeIfAbsent(k, kk -> {
                    Link l = link(kk);
                    return new Receiver(l, filter(l));
                });
            }
        }
        return out;
    }

    /** The effective symbols of one trial: z_m ~ CN(0, N_t P_T). */
    double[] symbols(double powerDbm, RandomStream rng) {
        double pt = 1e-3 * Math.pow(10, powerDbm / 10);
        return SampledEcho.randomSymbols(setting.pulses(), setting.transmitAntennas() * pt, rng);
    }

    /** Effective symbols of a given power a_b^T R a_b^* (W). */
    double[] symbolsOfPower(double power, RandomStream rng) {
        return SampledEcho.randomSymbols(setting.pulses(), power, rng);
    }

    /** One receiver's estimate: errors (τ̂ − τ [s], f̂̃ − f̃), the estimates, and the EXACT unknown-gain FIM. */
    record Outcome(double delayError, double dopplerError, double delay, double doppler, DMatrixRMaj fim) {
    }

    /**
     * Simulates one receiver's echo (with a sub-sample delay offset drawn from {@code rng} when {@code jitter}; the
     * draw is made either way so the streams do not depend on it), estimates it, and
     * evaluates the bound at the trial's true delay and symbols.
     */
    Outcome estimate(Link l, DelayDopplerMatchedFilter mf, double[] symbols, boolean jitter, RandomStream rng) {
        int p = setting.oversampling();
        int m = setting.pulses();
        double dt = setting.sampleInterval();
        double u = rng.nextDouble() - 0.5;
        double tau = l.delay() / dt + (jitter ? u / p : 0);
        double[] gains = SampledEcho.receiveGains(Math.sqrt(l.power()), 2 * Math.PI * rng.nextDouble(), setting.receiveAntennas(),
                l.arrival());
        int window = Math.max(mf.samplesNeeded(), (int) Math.ceil((tau + m) * p)) + p;
        double noise = setting.noiseWatts();
        EchoSettings es = new EchoSettings(m, p, window, tau, l.doppler(), gains, noise, noise);
        SampledEcho echo = SampledEcho.simulate(pulse, symbols, es, rng);
        DelayDopplerEstimate e = mf.estimate(echo.train(), echo.samples());
        double[] w = new double[m];
        double g2 = setting.receiveAntennas() * l.power();
        for (int i = 0; i < m; i++) {
            w[i] = (symbols[2 * i] * symbols[2 * i] + symbols[2 * i + 1] * symbols[2 * i + 1]) * g2;
        }
        DMatrixRMaj j = ExactFim.unknownGain(moments, tau * dt, w, 2 * noise);
        return new Outcome((e.delay() - tau) * dt, e.doppler() - l.doppler(), e.delay() * dt, e.doppler(), j);
    }

    /** The symbol-averaged EXACT FIM of one link at the given power (for selection and the CLI's summary). */
    DMatrixRMaj expectedFim(Link l, double powerDbm) {
        double pt = 1e-3 * Math.pow(10, powerDbm / 10);
        return expectedFimAtSymbolPower(l, setting.transmitAntennas() * pt);
    }

    /** The symbol-averaged EXACT FIM at effective symbol power a_b^T R a_b^* (W). */
    DMatrixRMaj expectedFimAtSymbolPower(Link l, double symbolPower) {
        double w = symbolPower * setting.receiveAntennas() * l.power();
        return ExactFim.expectedUnknownGain(moments, l.delay(), setting.pulses(), w, 2 * setting.noiseWatts());
    }

    /**
     * Fixed-size selection of |G| = n REs: the size-n candidates of Algorithm I ([wangmultistatic A10]); among them the
     * one with the smallest EXACT cooperative bound tr((Σ J_k)^{-1}) at the given power ([wangmultistatic A32]).
     */
    int[] select(int n, double powerDbm) {
        CooperationCost geometry = new CooperationCost(layout.receivers(), layout.target(), setting.rho());
        int[] best = null;
        double bestU = Double.POSITIVE_INFINITY;
        for (int[] g : ReceiverSelection.minimaxCandidatesOfSize(geometry, n)) {
            List<DMatrixRMaj> fims = new ArrayList<>();
            for (int k : g) {
                fims.add(expectedFim(link(k), powerDbm));
            }
            double u = CooperativeCrb.inverseOfSum(fims);
            if (best == null || u < bestU) {
                best = g;
                bestU = u;
            }
        }
        return best;
    }

    /** The fused error e = (Σ J_k)^{-1} Σ J_k e_k and the bound tr((Σ J_k)^{-1}); {e_τ² , e_f², bound_τ, bound_f}. */
    static double[] fuse(List<Outcome> outcomes) {
        // every EXACT J_k is diagonal (J_τf = 0, [wangmultistatic E4]), so the fusion is per parameter
        double jt = 0;
        double jf = 0;
        double st = 0;
        double sf = 0;
        for (Outcome o : outcomes) {
            double a = o.fim().get(0, 0);
            double b = o.fim().get(1, 1);
            jt += a;
            jf += b;
            st += a * o.delayError();
            sf += b * o.dopplerError();
        }
        double et = st / jt;
        double ef = sf / jf;
        return new double[] {et * et, ef * ef, 1 / jt, 1 / jf};
    }

    /** Per-RE DoD Jacobians G_k = ∂(τ_k, f̃_k)/∂ψ. */
    DMatrixRMaj jacobian(int k) {
        return BistaticDopplerDelay.jacobian(layout.transmitter(), layout.receivers()[k], setting.carrier(), setting.sampleInterval(), psi());
    }

    /**
     * Prop. 5.1 on the estimates of the REs {@code g}: {squared position error (m²), position CRB tr over (x₀, y₀)
     * (m²)}, or null when the localizer rejects the geometry (collinear Doppler rows).
     */
    double[] locate(int[] g, List<Outcome> outcomes) {
        List<DopplerDelayLocalizer.Observation> obs = new ArrayList<>();
        for (int i = 0; i < g.length; i++) {
            Link l = link(g[i]);
            Outcome o = outcomes.get(i);
            obs.add(new DopplerDelayLocalizer.Observation(l.position(), l.arrival(), o.delay(), o.doppler() / setting.sampleInterval()));
        }
        double bound = locateBoundOnly(g, outcomes);
        try {
            double[] p = new DopplerDelayLocalizer(layout.transmitter(), setting.carrier()).locate(obs).position();
            double ex = p[0] - layout.target()[0];
            double ey = p[1] - layout.target()[1];
            return new double[] {ex * ex + ey * ey, bound};
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** The position CRB tr over (x₀, y₀) (m²) from the outcomes' FIMs; +∞ when unidentifiable. */
    double locateBoundOnly(int[] g, List<Outcome> outcomes) {
        List<DMatrixRMaj> fims = new ArrayList<>();
        List<DMatrixRMaj> jac = new ArrayList<>();
        for (int i = 0; i < g.length; i++) {
            fims.add(outcomes.get(i).fim());
            jac.add(jacobian(g[i]));
        }
        CrbResult crb = CooperativeCrb.positionCrb(fims, jac);
        return crb.identifiable() ? crb.sumOfVariances(0, 1) : Double.POSITIVE_INFINITY;
    }

    // ---- cosense simulate wangmultistatic -------------------------------------------------------

    /**
     * One user's run.
     *
     * @param powerDbm      P_T (dBm)
     * @param rateThreshold R_th (bit/s/Hz) at every RE
     * @param costLimit     Omega_th (m); +infinity: no limit
     * @param selection     "minimax" (Algorithm I), "kmeans" or "all"
     */
    public record Config(MultistaticLayout layout, Setting setting, double powerDbm, double rateThreshold, double costLimit, String selection,
                         int trials, long seed) {
        public Config {
            InvalidInputException.require(layout != null && setting != null, "layout", null, "must be given");
            InvalidInputException.finite("power (dBm)", powerDbm);
            InvalidInputException.require(rateThreshold >= 0 && Double.isFinite(rateThreshold), "rate threshold R_th (bit/s/Hz)",
                    rateThreshold, "must be finite and >= 0");
            InvalidInputException.require(costLimit >= 0 && !Double.isNaN(costLimit), "cost limit Omega_th (m)", costLimit,
                    "must be >= 0 (inf for no limit)");
            InvalidInputException.require("minimax".equals(selection) || "kmeans".equals(selection) || "all".equals(selection),
                    "selection", selection, "must be minimax, kmeans or all");
            InvalidInputException.positive("trials", trials);
        }
    }

    /**
     * What {@link #run} found. Bounds and MSEs on (τ [s], f̃); NaN where not computed (no feasible selection, or
     * fewer than 2 selected REs for the position).
     *
     * @param status          "ok", or why nothing was estimated
     * @param selected        G (0-based RE indices)
     * @param bound           tr((Σ_{k∈G} J_k)^{-1}), EXACT, symbols averaged, at the beamformed sensing power
     * @param rates           R_k of the returned beamformers, every RE
     * @param power           Σ_i ||W_i||² (W)
     * @param sensingPower    a_b(θ)^T R a_b(θ)^* (W), the effective symbol power of the echo
     * @param cost            Omega(G) (m)
     * @param mfMse           mean tr(e e^T) of the fused matched-filter errors over the trials
     * @param mfBound         mean tr((Σ J_k)^{-1}) at the trials' symbols
     * @param positionRmse    RMSE of Prop. 5.1's position (m)
     * @param positionCrb     √ of the mean position CRB over (x₀, y₀) (m)
     */
    public record Result(Config config, String status, int[] selected, int candidates, int feasibleCandidates, double bound,
                         double[] rates, double power, double sensingPower, double cost, double mfMse, double mfBound,
                         double delayRmse, double delayBoundSd, double dopplerRmse, double dopplerBoundSd, double positionRmse,
                         double positionCrb, int positionTrials, double runtimeSeconds, int threads) {
    }

    /**
     * Design (selection and beamforming, deterministic, [wangmultistatic A34]), then Monte Carlo of the estimation chain on
     * the design at the realized power towards the target.
     */
    public static Result run(Config c, int threads, org.cosense.lab.Progress progress) {
        long t0 = System.nanoTime();
        MultistaticLayout lay = c.layout();
        Setting st = c.setting();
        WangSimulation sim = new WangSimulation(lay, st);
        int k = lay.size();
        int nt = st.transmitAntennas();
        double theta = BistaticDopplerDelay.azimuthTowards(lay.transmitter(), lay.target());
        org.cosense.systems.wangmultistatic.LosLink[] links = new org.cosense.systems.wangmultistatic.LosLink[k];
        for (int i = 0; i < k; i++) {
            double d = dist(lay.transmitter(), lay.receivers()[i]);
            links[i] = org.cosense.systems.wangmultistatic.LosLink.towards(st.reflection() * Math.pow(d, -st.exponent()), nt,
                    st.receiveAntennas(), BistaticDopplerDelay.azimuthTowards(lay.transmitter(), lay.receivers()[i]));
        }
        org.ejml.data.ZMatrixRMaj steering = org.cosense.systems.wangmultistatic.LosLink.steering(nt, theta);
        CooperationCost geometry = new CooperationCost(lay.receivers(), lay.target(), st.rho());
        List<int[]> candidates = switch (c.selection()) {
            case "minimax" -> ReceiverSelection.minimaxCandidates(geometry);
            case "kmeans" -> ReceiverSelection.kMeansCandidates(lay.receivers(), new org.cosense.optim.KMeansPlusPlus(10, 100), c.seed());
            default -> List.of(java.util.stream.IntStream.range(0, k).toArray());
        };
        double pt = 1e-3 * Math.pow(10, c.powerDbm() / 10);
        double noise = st.noiseWatts();
        org.cosense.systems.wangmultistatic.LosBeamformingSdp sdp = new org.cosense.systems.wangmultistatic.LosBeamformingSdp();
        int[] best = null;
        double bestBound = Double.POSITIVE_INFINITY;
        org.cosense.systems.wangmultistatic.BeamformingResult.Optimal bestDesign = null;
        int feasible = 0;
        for (int[] g : candidates) {
            if (geometry.of(g) > c.costLimit()) {
                continue;
            }
            var problem = new org.cosense.systems.wangmultistatic.BeamformingProblem(links, steering, ReceiverSelection.indicator(k, g),
                    c.rateThreshold(), pt, noise, 1);
            if (!(sdp.solve(problem, Math.min(nt, st.receiveAntennas())) instanceof org.cosense.systems.wangmultistatic.BeamformingResult.Optimal o)) {
                continue;
            }
            feasible++;
            List<DMatrixRMaj> fims = new ArrayList<>();
            for (int i : g) {
                fims.add(sim.expectedFimAtSymbolPower(sim.link(i), o.achieved()));
            }
            double u = CooperativeCrb.inverseOfSum(fims);
            if (best == null || u < bestBound) {
                best = g;
                bestBound = u;
                bestDesign = o;
            }
        }
        int n = threads;
        if (best == null) {
            String why = feasible == 0 && candidates.stream().allMatch(g -> geometry.of(g) > c.costLimit())
                    ? "no candidate set within the cost limit" : "no candidate set meets every rate within the power budget";
            return new Result(c, why, new int[0], candidates.size(), feasible, Double.NaN, new double[0], Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
                    (System.nanoTime() - t0) / 1e9, n);
        }
        int[] g = best;
        double sensing = bestDesign.achieved();
        Link[] ls = new Link[g.length];
        DelayDopplerMatchedFilter[] mfs = new DelayDopplerMatchedFilter[g.length];
        for (int i = 0; i < g.length; i++) {
            ls[i] = sim.link(g[i]);
            mfs[i] = sim.filter(ls[i]);
        }
        double[][][] r = new org.cosense.lab.MonteCarlo(n, progress).run("wangmultistatic", c.seed(), 1, c.trials(), (p, t, rng) -> {
            double[] sym = sim.symbolsOfPower(sensing, rng.split(1));
            List<Outcome> o = new ArrayList<>();
            for (int i = 0; i < g.length; i++) {
                o.add(sim.estimate(ls[i], mfs[i], sym, false, rng.split(100 + g[i])));
            }
            double[] f = fuse(o);
            double[] loc = g.length >= 2 ? sim.locate(g, o) : null;
            return new double[] {f[0], f[1], f[2], f[3], loc == null ? Double.NaN : loc[0], loc == null ? Double.NaN : loc[1]};
        });
        double et = 0;
        double ef = 0;
        double bt = 0;
        double bf = 0;
        double pe = 0;
        double pb = 0;
        int pn = 0;
        for (double[] v : r[0]) {
            et += v[0];
            ef += v[1];
            bt += v[2];
            bf += v[3];
            if (!Double.isNaN(v[4])) {
                pe += v[4];
                pb += v[5];
                pn++;
            }
        }
        int trials = c.trials();
        return new Result(c, "ok", g.clone(), candidates.size(), feasible, bestBound, bestDesign.rates(), bestDesign.power(), sensing,
                geometry.of(g), (et + ef) / trials, (bt + bf) / trials, Math.sqrt(et / trials), Math.sqrt(bt / trials),
                Math.sqrt(ef / trials), Math.sqrt(bf / trials), pn == 0 ? Double.NaN : Math.sqrt(pe / pn),
                pn == 0 ? Double.NaN : Math.sqrt(pb / pn), pn, (System.nanoTime() - t0) / 1e9, n);
    }

    /** The result as one JSON object. */
    public static String toJson(Result r) {
        return org.cosense.lab.SimulationJson.write(r);
    }
}
