package org.cosense.lab;

/**
 * One figure or table of a paper, declared as an object: identity, caption, the behaviour the
 * paper reports, trial counts, and how to compute it.
 */
public interface Experiment {
    /** System id, e.g. {@code hua3d}. */
    String system();

    /** Figure id within the system, e.g. {@code fig6} or {@code table1}. */
    String id();

    /** Short title for the report. */
    String title();

    /** What the paper reports for this figure (the qualitative behaviour to reproduce). */
    String paperBehaviour();

    /** Monte Carlo trials per sweep point for a full run (0 for deterministic figures). */
    int defaultTrials();

    /** Monte Carlo trials per sweep point for {@code --quick}. */
    int quickTrials();

    /** Computes the figure. The result carries its own caption, parameters and checks. */
    FigureResult run(RunContext ctx);

    default String qualifiedId() {
        return system() + "." + id();
    }
}
