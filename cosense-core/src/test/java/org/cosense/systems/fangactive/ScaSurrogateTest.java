package org.cosense.systems.fangactive;

import static org.cosense.systems.fangactive.FangTestInstances.lift;
import static org.cosense.systems.fangactive.FangTestInstances.randomPsd;
import static org.cosense.systems.fangactive.FangTestInstances.scaledDifference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cosense.bounds.AffineFisherInformation;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.cosense.optim.TraceAffineForm;
import org.cosense.systems.fangactive.FangTestInstances.Instance;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Spec fangactive property 25: the SCA surrogate matches value and first derivative of the frozen-W lifted FIM. */
class ScaSurrogateTest {
    static final List<SensingMode> MODES = List.of(SensingAtBs.INSTANCE, SensingAtIrs.INSTANCE);

    /** The frozen-W lifted FIM at Θ0, as a function of Θ. */
    static DMatrixRMaj frozen(SensingMode mode, IrsSlot s, ZMatrixRMaj rs, ZMatrixRMaj theta0, ZMatrixRMaj theta) {
        return mode instanceof SensingAtBs bs ? bs.lifted(s, rs, theta0).evaluate(theta)
                : ((SensingAtIrs) mode).lifted(s, rs, theta0).evaluate(theta);
    }

    static ZMatrixRMaj randomHermitian(RandomStream rng, int n) {
        return ComplexLinalg.hermitianPart(FangTestInstances.random(rng, n, n));
    }

    static DMatrixRMaj minus(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = a.copy();
        CommonOps_DDRM.subtractEquals(c, b);
        return c;
    }

