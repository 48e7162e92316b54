package org.cosense.lab.optim;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cosense.lab.BenchOptions;
import org.cosense.lab.Csdp;
import org.cosense.lab.Benchmark;
import org.cosense.optim.BenchmarkInstances;
import org.cosense.optim.ConvexProgram;
import org.cosense.optim.DualLmiSolver;
import org.cosense.optim.Solution;
import org.cosense.optim.SolverOptions;
import org.cosense.optim.TraceInverseProgram;
import org.cosense.systems.fangactive.Benchmarks;
import org.cosense.systems.fangactive.Budget;
import org.cosense.systems.fangactive.IrsSlot;
import org.cosense.systems.fangactive.PsiStep;
import org.cosense.systems.fangactive.RStep;
import org.cosense.systems.fangactive.RStepProblem;
import org.cosense.systems.fangactive.Scenario;
import org.cosense.systems.fangactive.SensingAtBs;
import org.ejml.data.ZMatrixRMaj;

/**
 * {@code cosense bench optim}: the interior-point SDP solver on the two subproblems of the fangactive
 * alternating optimization, against CSDP (if installed) on the same programs exported to SDPA.
 * <ul>
 * <li>R-step at the paper's size: M = 16, L = 2, sensing at the BS, channel realization 0 of the
 *     paper scene, random-phase reflections at a_max = 8, P_t = 20 W, P_s = 20 dBm (533 variables,
 *     blocks 32/8/32/8);</li>
 * <li>the SDR subproblem shape for N = 16 ({@link BenchmarkInstances#sdrShape}: 266 variables,
 *     blocks 32/8, 17 rows).</li>
 * </ul>
 * Time per solve is the median over --trials solves after a JIT warm-up, one thread. CSDP's time is
 * the wall time of the process (it includes reading the file and its own start-up, a few ms).
 */
public final class OptimBenchmark implements Benchmark {

    @Override
    public String name() {
        return "optim";
    }

    @Override
    public String description() {
        return "interior-point SDP solver: fangactive R-step (M = 16, L = 2) and SDR shape (N = 16) vs CSDP if installed";
    }

    @Override
    public void run(BenchOptions opts, PrintStream out) {
        int trials = opts.trials();
        String csdp = Csdp.find().orElse(null);
        out.println("optim: R-step (P2.1) at the paper's size and the SDR subproblem (N = 16)");
        bench("R-step M=16 L=2", rStep(opts.seed()), trials, csdp, out);
        bench("SDR N=16", BenchmarkInstances.sdrShape(opts.seed(), 16), trials, csdp, out);
        // the same two subproblems as the AO poses them, solved in the dual form the figures use
        Scenario sc = Scenario.paper(16);
        Budget budget = Budget.of(20, 20, 8);
        List<IrsSlot> slots = sc.realization(opts.seed(), 0);
        List<double[]> psi = Benchmarks.randomPhaseReflections(sc.irsCount(), 16, budget.maxAmplitude(), opts.seed(), 0);
        RStepProblem data = RStepProblem.of(SensingAtBs.INSTANCE, slots, psi, budget, true);
        TraceInverseProgram rStep = RStep.program(data, true, Benchmarks.isotropicCovariances(sc.irsCount(), 16, budget.bsPower()));
        out.println("dual form (DualTraceInverseSolver via DualLmiSolver, used by the figures): the same programs' Lagrange duals; X = the LMI multipliers");
        bench("R-step M=16 L=2, dual form", DualLmiSolver.dual(rStep.standardForm().sdp()).program(), trials, csdp, out,
                DualLmiSolver.recommendedOptions());
        ZMatrixRMaj iso = Benchmarks.isotropicCovariance(16, budget.bsPower());
        TraceInverseProgram sdr = PsiStep.program(SensingAtBs.INSTANCE, slots.get(0), iso, lift(psi.get(0)), budget, false);
        bench("SDR N=16, dual form", DualLmiSolver.dual(sdr.standardForm().sdp()).program(), trials, csdp, out, DualLmiSolver.recommendedOptions());
    }

