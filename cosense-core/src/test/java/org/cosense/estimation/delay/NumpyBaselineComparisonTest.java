package org.cosense.estimation.delay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.cosense.signal.HalfCosinePulse;
import org.cosense.signal.PulseShape;
import org.cosense.signal.PulseTrain;
import org.cosense.signal.SincPulse;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Same echoes, same estimates as the numpy baseline {@code numpy_wang_mf.py} (its default
 * scenario: M = 1024, P = 8, N_r = 2, 10 dB per symbol, RE at (50, 0) m). The baseline
 * generates the echoes and estimates; this filter estimates on the identical samples. Skipped
 * (with the reason) when python3 with numpy and scipy or the script is missing. Times are
 * printed, not asserted.
 */
class NumpyBaselineComparisonTest {
    private static final int TRIALS = 4;

    private static final String DRIVER = """
            import sys, json, time
            sys.path.insert(0, sys.argv[1])
            import numpy as np
            import numpy_wang_mf as b
            pulse, out, trials = sys.argv[2], sys.argv[3], int(sys.argv[4])
            M, P, nr, snr = 1024, 8, 2, 10.0
            geo = b.geometry((0, 0), (20, 40), (50, 0), 28e9, 20.0, 5e-9)
            mf = b.MatchedFilter(M, P, pulse, geo["tau"], geo["fn"])
            n_win = mf.n_needed + P
            rng = np.random.default_rng(1)
            yw, sw = b.make_echo(np.random.default_rng(10001), M, P, nr, n_win, pulse, snr, geo["tau"], geo["fn"], geo["phi"])
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

    /**
     * The shared baselines folder: the system property {@code cosense.baselines}, else {@code COSENSE_BASELINES}, else
     * {@code shared/baselines} beside the repository (tests run in the module folder, one level below its root).
     */
    static Path baselines() {
        String p = System.getProperty("cosense.baselines", System.getenv("COSENSE_BASELINES"));
        return p != null ? Path.of(p) : Path.of("").toAbsolutePath().getParent().resolve("../shared/baselines").normalize();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cosine", "sinc"})
    void sameEstimatesAsNumpyOnTheSameEchoes(String pulseName, @TempDir Path dir) throws Exception {
        Path script = baselines().resolve("numpy_wang_mf.py");
        Assumptions.assumeTrue(Files.isRegularFile(script), "baseline script not found: " + script);
        Path driver = dir.resolve("driver.py");
        Files.writeString(driver, DRIVER);
        String out = dir.resolve("echo").toString();
        Process proc;
        try {
            proc = new ProcessBuilder("python3", driver.toString(), script.getParent().toString(), pulseName, out,
                    Integer.toString(TRIALS)).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("python3 not available: " + e.getMessage());
            return;
        }
        String log = new String(proc.getInputStream().readAllBytes());
        Assumptions.assumeTrue(proc.waitFor(120, TimeUnit.SECONDS) && proc.exitValue() == 0,
                "python3 with numpy and scipy could not run the baseline: " + log);

        String meta = Files.readString(Path.of(out + ".json"));
        double tau0 = number(meta, "tau"), fn0 = number(meta, "fn");
        int m = (int) number(meta, "M"), p = (int) number(meta, "P"), nr = (int) number(meta, "nr");
        int nWin = (int) number(meta, "n_win");
        double[][] est = pairs(meta, "est"), sd = pairs(meta, "sd");
        double[] pyMs = Arrays.stream(pairsFlat(meta, "ms")).toArray();
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(Path.of(out + ".bin"))).order(ByteOrder.LITTLE_ENDIAN);
        PulseShape pulse = pulseName.equals("cosine") ? new HalfCosinePulse(1.0) : new SincPulse(1.0);
        DelayDopplerMatchedFilter mf = new DelayDopplerMatchedFilter(m, p, new DelayDopplerSearch(tau0, 2.0, fn0, 32, 8));

        double[] javaMs = new double[TRIALS];
        for (int trial = 0; trial < TRIALS; trial++) {
            double[] sym = new double[2 * m];
            buf.asDoubleBuffer().get(sym);
            buf.position(buf.position() + 8 * sym.length);
            double[][] y = new double[nr][2 * nWin];
            for (double[] row : y) {
                buf.asDoubleBuffer().get(row);
                buf.position(buf.position() + 8 * row.length);
            }
            if (trial == 0) {
                for (int w = 0; w < 20; w++) {
                    mf.estimate(new PulseTrain(pulse, sym, p), y);   // JIT warm-up, not timed
                }
            }
            // timed like the baseline: the template from the symbols, coarse grid, refinement
            long t0 = System.nanoTime();
            DelayDopplerEstimate e = mf.estimate(new PulseTrain(pulse, sym, p), y);
            javaMs[trial] = (System.nanoTime() - t0) / 1e6;
            // both stop within 1e-4 of the local standard deviation of the same maximum
            assertEquals(est[trial][0], e.delay(), 2e-3 * sd[trial][0], "delay, trial " + trial);
            assertEquals(est[trial][1], e.doppler(), 2e-3 * sd[trial][1], "Doppler, trial " + trial);
            System.out.printf("wang-mf %s trial %d: numpy tau=%.9f f=%.6e | java tau=%.9f f=%.6e | sd tau=%.2e f=%.2e%n",
                    pulseName, trial, est[trial][0], est[trial][1], e.delay(), e.doppler(), sd[trial][0], sd[trial][1]);
        }
        System.out.printf("wang-mf %s ms/estimate: numpy median %.2f, java median %.2f (M=%d, P=%d, N_r=%d)%n", pulseName,
                median(pyMs), median(javaMs), m, p, nr);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    private static String field(String json, String key) {
        int i = json.indexOf("\"" + key + "\":");
        if (i < 0) {
            throw new IllegalStateException("no " + key + " in " + json);
        }
        return json.substring(i + key.length() + 3).trim();
    }

    private static double number(String json, String key) {
        String s = field(json, key);
        int end = 0;
        while (end < s.length() && "+-0123456789.eE".indexOf(s.charAt(end)) >= 0) {
            end++;
        }
        return Double.parseDouble(s.substring(0, end));
    }

    private static double[] pairsFlat(String json, String key) {
        String s = field(json, key);
        int depth = 0, end = 0;
        for (; end < s.length(); end++) {
            char c = s.charAt(end);
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (depth == 0) {
                break;
            }
        }
        return Arrays.stream(s.substring(0, end + 1).replace("[", " ").replace("]", " ").split(","))
                .map(String::trim).filter(t -> !t.isEmpty()).mapToDouble(Double::parseDouble).toArray();
    }

    private static double[][] pairs(String json, String key) {
        double[] flat = pairsFlat(json, key);
        double[][] out = new double[flat.length / 2][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[] {flat[2 * i], flat[2 * i + 1]};
        }
        return out;
    }
}
