package org.cosense.lab;

import java.io.PrintStream;

/**
 * A performance measurement run by {@code cosense bench}, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.cosense.lab.Benchmark}). It should time its subject against a
 * baseline in the same run and print the comparison on {@code out}.
 */
public interface Benchmark {
    /** Short id used on the command line, e.g. {@code music2d}. */
    String name();

    /** One line: what is measured against what. */
    String description();

    void run(BenchOptions opts, PrintStream out);
}
