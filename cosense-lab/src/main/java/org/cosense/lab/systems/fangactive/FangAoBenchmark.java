package org.cosense.lab.systems.fangactive;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cosense.lab.BenchOptions;
import org.cosense.lab.Benchmark;
import org.cosense.optim.DualLmiSolver;
import org.cosense.optim.DualTraceInverseSolver;
import org.cosense.optim.SolverOptions;
import org.cosense.optim.TraceInverseSolver;
import org.cosense.systems.fangactive.AoOptions;
import org.cosense.systems.fangactive.AoResult;
import org.cosense.systems.fangactive.AoSettings;
import org.cosense.systems.fangactive.AoWork;
import org.cosense.systems.fangactive.Budget;
import org.cosense.systems.fangactive.FangDesigner;
import org.cosense.systems.fangactive.IrsSlot;
import org.cosense.systems.fangactive.Scenario;
import org.cosense.systems.fangactive.SensingAtBs;

/**
 * {@code cosense bench fang-ao}: the proposed BS-mode design (sensing at the BS) of the paper's scene and budget
 * ({@link FangSimulation.Config#paper()}: M = 16, two 4×4 IRSs, P_t = 20 W, P_s = 20 dBm, a_max = 8) at the paper's AO
 * settings ({@link AoOptions#paper()}: K_AO = 20, I_SCA = 20, Q = 1000, two starts), designed twice on each of
 * {@code --trials} channel realizations: the reference loop ({@link AoSettings#reference()}, the eigendecomposition step
 * length) and the new loop ({@link AoSettings#fast()}, {@link FangDesigner#recommendedSolver()} with the bisection step
 * length and the factored Schur forming) [fangactive S3.15] [fangactive S3.15.5]. A design is
 * what a figure point computes: the reflective-only benchmark, then the proposed AO from both starts. The two loops
 * of one realization run back to back on one thread (which goes first alternates with the realization);
 * realizations are spread over {@code --threads}. Times are CPU seconds of the design's thread (other load on a
 * shared machine stretches wall time, not CPU time); wall time is printed too. One design takes about 10 CPU seconds
 * per loop: {@code --trials 2 --threads 2} is a run of about a minute on an idle 2-core machine.
 */
public final class FangAoBenchmark implements Benchmark {
    @Override
    public String name() {
        return "fang-ao";
    }

    @Override
    public String description() {
        return "fangactive proposed BS-mode design at the paper's AO settings: new loop vs the reference loop on the same realizations"
                + " (--trials = realizations)";
    }

    @Override
    public int defaultTrials() {
        return 2;
    }

    /** One loop: its AO rules and its solver. */
    record Loop(String name, AoSettings settings, TraceInverseSolver solver) {
    }

    static Loop reference() {
        return new Loop("reference", AoSettings.reference(),
                new DualTraceInverseSolver(DualLmiSolver.recommendedOptions().withStepLength(SolverOptions.StepLength.EIGENDECOMPOSITION)));
    }

    static Loop fast() {
        return new Loop("new", AoSettings.fast(), FangDesigner.recommendedSolver());
    }

    /**
     * One design of one loop: the max-CRB, the CPU seconds of its thread (robust to other load on a shared machine),
     * the wall seconds and the work it did.
     */
    record Run(double maxCrb, double seconds, double wallSeconds, AoWork.Counts work) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** The design of realization t under {@code loop} (reflective-only, then the proposed design from both starts). */
    static Run design(Loop loop, Scenario scenario, Budget budget, AoOptions ao, long seed, int t) {
        List<IrsSlot> slots = scenario.realization(seed, t);
        long w0 = System.nanoTime();
        long c0 = cpuNanos();
        FangDesigner d = new FangDesigner(SensingAtBs.INSTANCE, slots, budget, ao, loop.settings(), loop.solver(), seed, t);
        AoResult r = d.proposed(d.reflectiveOnly());
        return new Run(r.maxCrb(), (cpuNanos() - c0) / 1e9, (System.nanoTime() - w0) / 1e9, d.work());
    }

