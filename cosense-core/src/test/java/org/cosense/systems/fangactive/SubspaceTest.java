package org.cosense.systems.fangactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import org.cosense.array.AngleUpa;
import org.cosense.optim.DirectTraceInverseSolver;
import org.cosense.optim.TraceInverseProgram;
import org.cosense.optim.TraceInverseSolution;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The R-step restricted to range(G^H) has the same optimum as the full program (M > N). */
class SubspaceTest {
    @Test
    void reducedProgramHasTheSameOptimum() {
        for (SensingMode mode : List.of(SensingAtBs.INSTANCE, SensingAtIrs.INSTANCE)) {
            Scenario sc = Scenario.paper(8).withIrsArrays(AngleUpa.halfWavelength(2, 2), AngleUpa.halfWavelength(2, 2));
            List<IrsSlot> slots = sc.realization(5, 0);
            Budget b = new Budget(20, 0.1, 8);
            List<double[]> psi = Benchmarks.randomPhaseReflections(2, 4, 8, 5, 0);
            for (int l = 0; l < 2; l++) {
                psi.set(l, RStep.guard(mode, slots.get(l), psi.get(l), b.irsPower()));
            }
            RStepProblem data = RStepProblem.of(mode, slots, psi, b, true);
            TraceInverseProgram full = RStep.program(data, true, null);
            List<ZMatrixRMaj> bases = Subspace.bases(slots, full);
            assertNotNull(bases.get(0), "M = 8 > N = 4 must reduce");
            assertEquals(4, bases.get(0).numCols);
            DirectTraceInverseSolver solver = new DirectTraceInverseSolver();
            TraceInverseSolution direct = solver.solve(full);
            TraceInverseSolution reduced = Subspace.expand(solver.solve(Subspace.reduce(full, bases)), bases);
            assertEquals(direct.value(), reduced.value(), 1e-6 * direct.value(), mode.getClass().getSimpleName());
            assertEquals(direct.value(), full.objective(reduced.x()), 1e-6 * direct.value());
        }
    }
}
