package org.cosense.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.cosense.InvalidInputException;

/**
 * Makes a {@link TrialEngine} by name ({@code --engine}); listed in
 * {@code META-INF/services/org.cosense.lab.TrialEngineFactory}. The embedded engine is built in;
 * others come with their own jar on the class path.
 */
public interface TrialEngineFactory {
    /** The value of {@code --engine} that selects this engine. */
    String name();

    /**
     * @param master  where to run (engine-specific, e.g. {@code local[2]}); null for the engine's default
     * @param threads worker threads of the embedded engine
     */
    TrialEngine create(String master, int threads);

    static List<String> names() {
        List<String> names = new ArrayList<>(List.of(EmbeddedEngine.NAME, ReplayEngine.NAME));
        ServiceLoader.load(TrialEngineFactory.class).forEach(f -> names.add(f.name()));
        return names;
    }

    /** The engine called {@code name}, or the user's error listing the engines on the class path. */
    static TrialEngine create(String name, String master, int threads) {
        if (EmbeddedEngine.NAME.equals(name)) {
            if (master != null) {
                throw new InvalidInputException("master", master, "only with an engine that runs elsewhere (--engine spark); the embedded engine uses --threads");
            }
            return new EmbeddedEngine(threads);
        }
        if (ReplayEngine.NAME.equals(name)) {
            if (master != null) {
                throw new InvalidInputException("master", master, "only with an engine that runs elsewhere (--engine spark); the replay engine uses --threads");
            }
            return new ReplayEngine(threads);
        }
        for (TrialEngineFactory f : ServiceLoader.load(TrialEngineFactory.class)) {
            if (f.name().equals(name)) {
                return f.create(master, threads);
            }
        }
        throw new InvalidInputException("engine", name, "one of " + String.join(", ", names())
                + " (other engines need their jar on the class path)");
    }
}