    @Override
    public void run(BenchOptions opts, PrintStream out) {
        int n = opts.trials();
        FangSimulation.Config cfg = FangSimulation.Config.paper();
        Scenario scenario = cfg.scenario();
        Budget budget = cfg.budget();
        AoOptions ao = AoOptions.paper();
        Loop ref = reference();
        Loop neu = fast();
        // JIT warm-up: both loops at shortened AO settings on a realization outside the measured ones
        design(ref, scenario, budget, AoOptions.shortened(), opts.seed(), n);
        design(neu, scenario, budget, AoOptions.shortened(), opts.seed(), n);
        Run[][] runs = new Run[n][];
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(opts.threads(), n));
        try {
            List<Future<Run[]>> fs = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                final int tt = t;
                fs.add(pool.submit(() -> {
                    if (tt % 2 == 0) {
                        Run a = design(ref, scenario, budget, ao, opts.seed(), tt);
                        return new Run[] {a, design(neu, scenario, budget, ao, opts.seed(), tt)};
                    }
                    Run b = design(neu, scenario, budget, ao, opts.seed(), tt);
                    return new Run[] {design(ref, scenario, budget, ao, opts.seed(), tt), b};
                }));
            }
            for (int t = 0; t < n; t++) {
                runs[t] = fs.get(t).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        report(runs, ref, neu, Math.min(opts.threads(), n), out);
    }

    static void report(Run[][] runs, Loop ref, Loop neu, int threads, PrintStream out) {
        int n = runs.length;
        double tRef = 0;
        double tNew = 0;
        double wallRef = 0;
        double wallNew = 0;
        double worstAbs = 0;
        double worstUp = 0;
        int worse = 0;
        AoWork.Counts wRef = AoWork.Counts.zero();
        AoWork.Counts wNew = AoWork.Counts.zero();
        for (Run[] r : runs) {
            tRef += r[0].seconds();
            tNew += r[1].seconds();
            wallRef += r[0].wallSeconds();
            wallNew += r[1].wallSeconds();
            double rel = (r[1].maxCrb() - r[0].maxCrb()) / r[0].maxCrb();
            worstAbs = Math.max(worstAbs, Math.abs(rel));
            worstUp = Math.max(worstUp, rel);
            worse += rel > 0 ? 1 : 0;
            wRef = wRef.plus(r[0].work());
            wNew = wNew.plus(r[1].work());
        }
        out.printf(Locale.ROOT, "fang-ao: %d BS-mode designs per loop (paper scene and budget, K_AO = 20, I_SCA = 20, Q = 1000, two starts), "
                + "%d thread(s)%n", n, threads);
        for (int t = 0; t < n; t++) {
            out.printf(Locale.ROOT, "  realization %d: reference %.2f s max-CRB %.10e | new %.2f s max-CRB %.10e | rel change %+.2e%n", t,
                    runs[t][0].seconds(), runs[t][0].maxCrb(), runs[t][1].seconds(), runs[t][1].maxCrb(),
                    (runs[t][1].maxCrb() - runs[t][0].maxCrb()) / runs[t][0].maxCrb());
        }
        out.printf(Locale.ROOT, "work %s: %s%n", ref.name(), describe(wRef));
        out.printf(Locale.ROOT, "work %s: %s%n", neu.name(), describe(wNew));
        out.printf(Locale.ROOT, "wall time (shared machine): reference %.2f s/design, new %.2f s/design%n", wallRef / n, wallNew / n);
        out.printf(Locale.ROOT, "reference loop: %.2f s/design (CPU time of the design's thread)%n", tRef / n);
        out.printf(Locale.ROOT, "cosense: %.2f s/design (CPU time of the design's thread)%n", tNew / n);
        out.printf(Locale.ROOT, "ratio: %.2fx (reference / new)%n", tRef / tNew);
        out.printf(Locale.ROOT, "max objective change: %.2e (relative, worst design; %d of %d designs worse, worst worsening %.2e)%n",
                worstAbs, worse, n, worstUp);
    }

    static String describe(AoWork.Counts c) {
        return String.format(Locale.ROOT, "%d Psi-steps (+%d skipped as stagnant), %d SDR solves (%d interior-point iterations, %.1f per solve),"
                + " %d SCA loops reused, %d randomizations (+%d skipped: rank one)", c.psiSteps(), c.psiStepsSkipped(), c.sdrSolves(),
                c.sdrIterations(), c.sdrSolves() == 0 ? 0.0 : (double) c.sdrIterations() / c.sdrSolves(), c.scaLoopsReused(), c.randomizations(),
                c.randomizationsSkipped());
    }
}
