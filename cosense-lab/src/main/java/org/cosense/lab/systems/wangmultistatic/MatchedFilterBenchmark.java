package org.cosense.lab.systems.wangmultistatic;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.cosense.estimation.delay.DelayDopplerEstimate;
import org.cosense.estimation.delay.DelayDopplerMatchedFilter;
import org.cosense.lab.BenchOptions;
import org.cosense.lab.Benchmark;
import org.cosense.lab.PythonPeer;
import org.cosense.signal.PulseTrain;

/**
 * {@code cosense bench wang-mf}: the delay–Doppler matched filter against the numpy baseline
 * {@code numpy_wang_mf.py} on the same echoes (its default scenario: M = 1024, P = 8, N_r = 2, cosine pulse, 10 dB per
 * symbol, RE at (50, 0) m, grid ± 2 Δt × ± 4/M in 1/(8M)). The baseline draws the echoes, estimates and times itself
 * (echo generation excluded); this filter estimates the identical samples, timed the same way (template from the
 * symbols, coarse grid, refinement), one thread each. Estimates must agree to 2e-3 of the CRB standard deviation.
 */
public final class MatchedFilterBenchmark implements Benchmark {
    @Override
    public String name() {
        return "wang-mf";
    }

    @Override
    public String description() {
        return "wangmultistatic delay-Doppler matched filter (M = 1024, P = 8, N_r = 2): CoSense vs numpy_wang_mf.py on the same echoes";
    }

    @Override
    public int defaultTrials() {
        return 50;
    }

    @Override
    public int minTrials() {
        return 3;
    }

    @Override
    public void run(BenchOptions opts, PrintStream out) {
        int trials = opts.trials();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("cosense-wang-mf");
            compare(NumpyMatchedFilterBaseline.run("cosine", trials, opts.seed(), dir), out);
        } catch (NumpyMatchedFilterBaseline.Unavailable e) {
            out.println("wang-mf: skipped (" + e.getMessage() + ")");
        } catch (IOException e) {
            out.println("wang-mf: skipped (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (dir != null) {
                try (var s = Files.list(dir)) {
                    for (Path p : s.toList()) {
                        Files.deleteIfExists(p);
                    }
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // a temporary folder left behind is harmless
                }
            }
        }
    }

    private static void compare(NumpyMatchedFilterBaseline.Run run, PrintStream out) {
        List<NumpyMatchedFilterBaseline.Echo> echoes = run.echoes();
        int trials = echoes.size();
        DelayDopplerMatchedFilter mf = run.filter();
        // JIT warm-up, not timed: at least 30 calls and 3 s, so the optimizing compiler has taken over the inner loops.
        long warmEnd = System.nanoTime() + 3_000_000_000L;
        for (int w = 0; w < 30 || System.nanoTime() < warmEnd; w++) {
            NumpyMatchedFilterBaseline.Echo e = echoes.get(w % trials);
            mf.estimate(new PulseTrain(run.pulse(), e.symbols(), run.oversampling()), e.samples());
        }
        double[] ms = new double[trials];
        double[] pyMs = new double[trials];
        double worstTau = 0;
        double worstF = 0;
        for (int t = 0; t < trials; t++) {
            NumpyMatchedFilterBaseline.Echo echo = echoes.get(t);
            long t0 = System.nanoTime();
            DelayDopplerEstimate e = mf.estimate(new PulseTrain(run.pulse(), echo.symbols(), run.oversampling()), echo.samples());
            ms[t] = (System.nanoTime() - t0) / 1e6;
            pyMs[t] = echo.ms();
            worstTau = Math.max(worstTau, Math.abs(e.delay() - echo.delay()) / echo.sdDelay());
            worstF = Math.max(worstF, Math.abs(e.doppler() - echo.doppler()) / echo.sdDoppler());
        }
        double ours = median(ms);
        double theirs = median(pyMs);
        out.printf("wang-mf: M = %d, P = %d, N_r = %d, cosine pulse, 10 dB per symbol, grid +-2 dt x +-4/M in 1/(8M) (%s), %d echoes%n",
                run.pulses(), run.oversampling(), echoes.get(0).samples().length, mf.usesFft() ? "FFT" : "DFT", trials);
        out.printf("cosense: %.2f ms/estimate (median of %d; min %.2f, max %.2f; one thread)%n", ours, trials, min(ms), max(ms));
        out.printf("numpy: %.2f ms/estimate (median of %d, same echoes, %s, same machine, this run)%n", theirs, trials, PythonPeer.describe());
        out.printf("ratio: %.2fx%n", theirs / ours);
        boolean agree = worstTau <= 2e-3 && worstF <= 2e-3;
        out.printf("estimates agree: %s (largest |difference| / CRB sd: delay %.2e, Doppler %.2e; tolerance 2e-3)%n", agree ? "yes" : "NO",
                worstTau, worstF);
    }

    static double median(double[] v) {
        return org.cosense.lab.Csdp.median(v);
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
