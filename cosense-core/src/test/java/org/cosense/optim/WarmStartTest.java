package org.cosense.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Warm-started sequences of solves ({@link WarmStart}, [fangactive S3.15.13]): a fresh sequence is the cold solve bit for
 * bit, a start that does not fit or a failed solve's path is not taken, and a program whose data move a little from
 * solve to solve reaches each cold optimum in fewer interior-point iterations. The programs are the planted Hermitian
 * programs of {@link HermitianBlocksTest} (dense and single-entry rows, the two kinds of the Psi-step SDR), solved with
 * the options of the fangactive figures' solver.
 */
class WarmStartTest {
    private static final SolverOptions FIGURES = DualLmiSolver.recommendedOptions().withStepLength(SolverOptions.StepLength.BISECTION)
            .withSchurForming(SolverOptions.SchurForming.FACTORED).withHermitianBlocks(SolverOptions.HermitianBlocks.NATIVE);
    private static final DualLmiSolver SOLVER = new DualLmiSolver(FIGURES);

    /** The same rows as {@code sdp} (one Hermitian block), the cost {@code c}. */
    private static StandardFormSdp withCost(StandardFormSdp sdp, ZMatrixRMaj c) {
        StandardFormSdp.Builder b = StandardFormSdp.builder();
        StandardFormSdp.Block x = b.hermitianPsd("X", sdp.blocks.get(0).size());
        for (StandardFormSdp.Row row : sdp.rows) {
            StandardFormSdp.RowBuilder r = b.row(row.rhs());
            for (StandardFormSdp.HermitianTerm t : row.hermitian()) {
                r.plus(x, t.a(), t.factor());
            }
            r.add();
        }
        b.minimize(x, c);
        return b.build();
    }

    /** The same rows and cost as {@code sdp}, with the right-hand side of row {@code j} replaced by {@code rhs}. */
    private static StandardFormSdp withRhs(StandardFormSdp sdp, int j, double rhs) {
        StandardFormSdp.Builder b = StandardFormSdp.builder();
        StandardFormSdp.Block x = b.hermitianPsd("X", sdp.blocks.get(0).size());
        for (int i = 0; i < sdp.rows.size(); i++) {
            StandardFormSdp.Row row = sdp.rows.get(i);
            StandardFormSdp.RowBuilder r = b.row(i == j ? rhs : row.rhs());
            for (StandardFormSdp.HermitianTerm t : row.hermitian()) {
                r.plus(x, t.a(), t.factor());
            }
            r.add();
        }
        b.minimize(x, (ZMatrixRMaj) sdp.blockObjective.get(0));
        return b.build();
    }

    /** C + t E for a fixed random Hermitian E with entries of order |C|'s. */
    private static ZMatrixRMaj moved(ZMatrixRMaj c, ZMatrixRMaj e, double t) {
        ZMatrixRMaj m = c.copy();
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] += t * e.data[i];
        }
        return m;
    }

    private static ZMatrixRMaj randomHermitian(long seed, int n, double scale) {
        Random rnd = new Random(seed);
        ZMatrixRMaj e = new ZMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            e.set(i, i, scale * rnd.nextGaussian(), 0);
            for (int j = 0; j < i; j++) {
                double re = scale * rnd.nextGaussian();
                double im = scale * rnd.nextGaussian();
                e.set(i, j, re, im);
                e.set(j, i, re, -im);
            }
        }
        return e;
    }

    private static void assertSameSolve(StandardFormSolution cold, StandardFormSolution other, String what) {
        assertEquals(cold.status(), other.status(), what);
        assertEquals(cold.iterations(), other.iterations(), what);
        assertEquals(cold.objective(), other.objective(), 0, what);
        ZMatrixRMaj a = (ZMatrixRMaj) cold.blocks().get(0);
        ZMatrixRMaj b = (ZMatrixRMaj) other.blocks().get(0);
        assertArrayEquals(a.data, b.data, 0, what + ": X bit for bit");
    }

    @Test
    void aFreshSequenceIsTheColdSolveBitForBit() {
        StandardFormSdp sdp = HermitianBlocksTest.planted(3, 16, 1, 10, 16).sdp();
        WarmStart warm = new WarmStart();
        assertSameSolve(SOLVER.solve(sdp), SOLVER.solve(sdp, warm), "first solve of a sequence");
        assertEquals(0, warm.taken());
    }

    @Test
    void aMovingProgramReachesEachColdOptimumInFewerIterations() {
        for (long seed : new long[] {3, 4, 5}) {
            HermitianBlocksTest.PlantedHermitian p = HermitianBlocksTest.planted(seed, 16, 1, 10, 16);
            ZMatrixRMaj c = (ZMatrixRMaj) p.sdp().blockObjective.get(0);
            ZMatrixRMaj e = randomHermitian(seed + 100, 16, 1);
            WarmStart warm = new WarmStart();
            int coldIterations = 0;
            int warmIterations = 0;
            int steps = 8;
            for (int s = 0; s < steps; s++) {
                StandardFormSdp sdp = withCost(p.sdp(), moved(c, e, 1e-3 * s));
                StandardFormSolution cold = SOLVER.solve(sdp);
                StandardFormSolution w = SOLVER.solve(sdp, warm);
                String what = "seed " + seed + ", step " + s;
                assertEquals(Status.OPTIMAL, cold.status(), what);
                assertEquals(Status.OPTIMAL, w.status(), what);
                // both stop at the solver's relative gap (1e-8) around the same optimum
                assertEquals(cold.objective(), w.objective(), 3e-8 * Math.abs(cold.objective()), what);
                if (s > 0) {
                    coldIterations += cold.iterations();
                    warmIterations += w.iterations();
                }
            }
            assertEquals(steps - 1, warm.taken(), "every solve after the first starts warm, seed " + seed);
            assertTrue(warmIterations < coldIterations, "seed " + seed + ": warm " + warmIterations + " vs cold " + coldIterations);
        }
    }

    @Test
    void aStartThatDoesNotFitIsNotTaken() {
        WarmStart warm = new WarmStart();
        SOLVER.solve(HermitianBlocksTest.planted(3, 16, 1, 10, 16).sdp(), warm);
        StandardFormSdp other = HermitianBlocksTest.planted(4, 12, 1, 10, 12).sdp();   // another block size and row count
        assertSameSolve(SOLVER.solve(other), SOLVER.solve(other, warm), "a program of another structure");
        assertEquals(0, warm.taken());
    }

    @Test
    void aSolveThatFailsLeavesNoStart() {
        StandardFormSdp sdp = HermitianBlocksTest.planted(3, 16, 1, 10, 16).sdp();
        // the last row fixes a diagonal entry of X ⪰ 0; a negative right-hand side makes the program infeasible
        StandardFormSdp infeasible = withRhs(sdp, sdp.rows.size() - 1, -1);
        WarmStart warm = new WarmStart();
        StandardFormSolution failed = SOLVER.solve(infeasible, warm);
        assertNotEquals(Status.OPTIMAL, failed.status());
        assertNotEquals(Status.NEAR_OPTIMAL, failed.status());
        assertSameSolve(SOLVER.solve(sdp), SOLVER.solve(sdp, warm), "after a failed solve");
        assertEquals(0, warm.taken());
    }
}
