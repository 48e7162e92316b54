package org.cosense.lab;

/**
 * The declared part of an {@link Experiment} (system, id, title, the paper's reported behaviour,
 * trial counts), so a figure class only says how it is computed.
 */
public abstract class DeclaredExperiment implements Experiment {
    private final String system;
    private final String id;
    private final String title;
    private final String behaviour;
    private final int trials;
    private final int quickTrials;

    protected DeclaredExperiment(String system, String id, String title, String behaviour, int trials, int quickTrials) {
        this.system = system;
        this.id = id;
        this.title = title;
        this.behaviour = behaviour;
        this.trials = trials;
        this.quickTrials = quickTrials;
    }

    @Override
    public String system() {
        return system;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String paperBehaviour() {
        return behaviour;
    }

    @Override
    public int defaultTrials() {
        return trials;
    }

    @Override
    public int quickTrials() {
        return quickTrials;
    }
}
