package org.cosense.systems.fangactive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.bounds.CrbResult;
import org.cosense.channel.ActiveIrs;
import org.cosense.channel.RicianChannel;
import org.cosense.geom.Vec3;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.ThinSvd;
import org.cosense.math.Db;
import org.cosense.math.RandomStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The paper's scenario (spec fangactive 2.2, 3.13; properties 12, 16–18) and the benchmarks' fixed parts (3.12). */
class ScenarioTest {

    @Test
    void channelsAreNestedInTheNumberOfBsAntennas() {
        // column-by-column draws: the channel to the first 8 of 16 antennas is the 8-antenna channel (common random numbers in M)
        List<IrsSlot> small = Scenario.paper(8).realization(3, 5);
        List<IrsSlot> large = Scenario.paper(16).realization(3, 5);
        for (int l = 0; l < 2; l++) {
            org.ejml.data.ZMatrixRMaj a = small.get(l).channel();
            org.ejml.data.ZMatrixRMaj b = large.get(l).channel();
            for (int i = 0; i < a.numRows; i++) {
                for (int j = 0; j < a.numCols; j++) {
                    assertEquals(a.getReal(i, j), b.getReal(i, j), 1e-15 * (1 + Math.abs(a.getReal(i, j))));
                    assertEquals(a.getImag(i, j), b.getImag(i, j), 1e-15 * (1 + Math.abs(a.getImag(i, j))));
                }
            }
        }
    }

    @Test
    void geometryOfTheAssumedFrames() {
        Scenario sc = Scenario.paper(16);
        double deg = Math.PI / 180;
        assertEquals(90, sc.targetAngles(0)[0] / deg, 1e-9);
        assertEquals(63.43, sc.targetAngles(0)[1] / deg, 5e-3);
        assertEquals(116.57, sc.targetAngles(1)[1] / deg, 5e-3);
        assertEquals(153.43, sc.bsAngles(0)[1] / deg, 5e-3);
        assertEquals(165.96, sc.bsAngles(1)[1] / deg, 5e-3);
        assertEquals(11.180, sc.irsTargetDistance(0), 1e-3);
        assertEquals(11.180, sc.irsTargetDistance(1), 1e-3);
        assertEquals(11.180, sc.bsIrsDistance(0), 1e-3);
        assertEquals(20.616, sc.bsIrsDistance(1), 1e-3);
        assertEquals(-0.4472, sc.bsCosine(0), 1e-4);
        assertEquals(-0.2425, sc.bsCosine(1), 1e-4);
        assertEquals(-101.94, Db.linearToDb(sc.beta(0).abs2()), 5e-3);
        assertEquals(50, sc.slotLength(), 0);
        assertEquals(3.1623, sc.channelModel(0).kFactor(), 1e-4);
        assertEquals(Db.dbToLinear(-20) * Math.pow(11.18034, -2.2), sc.channelModel(0).powerGain(), 1e-9);
    }

    @Test
    void realizationsAreDeterministicPerSeedAndDrawAndRician() {
        Scenario sc = Scenario.paper(8);
        List<IrsSlot> a = sc.realization(5, 3);
        List<IrsSlot> b = sc.realization(5, 3);
        List<IrsSlot> c = sc.realization(5, 4);
        assertArrayEquals(a.get(1).channel().data, b.get(1).channel().data);
        assertTrue(a.get(1).channel().data[0] != c.get(1).channel().data[0]);
        // the same draw at another M changes only the channel's shape, nothing else
        assertEquals(16, a.get(0).n());
        assertEquals(8, a.get(0).m());
        // mean over draws of G -> sqrt(PL) sqrt(K/(K+1)) a b^T
        RicianChannel ch = sc.channelModel(0);
        ZMatrixRMaj los = ch.compose(sc.irsSteeringTowardsBs(0), sc.bsSteeringTowardsIrs(0), new ZMatrixRMaj(16, 8));
        ZMatrixRMaj mean = new ZMatrixRMaj(16, 8);
        int draws = 2000;
        for (int t = 0; t < draws; t++) {
            mean = ComplexLinalg.add(mean, sc.realization(9, t).get(0).channel());
        }
        mean = ComplexLinalg.scale(1.0 / draws, mean);
        double nlosStd = Math.sqrt(ch.powerGain() / (ch.kFactor() + 1) / draws);
        assertTrue(ComplexLinalg.normF(ComplexLinalg.subtract(mean, los)) < 4 * nlosStd * Math.sqrt(16 * 8));
        assertTrue(ThinSvd.decompose(a.get(0).channel()).rank() >= 2);
    }

    @Test
    void validationNamesParameterValueAndAllowedRange() {
        Scenario sc = Scenario.paper(16);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Scenario(sc.bs(), sc.bsAxis(), sc.irsPositions(),
                sc.irsFrames(), Vec3.of(-10, 15, 0), sc.bsArray(), sc.reflector(), sc.sensors(), 5, -20, 2.2, -30, 2, 0, 1e-11, 1e-11, 1e-11,
                100));
        assertTrue(e.getMessage().contains("IRS 1 normal") && e.getMessage().contains("target"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> sc.withBlockLength(1));
        assertThrows(InvalidInputException.class, () -> new Budget(-1, 0.1, 8));
        assertThrows(InvalidInputException.class, () -> new RicianChannel(-1, 1));
    }

