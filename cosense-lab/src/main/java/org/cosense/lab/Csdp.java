package org.cosense.lab;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cosense.optim.ConvexProgram;
import org.cosense.optim.SdpaFormat;

/**
 * The external SDP solver CSDP (Debian package coinor-csdp) as the benchmarks' reference: a program is exported to
 * SDPA, solved by the {@code csdp} process, and its dual vector read back as the value of our program's objective.
 */
public final class Csdp {
    private Csdp() {
    }

    /**
     * One program's CSDP runs.
     *
     * @param medianMs    median process wall time (reading the file and start-up included)
     * @param value       our program's objective at CSDP's solution (NaN without a solution file)
     * @param ownGap      |primal − dual| / |dual| from CSDP's summary (0 if absent)
     * @param exitCode    the last run's exit code (0 = success)
     */
    public record Runs(double medianMs, double value, double ownGap, int exitCode) {
    }

    /** The csdp binary on the PATH or in /usr/bin; empty when not installed. */
    public static Optional<String> find() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/usr/bin/csdp"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "csdp"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).map(Path::toString).findFirst();
    }

    /** Solves {@code program} {@code runs} times; empty if a run exceeds ten minutes. */
    public static Optional<Runs> solve(String csdp, ConvexProgram program, int runs) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("cosense-csdp");
        Path in = dir.resolve("problem.dat-s");
        Path sol = dir.resolve("problem.sol");
        try {
            Files.writeString(in, SdpaFormat.write(program), StandardCharsets.US_ASCII);
            double[] ms = new double[runs];
            double value = Double.NaN;
            String text = "";
            int exit = 0;
            for (int r = 0; r < runs; r++) {
                Files.deleteIfExists(sol);
                long t0 = System.nanoTime();
                Process proc = new ProcessBuilder(csdp, in.toString(), sol.toString()).redirectErrorStream(true).start();
                text = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!proc.waitFor(600, TimeUnit.SECONDS)) {
                    proc.destroy();
                    return Optional.empty();
                }
                ms[r] = (System.nanoTime() - t0) / 1e6;
                exit = proc.exitValue();
                if (Files.exists(sol)) {
                    String[] y = Files.readAllLines(sol).get(0).trim().split("\\s+");
                    value = SdpaFormat.objectiveAt(program, Arrays.stream(y).mapToDouble(Double::parseDouble).toArray());
                }
            }
            return Optional.of(new Runs(median(ms), value, gap(text), exit));
        } finally {
            for (Path p : List.of(sol, in, dir)) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The median of a sample (the benchmarks' timing statistic). */
    public static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
    }

    /** |primal − dual| / |dual| from CSDP's summary lines (0 if absent). */
    static double gap(String text) {
        Matcher p = Pattern.compile("Primal objective value:\\s*(\\S+)").matcher(text);
        Matcher d = Pattern.compile("Dual objective value:\\s*(\\S+)").matcher(text);
        if (!p.find() || !d.find()) {
            return 0;
        }
        double pv = Double.parseDouble(p.group(1));
        double dv = Double.parseDouble(d.group(1));
        return Math.abs(pv - dv) / Math.max(Math.abs(dv), Double.MIN_NORMAL);
    }
}
