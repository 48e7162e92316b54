package org.cosense.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The bisection step length ({@link SolverOptions.StepLength#BISECTION}, with the Cholesky test of the corrector's full
 * step) against the eigendecomposition on programs with known optima: same optimum to the solver's tolerance.
 */
class StepLengthTest {
    private static final SolverOptions EIGEN = SolverOptions.defaults();
    private static final SolverOptions BISECTION = SolverOptions.defaults().withStepLength(SolverOptions.StepLength.BISECTION);

    @Test
    void defaultsKeepTheEigendecomposition() {
        assertEquals(SolverOptions.StepLength.EIGENDECOMPOSITION, SolverOptions.defaults().stepLength());
        assertEquals(SolverOptions.StepLength.EIGENDECOMPOSITION, DualLmiSolver.recommendedOptions().stepLength());
    }

    @Test
    void plantedOptimaAreFoundWithEitherStepLength() {
        for (long seed = 1; seed <= 6; seed++) {
            RandomInstances.Planted p = RandomInstances.planted(seed, 10, new int[] {7, 5, 3}, 8);
            Solution a = p.program().solve(EIGEN);
            Solution b = p.program().solve(BISECTION);
            assertEquals(Status.OPTIMAL, b.status(), "seed " + seed + ": " + b);
            double tol = 1e-7 * Math.max(1, Math.abs(p.optimum()));
            assertEquals(p.optimum(), b.objective(), tol, "seed " + seed);
            assertEquals(a.objective(), b.objective(), tol, "seed " + seed);
        }
    }

    @Test
    void traceInverseProgramsAgreeWithEitherStepLength() {
        for (long seed = 21; seed <= 24; seed++) {
            ConvexProgram p = RandomInstances.traceInverse(seed, 5, 4);
            Solution a = p.solve(EIGEN);
            Solution b = p.solve(BISECTION);
            assertTrue(b.status() == Status.OPTIMAL || b.status() == Status.NEAR_OPTIMAL, "seed " + seed + ": " + b);
            assertEquals(a.objective(), b.objective(), 1e-7 * Math.abs(a.objective()), "seed " + seed);
        }
    }
}
