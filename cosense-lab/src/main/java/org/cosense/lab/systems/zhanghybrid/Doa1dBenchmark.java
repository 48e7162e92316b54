package org.cosense.lab.systems.zhanghybrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cosense.array.Ula;
import org.cosense.estimation.doa.Capon;
import org.cosense.estimation.doa.DoaEstimator;
import org.cosense.estimation.doa.Esprit;
import org.cosense.estimation.doa.Music1D;
import org.cosense.estimation.doa.RootMusic;
import org.cosense.estimation.doa.UlaEstimators;
import org.cosense.lab.BenchOptions;
import org.cosense.lab.Benchmark;
import org.ejml.data.ZMatrixRMaj;

/**
 * {@code cosense bench doa1d}: the 1D ULA estimators (MUSIC with FFT grid and Newton refinement,
 * root-MUSIC, ESPRIT LS and TLS) on the four covariances of {@code ula_golden.json} (N = 10, K = 1
 * and 2, 0 and 20 dB), timed per call given R (eigendecomposition included, as doatools' times),
 * one thread, against doatools' per-call medians recorded in {@code ula_mc.json} at the same case
 * and SNR on the same machine type. Estimates are checked against doatools' on the same R (1e-6 rad).
 * Capon has no doatools peer: its time is printed alone.
 */
public final class Doa1dBenchmark implements Benchmark {
    private static final int WARMUP_CALLS = 20_000;

    @Override
    public String name() {
        return "doa1d";
    }

    @Override
    public String description() {
        return "1D ULA estimators (MUSIC, root-MUSIC, ESPRIT LS/TLS, Capon) per call on ula_golden.json's covariances vs doatools' recorded per-call times";
    }

    @Override
    public int defaultTrials() {
        return 200;
    }

    @Override
    public int minTrials() {
        return 200;
    }

    @Override
    public void run(BenchOptions opts, PrintStream out) {
        Optional<Path> golden = BaselineFiles.find("ula_golden.json");
        Optional<Path> mc = BaselineFiles.find("ula_mc.json");
        if (golden.isEmpty() || mc.isEmpty()) {
            out.println("doa1d: skipped (ula_golden.json / ula_mc.json not found; set COSENSE_BASELINES to ../shared/baselines)");
            return;
        }
        try {
            compare(new ObjectMapper().readTree(golden.get().toFile()), new ObjectMapper().readTree(mc.get().toFile()), opts, out);
        } catch (IOException e) {
            out.println("doa1d: skipped (" + e.getMessage() + ")");
        }
    }

