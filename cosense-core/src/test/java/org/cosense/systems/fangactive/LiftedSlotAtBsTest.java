package org.cosense.systems.fangactive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.cosense.math.Complex;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Sensing at the BS as a function of Θ with the slot's R_s-only parts formed once and the diagonal products as scalings
 * ({@link LiftedSlotAtBs}, {@link LiftedFimBs}) gives the doubles of Lemma 1 written with dense products, bit for bit:
 * the AO is nonconvex and carries any rounding change into the design, so this is what keeps the designs unchanged.
 * Paper scene (N = 16 with Z_θ, Z_φ having exact zeros, M = 16).
 */
class LiftedSlotAtBsTest {
    /** R2 = A^H G^* W G^T A with W = (σ_r^2 G^T Diag(Θ0) G^* + σ_b^2 I)^{-1}, every product dense, left to right. */
    static ZMatrixRMaj denseR2(IrsSlot s, ZMatrixRMaj theta0) {
        ZMatrixRMaj g = s.channel();
        ZMatrixRMaj w = ComplexLinalg.inverse(ComplexLinalg.plusIdentity(ComplexLinalg.scale(s.irsNoise(),
                ComplexLinalg.product(ComplexLinalg.transpose(g), ComplexLinalg.diagonalPart(theta0), ComplexLinalg.conjugate(g))), s.bsNoise()));
        ZMatrixRMaj a = ComplexLinalg.diagonal(s.steering());
        return ComplexLinalg.product(ComplexLinalg.conjugateTranspose(a), ComplexLinalg.conjugate(g), w, ComplexLinalg.transpose(g), a);
    }

    /** Lemma 1 (55)–(63) with every product of Z_θ, Z_φ, R1, R2 dense. */
    static DMatrixRMaj denseEvaluate(ZMatrixRMaj r1, ZMatrixRMaj r2, IrsSlot s, ZMatrixRMaj theta) {
        ZMatrixRMaj[] z = {s.reflector().zTheta(s.theta(), s.phi()), s.reflector().zPhi(s.theta(), s.phi())};
        ZMatrixRMaj[] zh = {ComplexLinalg.conjugateTranspose(z[0]), ComplexLinalg.conjugateTranspose(z[1])};
        Complex u0 = LiftedFimBs.trT(r1, theta);
        Complex v0 = ComplexLinalg.traceOfProduct(r2, theta);
        double f2 = 2 * s.snapshots();
        Complex beta = s.beta();
        DMatrixRMaj f = new DMatrixRMaj(4, 4);
        for (int r = 0; r < 2; r++) {
            for (int v = 0; v < 2; v++) {
                Complex q = u0.times(ComplexLinalg.traceOfProduct(ComplexLinalg.product(zh[r], r2, z[v]), theta))
                        .plus(LiftedFimBs.trT(ComplexLinalg.product(z[v], r1), theta).times(ComplexLinalg.traceOfProduct(ComplexLinalg.product(zh[r], r2), theta)))
                        .plus(LiftedFimBs.trT(ComplexLinalg.product(r1, zh[r]), theta).times(ComplexLinalg.traceOfProduct(ComplexLinalg.product(r2, z[v]), theta)))
                        .plus(LiftedFimBs.trT(ComplexLinalg.product(z[v], r1, zh[r]), theta).times(v0));
                f.set(r, v, f2 * beta.abs2() * q.re());
            }
            Complex qb = u0.times(ComplexLinalg.traceOfProduct(ComplexLinalg.product(zh[r], r2), theta))
                    .plus(LiftedFimBs.trT(ComplexLinalg.product(r1, zh[r]), theta).times(v0));
            Complex bq = beta.conj().times(qb);
            f.set(r, 2, f2 * bq.re());
            f.set(r, 3, -f2 * bq.im());
            f.set(2, r, f.get(r, 2));
            f.set(3, r, f.get(r, 3));
        }
        double bb = f2 * u0.times(v0).re();
        f.set(2, 2, bb);
        f.set(3, 3, bb);
        return f;
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        assertEquals(Arrays.toString(expected), Arrays.toString(actual), what);
        for (int k = 0; k < expected.length; k++) {
            if (expected[k] != 0) {
                assertEquals(Double.doubleToRawLongBits(expected[k]), Double.doubleToRawLongBits(actual[k]), what + " entry " + k);
            }
        }
    }

    @Test
    void formsOnceAndScalingsGiveTheDenseLemma1BitForBit() {
        RandomStream rng = new RandomStream(21);
        List<IrsSlot> slots = Scenario.paper(16).realization(3, 0);
        for (IrsSlot s : slots) {
            ZMatrixRMaj rs = ComplexLinalg.scale(0.5, FangTestInstances.randomPsd(rng, s.m(), 3));
            LiftedSlotAtBs lifted = new LiftedSlotAtBs(s, rs);
            for (int k = 0; k < 3; k++) {
                ZMatrixRMaj theta0 = ComplexLinalg.scale(4, FangTestInstances.randomPsd(rng, s.n(), 1 + k));
                ZMatrixRMaj theta = ComplexLinalg.scale(4, FangTestInstances.randomPsd(rng, s.n(), 2));
                LiftedFimBs lf = lifted.lifted(theta0);
                ZMatrixRMaj a = ComplexLinalg.diagonal(s.steering());
                ZMatrixRMaj r1 = ComplexLinalg.product(a, s.channel(), rs, ComplexLinalg.conjugateTranspose(s.channel()), ComplexLinalg.conjugateTranspose(a));
                assertBits(r1.data, lf.r1().data, "R1");
                assertBits(denseR2(s, theta0).data, lf.r2().data, "R2");
                assertBits(denseEvaluate(r1, lf.r2(), s, theta).data, lf.evaluate(theta).data, "F(Θ) at frozen W");
                assertBits(denseEvaluate(r1, lf.r2(), s, theta0).data, lifted.liftedFim(theta0).data, "F(Θ0)");
                // the R_s-only parts are those of the stateless forms for any later Θ of the same slot and R_s
                assertEquals(Double.doubleToRawLongBits(SensingAtBs.INSTANCE.liftedIrsPower(s, rs, theta)),
                        Double.doubleToRawLongBits(lifted.liftedIrsPower(theta)), "lifted power (23a)-(23d)");
                assertEquals(Double.doubleToRawLongBits(SensingAtIrs.INSTANCE.liftedIrsPower(s, rs, theta)),
                        Double.doubleToRawLongBits(lifted.firstPassPower(theta)), "first-pass power (47)");
            }
        }
    }
}
