package org.cosense.lab;

import java.io.PrintStream;
import java.util.List;

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

    /** The workload size when {@code --trials} is not given (what one run of a reasonable length measures). */
    default int defaultTrials() {
        return 100;
    }

    /** False for a benchmark with a fixed workload, which does not read {@code --trials} (its header says so). */
    default boolean takesTrials() {
        return true;
    }

    /** The smallest workload this benchmark measures with; {@code cosense bench} refuses a smaller {@code --trials}. */
    default int minTrials() {
        return 1;
    }

    /** The case ids {@code --cases} may name; empty when the benchmark has no cases ({@code --cases} is then refused). */
    default List<String> cases() {
        return List.of();
    }

    /**
     * The variants of the new code {@code --variant} may name (an option of it that is off by default, measured in its
     * place against the same baseline); empty when it has none ({@code --variant} is then refused).
     */
    default List<String> variants() {
        return List.of();
    }

    /** Whether the benchmark can report without its baseline ({@code --no-baseline}; refused when false). */
    default boolean reportsWithoutBaseline() {
        return false;
    }
}
