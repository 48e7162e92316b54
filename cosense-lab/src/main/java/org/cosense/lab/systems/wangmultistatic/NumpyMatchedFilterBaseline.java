package org.cosense.lab.systems.wangmultistatic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cosense.lab.PythonPeer;
import org.cosense.estimation.delay.DelayDopplerMatchedFilter;
import org.cosense.estimation.delay.DelayDopplerSearch;
import org.cosense.signal.HalfCosinePulse;
import org.cosense.signal.PulseShape;
import org.cosense.signal.SincPulse;

/**
 * The shared numpy baseline {@code numpy_wang_mf.py} run on its default scenario (M = 1024, P = 8, N_r = 2, 10 dB per
 * symbol, RE at (50, 0) m, grid ± 2 Δt × ± 4/M in 1/(8M)): it draws the echoes, estimates and times itself (echo
 * generation excluded), and hands the identical samples to CoSense with its estimates, its CRB standard deviations
 * and its times. Used by {@code cosense bench wang-mf} and by the comparison test.
 */
final class NumpyMatchedFilterBaseline {
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

    private NumpyMatchedFilterBaseline() {
    }

    /** The baseline could not run (no script, no python3 with numpy and scipy): the reason, for a skip message. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String reason) {
            super(reason);
        }
    }

    /**
     * One echo as numpy drew it, with numpy's answer.
     *
     * @param symbols  the M symbols, interleaved (re, im)
     * @param samples  N_r rows of the sampled echo, interleaved
     * @param delay    numpy's delay estimate (in Δt), {@code doppler} its normalized Doppler estimate
     * @param sdDelay  the CRB standard deviation of the delay on this echo, {@code sdDoppler} of the Doppler
     * @param ms       numpy's time for this estimate
     */
    record Echo(double[] symbols, double[][] samples, double delay, double doppler, double sdDelay, double sdDoppler, double ms) {
    }

    /** A run: the scenario's true delay and Doppler, its sizes, and the echoes. */
    record Run(PulseShape pulse, double delay, double doppler, int pulses, int oversampling, List<Echo> echoes) {
        /** The filter on numpy's grid: ± 2 Δt in steps 1/P, ± 4/M in steps 1/(8M). */
        DelayDopplerMatchedFilter filter() {
            return new DelayDopplerMatchedFilter(pulses, oversampling, new DelayDopplerSearch(delay, 2.0, doppler, 32, 8));
        }
    }

    /** The script in {@code cosense.baselines}, {@code COSENSE_BASELINES}, or {@code shared/baselines} beside the repository. */
    static Optional<Path> findScript() {
        List<Path> roots = new ArrayList<>();
        String prop = System.getProperty("cosense.baselines", System.getenv("COSENSE_BASELINES"));
        if (prop != null) {
            roots.add(Path.of(prop));
        }
        try {
            Path code = Path.of(NumpyMatchedFilterBaseline.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // <repo>/cosense-*/target/classes or a jar beside it: shared/baselines beside every ancestor of the repo
            for (Path a = code.getParent(); a != null; a = a.getParent()) {
                roots.add(a.resolve("shared/baselines").normalize());
            }
        } catch (Exception ignored) {
            // fall through to the working directory
        }
        roots.add(Path.of("../shared/baselines").toAbsolutePath().normalize());
        return roots.stream().map(r -> r.resolve("numpy_wang_mf.py")).filter(Files::isRegularFile).findFirst();
    }

    /** Runs the baseline on {@code trials} echoes of the given pulse ("cosine" or "sinc"), files in {@code dir}. */
    static Run run(String pulse, int trials, long seed, Path dir) throws IOException, InterruptedException, Unavailable {
        Path script = findScript().orElseThrow(() -> new Unavailable(
                "../shared/baselines/numpy_wang_mf.py not found; set COSENSE_BASELINES to its folder"));
        Path driver = dir.resolve("driver.py");
        Files.writeString(driver, DRIVER);
        String base = dir.resolve("echo").toString();
        Process proc;
        try {
            proc = PythonPeer.python3(driver.toString(), script.getParent().toString(), pulse, base,
                    Integer.toString(trials), Long.toString(seed)).start();
        } catch (IOException e) {
            throw new Unavailable("python3 not available: " + e.getMessage());
        }
        String log = new String(proc.getInputStream().readAllBytes()).strip();
        if (!proc.waitFor(600, TimeUnit.SECONDS) || proc.exitValue() != 0) {
            throw new Unavailable("python3 with numpy and scipy could not run the baseline: "
                    + log.substring(log.lastIndexOf('\n') + 1));
        }
        JsonNode meta = new ObjectMapper().readTree(Path.of(base + ".json").toFile());
        int m = meta.get("M").asInt();
        int p = meta.get("P").asInt();
        int nr = meta.get("nr").asInt();
        int nWin = meta.get("n_win").asInt();
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(Path.of(base + ".bin"))).order(ByteOrder.LITTLE_ENDIAN);
        List<Echo> echoes = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            double[] sym = read(buf, 2 * m);
            double[][] y = new double[nr][];
            for (int r = 0; r < nr; r++) {
                y[r] = read(buf, 2 * nWin);
            }
            JsonNode est = meta.get("est").get(t);
            JsonNode sd = meta.get("sd").get(t);
            echoes.add(new Echo(sym, y, est.get(0).asDouble(), est.get(1).asDouble(), sd.get(0).asDouble(), sd.get(1).asDouble(),
                    meta.get("ms").get(t).asDouble()));
        }
        PulseShape shape = pulse.equals("sinc") ? new SincPulse(1.0) : new HalfCosinePulse(1.0);
        return new Run(shape, meta.get("tau").asDouble(), meta.get("fn").asDouble(), m, p, List.copyOf(echoes));
    }

    private static double[] read(ByteBuffer buf, int n) {
        double[] v = new double[n];
        buf.asDoubleBuffer().get(v);
        buf.position(buf.position() + 8 * n);
        return v;
    }
}
