package org.cosense.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.cosense.lab.Progress;

/**
 * One updating line on stderr, at most five updates a second, so that progress never slows a
 * run or floods a log. Used only when stderr is a terminal.
 */
final class TerminalProgress implements Progress {
    private static final long INTERVAL_NANOS = 200_000_000L;

    private final PrintStream err;
    private final AtomicLong last = new AtomicLong(System.nanoTime() - INTERVAL_NANOS);
    private volatile String figure = "";
    private int width;

    TerminalProgress(PrintStream err) {
        this.err = err;
    }

    /** Whether the JVM talks to a terminal (on JDK 22+ a console exists even when redirected). */
    static boolean onTerminal() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException | RuntimeException olderJdk) {
            return true;
        }
    }

    /**
     * Runs one simulation under the label, with an updating line on stderr when it is a terminal (erased before
     * the result is printed) and silently otherwise.
     */
    static <T> T around(PrintStream err, String label, java.util.function.Function<Progress, T> run) {
        TerminalProgress tp = onTerminal() ? new TerminalProgress(err) : null;
        if (tp == null) {
            return run.apply(Progress.SILENT);
        }
        try {
            tp.figure(label);
            return run.apply(tp);
        } finally {
            tp.clear();
        }
    }

    void figure(String id) {
        figure = id;
        show(id + "  running");
    }

    @Override
    public void update(String label, long done, long total) {
        long now = System.nanoTime();
        long prev = last.get();
        if (now - prev < INTERVAL_NANOS || !last.compareAndSet(prev, now)) {
            return;
        }
        show(String.format(Locale.ROOT, "%s  %s %3.0f%% (%d/%d)", figure, label, 100.0 * done / Math.max(1, total), done, total));
    }

    private synchronized void show(String text) {
        err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
        err.flush();
        width = text.length();
    }

    /** Erases the line, before a result line is printed on stdout. */
    synchronized void clear() {
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }
}
