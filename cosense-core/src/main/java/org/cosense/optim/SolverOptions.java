package org.cosense.optim;

import org.cosense.InvalidInputException;

/**
 * Tolerances of the interior-point method.
 *
 * @param maxIterations      Newton (predictor–corrector) iterations before {@link Status#ITERATION_LIMIT}
 * @param relativeGap        stop when (primal − dual objective) ≤ relativeGap · max(|primal|, |dual|)
 * @param absoluteGap        … or when the gap is below this absolute value (optimum near 0)
 * @param feasibility        relative primal and dual residual required for {@link Status#OPTIMAL}
 * @param infeasibility      relative size of a Farkas ray below which the problem is declared
 *                           {@link Status#INFEASIBLE} or {@link Status#UNBOUNDED}
 * @param stepLength         how the longest step to the boundary of a semidefinite block is found
 */
public record SolverOptions(int maxIterations, double relativeGap, double absoluteGap, double feasibility,
                            double infeasibility, StepLength stepLength) {

    /**
     * The longest step α with L Lᵀ + α Δ ⪰ 0 is −1/λ_min(L⁻¹ Δ L⁻ᵀ); how λ_min is computed. Both give it to
     * rounding; the iterates can differ at that level.
     */
    public enum StepLength {
        /** All eigenvalues by a general symmetric eigendecomposition (EJML): the default. */
        EIGENDECOMPOSITION,
        /**
         * Householder reduction to tridiagonal form and Sturm-sequence bisection for the smallest eigenvalue only; for
         * the corrector, whose step is min(1, 0.95 α), a block is first tested by a Cholesky factorization of
         * S + ΔS/0.95 and needs no eigenvalue when that succeeds.
         */
        BISECTION
    }

    /**
     * The options with the default step length ({@link StepLength#EIGENDECOMPOSITION}; {@link StepLength#BISECTION} is
     * cheaper, but moving iterates at rounding level can flip a status at the rounding floor between OPTIMAL and
     * NEAR_OPTIMAL, so a caller opts in with {@link #withStepLength}).
     */
    public SolverOptions(int maxIterations, double relativeGap, double absoluteGap, double feasibility, double infeasibility) {
        this(maxIterations, relativeGap, absoluteGap, feasibility, infeasibility, StepLength.EIGENDECOMPOSITION);
    }

    public SolverOptions {
        InvalidInputException.positive("maxIterations", maxIterations);
        InvalidInputException.positive("relativeGap", relativeGap);
        InvalidInputException.positive("absoluteGap", absoluteGap);
        InvalidInputException.positive("feasibility", feasibility);
        InvalidInputException.positive("infeasibility", infeasibility);
        InvalidInputException.require(stepLength != null, "stepLength", null, "must be given");
    }

    /** 1e-9 relative gap and residuals (so a reported gap is safely below 1e-8), 100 iterations. */
    public static SolverOptions defaults() {
        return new SolverOptions(100, 1e-9, 1e-14, 1e-9, 1e-9);
    }

    public SolverOptions withMaxIterations(int n) {
        return new SolverOptions(n, relativeGap, absoluteGap, feasibility, infeasibility, stepLength);
    }

    public SolverOptions withRelativeGap(double g) {
        return new SolverOptions(maxIterations, g, absoluteGap, feasibility, infeasibility, stepLength);
    }

    public SolverOptions withStepLength(StepLength s) {
        return new SolverOptions(maxIterations, relativeGap, absoluteGap, feasibility, infeasibility, s);
    }
}
