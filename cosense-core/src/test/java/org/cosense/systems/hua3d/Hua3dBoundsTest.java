package org.cosense.systems.hua3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cosense.array.Upa;
import org.cosense.bounds.Crb;
import org.cosense.bounds.CrbResult;
import org.cosense.bounds.FisherInformation;
import org.cosense.bounds.GaussianModel;
import org.cosense.math.Complex;
import org.cosense.math.ThinSvd;
import org.cosense.math.NumericalDerivative;
import org.cosense.math.RandomStream;
import org.cosense.signal.IrsBeam;
import org.cosense.signal.ProbingCodebook;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.junit.jupiter.api.Test;

/**
 * Every closed-form FIM of hua3d against the generic Fisher-information engine (numerical
 * derivatives of the mean model), spec 6 properties 9–12, 17–19, and the errata E4, E12.
 */
class Hua3dBoundsTest {

    /** max_ij |A_ij − B_ij| / sqrt(B_ii B_jj) (shared helper). */
    static double scaledDifference(DMatrixRMaj a, DMatrixRMaj b) {
        return org.cosense.bounds.FimComparison.scaledDifference(a, b);
    }

    /** Stage-I mean (16): u = beta vec(a a^T W), theta = [mu, nu, Re beta, Im beta]. */
    static double[] stageOneMean(Upa upa, ZMatrixRMaj w, double[] th) {
        double[] a = upa.steering(th[0], th[1]);
        double[] g = ProbingCodebook.transposeTimes(w, a);
        int n = upa.size();
        int t = w.numCols;
        double[] out = new double[2 * n * t];
        for (int c = 0; c < t; c++) { // column-major vec
            for (int r = 0; r < n; r++) {
                double pr = a[2 * r] * g[2 * c] - a[2 * r + 1] * g[2 * c + 1];
                double pi = a[2 * r] * g[2 * c + 1] + a[2 * r + 1] * g[2 * c];
                int o = 2 * (c * n + r);
                out[o] = th[2] * pr - th[3] * pi;
                out[o + 1] = th[2] * pi + th[3] * pr;
            }
        }
        return out;
    }

    static DMatrixRMaj engineStageOne(Upa upa, ZMatrixRMaj w, double[] th, double sigma2) {
        double[] steps = {1e-3, 1e-3, 1e-3 * Math.hypot(th[2], th[3]), 1e-3 * Math.hypot(th[2], th[3])};
        ZMatrixRMaj j = NumericalDerivative.jacobian(x -> stageOneMean(upa, w, x), th, steps);
        return FisherInformation.ofWhiteNoise(j, sigma2);
    }

    @Test
    void lemma1MatchesTheGenericEngineForAnyProbing() {
        Upa upa = new Upa(4, 3);
        Complex beta = new Complex(3e-5, -2e-5);
        double[] th = {0.31, -0.22, beta.re(), beta.im()};
        RandomStream rng = new RandomStream(8);
        List<ZMatrixRMaj> probings = List.of(ProbingCodebook.dft(12, 5, 2.0), ProbingCodebook.dft(12, 12, 2.0),
                ProbingCodebook.dft(12, 20, 2.0), ProbingCodebook.random(12, 7, 2.0, rng));
        for (ZMatrixRMaj w : probings) {
            DMatrixRMaj closed = StageOneBounds.lemma1(upa, w, beta, th[0], th[1], 1e-11);
            DMatrixRMaj engine = engineStageOne(upa, w, th, 1e-11);
            assertTrue(scaledDifference(closed, engine) < 1e-6, "T1 = " + w.numCols + ": " + scaledDifference(closed, engine));
        }
    }

    @Test
    void printedEquation21DisagreesWithTheEngineAndTheCorrectedOneAgrees() {
        // E4: (21) as printed lacks the factor T1 in the cross term f_munu.
        Upa upa = new Upa(4, 3);
        Complex beta = new Complex(3e-5, -2e-5);
        double[] th = {0.31, -0.22, beta.re(), beta.im()};
        // a probing with a strongly correlated mu/nu response: every snapshot beams at the same direction
        ZMatrixRMaj w = new ZMatrixRMaj(12, 7);
        double[] beam = ProbingCodebook.beamTowards(upa, 0.25, -0.15, 2.0);
        for (int r = 0; r < 12; r++) {
            for (int c = 0; c < 7; c++) {
                double ph = 0.3 * r * c;
                w.set(r, c, beam[2 * r] * Math.cos(ph) - beam[2 * r + 1] * Math.sin(ph),
                        beam[2 * r] * Math.sin(ph) + beam[2 * r + 1] * Math.cos(ph));
            }
        }
        DMatrixRMaj engine = engineStageOne(upa, w, th, 1e-11);
        DMatrixRMaj corrected = StageOneBounds.lemma1(upa, w, beta, th[0], th[1], 1e-11);
        double printed = corrected.get(0, 1) / w.numCols;
        double scale = Math.sqrt(engine.get(0, 0) * engine.get(1, 1));
        assertTrue(Math.abs(engine.get(0, 1)) > 1e-3 * scale, "cross term must be non-zero for the test to bite");
        assertTrue(Math.abs(printed - engine.get(0, 1)) / scale > 1e-2);
        assertTrue(Math.abs(corrected.get(0, 1) - engine.get(0, 1)) / scale < 1e-6);
    }

