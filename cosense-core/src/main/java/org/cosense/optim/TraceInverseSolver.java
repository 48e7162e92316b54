package org.cosense.optim;

/**
 * A solver of {@link TraceInverseProgram} (min–max of weighted traces of inverse affine matrices over
 * Hermitian PSD blocks; see its javadoc for the mathematics). Two routes: {@link DualTraceInverseSolver}
 * (the standard form's dual LMI, few unknowns) and {@link DirectTraceInverseSolver} (the program as a
 * {@link ConvexProgram}, the block entries as unknowns); tests add a slow reference barrier method.
 *
 * <p>Contract: deterministic (the same program gives the same answer); returns X_l Hermitian; on
 * {@link Status#OPTIMAL} the objective is within 1e-7 relative of the optimum and every constraint holds
 * to 1e-8 absolute (for programs scaled to O(1)). The status is the underlying solver's; a caller that
 * uses a point with another status ({@link Status#NEAR_OPTIMAL}, {@link Status#ITERATION_LIMIT}) says so.
 */
@FunctionalInterface
public interface TraceInverseSolver {
    TraceInverseSolution solve(TraceInverseProgram program);

    /**
     * One solve of a {@link WarmStart} sequence (programs of one structure, data moving little between them). A solver
     * without warm starts solves {@code program} on its own.
     */
    default TraceInverseSolution solve(TraceInverseProgram program, WarmStart warm) {
        return solve(program);
    }
}
