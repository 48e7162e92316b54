package org.cosense.lab.systems.zhanghybrid;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds a file of the shared baselines folder: {@code cosense.baselines}, {@code COSENSE_BASELINES}, or {@code shared/baselines} beside the repository. */
final class BaselineFiles {
    private BaselineFiles() {
    }

    static Optional<Path> find(String name) {
        List<Path> roots = new ArrayList<>();
        String prop = System.getProperty("cosense.baselines", System.getenv("COSENSE_BASELINES"));
        if (prop != null) {
            roots.add(Path.of(prop));
        }
        try {
            Path code = Path.of(BaselineFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path a = code.getParent(); a != null; a = a.getParent()) {
                roots.add(a.resolve("shared/baselines").normalize());
            }
        } catch (Exception ignored) {
            // fall through to the working directory
        }
        roots.add(Path.of("../shared/baselines").toAbsolutePath().normalize());
        return roots.stream().map(r -> r.resolve(name)).filter(Files::isRegularFile).findFirst();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
