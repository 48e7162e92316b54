package org.cosense.systems.fangactive;

import static org.cosense.systems.fangactive.FangTestInstances.lift;
import static org.cosense.systems.fangactive.FangTestInstances.randomPsd;
import static org.cosense.systems.fangactive.FangTestInstances.scaledDifference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cosense.bounds.AffineFisherInformation;
import org.cosense.bounds.CrbResult;
import org.cosense.channel.ActiveIrs;
import org.cosense.math.Complex;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.cosense.optim.TraceAffineForm;
import org.cosense.systems.fangactive.FangTestInstances.Instance;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Affine structure in R (3.10), lifted forms in Theta (3.11.1), IRS power, identifiability, invariances (spec 6). */
class FimStructureTest {
    static final List<SensingMode> MODES = List.of(SensingAtBs.INSTANCE, SensingAtIrs.INSTANCE);

    @Test
    void affineInCovarianceEqualsTheDirectFimOnRandomCovariances() {
        RandomStream rng = new RandomStream(11);
        Instance in = FangTestInstances.recipe(6);
        for (SensingMode mode : MODES) {
            AffineFisherInformation a = mode.affineInCovariance(in.slot(), in.psi());
            for (int k = 0; k < 4; k++) {
                ZMatrixRMaj r = randomPsd(rng, 4, 1 + k);
                assertTrue(scaledDifference(a.evaluate(r), mode.fim(in.slot(), in.psi(), r)) < 1e-12);
            }
            // property 7: F(R1 + R2) − F_0 = (F(R1) − F_0) + (F(R2) − F_0); M_pq Hermitian
            ZMatrixRMaj r1 = randomPsd(rng, 4, 2);
            ZMatrixRMaj r2 = randomPsd(rng, 4, 3);
            DMatrixRMaj lhs = a.evaluate(ComplexLinalg.add(r1, r2));
            DMatrixRMaj rhs = a.evaluate(r1);
            CommonOps_DDRM.addEquals(rhs, a.evaluate(r2));
            CommonOps_DDRM.subtractEquals(rhs, a.constant());
            assertTrue(scaledDifference(lhs, rhs) < 1e-12);
            for (int p = 0; p < 4; p++) {
                for (int q = 0; q < 4; q++) {
                    ZMatrixRMaj m = a.coefficient(p, q);
                    double err = ComplexLinalg.normF(ComplexLinalg.subtract(m, ComplexLinalg.conjugateTranspose(m)));
                    assertTrue(err <= 1e-12 * Math.max(1, ComplexLinalg.normF(m)));
                }
            }
        }
        // sensing at BS: no constant term
        assertEquals(0, CommonOps_DDRM.elementMaxAbs(SensingAtBs.INSTANCE.affineInCovariance(in.slot(), in.psi()).constant()), 0);
    }

    @Test
    void liftedFimsEqualTheDirectFimAtRankOneTheta() {
        RandomStream rng = new RandomStream(12);
        for (long seed : new long[] {7, 8}) {
            Instance in = FangTestInstances.recipe(seed);
            ZMatrixRMaj r = randomPsd(rng, 4, 3);
            for (SensingMode mode : MODES) {
                DMatrixRMaj direct = mode.fim(in.slot(), in.psi(), r);
                DMatrixRMaj lifted = mode.liftedFim(in.slot(), r, lift(in.psi()));
                assertTrue(scaledDifference(lifted, direct) < 1e-10, mode + ": " + scaledDifference(lifted, direct));
                assertEquals(mode.irsPower(in.slot(), in.psi(), r), mode.liftedIrsPower(in.slot(), r, lift(in.psi())),
                        1e-12 * mode.irsPower(in.slot(), in.psi(), r));
            }
            // frozen-W record evaluated at its own expansion point
            ZMatrixRMaj th = lift(in.psi());
            assertTrue(scaledDifference(SensingAtBs.INSTANCE.lifted(in.slot(), r, th).evaluate(th),
                    SensingAtBs.INSTANCE.fim(in.slot(), in.psi(), r)) < 1e-10);
            assertTrue(scaledDifference(SensingAtIrs.INSTANCE.lifted(in.slot(), r, th).evaluate(th),
                    SensingAtIrs.INSTANCE.fim(in.slot(), in.psi(), r)) < 1e-10);
        }
    }

    @Test
    void liftedIrsModeIsLinearInThetaForFrozenNoiseAndFixedTrace() {
        // Q̄ linear in Θ: with tr Θ fixed (so W̄ and (trΘ)^2 fixed) F̄(Θ1/2 + Θ2/2) = (F̄(Θ1) + F̄(Θ2))/2
        RandomStream rng = new RandomStream(13);
        Instance in = FangTestInstances.recipe(9);
        ZMatrixRMaj r = randomPsd(rng, 4, 2);
        ZMatrixRMaj t1 = randomPsd(rng, 6, 2);
        ZMatrixRMaj t2 = randomPsd(rng, 6, 3);
        t2 = ComplexLinalg.scale(ComplexLinalg.complexTrace(t1).re() / ComplexLinalg.complexTrace(t2).re(), t2);
        DMatrixRMaj mid = SensingAtIrs.INSTANCE.liftedFim(in.slot(), r, ComplexLinalg.scale(0.5, ComplexLinalg.add(t1, t2)));
        DMatrixRMaj avg = SensingAtIrs.INSTANCE.liftedFim(in.slot(), r, t1);
        CommonOps_DDRM.addEquals(avg, SensingAtIrs.INSTANCE.liftedFim(in.slot(), r, t2));
        CommonOps_DDRM.scale(0.5, avg);
        assertTrue(scaledDifference(mid, avg) < 1e-12);
    }

