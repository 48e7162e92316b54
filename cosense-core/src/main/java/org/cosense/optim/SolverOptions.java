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
 * @param schurForming       how a block's part of the Newton system's Schur complement is formed
 * @param hermitianBlocks    whether a block that embeds a complex Hermitian matrix is iterated on as its real embedding
 *                           or as the complex matrix
 */
public record SolverOptions(int maxIterations, double relativeGap, double absoluteGap, double feasibility,
                            double infeasibility, StepLength stepLength, SchurForming schurForming,
                            HermitianBlocks hermitianBlocks) {

    /**
     * How an LMI block that is the real embedding [[Re H, −Im H], [Im H, Re H]] of a complex Hermitian n×n H(x) (a
     * {@link HermitianAffineMatrix}, a Hermitian block of {@link DualLmiSolver}) is iterated on. Both solve the same
     * program; the iterates can differ at rounding level.
     */
    public enum HermitianBlocks {
        /** As the real 2n×2n symmetric matrix, like every other block: the default. */
        EMBEDDED,
        /**
         * As the complex n×n matrix: its factorizations, products, Schur complement entries (formed from the complex
         * Cholesky factors, whatever {@link SchurForming} says) and step lengths (by complex Householder
         * tridiagonalization and bisection when {@link StepLength#BISECTION} is chosen) cost about half of the real
         * ones. Only blocks whose data are exact embeddings qualify; the others stay real.
         */
        NATIVE
    }

    /** The options with the given step length and Schur forming and real-embedded Hermitian blocks. */
    public SolverOptions(int maxIterations, double relativeGap, double absoluteGap, double feasibility, double infeasibility,
            StepLength stepLength, SchurForming schurForming) {
        this(maxIterations, relativeGap, absoluteGap, feasibility, infeasibility, stepLength, schurForming, HermitianBlocks.EMBEDDED);
    }

    /**
     * How M_ij = tr(A_i S⁻¹ A_j Y) is formed for a block whose coefficient matrices include dense ones. Both give it to
     * rounding; the iterates can differ at that level.
     */
    public enum SchurForming {
        /** G_j = S⁻¹ A_j Y for every coefficient matrix (two d×d products for a dense A_j), M_ij = tr(A_i G_j): the default. */
        PRODUCTS,
        /**
         * For a dense A_j the factored C_j = L⁻¹ A_j R with S = L Lᵀ and Y = R Rᵀ (two triangular products, half the flops),
         * M_ij = ⟨C_i, C_j⟩ between dense ones; a sparse A_i keeps G_i and meets a dense A_j through tr(A_j G_i).
         */
        FACTORED
    }

    /** The options with the given step length and the default Schur forming ({@link SchurForming#PRODUCTS}). */
    public SolverOptions(int maxIterations, double relativeGap, double absoluteGap, double feasibility, double infeasibility,
            StepLength stepLength) {
        this(maxIterations, relativeGap, absoluteGap, feasibility, infeasibility, stepLength, SchurForming.PRODUCTS);
    }

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
        InvalidInputException.require(schurForming != null, "schurForming", null, "must be given");
        InvalidInputException.require(hermitianBlocks != null, "hermitianBlocks", null, "must be given");
    }

    /** 1e-9 relative gap and residuals (so a reported gap is safely below 1e-8), 100 iterations. */
    public static SolverOptions defaults() {
        return new SolverOptions(100, 1e-9, 1e-14, 1e-9, 1e-9);
    }

    public SolverOptions withMaxIterations(int n) {
        return new SolverOptions(n, relativeGap, absoluteGap, feasibility, infeasibility, stepLength, schurForming, hermitianBlocks);
    }

    public SolverOptions withRelativeGap(double g) {
        return new SolverOptions(maxIterations, g, absoluteGap, feasibility, infeasibility, stepLength, schurForming, hermitianBlocks);
    }

    public SolverOptions withStepLength(StepLength s) {
        return new SolverOptions(maxIterations, relativeGap, absoluteGap, feasibility, infeasibility, s, schurForming, hermitianBlocks);
    }

    public SolverOptions withSchurForming(SchurForming f) {
        return new SolverOptions(maxIterations, relativeGap, absoluteGap, feasibility, infeasibility, stepLength, f, hermitianBlocks);
    }

    public SolverOptions withHermitianBlocks(HermitianBlocks h) {
        return new SolverOptions(maxIterations, relativeGap, absoluteGap, feasibility, infeasibility, stepLength, schurForming, h);
    }
}
