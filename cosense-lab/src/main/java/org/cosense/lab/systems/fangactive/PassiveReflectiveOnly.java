package org.cosense.lab.systems.fangactive;

import java.util.ArrayList;
import java.util.List;
import org.cosense.optim.TraceInverseSolver;
import org.cosense.systems.fangactive.AoOptions;
import org.cosense.systems.fangactive.AoResult;
import org.cosense.systems.fangactive.Benchmarks;
import org.cosense.systems.fangactive.Budget;
import org.cosense.systems.fangactive.FangDesign;
import org.cosense.systems.fangactive.FangStreams;
import org.cosense.systems.fangactive.IrsSlot;
import org.cosense.systems.fangactive.PsiStep;
import org.cosense.systems.fangactive.SensingMode;
import org.ejml.data.ZMatrixRMaj;

/**
 * The paper's passive benchmark read literally (Section V: "we optimize the reflective beamforming at all IRSs with
 * the constraint [Theta_l]_nn = 1"): the BS transmits isotropically, R_l = (P_t/M) I (as the reflective-only
 * benchmark, [fangactive E11]), and only the unit-modulus reflections are optimized, by passive Psi-steps with R fixed until the
 * relative decrease of the max-CRB is below eps_AO (at most K_AO sweeps). Passive slots: no amplifier noise, no IRS
 * budget. The joint-AO passive IRS ({@code FangDesigner.passive()}) also optimizes R and is the stronger benchmark.
 *
 * <p>Random streams: stage 5 of {@link FangStreams#randomization} (stages 0-4 are the designer's), so the series
 * shares the channels and the starting phases of every other series of the realization.
 */
final class PassiveReflectiveOnly {
    static final int STAGE = 5;

    private PassiveReflectiveOnly() {
    }

    static AoResult design(SensingMode mode, List<IrsSlot> activeSlots, Budget budget, AoOptions options, TraceInverseSolver solver,
            long seed, long draw) {
        List<IrsSlot> slots = Benchmarks.passiveSlots(activeSlots);
        int m = slots.get(0).m();
        List<ZMatrixRMaj> rs = Benchmarks.isotropicCovariances(slots.size(), m, budget.bsPower());
        List<double[]> psi = Benchmarks.randomPassiveReflections(slots.size(), slots.get(0).n(), seed, draw);
        List<Double> trace = new ArrayList<>();
        double j = FangDesign.evaluate(mode, slots, rs, psi).maxCrb();
        trace.add(j);
        int k = 0;
        while (k < options.maxIterations()) {
            List<double[]> next = new ArrayList<>();
            for (int l = 0; l < slots.size(); l++) {
                next.add(PsiStep.run(mode, slots.get(l), rs.get(l), psi.get(l), budget, true, options, solver,
                        FangStreams.randomization(seed, draw, l, 10_000 * STAGE + k)).psi());
            }
            psi = next;
            k++;
            double jn = FangDesign.evaluate(mode, slots, rs, psi).maxCrb();
            trace.add(jn);
            boolean done = Double.isFinite(j) && j - jn <= options.tolerance() * j;
            j = jn;
            if (done) {
                break;
            }
        }
        double[] t = trace.stream().mapToDouble(Double::doubleValue).toArray();
        return new AoResult(FangDesign.evaluate(mode, slots, rs, psi), t, t, k, "passive reflective-only");
    }
}
