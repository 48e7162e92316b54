package org.cosense.lab;

import java.io.Serializable;

/**
 * What identifies one reproduction of one figure, in a form that can be sent to another JVM: the
 * figure's qualified id and the run's trial count, seed and quick flag. A worker that has the
 * catalog rebuilds the figure's trial functions from it ({@link TrialReplay}).
 */
public record TrialRun(String experiment, int trials, long seed, boolean quick) implements Serializable {
    public TrialRun {
        if (experiment == null || experiment.isBlank()) {
            throw new IllegalArgumentException("a trial run needs the figure's qualified id");
        }
    }

    static TrialRun of(Experiment e, RunContext ctx) {
        return new TrialRun(e.qualifiedId(), ctx.trials(), ctx.seed(), ctx.quick());
    }
}