    @Test
    void shermanMorrisonInverse() {
        Instance in = FangTestInstances.recipe(10);
        double tt = ComplexLinalg.squaredNorm(in.psi());
        ZMatrixRMaj w = SensingAtIrs.INSTANCE.inverseNoiseCovariance(in.slot(), tt);
        ZMatrixRMaj prod = ComplexLinalg.product(w, SensingAtIrs.INSTANCE.noiseCovariance(in.slot(), tt));
        assertTrue(ComplexLinalg.normF(ComplexLinalg.subtract(prod, ComplexLinalg.identity(6))) < 1e-13);
    }

    @Test
    void irsPowerFormsAgree() {
        RandomStream rng = new RandomStream(14);
        Instance in = FangTestInstances.recipe(11);
        for (SensingMode mode : MODES) {
            ZMatrixRMaj r = randomPsd(rng, 4, 2);
            double direct = mode.irsPower(in.slot(), in.psi(), r);
            TraceAffineForm pa = mode.powerAffine(in.slot(), in.psi());
            assertEquals(direct, pa.evaluate(r), 1e-12 * direct);
            assertEquals(direct, mode.liftedIrsPower(in.slot(), r, lift(in.psi())), 1e-12 * direct);
        }
        double tt = ComplexLinalg.squaredNorm(in.psi());
        double b2 = in.slot().beta().abs2();
        assertEquals(0.7 * (b2 * tt * tt + 2 * tt), SensingAtBs.INSTANCE.powerAffine(in.slot(), in.psi()).c(), 1e-12);
        assertEquals(0.7 * tt, SensingAtIrs.INSTANCE.powerAffine(in.slot(), in.psi()).c(), 1e-12);
    }

    @Test
    void irsPowerMatchesMonteCarloOfTheTwoAmplificationPasses() {
        // (6)–(7) simulated with s[t] = the columns of S (R_s = S S^H / T_L), property 15
        Instance in = FangTestInstances.recipe(12);
        IrsSlot s = in.slot();
        ActiveIrs irs = ActiveIrs.active(10, s.irsNoise());
        RandomStream rng = new RandomStream(99);
        ZMatrixRMaj a = ComplexLinalg.columnVector(s.steering());
        ZMatrixRMaj e = ComplexLinalg.scale(s.beta(), ComplexLinalg.product(a, ComplexLinalg.transpose(a)));
        int draws = 200_000;
        double p1 = 0;
        double p2 = 0;
        int tl = in.s().numCols;
        for (int k = 0; k < draws; k++) {
            double[] st = ComplexLinalg.column(ComplexLinalg.product(s.channel(), ComplexLinalg.columns(in.s(), k % tl, k % tl + 1)), 0);
            double[] x1 = irs.amplify(in.psi(), st, rng);
            double[] x2 = irs.amplify(in.psi(), ComplexLinalg.column(ComplexLinalg.product(e, ComplexLinalg.columnVector(x1)), 0), rng);
            p1 += ComplexLinalg.squaredNorm(x1);
            p2 += ComplexLinalg.squaredNorm(x2);
        }
        p1 /= draws;
        p2 /= draws;
        double bsMode = SensingAtBs.INSTANCE.irsPower(s, in.psi(), in.rs());
        double irsMode = SensingAtIrs.INSTANCE.irsPower(s, in.psi(), in.rs());
        assertEquals(irsMode, p1, 0.01 * irsMode);
        assertEquals(bsMode, p1 + p2, 0.01 * bsMode);
    }

    @Test
    void unidentifiableCasesGiveInfiniteCrbWithAReason() {
        Instance in = FangTestInstances.recipe(13);
        // property 8: F̄(0) = F̄_0 has rank 3
        DMatrixRMaj f0 = SensingAtIrs.INSTANCE.affineInCovariance(in.slot(), in.psi()).constant();
        CrbResult c = FangBounds.crb(f0);
        assertFalse(c.identifiable());
        assertEquals(3, c.rank());
        assertEquals(Double.POSITIVE_INFINITY, FangBounds.traceCrb(f0));
        assertFalse(c.reason().isEmpty());
        // property 9: rank-one G at the BS: rank 2
        IrsSlot los = in.slot().withChannel(ReferenceInstancesTestSupport.rankOne(in.slot()));
        DMatrixRMaj f = SensingAtBs.INSTANCE.fim(los, in.psi(), in.rs());
        assertEquals(2, FangBounds.crb(f).rank());
        assertEquals(Double.POSITIVE_INFINITY, SensingAtBs.INSTANCE.crb(los, in.psi(), in.rs()));
        assertTrue(Double.isFinite(SensingAtBs.INSTANCE.crb(in.slot(), in.psi(), in.rs())));
    }

    @Test
    void crbInvariances() {
        Instance in = FangTestInstances.recipe(14);
        for (SensingMode mode : MODES) {
            double base = mode.crb(in.slot(), in.psi(), in.rs());
            // property 6: phase of beta
            IrsSlot rotated = in.slot().withBeta(in.slot().beta().times(Complex.polar(1, 1.234)));
            assertEquals(base, mode.crb(rotated, in.psi(), in.rs()), 1e-10 * base);
            // property 10: doubling T_c halves the CRB
            assertEquals(base / 2, mode.crb(in.slot().withSnapshots(2 * in.slot().snapshots()), in.psi(), in.rs()), 1e-12 * base);
            // property 11: (R_s, noises) -> alpha (R_s, noises) leaves F unchanged
            DMatrixRMaj f = mode.fim(in.slot(), in.psi(), in.rs());
            DMatrixRMaj g = mode.fim(in.slot().withNoisesScaled(7), in.psi(), ComplexLinalg.scale(7, in.rs()));
            assertTrue(scaledDifference(g, f) < 1e-12);
        }
    }
}