    private static void compare(JsonNode golden, JsonNode mc, BenchOptions opts, PrintStream out) {
        Ula ula = Ula.halfWavelength(10);
        Map<String, DoaEstimator> ours = new LinkedHashMap<>();
        ours.put("music", new Music1D(ula));
        ours.put("root-music", new RootMusic(ula));
        ours.put("esprit-ls", new Esprit(ula, Esprit.Fit.LEAST_SQUARES));
        ours.put("esprit-tls", new Esprit(ula, Esprit.Fit.TOTAL_LEAST_SQUARES));
        ours.put("capon", new Capon(ula));
        Map<String, String[]> peer = Map.of(
                "music", new String[] {"doatools.MUSIC(grid 0.05deg, refine)", "doatools.MUSIC(grid 0.05deg, refine_estimates=True)"},
                "root-music", new String[] {"doatools.RootMUSIC1D", "doatools.RootMUSIC1D"},
                "esprit-ls", new String[] {"doatools.Esprit1D(ls, none)", "doatools.Esprit1D(ls, row_weights='none')"},
                "esprit-tls", new String[] {"doatools.Esprit1D(tls, none)", "doatools.Esprit1D(tls, row_weights='none')"});
        int reps = opts.trials();
        // Enough calls for the JIT's optimizing compiler to take over before timing (its thresholds are about
        // 10^4 invocations); with a few hundred, the timed calls partly run interpreted code.
        int warmup = Math.max(reps, WARMUP_CALLS);
        out.printf("doa1d: N = 10 ULA, d = lambda/2, 4 covariances of ula_golden.json, %d timed calls each after %d warm-up calls, one thread%n",
                reps, warmup);
        out.printf("doatools times: ula_mc.json medians per call (%s, %s), same case and SNR%n", mc.get("machine").get("cpu").asText(),
                mc.get("machine").get("numpy").asText());
        List<Double> allRatios = new ArrayList<>();
        for (Map.Entry<String, DoaEstimator> e : ours.entrySet()) {
            List<Double> oursMs = new ArrayList<>();
            List<Double> theirsMs = new ArrayList<>();
            double worst = 0;
            for (JsonNode c : golden.get("cases")) {
                int k = c.get("K").asInt();
                ZMatrixRMaj r = new ZMatrixRMaj(10, 10);
                for (int i = 0; i < 10; i++) {
                    for (int j = 0; j < 10; j++) {
                        r.set(i, j, c.get("R_real").get(i).get(j).asDouble(), c.get("R_imag").get(i).get(j).asDouble());
                    }
                }
                DoaEstimator est = e.getValue();
                for (int w = 0; w < warmup; w++) {
                    est.estimateFromCovariance(r, k);
                }
                long t0 = System.nanoTime();
                double sink = 0;
                for (int w = 0; w < reps; w++) {
                    sink += est.estimateFromCovariance(r, k).found();
                }
                double ms = (System.nanoTime() - t0) / 1e6 / reps;
                if (sink < 0) {
                    out.println();
                }
                oursMs.add(ms);
                String[] keys = peer.get(e.getKey());
                if (keys != null) {
                    double[] theta = UlaEstimators.angles(est.estimateFromCovariance(r, k));
                    JsonNode want = c.get("estimates_rad").get(keys[0]);
                    for (int i = 0; i < k; i++) {
                        worst = Math.max(worst, Math.abs(theta[i] - want.get(i).asDouble()));
                    }
                    for (JsonNode res : mc.get("results")) {
                        if (res.get("case").asText().equals(c.get("case").asText()) && res.get("snr_db").asDouble() == c.get("snr_db").asDouble()) {
                            theirsMs.add(res.get("estimators").get(keys[1]).get("time_ms_per_trial_median").asDouble());
                        }
                    }
                }
            }
            double m = median(oursMs);
            out.printf("%s:%n", e.getKey());
            out.printf("cosense: %.4f ms/call (median over the 4 covariances)%n", m);
            if (!theirsMs.isEmpty()) {
                double t = median(theirsMs);
                out.printf("doatools: %.4f ms/call (recorded)%n", t);
                out.printf("ratio: %.1fx%n", t / m);
                out.printf("estimates agree: %s (largest |difference| %.1e rad; tolerance 1e-6)%n", worst <= 1e-6 ? "yes" : "NO", worst);
                allRatios.add(t / m);
            }
        }
        // The share of the 10 x 10 Hermitian eigendecomposition every subspace estimator starts with.
        JsonNode c0 = golden.get("cases").get(0);
        ZMatrixRMaj r0 = new ZMatrixRMaj(10, 10);
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                r0.set(i, j, c0.get("R_real").get(i).get(j).asDouble(), c0.get("R_imag").get(i).get(j).asDouble());
            }
        }
        for (int w = 0; w < warmup; w++) {
            org.cosense.math.TridiagonalHermitianEigen.decompose(r0);
        }
        long t0 = System.nanoTime();
        for (int w = 0; w < reps; w++) {
            org.cosense.math.TridiagonalHermitianEigen.decompose(r0);
        }
        out.printf("(of which the 10 x 10 Hermitian eigendecomposition alone: %.4f ms/call)%n", (System.nanoTime() - t0) / 1e6 / reps);
        double min = allRatios.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        out.printf("smallest ratio over the four doatools estimators: %.1fx (target >= 10x: %s)%n", min, min >= 10 ? "met" : "NOT met");
    }

    private static double median(List<Double> v) {
        return BaselineFiles.median(v.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
