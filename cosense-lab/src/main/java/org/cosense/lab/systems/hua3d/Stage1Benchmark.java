package org.cosense.lab.systems.hua3d;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cosense.estimation.doa.Music2D;
import org.cosense.estimation.doa.Music2DReference;
import org.cosense.geom.SpatialFrequency;
import org.cosense.lab.BenchOptions;
import org.cosense.lab.Benchmark;
import org.cosense.lab.PythonPeer;
import org.cosense.math.Db;
import org.cosense.math.RandomStream;
import org.cosense.signal.ProbingCodebook;
import org.cosense.systems.hua3d.Scene;
import org.cosense.systems.hua3d.StageOne;
import org.ejml.data.ZMatrixRMaj;

/**
 * {@code cosense bench hua3d-stage1}: the stage-I estimator as built (thin subspace from the T1 × T1
 * Gram matrix, FFT pseudo-spectrum, Newton refinement) against the straightforward reference (full
 * 400 × 400 covariance eigendecomposition, brute-force spectrum on the 0.01 grid), on the same
 * noisy snapshots (20 × 20 BS, T1 = 24, P_BS = 20 dBm, single target), one thread each. Estimation
 * time only, data generation excluded (as in the numpy baseline). If python3 with numpy and the
 * shared numpy baseline are found, it is run in the same session for a side-by-side figure.
 */
public final class Stage1Benchmark implements Benchmark {
    private static final int T1 = 24;
    private static final double GRID_STEP = 0.01;

    @Override
    public String name() {
        return "hua3d-stage1";
    }

    @Override
    public String description() {
        return "stage-I 2D MUSIC (20x20 BS, T1 = 24): CoSense vs full-eig + brute-force grid reference (and numpy if present)";
    }

    @Override
    public void run(BenchOptions opts, PrintStream out) {
        Scene scene = Scene.singleTarget(20, 30);
        ZMatrixRMaj w = ProbingCodebook.dft(400, T1, Db.dbmToWatts(20));
        SpatialFrequency truth = scene.bsToTarget(0);
        int trials = opts.trials();
        int baselineTrials = Math.max(1, Math.min(3, trials));
        List<ZMatrixRMaj> data = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            data.add(StageOne.simulate(scene, w, RandomStream.forTrial(opts.seed(), 0, t)));
        }
        Music2D music = new Music2D(scene.bsArray());
        Music2DReference reference = new Music2DReference(scene.bsArray(), GRID_STEP);
        out.printf("hua3d-stage1: N = 400 (20 x 20), T1 = %d, P_BS = 20 dBm, truth (mu, nu) = (%.6f, %.6f)%n", T1, truth.mu(),
                truth.nu());
        // warm-up (JIT) on separate data
        ZMatrixRMaj warm = StageOne.simulate(scene, w, RandomStream.forTrial(opts.seed() + 1, 0, 0));
        for (int i = 0; i < 30; i++) {
            music.estimateFromSnapshots(warm, 1);
        }
        reference.estimate(warm);
        double[] ours = new double[trials];
        SpatialFrequency[] est = new SpatialFrequency[trials];
        for (int t = 0; t < trials; t++) {
            long t0 = System.nanoTime();
            est[t] = music.estimateFromSnapshots(data.get(t), 1).frequencies().get(0);
            ours[t] = (System.nanoTime() - t0) / 1e6;
        }
        double[] base = new double[baselineTrials];
        double worst = 0;
        for (int t = 0; t < baselineTrials; t++) {
            long t0 = System.nanoTime();
            SpatialFrequency b = reference.estimate(data.get(t));
            base[t] = (System.nanoTime() - t0) / 1e6;
            worst = Math.max(worst, Math.max(Math.abs(b.mu() - est[t].mu()), Math.abs(b.nu() - est[t].nu())));
        }
        double mOurs = median(ours);
        double mBase = median(base);
        out.printf("cosense: %.3f ms/trial (median of %d; min %.3f, max %.3f)%n", mOurs, trials, min(ours), max(ours));
        out.printf("baseline: %.1f ms/trial (median of %d; full eig + brute-force %d x %d grid, same data)%n", mBase,
                baselineTrials, (int) Math.round(2 / GRID_STEP) + 1, (int) Math.round(2 / GRID_STEP) + 1);
        out.printf("ratio: %.0fx%n", mBase / mOurs);
        boolean agree = worst <= GRID_STEP / 2 + 1e-9;
        out.printf("estimates agree: %s (max |difference| %.2e over %d trials; grid precision %.3f)%n", agree ? "yes" : "NO",
                worst, baselineTrials, GRID_STEP / 2);
        double rmse = 0;
        for (SpatialFrequency e : est) {
            rmse += Math.pow(e.mu() - truth.mu(), 2) + Math.pow(e.nu() - truth.nu(), 2);
        }
        out.printf("cosense RMSE over %d trials: %.2e (spatial frequency, mu and nu together)%n", trials, Math.sqrt(rmse / trials));
        numpy(out, Math.min(trials, 20), opts.seed(), mOurs);
    }

    /** Runs the shared numpy baseline when it and numpy are available; prints its time and the ratio. */
    private static void numpy(PrintStream out, int trials, long seed, double ours) {
        Path script = findScript();
        if (script == null) {
            out.println("numpy: skipped (../shared/baselines/numpy_hua_stage1.py not found; set COSENSE_BASELINES to its folder)");
            return;
        }
        try {
            Process p = PythonPeer.python3(script.toString(), "--trials", Integer.toString(Math.max(3, trials)),
                    "--seed", Long.toString(seed)).start();
            StringBuilder text = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    text.append(line).append('\n');
                }
            }
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
                out.println("numpy: skipped (the baseline script failed: " + firstLine(text.toString()) + ")");
                return;
            }
            Matcher m = Pattern.compile("\"time_ms_per_trial_median\":\\s*([0-9.eE+-]+)").matcher(text);
            if (!m.find()) {
                out.println("numpy: skipped (no time in the script's output)");
                return;
            }
            double ms = Double.parseDouble(m.group(1));
            out.printf("numpy: %.1f ms/trial (%s, %s, same machine, this run)%n", ms, script, PythonPeer.describe());
            out.printf("ratio vs numpy: %.0fx%n", ms / ours);
        } catch (java.io.IOException e) {
            out.println("numpy: skipped (python3 not runnable: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int i = t.lastIndexOf('\n');
        return i < 0 ? t : t.substring(i + 1);
    }

    private static Path findScript() {
        List<Path> roots = new ArrayList<>();
        String env = System.getenv("COSENSE_BASELINES");
        if (env != null) {
            roots.add(Path.of(env));
        }
        try {
            Path jar = Path.of(Stage1Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // <repo>/cosense-cli/target/cosense.jar or <repo>/cosense-lab/target/classes -> <repo>/../shared/baselines
            Path repo = jar.getParent().getParent().getParent();
            roots.add(repo.resolve("../shared/baselines").normalize());
        } catch (Exception ignored) {
            // fall through to the working directory
        }
        roots.add(Path.of("../shared/baselines").toAbsolutePath().normalize());
        for (Path r : roots) {
            Path s = r.resolve("numpy_hua_stage1.py");
            if (Files.isRegularFile(s)) {
                return s;
            }
        }
        return null;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
