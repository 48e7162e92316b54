package org.cosense.systems.zhanghybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.estimation.delay.CyclicDelayEstimator;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.cosense.signal.CyclicWaveform;
import org.ejml.data.ZMatrixRMaj;
import org.cosense.math.Complex;
import org.junit.jupiter.api.Test;

/** The simulated sensor signals against the model, and the matched filter against the delay bound ([zhanghybrid C17]). */
class CascadedObservationsTest {
    static final HybridScene SCENE = new HybridScene(HybridScene.paperIrs(), new double[] {28, -6});

    @Test
    void noiseFreeObservationIsTheRankOneModel() {
        HybridParameters p = HybridParameters.defaults().withBandwidth(20e6);
        HybridParameters quiet = new HybridParameters(p.elements(), p.sensors(), p.bsAntennas(), p.bsIrsPaths(), p.streams(),
                p.powerWatts(), p.bandwidthHz(), p.rcs(), p.carrierHz(), 1e-300, 64, p.ricianFactor());
        ReflectedSignals sig = ReflectedSignals.draw(SCENE, quiet, new RandomStream(1));
        CascadedObservations o = CascadedObservations.draw(SCENE, quiet, sig, new RandomStream(2));
        // Y_jk Z_j(τ_jk)^+ = g a_M a_N^T on the row space of Z_j: rank one with the true AOA on its left
        ZMatrixRMaj y = o.observation(0, 2);
        ZMatrixRMaj zt = o.reflectedSignal(0, o.delay(0, 2));
        double[] am = org.cosense.array.CentroidUla.response(Math.sin(SCENE.angle(2)), quiet.sensors());
        ZMatrixRMaj left = ComplexLinalg.dominantLeftSingularVectors(y, 1);
        double[] u = ComplexLinalg.column(left, 0);
        double[] dot = ComplexLinalg.dotConj(u, am);
        assertEquals(Math.sqrt(quiet.sensors()), Math.hypot(dot[0], dot[1]), 1e-9);
        assertEquals(1, org.cosense.math.ThinSvd.decompose(y).rank());
        assertTrue(ComplexLinalg.normF(zt) > 0);
    }

    @Test
    void matchedFilterApproachesTheDelayBound() {
        // MSE / CRB of τ_22 over 100 frames of T = 256 samples, D = 2 streams, at 80 dBm: at the default 40 dBm the integrated
        // SNR of one path is below the matched filter's threshold, and the filter treats the signature on the rank-D row space
        // of Z_j as unknown, a loss that grows with D/T [zhanghybrid A12]; "approaches" = MSE / CRB ≤ 1.5
        HybridParameters d = HybridParameters.defaults();
        HybridParameters p = new HybridParameters(d.elements(), d.sensors(), d.bsAntennas(), d.bsIrsPaths(), 2,
                org.cosense.math.Db.dbmToWatts(80), d.bandwidthHz(), d.rcs(), d.carrierHz(), d.noiseWatts(), 256, d.ricianFactor());
        ReflectedSignals sig = ReflectedSignals.draw(SCENE, p, new RandomStream(1));
        int trials = 100;
        double mse = 0;
        double crb = 0;
        for (int t = 0; t < trials; t++) {
            CascadedObservations o = CascadedObservations.draw(SCENE, p, sig, RandomStream.forTrial(9, 0, t));
            double e = CyclicDelayEstimator.estimate(o.observation(1, 1), o.reflectedSignal(1), p.bandwidthHz()).delay();
            mse += Math.pow(e - o.delay(1, 1), 2) / trials;
            crb += 1 / o.fim().delay(1, 1) / trials;
        }
        double ratio = mse / crb;
        assertTrue(ratio <= 1.5 && ratio >= 0.6, "MSE/CRB = " + ratio + ", CRB std " + Math.sqrt(crb) * p.bandwidthHz() + " samples");
    }

