package org.cosense.systems.fangactive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.cosense.optim.Status;
import org.cosense.optim.TraceInverseSolution;
import org.cosense.optim.TraceInverseSolver;
import org.junit.jupiter.api.Test;

/** Spec fangactive properties 27 (AO monotone), 28 (proposed ≤ both benchmarks), 29 (feasible designs), 30 (passive). */
class FangDesignerTest {
    static final ReferenceBarrierSolver SOLVER = new ReferenceBarrierSolver();
    static final AoOptions OPT = new AoOptions(3, 1e-3, 3, 100, true);

    record Case(String id, SensingMode mode, List<IrsSlot> slots, Budget budget) {
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        // RS-B (sensing at BS) with a binding IRS budget and a_max = 2; RS-A (sensing at IRSs, pure LoS G)
        out.add(new Case("RS-B", SensingAtBs.INSTANCE, ReferenceInstances.rsB().slots(), new Budget(1, 5, 2)));
        out.add(new Case("RS-A", SensingAtIrs.INSTANCE, ReferenceInstances.rsA().slots(), new Budget(1, 20, 2)));
        // the paper's scene with N = N̄ = 4, M = 2 and 3, paper budgets (P_t = 20 W, P_s = 0.1 W, a_max = 8)
        for (int m : new int[] {2, 3}) {
            List<IrsSlot> s = TinyScenarios.tiny(m).realization(7, m);
            out.add(new Case("scene-BS/M=" + m, SensingAtBs.INSTANCE, s, new Budget(20, 0.1, 8)));
            out.add(new Case("scene-IRS/M=" + m, SensingAtIrs.INSTANCE, s, new Budget(20, 0.1, 8)));
        }
        return out;
    }

    static void assertNonincreasing(String id, double[] x) {
        for (int i = 1; i < x.length; i++) {
            assertTrue(x[i] <= x[i - 1], id + ": increased at " + i + ": " + x[i - 1] + " -> " + x[i]);
        }
    }

    @Test
    void continuationStartMakesASweepNonincreasingAndIgnoresInfeasibleNeighbours() {
        for (Case c : cases()) {
            Budget small = c.budget();
            Budget larger = new Budget(small.bsPower() * 1.5, small.irsPower() * 2, small.maxAmplitude());
            FangDesigner d1 = new FangDesigner(c.mode(), c.slots(), small, OPT, SOLVER, 11, 0);
            AoResult first = d1.proposed(d1.reflectiveOnly());
            FangDesigner d2 = new FangDesigner(c.mode(), c.slots(), larger, OPT, SOLVER, 11, 0);
            AoResult plain = d2.proposed(d2.reflectiveOnly());
            AoResult cont = d2.proposed(d2.reflectiveOnly(), first.design());
            // the neighbour is feasible under the larger budget, so the continuation can only help
            assertTrue(cont.maxCrb() <= first.maxCrb(), c.id() + ": " + cont.maxCrb() + " > neighbour " + first.maxCrb());
            assertTrue(cont.maxCrb() <= plain.maxCrb(), c.id());
            assertTrue(cont.design().worstSlack(c.mode(), c.slots(), larger, false) >= -1e-9, c.id());
            // back down the sweep the neighbour is infeasible and must be ignored, not repaired silently
            AoResult back = d1.proposed(d1.reflectiveOnly(), cont.design());
            assertTrue(back.design().worstSlack(c.mode(), c.slots(), small, false) >= -1e-9, c.id());
            if (cont.design().worstSlack(c.mode(), c.slots(), small, false) < -1e-9) {
                assertEquals(first.maxCrb(), back.maxCrb(), 0, c.id() + ": an infeasible neighbour changed the result");
            }
        }
    }

    @Test
    void proposedIsMonotoneFeasibleAndNoWorseThanEitherBenchmark() {
        for (Case c : cases()) {
            FangDesigner d = new FangDesigner(c.mode(), c.slots(), c.budget(), OPT, SOLVER, 11, 0);
            AoResult prop = d.proposed();
            AoResult tx = d.transmitOnly();
            AoResult refl = d.reflectiveOnly();
            assertNonincreasing(c.id() + " proposed", prop.halfSteps()); // property 27
            assertNonincreasing(c.id() + " proposed", prop.trace());
            assertNonincreasing(c.id() + " reflective", refl.halfSteps());
            assertTrue(Double.isFinite(prop.maxCrb()), c.id());
            assertTrue(prop.maxCrb() <= tx.maxCrb(), c.id() + ": proposed " + prop.maxCrb() + " > transmit-only " + tx.maxCrb()); // 28
            assertTrue(prop.maxCrb() <= refl.maxCrb(), c.id() + ": proposed " + prop.maxCrb() + " > reflective-only " + refl.maxCrb());
            for (AoResult r : List.of(prop, tx, refl)) {
                double slack = r.design().worstSlack(c.mode(), c.slots(), c.budget(), false);
                assertTrue(slack >= -1e-9, c.id() + " " + r.start() + " slack " + slack); // property 29
                assertEquals(FangDesign.evaluate(c.mode(), c.slots(), r.design().covariances(), r.design().reflections()).maxCrb(),
                        r.maxCrb(), 0);
            }
        }
    }