    @Test
    void theorem1EqualsLemma1ForWhiteProbingAndNotOtherwise() {
        Upa upa = new Upa(5, 4);
        Complex beta = new Complex(1e-4, 2e-5);
        double p = 0.5;
        ZMatrixRMaj white = ProbingCodebook.dft(20, 20, p);
        DMatrixRMaj l1 = StageOneBounds.lemma1(upa, white, beta, 0.2, -0.4, 1e-11);
        DMatrixRMaj t1 = StageOneBounds.theorem1(upa, 20, p, beta, 1e-11);
        assertTrue(scaledDifference(l1, t1) < 1e-10);
        assertEquals(StageOneBounds.crbWhiteMu(upa, 20, p, beta, 1e-11), Crb.of(t1).variance(0), 1e-12 * Crb.of(t1).variance(0));
        assertEquals(StageOneBounds.crbWhiteNu(upa, 20, p, beta, 1e-11), Crb.of(t1).variance(1), 1e-12 * Crb.of(t1).variance(1));
        // T1 < N: the DFT codebook is not white, Lemma 1 differs from Theorem 1
        DMatrixRMaj l1short = StageOneBounds.lemma1(upa, ProbingCodebook.dft(20, 8, p), beta, 0.2, -0.4, 1e-11);
        assertTrue(scaledDifference(l1short, StageOneBounds.theorem1(upa, 8, p, beta, 1e-11)) > 0.1);
    }

    @Test
    void crbScalesWithPowerSnapshotsAndGain() {
        Upa upa = Upa.square(20);
        Complex beta = new Complex(4e-5, 1e-5);
        double base = StageOneBounds.crbWhiteMu(upa, 24, 1.0, beta, 1e-11);
        assertEquals(base / 2, StageOneBounds.crbWhiteMu(upa, 24, 2.0, beta, 1e-11), 1e-12 * base);
        assertEquals(base / 2, StageOneBounds.crbWhiteMu(upa, 48, 1.0, beta, 1e-11), 1e-12 * base);
        assertEquals(base / 4, StageOneBounds.crbWhiteMu(upa, 24, 1.0, beta.times(2), 1e-11), 1e-12 * base);
        assertEquals(3e-11 / (beta.abs2() * 24 * Math.PI * Math.PI * 400 * 399), base, 1e-12 * base);
    }

    @Test
    void dftCodebookCovarianceFacts() {
        double p = 3.0;
        for (int t1 : new int[] {6, 12, 24}) {
            ZMatrixRMaj w = ProbingCodebook.dft(12, t1, p);
            ZMatrixRMaj r = ProbingCodebook.covariance(w);
            double tr = 0;
            boolean white = true;
            for (int i = 0; i < 12; i++) {
                tr += r.getReal(i, i);
                for (int j = 0; j < 12; j++) {
                    double expect = i == j ? p / 12 : 0;
                    white &= Math.abs(r.getReal(i, j) - expect) < 1e-12 && Math.abs(r.getImag(i, j)) < 1e-12;
                }
            }
            assertEquals(p, tr, 1e-12);
            assertEquals(t1 >= 12, white, "T1 = " + t1);
            assertEquals(Math.min(t1, 12), ThinSvd.decompose(r).rank(), "rank for T1 = " + t1);
        }
        // spec 3.4: N = 400, T1 = 24, the illumination at broadside is 6672/400
        assertEquals(6672.0 / 400, ProbingCodebook.illumination(ProbingCodebook.dft(400, 24, 1), Upa.square(20), 0, 0, 1), 1e-9);
    }