    /** Θ = ψ ψ^H. */
    private static ZMatrixRMaj lift(double[] psi) {
        int n = psi.length / 2;
        ZMatrixRMaj t = new ZMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t.set(i, j, psi[2 * i] * psi[2 * j] + psi[2 * i + 1] * psi[2 * j + 1], psi[2 * i + 1] * psi[2 * j] - psi[2 * i] * psi[2 * j + 1]);
            }
        }
        return t;
    }

    private static void bench(String label, ConvexProgram program, int trials, String csdp, PrintStream out) {
        bench(label, program, trials, csdp, out, SolverOptions.defaults());
    }

    static ConvexProgram rStep(long seed) {
        Scenario sc = Scenario.paper(16);
        Budget budget = Budget.of(20, 20, 8);
        RStepProblem rs = RStepProblem.of(SensingAtBs.INSTANCE, sc.realization(seed, 0),
                Benchmarks.randomPhaseReflections(sc.irsCount(), 16, budget.maxAmplitude(), seed, 0), budget, true);
        List<BenchmarkInstances.Slot> slots = new ArrayList<>();
        for (int l = 0; l < rs.irsCount(); l++) {
            var f = rs.fims().get(l);
            int np = f.parameterCount();
            ZMatrixRMaj[][] m = new ZMatrixRMaj[np][np];
            for (int a = 0; a < np; a++) {
                for (int b = 0; b < np; b++) {
                    m[a][b] = f.coefficient(a, b);
                }
            }
            slots.add(new BenchmarkInstances.Slot(m, f.constant(), rs.weights().get(l), rs.powers().get(l).k(),
                    rs.powers().get(l).c()));
        }
        return BenchmarkInstances.rStep(slots, budget.bsPower(), budget.irsPower());
    }

    private static void bench(String label, ConvexProgram program, int trials, String csdp, PrintStream out, SolverOptions options) {
        out.printf("%s: %d variables, blocks %s, %d inequality rows%n", label, program.variableCount(),
                Arrays.toString(program.blockSizes()), program.inequalityCount());
        for (int i = 0; i < 10; i++) {   // JIT warm-up
            program.solve(options);
        }
        double[] ms = new double[trials];
        Solution s = null;
        for (int t = 0; t < trials; t++) {
            long t0 = System.nanoTime();
            s = program.solve(options);
            ms[t] = (System.nanoTime() - t0) / 1e6;
        }
        double ours = Csdp.median(ms);
        out.printf("  cosense: %.1f ms/solve (%d iterations, gap %.1e)%n", ours, s.iterations(), s.relativeGap());
        out.printf("           %s, objective %.10g; median of %d solves, min %.1f ms%n", s.status(), s.objective(), trials,
                Arrays.stream(ms).min().orElse(0));
        if (csdp == null) {
            out.println("  csdp: skipped (not installed)");
            return;
        }
        try {
            int runs = Math.max(1, Math.min(trials, 5));
            Csdp.Runs c = Csdp.solve(csdp, program, runs).orElse(null);
            if (c == null) {
                out.println("  csdp: skipped (timed out)");
                return;
            }
            if (c.exitCode() != 0) {
                out.println("  csdp: exit code " + c.exitCode() + " (no success)");
            }
            double rel = Math.abs(s.objective() - c.value()) / Math.max(Math.abs(c.value()), Double.MIN_NORMAL);
            // CSDP stops at its own tolerance (relative gap ~1e-8 of its scaled objective); on a badly
            // scaled program its y may sit that far below the optimum, so accept its own gap as well
            out.printf("  csdp: %.1f ms/solve (median of %d runs, process wall time)%n", c.medianMs(), runs);
            out.printf("  ratio: %.1fx%n", c.medianMs() / ours);
            out.printf("  values agree: %s (rel diff %.1e; csdp's own primal-dual gap %.1e)%n",
                    rel <= Math.max(1e-6, 2 * c.ownGap()) ? "yes" : "NO", rel, c.ownGap());
        } catch (IOException e) {
            out.println("  csdp: skipped (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
