package org.cosense.lab;

/**
 * Runs every call the way a cluster worker would, inside this JVM: the trial function the figure
 * passes is dropped and rebuilt from the catalog with {@link TrialReplay}, then executed by the
 * embedded thread pool. {@code --engine replay} checks that a figure can go to a cluster, and gives
 * the same files as the embedded engine when it can.
 */
public final class ReplayEngine implements TrialEngine {
    public static final String NAME = "replay";

    private final EmbeddedEngine local;

    public ReplayEngine(int threads) {
        this.local = new EmbeddedEngine(threads);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[][][] execute(TrialBatch batch, MonteCarlo.Trial ignored, Progress progress) {
        return local.execute(batch, TrialReplay.trialFor(batch), progress);
    }
}