    @Test
    void derivativeGramOfAFlatSpectrumIsNearTheRmsBandwidthForm() {
        // [zhanghybrid E7]: Ṙ ≈ 4π² B²/12 R for white samples at f_s = B (expectation; a few percent for T = 1024)
        RandomStream rng = new RandomStream(5);
        ZMatrixRMaj s = new ZMatrixRMaj(1, 1024);
        rng.complexGaussian(s.data, 0, 1024, 1);
        double b = 20e6;
        double rd = CyclicWaveform.derivativeGram(s, b).getReal(0, 0);
        double r = ComplexLinalg.multTransB(s, s).getReal(0, 0);
        assertEquals(1, rd / (4 * Math.PI * Math.PI * b * b / 12 * r), 0.1);
    }

    static HybridParameters quiet(int n, int paths, int t) {
        HybridParameters p = HybridParameters.defaults();
        return new HybridParameters(n, p.sensors(), p.bsAntennas(), paths, Math.min(Math.min(n, p.bsAntennas()), paths),
                p.powerWatts(), p.bandwidthHz(), p.rcs(), p.carrierHz(), 1e-300, t, p.ricianFactor());
    }

    /** max |a − b| / max |b|. */
    static double relative(ZMatrixRMaj a, ZMatrixRMaj b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < b.data.length; i++) {
            num = Math.max(num, Math.abs(a.data[i] - b.data[i]));
            den = Math.max(den, Math.abs(b.data[i]));
        }
        return num / den;
    }

    /** g a_M(θ_k) x^T for an interleaved x. */
    static ZMatrixRMaj rankOne(CascadedObservations o, int j, int k, double[] x) {
        double[] am = org.cosense.array.CentroidUla.response(Math.sin(SCENE.angle(k)), o.parameters().sensors());
        ZMatrixRMaj outer = ComplexLinalg.mult(ComplexLinalg.columnVector(am), ComplexLinalg.transpose(ComplexLinalg.columnVector(x)));
        return ComplexLinalg.scale(o.gain(j, k), outer);
    }

    @Test
    void caseOnePreprocessingLeavesTheTwoSteeringVectors() {
        // (21): Y Z^+ = g a_M a_N^T for a full-rank Z_j (N = 4 elements, 16 paths), noiseless
        HybridParameters p = quiet(4, 16, 64);
        CascadedObservations o = CascadedObservations.draw(SCENE, p, ReflectedSignals.draw(SCENE, p, new RandomStream(3)), new RandomStream(4));
        assertEquals(RankCase.FULL, o.rankCase(1));
        double[] an = org.cosense.array.CentroidUla.response(Math.sin(SCENE.angle(1)), 4);
        assertTrue(relative(o.preprocessed(1, 2, o.delay(1, 2)), rankOne(o, 1, 2, an)) < 1e-9);
    }

    @Test
    void caseTwoRowSpaceObservation() {
        // (47): Y V_r Σ_r^{-1} = g a_M (U_r^T a_N)^T for rank Z_j = 4 < N = 16, noiseless
        HybridParameters p = quiet(16, 4, 64);
        CascadedObservations o = CascadedObservations.draw(SCENE, p, ReflectedSignals.draw(SCENE, p, new RandomStream(3)), new RandomStream(4));
        assertEquals(RankCase.PARTIAL, o.rankCase(0));
        double[] an = org.cosense.array.CentroidUla.response(Math.sin(SCENE.angle(0)), 16);
        ZMatrixRMaj h = ComplexLinalg.mult(ComplexLinalg.transpose(o.rowSpaceBasis(0)), ComplexLinalg.columnVector(an));
        ZMatrixRMaj y = o.rowSpaceObservation(0, 2, o.delay(0, 2));
        assertEquals(4, y.numCols);
        double[] hx = new double[2 * h.numRows];
        System.arraycopy(h.data, 0, hx, 0, hx.length);
        assertTrue(relative(y, rankOne(o, 0, 2, hx)) < 1e-8);
    }
}
