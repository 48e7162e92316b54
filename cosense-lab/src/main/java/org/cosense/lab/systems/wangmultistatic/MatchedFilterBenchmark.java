package org.cosense.lab.systems.wangmultistatic;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cosense.estimation.delay.DelayDopplerEstimate;
import org.cosense.estimation.delay.DelayDopplerMatchedFilter;
import org.cosense.estimation.delay.DelayDopplerSearch;
import org.cosense.lab.BenchOptions;
import org.cosense.lab.Benchmark;
import org.cosense.signal.HalfCosinePulse;
import org.cosense.signal.PulseTrain;

/**
 * {@code cosense bench wang-mf}: the delay–Doppler matched filter against the numpy baseline
 * {@code numpy_wang_mf.py} on the same echoes (its default scenario: M = 1024, P = 8, N_r = 2, cosine pulse, 10 dB per
 * symbol, RE at (50, 0) m, grid ± 2 Δt × ± 4/M in 1/(8M)). The baseline draws the echoes, estimates and times itself
 * (echo generation excluded); this filter estimates the identical samples, timed the same way (template from the
 * symbols, coarse grid, refinement), one thread each. Estimates must agree to 2e-3 of the CRB standard deviation.
 */
public final class MatchedFilterBenchmark implements Benchmark {
    private static final String DRIVER = """
            import sys, json, time
            sys.path.insert(0, sys.argv[1])
            import numpy as np
            import numpy_wang_mf as b
            pulse, out, trials, seed = sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
            M, P, nr, snr = 1024, 8, 2, 10.0
            geo = b.geometry((0, 0), (20, 40), (50, 0), 28e9, 20.0, 5e-9)
            mf = b.MatchedFilter(M, P, pulse, geo["tau"], geo["fn"])
            n_win = mf.n_needed + P
            rng = np.random.default_rng(seed)
            for w in range(3):
                yw, sw = b.make_echo(np.random.default_rng(10001 + w), M, P, nr, n_win, pulse, snr, geo["tau"], geo["fn"], geo["phi"])
                mf.estimate(yw, sw)
            meta = dict(tau=geo["tau"], fn=geo["fn"], M=M, P=P, nr=nr, n_win=n_win, est=[], ms=[], sd=[])
            data = []
            for r in range(trials):
                y, sym = b.make_echo(rng, M, P, nr, n_win, pulse, snr, geo["tau"], geo["fn"], geo["phi"])
                t0 = time.perf_counter()
                tau_h, fn_h, info = mf.estimate(y, sym)
                meta["ms"].append(1e3 * (time.perf_counter() - t0))
                meta["est"].append([tau_h, fn_h])
                ct, cf = b.crb_sampled(sym, P, pulse, geo["tau"], geo["fn"], snr, nr, n_win)
                meta["sd"].append([float(np.sqrt(ct)), float(np.sqrt(cf))])
                data.append(np.concatenate([sym.view(np.float64), y.reshape(-1).view(np.float64)]))
            np.concatenate(data).astype('<f8').tofile(out + ".bin")
            json.dump(meta, open(out + ".json", "w"))
            """;

    @Override
    public String name() {
        return "wang-mf";
    }

    @Override
    public String description() {
        return "wangmultistatic delay-Doppler matched filter (M = 1024, P = 8, N_r = 2): CoSense vs numpy_wang_mf.py on the same echoes";
    }

