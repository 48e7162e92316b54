package org.cosense.lab.determinism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of bit-identical results: the quick CSVs of hua3d (Monte Carlo figures included)
 * are byte for byte the same on two threads under this JDK and on one thread under another JDK
 * installed under {@code /usr/lib/jvm} (a child JVM on the same classpath). One comparison covers
 * both the thread count and the JDK, so the test runs the reproduction only twice. Without a second
 * JDK the other run is on one thread here, and the test reports itself skipped after checking the
 * thread count: the cross-JDK half was not checked.
 */
class Hua3dQuickCsvsAreBitIdenticalTest {
    private static final Path JVMS = Path.of("/usr/lib/jvm");

    @TempDir
    Path tmp;

    @Test
    void acrossThreadCountsAndJdks() throws Exception {
        int here = Runtime.version().feature();
        Path twoThreads = tmp.resolve("java-" + here + "-threads-2");
        Optional<Jdk> other = otherJdk(here);
        if (other.isEmpty()) {
            assertTrue(QuickHua3d.run(twoThreads, 2).failures().isEmpty(), "every hua3d figure runs");
            Path oneThread = tmp.resolve("java-" + here + "-threads-1");
            assertTrue(QuickHua3d.run(oneThread, 1).failures().isEmpty());
            assertSameCsvs(twoThreads, oneThread, "threads 2 vs 1");
            Assumptions.abort("threads 1 and 2 give identical CSVs; no second JDK (17 or newer, other than Java " + here
                    + ") under " + JVMS + ": cross-JDK identity not checked");
        }
        // The child's single-threaded run overlaps the two-threaded run here: the two together
        // keep two cores busy, which halves the test's wall time on an idle machine.
        Jdk jdk = other.get();
        Path oneThread = tmp.resolve("java-" + jdk.feature() + "-threads-1");
        List<String> cmd = List.of(jdk.java().toString(), "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                QuickHua3d.class.getName(), oneThread.toString(), "1");
        Path log = tmp.resolve("child-java-" + jdk.feature() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(QuickHua3d.run(twoThreads, 2).failures().isEmpty(), "every hua3d figure runs");
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                throw new AssertionError("the reproduction under Java " + jdk.feature() + " did not finish in 300 s");
            }
        } finally {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), () -> "reproduction under " + jdk.java() + ": " + read(log));
        assertSameCsvs(twoThreads, oneThread,
                "Java " + here + " on 2 threads vs Java " + jdk.feature() + " (" + jdk.java() + ") on 1 thread");
    }

    @Test
    void readsTheFeatureVersionOfAJdk() {
        assertEquals(25, feature(List.of("IMPLEMENTOR=\"Eclipse Adoptium\"", "JAVA_VERSION=\"25.0.3\"")));
        assertEquals(17, feature(List.of("JAVA_VERSION=\"17.0.15\"")));
        assertEquals(8, feature(List.of("JAVA_VERSION=\"1.8.0_392\"")));
        assertEquals(-1, feature(List.of("OS_NAME=\"Linux\"")));
    }

    private static void assertSameCsvs(Path a, Path b, String what) throws IOException {
        SameCsvs.assertSame(a.resolve("hua3d"), b.resolve("hua3d"), 10, what);
    }

    record Jdk(Path java, int feature) {
    }

    /** The newest installed JDK (17 or newer) whose feature version differs from {@code here}. */
    static Optional<Jdk> otherJdk(int here) throws IOException {
        if (!Files.isDirectory(JVMS)) {
            return Optional.empty();
        }
        Jdk best = null;
        try (Stream<Path> homes = Files.list(JVMS)) {
            for (Path home : (Iterable<Path>) homes::iterator) {
                Path java = home.resolve("bin/java");
                Path release = home.resolve("release");
                if (!Files.isExecutable(java) || !Files.isRegularFile(release)) {
                    continue;
                }
                int feature = feature(Files.readAllLines(release));
                if (feature >= 17 && feature != here && (best == null || feature > best.feature())) {
                    best = new Jdk(java, feature);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The feature version from a JDK's {@code release} file: JAVA_VERSION="25.0.1" gives 25. */
    static int feature(List<String> release) {
        for (String line : release) {
            if (line.startsWith("JAVA_VERSION=")) {
                String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                if (v.startsWith("1.")) {
                    v = v.substring(2);
                }
                String digits = v.split("[^0-9]", 2)[0];
                return digits.isEmpty() ? -1 : Integer.parseInt(digits);
            }
        }
        return -1;
    }

    private static String read(Path log) {
        try {
            String s = Files.readString(log);
            return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
