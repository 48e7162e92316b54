package org.cosense.systems.fangactive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.cosense.optim.TraceInverseProgram;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Spec fangactive properties 26, 27 (Psi-step part), 29 (reflection part), 30 (passive). */
class PsiStepTest {
    static final ReferenceBarrierSolver SOLVER = new ReferenceBarrierSolver();
    static final AoOptions OPT = new AoOptions(3, 1e-3, 6, 200, false);

    record Case(String id, SensingMode mode, IrsSlot slot, ZMatrixRMaj rs, double[] psi, Budget budget) {
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        ReferenceInstances.Instance b = ReferenceInstances.rsB();
        ReferenceInstances.Instance a = ReferenceInstances.rsA();
        for (int l = 0; l < 2; l++) {
            ZMatrixRMaj iso = Benchmarks.isotropicCovariance(4, 1);
            // budgets with room above the input's power, a_max above its amplitude 1.5
            double pb = SensingAtBs.INSTANCE.irsPower(b.slots().get(l), b.reflections().get(l), iso);
            out.add(new Case("RS-B/" + l, SensingAtBs.INSTANCE, b.slots().get(l), iso, b.reflections().get(l), new Budget(1, 1.3 * pb, 2)));
            double pa = SensingAtIrs.INSTANCE.irsPower(a.slots().get(l), a.reflections().get(l), iso);
            out.add(new Case("RS-A/" + l, SensingAtIrs.INSTANCE, a.slots().get(l), iso, a.reflections().get(l), new Budget(1, 1.3 * pa, 2)));
        }
        List<IrsSlot> sc = TinyScenarios.tiny(4).realization(5, 0);
        Budget paper = new Budget(20, 0.1, 8);
        for (SensingMode mode : List.of(SensingAtBs.INSTANCE, SensingAtIrs.INSTANCE)) {
            ZMatrixRMaj iso = Benchmarks.isotropicCovariance(4, 20);
            double[] unit = Benchmarks.randomPhaseReflections(1, 4, 1, 5, 0).get(0);
            double[] psi = Benchmarks.scaleToBudget(mode, sc.get(0), unit, iso, 0.1, 8);
            out.add(new Case("scenario/" + mode.getClass().getSimpleName(), mode, sc.get(0), iso, psi, paper));
        }
        return out;
    }

    static double maxAmplitude(double[] psi) {
        double m = 0;
        for (int k = 0; k < psi.length / 2; k++) {
            m = Math.max(m, Math.hypot(psi[2 * k], psi[2 * k + 1]));
        }
        return m;
    }

    @Test
    void safeguardedScaIsMonotoneAndTheStepNeverIncreasesTheCrbAndStaysFeasible() {
        int improvedRelaxed = 0;
        for (Case c : cases()) {
            assertTrue(c.mode().irsPower(c.slot(), c.psi(), c.rs()) <= c.budget().irsPower() * (1 + 1e-12), c.id() + " input feasible");
            PsiStep.Result r = PsiStep.run(c.mode(), c.slot(), c.rs(), c.psi(), c.budget(), false, OPT, SOLVER, FangStreams.randomization(1, 0, 0, 0));
            double[] j = r.relaxedTrace();
            for (int i = 1; i < j.length; i++) {
                assertTrue(j[i] <= j[i - 1], c.id() + ": J increased at " + i + ": " + j[i - 1] + " -> " + j[i]); // property 26
            }
            if (j.length > 1 && j[j.length - 1] < 0.99 * j[0]) {
                improvedRelaxed++;
            }
            assertEquals(c.mode().crb(c.slot(), c.psi(), c.rs()), r.crbIn(), 0);
            assertTrue(r.crb() <= r.crbIn(), c.id()); // property 27
            assertEquals(c.mode().crb(c.slot(), r.psi(), c.rs()), r.crb(), 0);
            assertTrue(maxAmplitude(r.psi()) <= c.budget().maxAmplitude() * (1 + 1e-9), c.id() + " amplitude");
            assertTrue(c.mode().irsPower(c.slot(), r.psi(), c.rs()) <= c.budget().irsPower() * (1 + 1e-9), c.id() + " power");
            // Q draws, or none when the SCA ended on a numerically rank-one Θ ([fangactive S3.15.3])
            assertTrue(r.draws() == OPT.randomizationDraws() || r.draws() == 0, c.id() + " draws " + r.draws());
            assertTrue(r.candidates() > r.draws());
        }
        assertTrue(improvedRelaxed >= 3, "the SCA should decrease the relaxed objective on most cases: " + improvedRelaxed);
    }

