package org.cosense.systems.fangactive;

/**
 * A solver of {@link FimProgram} (the convex min–max weighted-trace-of-inverse-FIM program, see its
 * javadoc for the exact mathematics). The interior-point solver of org.cosense.optim implements it
 * (Schur-complement LMIs [[F_l(X_l), I],[I, U_l]] ⪰ 0 plus Hermitian PSD blocks); tests use a slow
 * reference barrier method.
 *
 * <p>Contract: deterministic (the same program gives the same answer); returns X_l Hermitian; on
 * {@link FimSolution.Status#OPTIMAL} the objective is within 1e-7 relative of the optimum and every
 * constraint holds to 1e-8 absolute (the programs are scaled to O(1)). Callers in this package
 * always re-check feasibility with the exact models and repair or discard the point, and keep their
 * incumbent when the answer is worse, so a slightly inaccurate solver never breaks monotonicity.
 */
@FunctionalInterface
public interface FimProgramSolver {
    FimSolution solve(FimProgram program);
}