    /** Max entry difference scaled by sqrt(F_ii F_jj) of the reference FIM {@code scale}. */
    static double scaled(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj scale) {
        double w = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                w = Math.max(w, Math.abs(a.get(i, j) - b.get(i, j)) / Math.sqrt(scale.get(i, i) * scale.get(j, j)));
            }
        }
        return w;
    }

    @Test
    void surrogateValueAndDirectionalDerivativesMatchTheFrozenLiftedFim() {
        RandomStream rng = new RandomStream(31);
        for (long seed : new long[] {3, 4}) {
            Instance in = FangTestInstances.recipe(seed);
            IrsSlot s = in.slot();
            ZMatrixRMaj rs = randomPsd(rng, 4, 3);
            for (ZMatrixRMaj theta0 : List.of(lift(in.psi()), randomPsd(rng, 6, 2))) {
                for (SensingMode mode : MODES) {
                    AffineFisherInformation hat = ScaSurrogate.of(mode, s, rs, theta0);
                    DMatrixRMaj f0 = mode.liftedFim(s, rs, theta0);
                    // value: F̂(Θ0) = F(Θ0) (W evaluated at Θ0 either way)
                    assertTrue(scaledDifference(hat.evaluate(theta0), f0) < 1e-10, mode + " value " + scaledDifference(hat.evaluate(theta0), f0));
                    for (int k = 0; k < 3; k++) {
                        ZMatrixRMaj d = randomHermitian(rng, 6);
                        // F̂ is affine: its directional derivative is F̂(Θ0 + Δ) − F̂(Θ0)
                        DMatrixRMaj dHat = minus(hat.evaluate(ComplexLinalg.add(theta0, d)), hat.evaluate(theta0));
                        double h = 1e-6 * Math.sqrt(ComplexLinalg.complexTrace(ComplexLinalg.product(theta0, theta0)).re());
                        DMatrixRMaj fd = minus(frozen(mode, s, rs, theta0, ComplexLinalg.add(theta0, ComplexLinalg.scale(h, d))),
                                frozen(mode, s, rs, theta0, ComplexLinalg.subtract(theta0, ComplexLinalg.scale(h, d))));
                        CommonOps_DDRM.scale(1 / (2 * h), fd);
                        double err = scaled(dHat, fd, f0);
                        // relative to the size of the derivative itself
                        double size = scaled(dHat, new DMatrixRMaj(4, 4), f0);
                        assertTrue(err < 1e-6 * Math.max(size, 1e-300), mode + " derivative " + err + " / " + size);
                    }
                }
            }
        }
    }

    @Test
    void surrogateIsSymmetricWithHermitianCoefficients() {
        RandomStream rng = new RandomStream(32);
        Instance in = FangTestInstances.recipe(5);
        for (SensingMode mode : MODES) {
            AffineFisherInformation hat = ScaSurrogate.of(mode, in.slot(), randomPsd(rng, 4, 2), lift(in.psi()));
            for (int p = 0; p < 4; p++) {
                for (int q = 0; q < 4; q++) {
                    ZMatrixRMaj m = hat.coefficient(p, q);
                    assertEquals(0, ComplexLinalg.normF(ComplexLinalg.subtract(m, ComplexLinalg.conjugateTranspose(m))), 1e-12 * (1 + ComplexLinalg.normF(m)));
                    assertEquals(0, ComplexLinalg.normF(ComplexLinalg.subtract(m, hat.coefficient(q, p))), 0);
                    assertEquals(hat.constant().get(p, q), hat.constant().get(q, p), 0);
                }
            }
        }
    }

    @Test
    void surrogateIsNotAMinorantInGeneral() {
        // E14: a full step can increase the CRB; here only: F̂ differs from the frozen F away from Θ0
        RandomStream rng = new RandomStream(33);
        Instance in = FangTestInstances.recipe(6);
        ZMatrixRMaj rs = randomPsd(rng, 4, 2);
        ZMatrixRMaj theta0 = lift(in.psi());
        ZMatrixRMaj theta1 = randomPsd(rng, 6, 1);
        AffineFisherInformation hat = ScaSurrogate.of(SensingAtBs.INSTANCE, in.slot(), rs, theta0);
        DMatrixRMaj fz = frozen(SensingAtBs.INSTANCE, in.slot(), rs, theta0, theta1);
        assertTrue(scaledDifference(hat.evaluate(theta1), fz) > 1e-3);
    }

    @Test
    void linearizedPowerEqualsTheExactPowerAndItsTangentAtTheExpansionPoint() {
        RandomStream rng = new RandomStream(34);
        Instance in = FangTestInstances.recipe(7);
        IrsSlot s = in.slot();
        ZMatrixRMaj rs = randomPsd(rng, 4, 3);
        for (ZMatrixRMaj theta0 : List.of(lift(in.psi()), randomPsd(rng, 6, 3))) {
            for (SensingMode mode : MODES) {
                TraceAffineForm p = ScaSurrogate.power(mode, s, rs, theta0);
                double exact = mode.liftedIrsPower(s, rs, theta0);
                assertEquals(exact, p.evaluate(theta0), 1e-12 * exact, mode + " value");
                ZMatrixRMaj d = randomHermitian(rng, 6);
                double h = 1e-5;
                double fd = (mode.liftedIrsPower(s, rs, ComplexLinalg.add(theta0, ComplexLinalg.scale(h, d))) - mode.liftedIrsPower(s, rs, ComplexLinalg.subtract(theta0, ComplexLinalg.scale(h, d))))
                        / (2 * h);
                double lin = p.evaluate(ComplexLinalg.add(theta0, d)) - p.evaluate(theta0);
                assertEquals(fd, lin, 1e-6 * Math.abs(fd) + 1e-9 * exact, mode + " tangent");
            }
            // sensing at IRSs: (47) is exact everywhere
            ZMatrixRMaj other = randomPsd(rng, 6, 2);
            assertEquals(SensingAtIrs.INSTANCE.liftedIrsPower(s, rs, other), ScaSurrogate.power(SensingAtIrs.INSTANCE, s, rs, theta0).evaluate(other),
                    1e-12 * SensingAtIrs.INSTANCE.liftedIrsPower(s, rs, other));
        }
        // at a rank-one Θ0 the linearized BS power equals the design-level power (8)
        ZMatrixRMaj th = lift(in.psi());
        assertEquals(SensingAtBs.INSTANCE.irsPower(s, in.psi(), rs), ScaSurrogate.power(SensingAtBs.INSTANCE, s, rs, th).evaluate(th),
                1e-12 * SensingAtBs.INSTANCE.irsPower(s, in.psi(), rs));
    }
}
