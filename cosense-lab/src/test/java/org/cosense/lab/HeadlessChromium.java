package org.cosense.lab;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Headless Chromium (Debian package {@code chromium}) driven from tests: DOM dumps and screenshots. */
final class HeadlessChromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    private final Path executable;
    private final Path profile;

    private HeadlessChromium(Path executable, Path profile) {
        this.executable = executable;
        this.profile = profile;
    }

    /** Chromium from the PATH, with a private profile under {@code work}; empty when not installed. */
    static Optional<HeadlessChromium> find(Path work) throws IOException {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : NAMES) {
            for (String d : path.split(File.pathSeparator)) {
                Path p = Path.of(d, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(new HeadlessChromium(p, Files.createDirectories(work.resolve("chromium-profile"))));
                }
            }
        }
        return Optional.empty();
    }

    /** The DOM of {@code page} after its load event and scripts have run. */
    String dumpDom(Path page) throws IOException, InterruptedException {
        return run(List.of("--virtual-time-budget=5000", "--dump-dom", page.toUri().toString()));
    }

    /** A PNG screenshot of {@code page} at the given window size. */
    Path screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        run(List.of("--screenshot=" + png, "--window-size=" + width + "," + height, "--hide-scrollbars", page.toUri().toString()));
        return png;
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + profile));
        cmd.addAll(args);
        Path out = Files.createTempFile(profile, "stdout", ".txt");
        Path err = Files.createTempFile(profile, "stderr", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish in 120 s: " + cmd);
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("chromium exited with " + p.exitValue() + ": " + Files.readString(err, StandardCharsets.UTF_8));
        }
        return stdout;
    }
}