    @Test
    void theStepImprovesAPoorStart() {
        // a weak uniform start (amplitude 0.2, random phases) leaves room: the step must find a better psi
        for (Case c : cases()) {
            double[] weak = Benchmarks.scaled(Benchmarks.randomPhaseReflections(1, 4, 1, 9, 1).get(0), 0.2 * maxAmplitude(c.psi()));
            PsiStep.Result r = PsiStep.run(c.mode(), c.slot(), c.rs(), weak, c.budget(), false, OPT, SOLVER, FangStreams.randomization(1, 0, 0, 1));
            assertTrue(r.crb() < 0.9 * r.crbIn(), c.id() + ": " + r.crbIn() + " -> " + r.crb());
        }
    }

    @Test
    void scaProgressesFromAStartOnTheBudgetBoundary() {
        // the reflective-only start: random phases at the largest amplitude meeting P_s (budget binds before a_max)
        for (Case c : cases().subList(4, 6)) {
            double p = c.mode().irsPower(c.slot(), c.psi(), c.rs());
            assertEquals(c.budget().irsPower(), p, 1e-9 * p, c.id() + " on the boundary");
            PsiStep.Result r = PsiStep.run(c.mode(), c.slot(), c.rs(), c.psi(), c.budget(), false, OPT, SOLVER, FangStreams.randomization(1, 0, 0, 3));
            double[] j = r.relaxedTrace();
            assertTrue(j.length > 1 && j[j.length - 1] < 0.999 * j[0], c.id() + ": SCA stalled " + java.util.Arrays.toString(j));
            assertTrue(r.crb() < r.crbIn(), c.id());
        }
    }

    @Test
    void deterministicForTheSameStream() {
        Case c = cases().get(0);
        PsiStep.Result a = PsiStep.run(c.mode(), c.slot(), c.rs(), c.psi(), c.budget(), false, OPT, SOLVER, FangStreams.randomization(3, 4, 0, 2));
        PsiStep.Result b = PsiStep.run(c.mode(), c.slot(), c.rs(), c.psi(), c.budget(), false, OPT, SOLVER, FangStreams.randomization(3, 4, 0, 2));
        assertArrayEquals(a.psi(), b.psi(), 0);
        assertArrayEquals(a.relaxedTrace(), b.relaxedTrace(), 0);
    }

    @Test
    void passiveStepKeepsUnitModulusAndNeverIncreasesTheCrb() {
        for (Case c : cases()) {
            IrsSlot p = c.slot().passive();
            double[] start = Benchmarks.randomPassiveReflections(1, 4, 2, 0).get(0);
            PsiStep.Result r = PsiStep.run(c.mode(), p, c.rs(), start, c.budget(), true, OPT, SOLVER, FangStreams.randomization(2, 0, 0, 0));
            for (int k = 0; k < 4; k++) {
                assertEquals(1, Math.hypot(r.psi()[2 * k], r.psi()[2 * k + 1]), 1e-15, c.id()); // property 30
            }
            assertTrue(r.crb() <= r.crbIn());
            double[] j = r.relaxedTrace();
            for (int i = 1; i < j.length; i++) {
                assertTrue(j[i] <= j[i - 1]);
            }
        }
        // sigma_r = 0 removes the covariance part (property 30)
        Case c = cases().get(1);
        assertEquals(0, org.ejml.dense.row.CommonOps_DDRM.elementMaxAbs(
                SensingAtIrs.INSTANCE.affineInCovariance(c.slot().passive(), c.psi()).constant()), 0);
    }

    @Test
    void sdrProgramStartsAtObjectiveOneWithFeasibleStart() {
        for (Case c : cases()) {
            ZMatrixRMaj th = FangLift.lift(c.psi());
            TraceInverseProgram p = PsiStep.program(c.mode(), c.slot(), c.rs(), th, c.budget(), false);
            assertEquals(1, p.objective(p.start()), 1e-9, c.id());
            assertTrue(p.maxViolation(p.start()) <= 1e-12, c.id() + " " + p.maxViolation(p.start()));
        }
    }
}
