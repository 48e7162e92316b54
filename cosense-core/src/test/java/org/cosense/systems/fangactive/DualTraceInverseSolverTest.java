package org.cosense.systems.fangactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.cosense.math.ComplexLinalg;
import org.cosense.optim.DirectTraceInverseSolver;
import org.cosense.optim.DualTraceInverseSolver;
import org.cosense.optim.LinearConstraint;
import org.cosense.optim.Status;
import org.cosense.optim.TraceInverseProgram;
import org.cosense.optim.TraceInverseSolution;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The dual-form solver (X read back as the multiplier of the Lagrange dual) reaches the optimum the
 * direct LMI form reaches, on the programs the AO poses at the paper's size (M = 16, N = 16), with
 * feasible points; an infeasible program is reported INFEASIBLE.
 */
class DualTraceInverseSolverTest {
    static final DirectTraceInverseSolver DIRECT = new DirectTraceInverseSolver();
    static final DualTraceInverseSolver DUAL = new DualTraceInverseSolver();

    /** R-step, SDR (active, both modes) and passive SDR programs of one paper-size realization. */
    static List<TraceInverseProgram> paperPrograms() {
        List<TraceInverseProgram> out = new ArrayList<>();
        List<IrsSlot> slots = Scenario.paper(16).realization(3, 0);
        Budget b = new Budget(20, 0.1, 8);
        for (SensingMode mode : List.of(SensingAtBs.INSTANCE, SensingAtIrs.INSTANCE)) {
            List<double[]> psi = Benchmarks.randomPhaseReflections(2, 16, 8, 3, 0);
            for (int l = 0; l < 2; l++) {
                psi.set(l, RStep.guard(mode, slots.get(l), psi.get(l), b.irsPower()));
            }
            RStepProblem data = RStepProblem.of(mode, slots, psi, b, true);
            out.add(RStep.program(data, true, RStep.fallbackStart(data, true)));
            List<ZMatrixRMaj> r = Benchmarks.isotropicCovariances(2, 16, b.bsPower());
            out.add(PsiStep.program(mode, slots.get(0), r.get(0), FangLift.lift(psi.get(0)), b, false));
        }
        List<IrsSlot> passive = Benchmarks.passiveSlots(slots);
        List<double[]> unit = Benchmarks.randomPassiveReflections(2, 16, 3, 0);
        List<ZMatrixRMaj> r = Benchmarks.isotropicCovariances(2, 16, b.bsPower());
        out.add(PsiStep.program(SensingAtBs.INSTANCE, passive.get(1), r.get(1), FangLift.lift(unit.get(1)), b, true));
        return out;
    }

    @Test
    void sameOptimumAsTheDirectFormOnPaperSizePrograms() {
        int k = 0;
        for (TraceInverseProgram p : paperPrograms()) {
            TraceInverseSolution a = DIRECT.solve(p);
            TraceInverseSolution d = DUAL.solve(p);
            assertEquals(Status.OPTIMAL, a.status(), "direct #" + k + " " + a.message());
            assertEquals(Status.OPTIMAL, d.status(), "dual #" + k + " " + d.message());
            // the value is recomputed from the returned X, so this checks the point, not just the solver's number
            assertEquals(a.value(), d.value(), 1e-6 * a.value(), "program #" + k);
            assertTrue(p.maxViolation(d.x()) <= 1e-7, "program #" + k + " violation " + p.maxViolation(d.x()));
            k++;
        }
    }

    @Test
    void referenceInstanceRsBReachesTheDecompositionValue() {
        ReferenceInstances.Instance in = ReferenceInstances.rsB();
        Budget b = new Budget(1, 100, 8); // IRS budgets inactive: kappa* = (f_1 + f_2)/(L P_t), spec 3.10
        RStepProblem data = RStepProblem.of(in.mode(), in.slots(), in.reflections(), b, true);
        TraceInverseProgram p = RStep.program(data, true, RStep.fallbackStart(data, true));
        TraceInverseSolution d = DUAL.solve(p);
        assertEquals(Status.OPTIMAL, d.status(), d.message());
        double nu = data.objective(RStep.fallbackStart(data, true));
        List<ZMatrixRMaj> r = d.x().stream().map(x -> ComplexLinalg.scale(b.bsPower(), x)).toList();
        assertEquals(0.5407204502, data.objective(r), 1e-6 * 0.54);
        assertEquals(0.5407204502, nu * d.value(), 1e-6 * 0.54);
    }

    @Test
    void infeasibleProgramIsReportedInfeasible() {
        ReferenceInstances.Instance in = ReferenceInstances.rsB();
        Budget b = new Budget(1, 100, 8);
        RStepProblem data = RStepProblem.of(in.mode(), in.slots(), in.reflections(), b, true);
        TraceInverseProgram ok = RStep.program(data, true, null);
        // tr X_l ≤ 0 with the IRS rows kept: X = 0 only, where F is singular — and −1 makes it empty
        List<LinearConstraint> cons = new ArrayList<>(ok.constraints());
        cons.set(0, LinearConstraint.traceSum(ok.blockSizes(), -1));
        TraceInverseProgram bad = new TraceInverseProgram(ok.fims(), ok.weights(), cons, null);
        TraceInverseSolution d = DUAL.solve(bad);
        assertEquals(Status.INFEASIBLE, d.status(), d.message());
        assertTrue(!d.hasPoint());
    }
}
