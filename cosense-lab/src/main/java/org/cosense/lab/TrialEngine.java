package org.cosense.lab;

/**
 * Where Monte Carlo trials run. {@link MonteCarlo} hands every call to its engine; the embedded
 * thread pool is the default, other engines (a cluster) are found by {@link java.util.ServiceLoader}
 * through {@link TrialEngineFactory}.
 *
 * <p>Contract: results[point][trial] must be exactly {@code trial.run(point, trial,
 * RandomStream.forTrial(seed, point, trial))}, whatever the engine, so a figure's output does not
 * depend on where it ran. An engine that cannot ship {@code trial} (a lambda over model objects)
 * rebuilds it from {@link TrialBatch#run()} with {@link TrialReplay}.
 */
public interface TrialEngine extends AutoCloseable {
    /** Name recorded in sidecars, e.g. {@code embedded} or {@code spark local[2]}. */
    String name();

    /** @return results[point][trial] */
    double[][][] execute(TrialBatch batch, MonteCarlo.Trial trial, Progress progress);

    @Override
    default void close() {
    }
}