    @Test
    void receiveOnlyBoundIsTheSchurComplementWithAnUnknownWaveform() {
        // Conditional model: mean vec(a(mu, nu) x^T) with x in C^T free; the angle block of the inverse FIM.
        Upa upa = new Upa(4, 3);
        ZMatrixRMaj w = ProbingCodebook.dft(12, 5, 1.0);
        Complex beta = new Complex(2e-5, 1e-5);
        double mu = 0.3;
        double nu = -0.1;
        double[] g = ProbingCodebook.transposeTimes(w, upa.steering(mu, nu));
        int t = w.numCols;
        double[] th = new double[2 + 2 * t];
        th[0] = mu;
        th[1] = nu;
        for (int c = 0; c < t; c++) {
            Complex x = beta.times(new Complex(g[2 * c], g[2 * c + 1]));
            th[2 + 2 * c] = x.re();
            th[3 + 2 * c] = x.im();
        }
        double[] steps = new double[th.length];
        java.util.Arrays.fill(steps, 1e-3 * Math.abs(th[2]) + 1e-9);
        steps[0] = 1e-3;
        steps[1] = 1e-3;
        ZMatrixRMaj j = NumericalDerivative.jacobian(x -> {
            double[] a = upa.steering(x[0], x[1]);
            double[] out = new double[2 * 12 * t];
            for (int c = 0; c < t; c++) {
                for (int r = 0; r < 12; r++) {
                    int o = 2 * (c * 12 + r);
                    out[o] = a[2 * r] * x[2 + 2 * c] - a[2 * r + 1] * x[3 + 2 * c];
                    out[o + 1] = a[2 * r] * x[3 + 2 * c] + a[2 * r + 1] * x[2 + 2 * c];
                }
            }
            return out;
        }, th, steps);
        CrbResult full = Crb.of(FisherInformation.ofWhiteNoise(j, 1e-11));
        CrbResult rx = Crb.of(StageOneBounds.receiveOnly(upa, w, beta, mu, nu, 1e-11));
        assertEquals(full.variance(0), rx.variance(0), 1e-6 * rx.variance(0));
        assertEquals(full.variance(1), rx.variance(1), 1e-6 * rx.variance(1));
        // and Lemma 1 (which also knows the waveform's structure beta W^T a) is never above it
        CrbResult l1 = Crb.of(StageOneBounds.lemma1(upa, w, beta, mu, nu, 1e-11));
        assertTrue(l1.variance(0) <= rx.variance(0) * (1 + 1e-9));
    }

    // ---------------------------------------------------------------- stage II

