/**
 * Convex optimization for the systems' subproblems.
 *
 * <p>{@link org.cosense.optim.ConvexProgram} is the entry point: a builder for programs over real
 * vectors, real-symmetric and complex-Hermitian PSD matrices with linear (in)equalities, LMIs and
 * the smooth convex terms tr(Ω F(x)⁻¹), convex quadratics, maxima (by epigraphs) and −log det in
 * the objective. Everything is lowered to one LMI standard form (SDPA's dual form plus log-det
 * blocks) and solved by an infeasible-start primal–dual interior-point method (HKM direction,
 * Mehrotra predictor–corrector; log-det blocks as in SDPT3). Status, objective, duality gap,
 * primal/dual residuals and all multipliers are reported in a {@link org.cosense.optim.Solution};
 * infeasible and unbounded programs are detected from Farkas rays and never return a value.
 * {@link org.cosense.optim.SdpaFormat} exports the SDP/LP subset for external solvers (CSDP).
 *
 * <p>Built on it, for programs with few affine rows over large PSD blocks: {@link org.cosense.optim.StandardFormSdp}
 * (standard primal form over Hermitian and real symmetric blocks) solved by {@link org.cosense.optim.DualLmiSolver}
 * through its dual LMI, the primal read back from the LMI multipliers; {@link org.cosense.optim.TraceInverseProgram}
 * (min–max weighted trace of inverse affine matrices, e.g. A-optimal designs) with its two solvers
 * ({@link org.cosense.optim.DualTraceInverseSolver}, {@link org.cosense.optim.DirectTraceInverseSolver});
 * Hermitian affine LMIs ({@link org.cosense.optim.HermitianAffineMatrix}, e.g. a Toeplitz T(u) ⪰ 0); and
 * {@link org.cosense.optim.GaussianRandomization} to recover a feasible point from a semidefinite relaxation.
 *
 * <p>{@link org.cosense.optim.SolverOptions} selects, besides the tolerances, cheaper ways to do one iteration that solve
 * the same program and change iterates only at rounding level (so a status at the rounding floor can move between
 * OPTIMAL and NEAR_OPTIMAL; the defaults keep the first way): the step length by tridiagonalization and bisection
 * ({@code StepLength.BISECTION}), the Schur complement from Cholesky factors ({@code SchurForming.FACTORED}), and a block
 * that is the real embedding of a complex Hermitian matrix (a {@link org.cosense.optim.HermitianAffineMatrix}, a
 * Hermitian block of a {@link org.cosense.optim.StandardFormSdp}) iterated on as the complex matrix
 * ({@code HermitianBlocks.NATIVE}: about half the arithmetic of the 2n×2n real block).
 *
 * <p>Debugging: {@code -Dcosense.optim.debug=true} prints one line per iteration on stderr.
 */
package org.cosense.optim;
