package org.cosense.lab.determinism;

import java.nio.file.Path;
import org.cosense.lab.Catalog;
import org.cosense.lab.Reproducer;

/**
 * {@code cosense reproduce hua3d --quick --seed 1 --threads N --out DIR} without the CLI module, so
 * that a test can run it in a child JVM of another JDK on the test classpath.
 */
public final class QuickHua3d {
    private QuickHua3d() {
    }

    static Reproducer.Summary run(Path out, int threads) {
        return Reproducer.run(out, Catalog.system("hua3d").experiments(), new Reproducer.Options(null, threads, 1, true, null));
    }

    /** Arguments: output directory, thread count. Exit 1 when a figure failed to run. */
    public static void main(String[] args) {
        Reproducer.Summary s = run(Path.of(args[0]), Integer.parseInt(args[1]));
        System.exit(s.failures().isEmpty() ? 0 : 1);
    }
}