    @Test
    void aoFromTheTransmitOnlyStartBeginsAtTheTransmitOnlyBenchmark() {
        Case c = cases().get(0);
        AoOptions one = new AoOptions(3, 1e-3, 3, 50, false);
        FangDesigner d = new FangDesigner(c.mode(), c.slots(), c.budget(), one, SOLVER, 11, 0);
        AoResult prop = d.proposed();
        assertEquals(d.transmitOnly().maxCrb(), prop.halfSteps()[0], 0);
        assertEquals("transmit-only start", prop.start());
        // AO improves on the benchmark here (the Psi-step has room: random phases)
        assertTrue(prop.maxCrb() < prop.halfSteps()[0]);
    }

    @Test
    void passiveBenchmarkIsUnitModulusMonotoneAndFeasible() {
        for (Case c : cases()) {
            FangDesigner d = new FangDesigner(c.mode(), c.slots(), c.budget(), AoOptions.quick(), SOLVER, 11, 0);
            AoResult p = d.passive();
            assertNonincreasing(c.id() + " passive", p.halfSteps());
            for (double[] psi : p.design().reflections()) {
                for (int k = 0; k < psi.length / 2; k++) {
                    assertEquals(1, Math.hypot(psi[2 * k], psi[2 * k + 1]), 1e-15); // property 30
                }
            }
            assertTrue(p.design().worstSlack(c.mode(), Benchmarks.passiveSlots(c.slots()), c.budget(), true) >= -1e-9);
        }
    }

