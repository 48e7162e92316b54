package org.cosense.systems.fangactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cosense.optim.DualLmiSolver;
import org.cosense.optim.DualTraceInverseSolver;
import org.cosense.optim.SolverOptions;
import org.cosense.optim.Status;
import org.cosense.optim.TraceInverseProgram;
import org.cosense.optim.TraceInverseSolution;
import org.cosense.optim.TraceInverseSolver;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The figures' solver iterates on the Psi-step SDR's 16×16 Hermitian block as a complex matrix
 * ({@link SolverOptions.HermitianBlocks#NATIVE}) [fangactive S3.15.5]: on the SDR programs of paper-scene realizations
 * (both sensing modes, active and passive) it reaches the optimum of the same solver on the block's real embedding.
 */
class PsiStepHermitianBlockTest {
    /** The figures' solver with the Hermitian block as its real 32×32 embedding. */
    static final TraceInverseSolver EMBEDDED = new DualTraceInverseSolver(DualLmiSolver.recommendedOptions()
            .withStepLength(SolverOptions.StepLength.BISECTION).withSchurForming(SolverOptions.SchurForming.FACTORED));

    @Test
    void theFiguresSolverIteratesOnTheComplexBlock() {
        DualTraceInverseSolver s = (DualTraceInverseSolver) FangDesigner.recommendedSolver();
        assertEquals(SolverOptions.HermitianBlocks.NATIVE, s.options().hermitianBlocks());
    }

    /** Psi-step SDRs at random phases within the budget, isotropic R, for realizations 0..2 of the paper scene. */
    static List<TraceInverseProgram> psiStepPrograms() {
        List<TraceInverseProgram> out = new ArrayList<>();
        Budget b = Budget.of(20, 20, 8);
        for (int t = 0; t < 3; t++) {
            List<IrsSlot> slots = Scenario.paper(16).realization(5, t);
            List<ZMatrixRMaj> r = Benchmarks.isotropicCovariances(2, 16, b.bsPower());
            for (SensingMode mode : List.of(SensingAtBs.INSTANCE, SensingAtIrs.INSTANCE)) {
                List<double[]> psi = Benchmarks.randomPhaseReflections(2, 16, 8, 5, t);
                for (int l = 0; l < 2; l++) {
                    double[] guarded = RStep.guard(mode, slots.get(l), psi.get(l), b.irsPower());
                    out.add(PsiStep.program(mode, slots.get(l), r.get(l), FangLift.lift(guarded), b, false));
                }
            }
            List<IrsSlot> passive = Benchmarks.passiveSlots(slots);
            List<double[]> unit = Benchmarks.randomPassiveReflections(2, 16, 5, t);
            out.add(PsiStep.program(SensingAtBs.INSTANCE, passive.get(0), r.get(0), FangLift.lift(unit.get(0)), b, true));
        }
        return out;
    }

    /**
     * Both solvers stop at a relative gap of 1e-8 and relative residuals of 1e-7, so two rounding-different paths
     * pin the value (recomputed from the returned X) to about the residual: within 1e-6 relative, with X feasible to
     * 1e-7 and a status that says the tolerances were met (OPTIMAL, or NEAR_OPTIMAL at the rounding floor).
     */
    @Test
    void psiStepProgramsReachTheOptimumOfTheRealEmbedding() {
        TraceInverseSolver complex = FangDesigner.recommendedSolver();
        Set<Status> met = Set.of(Status.OPTIMAL, Status.NEAR_OPTIMAL);
        int k = 0;
        int iterationsEmbedded = 0;
        int iterationsComplex = 0;
        for (TraceInverseProgram p : psiStepPrograms()) {
            TraceInverseSolution a = EMBEDDED.solve(p);
            TraceInverseSolution c = complex.solve(p);
            assertTrue(met.contains(a.status()), "embedded #" + k + ": " + a.status() + " " + a.message());
            assertTrue(met.contains(c.status()), "complex #" + k + ": " + c.status() + " " + c.message());
            assertEquals(a.value(), c.value(), 1e-6 * Math.abs(a.value()), "program #" + k);
            assertTrue(p.maxViolation(c.x()) <= 1e-7, "program #" + k + " violation " + p.maxViolation(c.x()));
            iterationsEmbedded += a.iterations();
            iterationsComplex += c.iterations();
            k++;
        }
        // the same method: no more iterations in total beyond rounding-level differences in the path
        assertTrue(iterationsComplex <= 1.1 * iterationsEmbedded, iterationsComplex + " vs " + iterationsEmbedded + " iterations");
    }
}
