package org.cosense.systems.fangactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.cosense.optim.LinearConstraint;
import org.cosense.optim.Status;
import org.cosense.optim.TraceInverseProgram;
import org.cosense.optim.TraceInverseSolution;
import org.cosense.optim.TraceInverseSolver;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The callers of {@link TraceInverseSolver} never trust it: a solver that returns wrong, infeasible or no
 * points cannot make a design infeasible or the AO non-monotone; and the programs posed are the documented ones.
 */
class SolverContractTest {

    /** Returns random Hermitian PSD blocks far outside the feasible set, or fails, alternately. */
    static TraceInverseSolver adversarial(long seed) {
        RandomStream rng = new RandomStream(seed);
        int[] calls = {0};
        return p -> {
            calls[0]++;
            if (calls[0] % 3 == 0) {
                return new TraceInverseSolution(Status.NUMERICAL_ERROR, null, Double.NaN, 0, "adversarial");
            }
            List<ZMatrixRMaj> x = new ArrayList<>();
            for (int n : p.blockSizes()) {
                ZMatrixRMaj r = FangTestInstances.randomPsd(rng, n, 1 + rng.nextInt(n));
                // sometimes slightly indefinite, always too large
                x.add(ComplexLinalg.plusIdentity(ComplexLinalg.scale(10, r), calls[0] % 2 == 0 ? -1e-3 : 0));
            }
            return new TraceInverseSolution(Status.ITERATION_LIMIT, x, p.objective(x), 1, "adversarial");
        };
    }

    @Test
    void aWrongSolverCannotBreakFeasibilityOrMonotonicity() {
        for (FangDesignerTest.Case c : FangDesignerTest.cases()) {
            FangDesigner d = new FangDesigner(c.mode(), c.slots(), c.budget(), AoOptions.quick(), adversarial(5), 11, 0);
            for (AoResult r : List.of(d.proposed(), d.transmitOnly(), d.reflectiveOnly())) {
                FangDesignerTest.assertNonincreasing(c.id() + " " + r.start(), r.halfSteps());
                assertTrue(r.design().worstSlack(c.mode(), c.slots(), c.budget(), false) >= -1e-9, c.id() + " " + r.start());
            }
            AoResult p = d.passive();
            FangDesignerTest.assertNonincreasing(c.id() + " passive", p.halfSteps());
            assertTrue(p.design().worstSlack(c.mode(), Benchmarks.passiveSlots(c.slots()), c.budget(), true) >= -1e-9);
        }
    }

    @Test
    void rStepProgramIsTheDocumentedOne() {
        FangDesignerTest.Case c = FangDesignerTest.cases().get(0); // RS-B, P_t = 1, P_s = 5
        List<double[]> psi = ReferenceInstances.rsB().reflections();
        RStepProblem data = RStepProblem.of(c.mode(), c.slots(), psi, c.budget(), true);
        List<ZMatrixRMaj> r0 = RStep.fallbackStart(data, true);
        TraceInverseProgram p = RStep.program(data, true, r0);
        // normalized: kappa = 1 at the start; X = R / P_t; 1 + L constraints
        assertEquals(1, p.objective(p.start()), 1e-12);
        assertEquals(3, p.constraints().size());
        RandomStream rng = new RandomStream(8);
        List<ZMatrixRMaj> r = List.of(FangTestInstances.randomPsd(rng, 4, 2), FangTestInstances.randomPsd(rng, 4, 3));
        List<ZMatrixRMaj> x = r.stream().map(m -> ComplexLinalg.scale(1 / c.budget().bsPower(), m)).toList();
        double nu = data.objective(r0);
        assertEquals(data.objective(r), nu * p.objective(x), 1e-10 * data.objective(r));
        double tr = ComplexLinalg.complexTrace(r.get(0)).re() + ComplexLinalg.complexTrace(r.get(1)).re();
        assertEquals(tr / c.budget().bsPower() - 2, p.constraints().get(0).value(x), 1e-12);
        for (int l = 0; l < 2; l++) {
            double pw = c.mode().irsPower(c.slots().get(l), psi.get(l), r.get(l));
            assertEquals((pw - c.budget().irsPower()) / c.budget().irsPower(), p.constraints().get(1 + l).value(x), 1e-12 * (1 + pw));
        }
        // the passive benchmark's R-step has only (18b)
        assertEquals(1, RStep.program(data, false, r0).constraints().size());
    }

    @Test
    void sdrProgramIsTheDocumentedOne() {
        FangDesignerTest.Case c = FangDesignerTest.cases().get(2); // scene, sensing at BS, M = 2
        IrsSlot s = c.slots().get(0);
        ZMatrixRMaj rs = Benchmarks.isotropicCovariance(s.m(), c.budget().bsPower());
        double[] psi = Benchmarks.scaleToBudget(c.mode(), s, Benchmarks.randomPhaseReflections(1, 4, 1, 1, 0).get(0), rs,
                c.budget().irsPower(), c.budget().maxAmplitude());
        ZMatrixRMaj th = FangLift.lift(psi);
        TraceInverseProgram p = PsiStep.program(c.mode(), s, rs, th, c.budget(), false);
        assertEquals(5, p.constraints().size()); // N diagonal bounds + power
        double a2 = c.budget().maxAmplitude() * c.budget().maxAmplitude();
        RandomStream rng = new RandomStream(9);
        ZMatrixRMaj pert = FangTestInstances.randomPsd(rng, 4, 2);
        ZMatrixRMaj theta = ComplexLinalg.add(th, ComplexLinalg.scale(0.05 * ComplexLinalg.complexTrace(th).re() / ComplexLinalg.complexTrace(pert).re(), pert)); // near Θ0: F̂ ≻ 0
        ZMatrixRMaj x = ComplexLinalg.scale(1 / a2, theta);
        double nu = PsiStep.relaxedObjective(c.mode(), s, rs, th);
        double surrogate = FangBounds.traceCrb(ScaSurrogate.of(c.mode(), s, rs, th).evaluate(theta));
        assertTrue(Double.isFinite(surrogate));
        assertEquals(surrogate, nu * p.objective(List.of(x)), 1e-8 * surrogate);
        double lin = ScaSurrogate.power(c.mode(), s, rs, th).evaluate(theta);
        assertEquals((lin - c.budget().irsPower()) / c.budget().irsPower(), p.constraints().get(4).value(List.of(x)), 1e-12 * (1 + lin));
        assertEquals(theta.getReal(2, 2) / a2 - 1, p.constraints().get(2).value(List.of(x)), 1e-15);
        TraceInverseProgram passive = PsiStep.program(c.mode(), s.passive(), rs, FangLift.lift(Benchmarks.unitModulus(psi)), c.budget(), true);
        assertEquals(4, passive.constraints().size());
        assertTrue(passive.constraints().stream().allMatch(k -> k.kind() == LinearConstraint.Kind.EQUAL_ZERO));
    }
}
