package org.cosense.cli;

import picocli.CommandLine.Option;

/** The options the simulate commands share: worker threads and JSON output (a picocli mixin). */
final class SimulationOutput {
    @Option(names = "--threads", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "Worker threads (default: available processors); results do not depend on it.")
    Integer threads;

    @Option(names = "--json", description = "Print the results as one JSON object instead of text.")
    boolean json;

    /** The requested thread count, or the available processors. */
    int threads() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    boolean json() {
        return json;
    }
}
