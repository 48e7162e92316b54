package org.cosense.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The factored Schur forming ({@link SolverOptions.SchurForming#FACTORED}: C_j = L⁻¹ A_j R, M_ij = ⟨C_i, C_j⟩) against
 * the products S⁻¹ A_j Y: the same Newton system to rounding at random interior points, and the same optima.
 */
class SchurFormingTest {
    private static final SolverOptions PRODUCTS = SolverOptions.defaults();
    private static final SolverOptions FACTORED = SolverOptions.defaults().withSchurForming(SolverOptions.SchurForming.FACTORED);

    @Test
    void defaultsKeepTheProducts() {
        assertEquals(SolverOptions.SchurForming.PRODUCTS, SolverOptions.defaults().schurForming());
        assertEquals(SolverOptions.SchurForming.PRODUCTS, DualLmiSolver.recommendedOptions().schurForming());
    }

    /** Random positive definite d×d (row-major): B Bᵀ + d I. */
    private static double[] spd(Random rnd, int d) {
        DMatrixRMaj b = RandomInstances.randomSymmetric(rnd, d);
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double v = i == j ? d : 0;
                for (int k = 0; k < d; k++) {
                    v += b.get(i, k) * b.get(j, k);
                }
                out[i * d + j] = v;
            }
        }
        return out;
    }

    @Test
    void factoredFormingGivesTheSchurComplementOfTheProducts() {
        for (long seed = 1; seed <= 4; seed++) {
            LmiProblem p = RandomInstances.planted(seed, 10, new int[] {7, 5, 3}, 8).program().lowered;
            Random rnd = new Random(100 + seed);
            int nb = p.blocks.size();
            double[][] sMat = new double[nb][];
            double[][] yMat = new double[nb][];
            double[][] sInv = new double[nb][];
            double[][] sChol = new double[nb][];
            double[][] yChol = new double[nb][];
            for (int k = 0; k < nb; k++) {
                int d = p.blocks.get(k).dim;
                sMat[k] = spd(rnd, d);
                yMat[k] = spd(rnd, d);
                sChol[k] = sMat[k].clone();
                yChol[k] = yMat[k].clone();
                assertTrue(DenseKernels.cholesky(sChol[k], d));
                assertTrue(DenseKernels.cholesky(yChol[k], d));
                sInv[k] = new double[d * d];
                DenseKernels.inverseFromCholesky(sChol[k], d, sInv[k]);
            }
            double[] s = new double[p.rows.size()];
            double[] y = new double[p.rows.size()];
            for (int r = 0; r < s.length; r++) {
                s[r] = 0.5 + rnd.nextDouble();
                y[r] = 0.5 + rnd.nextDouble();
            }
            SchurPlan a = new SchurPlan(p, SolverOptions.SchurForming.PRODUCTS);
            SchurPlan b = new SchurPlan(p, SolverOptions.SchurForming.FACTORED);
            a.assemble(sInv, yMat, sChol, yChol, s, y);
            b.assemble(sInv, yMat, sChol, yChol, s, y);
            assertSameSchurComplement(a, b, p.n, seed);
        }
    }

    @Test
    void plantedAndTraceInverseOptimaAreFoundWithEitherForming() {
        for (long seed = 1; seed <= 4; seed++) {
            RandomInstances.Planted p = RandomInstances.planted(seed, 10, new int[] {7, 5, 3}, 8);
            Solution b = p.program().solve(FACTORED);
            // a rounding-level change of M can move a status at the rounding floor between OPTIMAL and NEAR_OPTIMAL
            assertTrue(b.status() == Status.OPTIMAL || b.status() == Status.NEAR_OPTIMAL, "seed " + seed + ": " + b);
            assertEquals(p.optimum(), b.objective(), 1e-7 * Math.max(1, Math.abs(p.optimum())), "seed " + seed);
        }
        for (long seed = 21; seed <= 24; seed++) {
            ConvexProgram p = RandomInstances.traceInverse(seed, 5, 4);
            Solution a = p.solve(PRODUCTS);
            Solution b = p.solve(FACTORED);
            assertTrue(b.status() == Status.OPTIMAL || b.status() == Status.NEAR_OPTIMAL, "seed " + seed + ": " + b);
            assertEquals(a.objective(), b.objective(), 1e-7 * Math.abs(a.objective()), "seed " + seed);
        }
    }

    /** The two plans' assembled Schur complements are nonzero and agree to 1e-12 of their largest entry. */
    static void assertSameSchurComplement(SchurPlan a, SchurPlan b, int n, long seed) {
        double max = 0;
        double diff = 0;
        for (int q = 0; q < n; q++) {
            double[] ra = a.schur.row(q);
            double[] rb = b.schur.row(q);
            for (int c = 0; c < ra.length; c++) {
                max = Math.max(max, Math.abs(ra[c]));
                diff = Math.max(diff, Math.abs(ra[c] - rb[c]));
            }
        }
        assertTrue(max > 0, "seed " + seed);
        assertTrue(diff <= 1e-12 * max, "seed " + seed + ": largest difference " + diff + " of " + max);
    }
}