    @Test
    void nominalScenarioMagnitudes() {
        // properties 16–17 at a plausible design: isotropic R at 20 W, random phases at a_max = 8
        Scenario sc = Scenario.paper(16);
        List<IrsSlot> slots = sc.realization(1, 0);
        List<double[]> psi = Benchmarks.randomPhaseReflections(2, 16, 8, 1, 0);
        ZMatrixRMaj r = Benchmarks.isotropicCovariance(16, 20);
        for (int l = 0; l < 2; l++) {
            IrsSlot s = slots.get(l);
            DMatrixRMaj f = SensingAtBs.INSTANCE.fim(s, psi.get(l), r);
            CrbResult c = FangBounds.crb(f);
            double share = (c.variance(2) + c.variance(3)) / c.sumOfVariances(0, 1, 2, 3);
            assertTrue(share < 1e-6, "beta share " + share);
            double exact = FangBounds.traceCrb(SensingAtBs.INSTANCE.exactFim(s, psi.get(l), r));
            double approx = FangBounds.traceCrb(f);
            assertTrue(Math.abs(exact - approx) / approx < 1e-6);
            assertTrue(Double.isFinite(SensingAtIrs.INSTANCE.crb(s, psi.get(l), r)));
            // the echo re-amplification is a tiny part of the IRS power (3.4)
            double pBs = SensingAtBs.INSTANCE.irsPower(s, psi.get(l), r);
            double pIrs = SensingAtIrs.INSTANCE.irsPower(s, psi.get(l), r) + s.irsNoise() * ComplexLinalg.squaredNorm(psi.get(l));
            assertTrue(Math.abs(pBs - pIrs) / pBs < 1e-4);
        }
    }

    @Test
    void pureLosIsotropicSensorModeIsIndependentOfM() {
        // property 12: K -> infinity, R = (P/M) I, fixed psi: CRB and IRS power do not depend on M
        double[] psi = ActiveIrs.randomPhases(16, 2, new RandomStream(3));
        double crb4 = 0;
        double pow4 = 0;
        for (int m : new int[] {4, 32}) {
            Scenario sc = Scenario.paper(m);
            IrsSlot s = sc.slot(0, RicianChannel.outerTranspose(sc.irsSteeringTowardsBs(0), sc.bsSteeringTowardsIrs(0)));
            ZMatrixRMaj r = Benchmarks.isotropicCovariance(m, 20);
            double crb = SensingAtIrs.INSTANCE.crb(s, psi, r);
            double pow = SensingAtIrs.INSTANCE.irsPower(s, psi, r);
            if (m == 4) {
                crb4 = crb;
                pow4 = pow;
            } else {
                assertEquals(crb4, crb, 1e-9 * crb4);
                assertEquals(pow4, pow, 1e-9 * pow4);
            }
        }
    }

    @Test
    void benchmarkFixedParts() {
        List<double[]> a = Benchmarks.randomPhaseReflections(2, 16, 8, 7, 2);
        List<double[]> b = Benchmarks.randomPhaseReflections(2, 16, 8, 7, 2);
        assertArrayEquals(a.get(1), b.get(1));
        for (int k = 0; k < 16; k++) {
            assertEquals(8, Math.hypot(a.get(0)[2 * k], a.get(0)[2 * k + 1]), 1e-12);
        }
        ActiveIrs.active(8, 1e-11).requireFeasible(a.get(0));
        ZMatrixRMaj r = Benchmarks.isotropicCovariance(16, 20);
        assertEquals(20, ComplexLinalg.complexTrace(r).re(), 1e-12);
        double[] passive = Benchmarks.unitModulus(a.get(0));
        ActiveIrs.passiveSurface().requireFeasible(passive);
        assertThrows(InvalidInputException.class, () -> ActiveIrs.passiveSurface().requireFeasible(a.get(0)));
        // passive slots: no amplifier noise, so sensing at IRSs has no covariance part (property 30)
        Scenario sc = Scenario.paper(16);
        List<IrsSlot> slots = Benchmarks.passiveSlots(sc.realization(1, 0));
        assertEquals(0, slots.get(0).irsNoise(), 0);
        DMatrixRMaj f0 = SensingAtIrs.INSTANCE.affineInCovariance(slots.get(0), passive).constant();
        for (double v : f0.data) {
            assertEquals(0, v, 0);
        }
        // budget scaling: the IRS power of the scaled reflection meets P_s exactly (or a_max binds)
        for (SensingMode mode : List.of(SensingAtBs.INSTANCE, SensingAtIrs.INSTANCE)) {
            IrsSlot s = sc.realization(1, 0).get(0);
            double[] scaled = Benchmarks.scaleToBudget(mode, s, passive, r, 0.1, 8);
            assertEquals(0.1, mode.irsPower(s, scaled, r), 1e-9 * 0.1);
            double[] capped = Benchmarks.scaleToBudget(mode, s, passive, r, 1e9, 8);
            assertEquals(8, Math.hypot(capped[0], capped[1]), 1e-12);
        }
    }
}
