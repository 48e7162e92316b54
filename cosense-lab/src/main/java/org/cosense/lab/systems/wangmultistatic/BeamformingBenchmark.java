package org.cosense.lab.systems.wangmultistatic;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import org.cosense.lab.BenchOptions;
import org.cosense.lab.Csdp;
import org.cosense.lab.Benchmark;
import org.cosense.optim.ConvexProgram;
import org.cosense.optim.DualLmiSolver;
import org.cosense.optim.Solution;
import org.cosense.optim.SolverOptions;
import org.cosense.optim.StandardFormSolution;
import org.cosense.systems.wangmultistatic.BeamformingProblem;
import org.cosense.systems.wangmultistatic.BistaticDopplerDelay;
import org.cosense.systems.wangmultistatic.LosBeamformingSdp;
import org.cosense.systems.wangmultistatic.LosLink;

/**
 * {@code cosense bench wang-beamforming}: the beamforming SDP of one instance (reference layout of fig7, K = 10,
 * N_t = 10, P_T = 30 dBm, R_th = 1 bit/s/Hz, REs 1-5 selected) solved three ways on the same program: the dual-LMI
 * route as the library solves it ({@link LosBeamformingSdp#standardForm} through {@link DualLmiSolver}), the direct
 * form ({@link LosBeamformingSdp#directForm}, 11 Hermitian N_t × N_t unknowns) with the generic interior-point
 * solver, and CSDP (if installed) on the direct form's SDPA export. Solve time only (program building excluded),
 * median over --trials after a JIT warm-up, one thread; CSDP's time is process wall time [wangmultistatic A35].
 */
public final class BeamformingBenchmark implements Benchmark {
    @Override
    public String name() {
        return "wang-beamforming";
    }

    @Override
    public String description() {
        return "wangmultistatic beamforming SDP (K = 10, N_t = 10): dual-LMI route vs direct form vs CSDP on its SDPA export";
    }

    /** The benchmark instance. */
    static BeamformingProblem instance(long seed) {
        org.cosense.systems.wangmultistatic.MultistaticLayout lay = WangSimulation.referenceLayout(seed);
        int k = lay.size();
        int nt = 10;
        LosLink[] links = new LosLink[k];
        for (int i = 0; i < k; i++) {
            double d = WangSimulation.dist(lay.transmitter(), lay.receivers()[i]);
            links[i] = LosLink.towards(0.6 * Math.pow(d, -2.7), nt, 2, BistaticDopplerDelay.azimuthTowards(lay.transmitter(), lay.receivers()[i]));
        }
        boolean[] selected = new boolean[k];
        for (int i = 0; i < 5; i++) {
            selected[i] = true;
        }
        return new BeamformingProblem(links, LosLink.steering(nt, BistaticDopplerDelay.azimuthTowards(lay.transmitter(), lay.target())),
                selected, 1.0, 1.0, 1e-9, 1);
    }

    @Override
    public void run(BenchOptions opts, PrintStream out) {
        int trials = opts.trials();
        BeamformingProblem p = instance(opts.seed());
        var sdp = LosBeamformingSdp.standardForm(p).sdp();
        DualLmiSolver dual = new DualLmiSolver(DualLmiSolver.recommendedOptions());
        ConvexProgram direct = LosBeamformingSdp.directForm(p, null);
        for (int i = 0; i < 5; i++) {   // JIT warm-up
            dual.solve(sdp);
            direct.solve(SolverOptions.defaults());
        }
        double[] dms = new double[trials];
        StandardFormSolution ds = null;
        for (int t = 0; t < trials; t++) {
            long t0 = System.nanoTime();
            ds = dual.solve(sdp);
            dms[t] = (System.nanoTime() - t0) / 1e6;
        }
        int directTrials = Math.max(1, Math.min(trials, 5));
        double[] xms = new double[directTrials];
        Solution xs = null;
        for (int t = 0; t < directTrials; t++) {
            long t0 = System.nanoTime();
            xs = direct.solve(SolverOptions.defaults());
            xms[t] = (System.nanoTime() - t0) / 1e6;
        }
        double ours = median(dms);
        double optimum = -ds.objective();
        double directOptimum = -xs.objective();
        out.printf("wang-beamforming: K = %d REs (5 selected), N_t = %d, P_T = 30 dBm, R_th = 1 bit/s/Hz; direct form %d variables, blocks %s, "
                + "%d inequality rows%n", p.receivers(), p.transmitAntennas(), direct.variableCount(), Arrays.toString(direct.blockSizes()),
                direct.inequalityCount());
        out.printf("cosense: %.2f ms/solve (dual-LMI route, %s, median of %d; sensing power optimum %.10g W)%n", ours, ds.status(), trials,
                optimum);
        out.printf("direct form: %.2f ms/solve (%s, median of %d; optimum %.10g W)%n", median(xms), xs.status(), directTrials,
                directOptimum);
        out.printf("ratio: %.1fx (direct form / dual-LMI route)%n", median(xms) / ours);
        double relDirect = Math.abs(directOptimum - optimum) / Math.abs(optimum);
        out.printf("optima agree (direct): %s (rel diff %.1e)%n", relDirect <= 1e-6 ? "yes" : "NO", relDirect);
        csdp(direct, optimum, ours, Math.max(1, Math.min(trials, 5)), out);
    }

    private static void csdp(ConvexProgram program, double optimum, double ours, int runs, PrintStream out) {
        String csdp = Csdp.find().orElse(null);
        if (csdp == null) {
            out.println("csdp: skipped (not installed)");
            return;
        }
        try {
            Csdp.Runs c = Csdp.solve(csdp, program, runs).orElse(null);
            if (c == null) {
                out.println("csdp: skipped (timed out)");
                return;
            }
            double rel = Math.abs(-c.value() - optimum) / Math.abs(optimum);
            out.printf("csdp: %.2f ms/solve (median of %d runs, process wall time; optimum %.10g W)%n", c.medianMs(), runs, -c.value());
            out.printf("ratio vs csdp: %.1fx%n", c.medianMs() / ours);
            out.printf("optima agree (csdp): %s (rel diff %.1e)%n", rel <= 1e-6 ? "yes" : "NO", rel);
        } catch (IOException e) {
            out.println("csdp: skipped (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double median(double[] v) {
        return Csdp.median(v);
    }
}
