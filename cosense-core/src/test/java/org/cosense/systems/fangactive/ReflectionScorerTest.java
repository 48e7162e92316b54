package org.cosense.systems.fangactive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The O(N^2) candidate scorer equals Prop. 1 / Prop. 2 and (8) / (34) as implemented in the modes. */
class ReflectionScorerTest {

    static void assertSame(SensingMode mode, IrsSlot slot, ZMatrixRMaj rs, double[] psi, String id) {
        ReflectionScorer sc = mode.scorer(slot, rs);
        DMatrixRMaj a = mode.fim(slot, psi, rs);
        DMatrixRMaj b = sc.fim(psi);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double scale = Math.sqrt(Math.abs(a.get(i, i) * a.get(j, j)));
                assertEquals(a.get(i, j), b.get(i, j), 1e-10 * scale, id + " F[" + i + "][" + j + "]");
            }
        }
        double c = mode.crb(slot, psi, rs);
        assertEquals(c, sc.crb(psi), 1e-8 * c, id + " CRB");
        double p = mode.irsPower(slot, psi, rs);
        assertEquals(p, sc.irsPower(psi), 1e-12 * p, id + " power");
        double first = SensingAtIrs.INSTANCE.irsPower(slot, psi, rs) - slot.irsNoise() * ComplexLinalg.squaredNorm(psi);
        assertEquals(first, sc.firstPassPower(psi), 1e-12 * p, id + " first-pass power");
    }

    @Test
    void equalsTheClosedFormsOnPaperSizeAndPassiveSlots() {
        RandomStream rng = new RandomStream(41);
        List<IrsSlot> slots = Scenario.paper(16).realization(9, 2);
        for (IrsSlot s : List.of(slots.get(0), slots.get(1), slots.get(0).passive())) {
            for (int k = 0; k < 4; k++) {
                ZMatrixRMaj rs = FangTestInstances.randomPsd(rng, 16, 1 + 5 * k);
                double[] psi = new double[2 * s.n()];
                rng.complexGaussian(psi, 0, s.n(), 4.0);
                for (SensingMode mode : List.of(SensingAtBs.INSTANCE, SensingAtIrs.INSTANCE)) {
                    assertSame(mode, s, rs, psi, mode.getClass().getSimpleName() + " sigma_r=" + s.irsNoise() + " #" + k);
                }
            }
        }
    }

    @Test
    void equalsTheClosedFormsWithUnequalSizes() {
        // M = 3 BS antennas, N = 4 reflecting elements, N̄ = 4 sensors (TinyScenarios)
        RandomStream rng = new RandomStream(42);
        for (IrsSlot s : TinyScenarios.tiny(3).realization(4, 1)) {
            ZMatrixRMaj rs = FangTestInstances.randomPsd(rng, 3, 2);
            double[] psi = new double[2 * s.n()];
            rng.complexGaussian(psi, 0, s.n(), 1.0);
            for (SensingMode mode : List.of(SensingAtBs.INSTANCE, SensingAtIrs.INSTANCE)) {
                assertSame(mode, s, rs, psi, "tiny " + mode.getClass().getSimpleName());
            }
        }
    }
}