    @Override
    public void run(BenchOptions opts, PrintStream out) {
        int trials = Math.max(3, Math.min(opts.trials(), 50));
        Path script = findScript();
        if (script == null) {
            out.println("wang-mf: skipped (../shared/baselines/numpy_wang_mf.py not found; set COSENSE_BASELINES to its folder)");
            return;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("cosense-wang-mf");
            Path driver = dir.resolve("driver.py");
            Files.writeString(driver, DRIVER);
            String base = dir.resolve("echo").toString();
            Process proc = new ProcessBuilder("python3", driver.toString(), script.getParent().toString(), "cosine", base,
                    Integer.toString(trials), Long.toString(opts.seed())).redirectErrorStream(true).start();
            String log = new String(proc.getInputStream().readAllBytes());
            if (!proc.waitFor(600, TimeUnit.SECONDS) || proc.exitValue() != 0) {
                out.println("wang-mf: skipped (python3 with numpy and scipy could not run the baseline: " + lastLine(log) + ")");
                return;
            }
            compare(Files.readString(Path.of(base + ".json")), Files.readAllBytes(Path.of(base + ".bin")), trials, out);
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

    private static void compare(String meta, byte[] bin, int trials, PrintStream out) {
        double tau0 = number(meta, "tau");
        double fn0 = number(meta, "fn");
        int m = (int) number(meta, "M");
        int p = (int) number(meta, "P");
        int nr = (int) number(meta, "nr");
        int nWin = (int) number(meta, "n_win");
        double[] est = numbers(meta, "est");
        double[] sd = numbers(meta, "sd");
        double[] pyMs = numbers(meta, "ms");
        ByteBuffer buf = ByteBuffer.wrap(bin).order(ByteOrder.LITTLE_ENDIAN);
        HalfCosinePulse pulse = new HalfCosinePulse(1.0);
        DelayDopplerMatchedFilter mf = new DelayDopplerMatchedFilter(m, p, new DelayDopplerSearch(tau0, 2.0, fn0, 32, 8));
        List<double[]> syms = new ArrayList<>();
        List<double[][]> ys = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            double[] sym = new double[2 * m];
            buf.asDoubleBuffer().get(sym);
            buf.position(buf.position() + 8 * sym.length);
            double[][] y = new double[nr][2 * nWin];
            for (double[] row : y) {
                buf.asDoubleBuffer().get(row);
                buf.position(buf.position() + 8 * row.length);
            }
            syms.add(sym);
            ys.add(y);
        }
        for (int w = 0; w < 30; w++) {
            mf.estimate(new PulseTrain(pulse, syms.get(w % trials), p), ys.get(w % trials));   // JIT warm-up, not timed
        }
        double[] ms = new double[trials];
        double worstTau = 0;
        double worstF = 0;
        for (int t = 0; t < trials; t++) {
            long t0 = System.nanoTime();
            DelayDopplerEstimate e = mf.estimate(new PulseTrain(pulse, syms.get(t), p), ys.get(t));
            ms[t] = (System.nanoTime() - t0) / 1e6;
            worstTau = Math.max(worstTau, Math.abs(e.delay() - est[2 * t]) / sd[2 * t]);
            worstF = Math.max(worstF, Math.abs(e.doppler() - est[2 * t + 1]) / sd[2 * t + 1]);
        }
        double ours = median(ms);
        double theirs = median(pyMs);
        out.printf("wang-mf: M = %d, P = %d, N_r = %d, cosine pulse, 10 dB per symbol, grid +-2 dt x +-4/M in 1/(8M) (%s), %d echoes%n",
                m, p, nr, mf.usesFft() ? "FFT" : "DFT", trials);
        out.printf("cosense: %.2f ms/estimate (median of %d; min %.2f, max %.2f; one thread)%n", ours, trials, min(ms), max(ms));
        out.printf("numpy: %.2f ms/estimate (median of %d, same echoes, same machine, this run)%n", theirs, trials);
        out.printf("ratio: %.2fx%n", theirs / ours);
        boolean agree = worstTau <= 2e-3 && worstF <= 2e-3;
        out.printf("estimates agree: %s (largest |difference| / CRB sd: delay %.2e, Doppler %.2e; tolerance 2e-3)%n", agree ? "yes" : "NO",
                worstTau, worstF);
    }

    static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\\s*([-0-9.eE+]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + key + " in the baseline's output");
        }
        return Double.parseDouble(m.group(1));
    }

    static double[] numbers(String json, String key) {
        int start = json.indexOf("\"" + key + "\":");
        int open = json.indexOf('[', start);
        int depth = 0;
        int end = open;
        for (int i = open; i < json.length(); i++) {
            char c = json.charAt(i);
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (depth == 0) {
                end = i;
                break;
            }
        }
        String body = json.substring(open, end + 1).replace("[", " ").replace("]", " ").replace(",", " ").trim();
        return body.isEmpty() ? new double[0] : Arrays.stream(body.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    private static Path findScript() {
        List<Path> roots = new ArrayList<>();
        String prop = System.getProperty("cosense.baselines");
        if (prop != null) {
            roots.add(Path.of(prop));
        }
        String env = System.getenv("COSENSE_BASELINES");
        if (env != null) {
            roots.add(Path.of(env));
        }
        try {
            Path jar = Path.of(MatchedFilterBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // <repo>/cosense-*/target/classes or a jar beside it: look for shared/baselines beside every ancestor of the repo
            for (Path a = jar.getParent().getParent().getParent(); a != null; a = a.getParent()) {
                roots.add(a.resolve("../shared/baselines").normalize());
            }
        } catch (Exception ignored) {
            // fall through to the working directory
        }
        roots.add(Path.of("../shared/baselines").toAbsolutePath().normalize());
        for (Path r : roots) {
            Path s = r.resolve("numpy_wang_mf.py");
            if (Files.isRegularFile(s)) {
                return s;
            }
        }
        return null;
    }

    private static String lastLine(String s) {
        String t = s.strip();
        int i = t.lastIndexOf('\n');
        return i < 0 ? t : t.substring(i + 1);
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