    static List<double[]> randomBeams(int n, int count, RandomStream rng) {
        List<double[]> out = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            double[] w = new double[2 * n];
            for (int i = 0; i < n; i++) {
                double ph = rng.nextPhase();
                w[2 * i] = Math.cos(ph);
                w[2 * i + 1] = Math.sin(ph);
            }
            out.add(w);
        }
        return out;
    }

    /** The generic engine on the Lemma-4 mean (49) u_t = alpha (w_t^T qv)^2 via the GaussianModel interface. */
    static DMatrixRMaj engineLemma4(Upa irs, List<double[]> beams, Complex alpha, double mu, double nu, double var) {
        GaussianModel model = new GaussianModel() {
            @Override
            public int parameterCount() {
                return 4;
            }

            @Override
            public int dimension() {
                return beams.size();
            }

            @Override
            public double[] mean(double[] th) {
                double[] qv = irs.steering(th[0], th[1]);
                double[] out = new double[2 * beams.size()];
                for (int t = 0; t < beams.size(); t++) {
                    Complex c = IrsBeam.dotT(beams.get(t), qv);
                    Complex v = new Complex(th[2], th[3]).times(c.times(c));
                    out[2 * t] = v.re();
                    out[2 * t + 1] = v.im();
                }
                return out;
            }

            @Override
            public ZMatrixRMaj covariance(double[] th) {
                ZMatrixRMaj c = CommonOps_ZDRM.identity(beams.size());
                CommonOps_ZDRM.scale(var, 0, c);
                return c;
            }

            @Override
            public boolean covarianceIsConstant() {
                return true;
            }

            @Override
            public double[] derivativeSteps(double[] th) {
                return new double[] {1e-3, 1e-3, 1e-3 * alpha.abs(), 1e-3 * alpha.abs()};
            }
        };
        return FisherInformation.of(model, new double[] {mu, nu, alpha.re(), alpha.im()});
    }

    @Test
    void lemma4MatchesTheGenericEngine() {
        Upa irs = new Upa(5, 4);
        Complex alpha = new Complex(2e-7, -1e-7);
        List<double[]> beams = randomBeams(20, 9, new RandomStream(4));
        DMatrixRMaj closed = StageTwoBounds.lemma4(irs, beams, alpha, 0.4, -0.3, 1e-11, 16);
        DMatrixRMaj engine = engineLemma4(irs, beams, alpha, 0.4, -0.3, 16 * 1e-11);
        assertTrue(scaledDifference(closed, engine) < 1e-6, "difference " + scaledDifference(closed, engine));
    }

    @Test
    void theorem2OneBeamIsUnidentifiableTwoRandomBeamsAreNot() {
        Upa irs = Upa.square(6);
        Complex alpha = new Complex(1e-7, 3e-8);
        RandomStream rng = new RandomStream(6);
        List<double[]> one = randomBeams(36, 1, rng);
        List<double[]> repeated = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            repeated.add(one.get(0));
        }
        CrbResult single = Crb.of(StageTwoBounds.lemma4(irs, repeated, alpha, 0.2, -0.5, 1e-11, 400));
        assertFalse(single.identifiable());
        assertEquals(2, single.rank());
        assertEquals(Double.POSITIVE_INFINITY, single.variance(0));
        assertFalse(single.reason().isEmpty());
        List<double[]> two = randomBeams(36, 2, rng);
        List<double[]> rep2 = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rep2.add(two.get(i % 2));
        }
        CrbResult pair = Crb.of(StageTwoBounds.lemma4(irs, rep2, alpha, 0.2, -0.5, 1e-11, 400));
        assertTrue(pair.identifiable());
        assertEquals(4, pair.rank());
    }

    @Test
    void codebookBeamsNeedThreeDistinctBeams() {
        // spec section 8: steered codebook beams give real beam products, so two beams leave rank 3
        Upa irs = Upa.square(8);
        Complex alpha = new Complex(1e-7, 3e-8);
        double mu = 0.21;
        double nu = -0.33;
        double[][] g = {{0.2, -0.3}, {0.3, -0.3}, {0.2, -0.4}, {0.1, -0.3}};
        int[] expectRank = {2, 3, 4, 4};
        for (int b = 1; b <= 4; b++) {
            List<double[]> beams = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                double[] gg = g[i % b];
                beams.add(IrsBeam.steered(irs, gg[0], gg[1]).full());
            }
            CrbResult c = Crb.of(StageTwoBounds.lemma4(irs, beams, alpha, mu, nu, 1e-11, 400));
            assertEquals(expectRank[b - 1], c.rank(), "B = " + b);
            assertEquals(b >= 3, c.identifiable(), "B = " + b);
        }
    }

    @Test
    void case2PrintedParametrizationIsSingularAndTheReducedOneIsNot() {
        Scene s = StageTwoTest.smallScene();
        Upa irs = s.irs(0).array();
        List<double[]> beams = randomBeams(irs.size(), 10, new RandomStream(12));
        var eff = s.effectiveIrsFrequency(0, 0);
        var b2t = s.bsToTarget(0);
        var dep = s.bsToIrsDeparture(0);
        Complex at = StageTwo.alphaTilde(s, 0, 0, 1.0);
        CrbResult printed = Crb.of(StageTwoBounds.case2AsPrinted(irs, s.bsArray(), beams, at, eff.mu(), eff.nu(), b2t.mu(),
                b2t.nu(), dep.mu(), dep.nu(), s.noiseVariance()));
        assertFalse(printed.identifiable());
        assertEquals(4, printed.rank());
        Complex gain = at.times(StageTwo.leakage(s, 0, 0));
        DMatrixRMaj reduced = StageTwoBounds.case2(irs, beams, gain, eff.mu(), eff.nu(), s.noiseVariance(), s.bsArray().size());
        assertTrue(Crb.of(reduced).identifiable());
        // the reduced form against numerical derivatives of its mean g c_t(mu, nu)
        ZMatrixRMaj j = NumericalDerivative.jacobian(th -> {
            double[] qv = irs.steering(th[0], th[1]);
            double[] out = new double[2 * beams.size()];
            for (int t = 0; t < beams.size(); t++) {
                Complex v = new Complex(th[2], th[3]).times(IrsBeam.dotT(beams.get(t), qv));
                out[2 * t] = v.re();
                out[2 * t + 1] = v.im();
            }
            return out;
        }, new double[] {eff.mu(), eff.nu(), gain.re(), gain.im()},
                new double[] {1e-3, 1e-3, 1e-3 * gain.abs(), 1e-3 * gain.abs()});
        DMatrixRMaj engine = FisherInformation.ofWhiteNoise(j, s.bsArray().size() * s.noiseVariance());
        assertTrue(scaledDifference(reduced, engine) < 1e-6);
    }
}
