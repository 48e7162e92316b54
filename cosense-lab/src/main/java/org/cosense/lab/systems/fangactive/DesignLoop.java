package org.cosense.lab.systems.fangactive;

import org.cosense.InvalidInputException;
import org.cosense.optim.DualLmiSolver;
import org.cosense.optim.DualTraceInverseSolver;
import org.cosense.optim.SolverOptions;
import org.cosense.optim.TraceInverseSolver;
import org.cosense.systems.fangactive.AoSettings;
import org.cosense.systems.fangactive.FangDesigner;

/**
 * How the figures' designers run the AO: its work-saving rules and its convex solver ([fangactive S3.15]).
 *
 * @param name     short name in reports ("reference", "new")
 * @param settings the AO's rules
 * @param solver   the solver of the R-step and Psi-step programs
 */
record DesignLoop(String name, AoSettings settings, TraceInverseSolver solver) {
    /** The figures' loop: {@link AoSettings#fast()} with {@link FangDesigner#recommendedSolver()}. */
    static final DesignLoop FIGURES = new DesignLoop("new", AoSettings.fast(), FangDesigner.recommendedSolver());

    /** The loop as printed: every rule off, the dual route with the eigendecomposition step length (the baseline of the benches). */
    static DesignLoop reference() {
        return new DesignLoop("reference", AoSettings.reference(),
                new DualTraceInverseSolver(DualLmiSolver.recommendedOptions().withStepLength(SolverOptions.StepLength.EIGENDECOMPOSITION)));
    }

    /** {@code --variant} of the fangactive benchmarks: the warm-started SCA solves ([fangactive S3.15.13]). */
    static final String WARM_STARTED_SCA = "warm-started-sca";

    /** The figures' loop ({@code name} null) or one of its {@link #WARM_STARTED_SCA variants}, named "new" in reports. */
    static DesignLoop variant(String name) {
        if (name == null) {
            return FIGURES;
        }
        InvalidInputException.require(name.equals(WARM_STARTED_SCA), "variant", name, "must be " + WARM_STARTED_SCA);
        return FIGURES.with("new", AoSettings.fast().withWarmStartScaSolves(true));
    }

    /** The figures' solver under other AO rules. */
    DesignLoop with(String newName, AoSettings newSettings) {
        return new DesignLoop(newName, newSettings, solver);
    }
}