    @Test
    void literalPassiveBenchmarkKeepsTheIsotropicCovarianceAndUnitModulus() {
        for (Case c : cases()) {
            FangDesigner d = new FangDesigner(c.mode(), c.slots(), c.budget(), AoOptions.quick(), SOLVER, 11, 0);
            AoResult p = d.passiveReflectiveOnly();
            assertNonincreasing(c.id() + " passive reflective-only", p.halfSteps());
            for (double[] psi : p.design().reflections()) {
                for (int k = 0; k < psi.length / 2; k++) {
                    assertEquals(1, Math.hypot(psi[2 * k], psi[2 * k + 1]), 1e-15);
                }
            }
            int m = c.slots().get(0).m();
            for (var r : p.design().covariances()) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        assertEquals(i == j ? c.budget().bsPower() / m : 0, r.getReal(i, j), 1e-15, "R = (P_t/M) I");
                        assertEquals(0, r.getImag(i, j), 1e-15);
                    }
                }
            }
        }
    }

    @Test
    void guardScalesReflectionsWhoseNoiseAloneExceedsTheBudget() {
        for (Case c : cases()) {
            IrsSlot s = c.slots().get(0);
            double[] psi = Benchmarks.randomPhaseReflections(1, 4, 1e4, 1, 0).get(0); // absurd amplitude
            double[] g = RStep.guard(c.mode(), s, psi, c.budget().irsPower());
            if (c.mode().powerAffine(s, psi).c() >= c.budget().irsPower()) {
                assertEquals(c.budget().irsPower() / 2, c.mode().powerAffine(s, g).c(), 1e-12 * c.budget().irsPower(), c.id());
            } else {
                assertArrayEquals(psi, g, 0);
            }
        }
    }

    @Test
    void designsAreDeterministic() {
        Case c = cases().get(2);
        AoOptions q = AoOptions.quick();
        AoResult a = new FangDesigner(c.mode(), c.slots(), c.budget(), q, SOLVER, 3, 1).proposed();
        AoResult b = new FangDesigner(c.mode(), c.slots(), c.budget(), q, SOLVER, 3, 1).proposed();
        assertArrayEquals(a.halfSteps(), b.halfSteps(), 0);
        assertArrayEquals(a.design().reflections().get(0), b.design().reflections().get(0), 0);
    }

    @Test
    void theReferenceSolverConvergesOnTheProgramsTheDesignerPoses() {
        java.util.Map<Status, Integer> count = new java.util.EnumMap<>(Status.class);
        TraceInverseSolver counting = p -> {
            TraceInverseSolution s = SOLVER.solve(p);
            count.merge(s.status(), 1, Integer::sum);
            return s;
        };
        for (Case c : cases()) {
            new FangDesigner(c.mode(), c.slots(), c.budget(), AoOptions.quick(), counting, 11, 0).proposed();
        }
        int total = count.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(total, count.getOrDefault(Status.OPTIMAL, 0), count.toString());
    }

    @Test
    void optionDefaults() {
        assertEquals(new AoOptions(20, 1e-3, 20, 1000, true), AoOptions.paper());
        assertEquals(new AoOptions(3, 1e-2, 3, 100, false), AoOptions.quick());
    }

    /** Issue 9 item 5: the AO ends with an R-step on the final reflections, which never raises max_l CRB_l. */
    @Test
    void finalRStepNeverRaisesTheObjective() {
        for (Case c : cases()) {
            FangDesigner d = new FangDesigner(c.mode(), c.slots(), c.budget(), OPT, SOLVER, 5, 0);
            AoResult r = d.alternate(d.transmitOnlyReflections(), null);
            double[] h = r.halfSteps();
            // R-step, Psi-sweep per iteration, then the final R-step
            assertEquals(2 * r.iterations() + 1, h.length, c.id());
            assertTrue(h[h.length - 1] <= h[h.length - 2], c.id() + ": final R-step raised " + h[h.length - 2] + " -> " + h[h.length - 1]);
            assertEquals(h[h.length - 1], r.maxCrb(), 1e-12 * r.maxCrb(), c.id() + ": the design is the final R-step's");
            assertTrue(r.solverStatuses().values().stream().mapToInt(Integer::intValue).sum() >= r.iterations() + 1, c.id());
        }
    }

    /**
     * Issue 9 item 5 regression: an incumbent whose IRS power exceeds P_s by rounding (a few ulps, as after the
     * exact re-evaluation of a design scaled onto the budget) is feasible for the R-step, so a solver without a
     * point leaves it in place instead of restarting from the isotropic fallback; 1e-6 relative above is not.
     */
    @Test
    void incumbentWithinRoundingOfTheIrsBudgetIsKept() {
        Case c = cases().get(0);   // RS-B: sensing at the BS, binding IRS budget
        FangDesigner d = new FangDesigner(c.mode(), c.slots(), c.budget(), OPT, SOLVER, 5, 0);
        List<double[]> psi = d.transmitOnlyReflections();
        RStepProblem data = RStepProblem.of(c.mode(), c.slots(), psi, c.budget(), true);
        List<org.ejml.data.ZMatrixRMaj> start = RStep.fallbackStart(data, true);
        double ps = c.budget().irsPower();
        org.cosense.optim.TraceAffineForm p0 = data.powers().get(0);
        double s = (ps - p0.c()) / (p0.evaluate(start.get(0)) - p0.c());
        org.ejml.data.ZMatrixRMaj r0 = null;
        for (int k = 0; k < 64; k++, s = Math.nextUp(s)) {
            r0 = org.cosense.math.ComplexLinalg.scale(s, start.get(0));
            if (p0.evaluate(r0) > ps) {
                break;
            }
        }
        double excess = p0.evaluate(r0) / ps - 1;
        assertTrue(excess > 0 && excess < 1e-14, "boundary case: relative excess " + excess);
        List<org.ejml.data.ZMatrixRMaj> boundary = new ArrayList<>(start);
        boundary.set(0, r0);
        assertTrue(RStep.feasible(data, boundary, true), "within rounding of P_s");
        List<org.ejml.data.ZMatrixRMaj> over = new ArrayList<>(start);
        over.set(0, org.cosense.math.ComplexLinalg.scale(1 + 1e-6, r0));
        assertTrue(!RStep.feasible(data, over, true), "1e-6 above P_s");

        TraceInverseSolver noPoint = p -> new TraceInverseSolution(Status.NUMERICAL_ERROR, null, Double.NaN, 0, "no point");
        RStep.Result r = RStep.solve(c.mode(), c.slots(), psi, c.budget(), true, boundary, noPoint);
        assertArrayEquals(r0.data, r.covariances().get(0).data, 0, "the incumbent is kept, not the isotropic fallback");
        assertEquals(Status.NUMERICAL_ERROR, r.status());
    }
}
