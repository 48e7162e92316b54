package org.cosense.systems.zhanghybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.cosense.bounds.FisherInformation;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.Db;
import org.cosense.math.NumericalDerivative;
import org.cosense.math.RandomStream;
import org.cosense.systems.zhanghybrid.HybridFim.Scheme;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The closed forms (12), (15)–(18) against the generic Gaussian Fisher engine, and the bounds' properties. */
class HybridFimTest {
    static final HybridParameters SMALL = new HybridParameters(4, 3, 4, 4, 2, Db.dbmToWatts(40), 20e6, 1, 3.5e9,
            HybridParameters.thermalNoise(20e6), 16, 10);
    static final HybridScene SCENE = new HybridScene(HybridScene.paperIrs(), new double[] {27, 6});

    static double[] eta(HybridScene s) {
        int k = s.irsCount();
        double[] e = new double[k * k + 2 * k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                e[j * k + i] = s.cascadedDelay(j, i);
            }
            e[k * k + j] = s.angle(j);
            e[k * k + k + j] = s.angle(j);
        }
        return e;
    }

    static double[] steps(int k, double b) {
        double[] st = new double[k * k + 2 * k];
        for (int i = 0; i < st.length; i++) {
            st[i] = i < k * k ? 0.1 / b : 0.05;
        }
        return st;
    }

    static DMatrixRMaj engine(CascadedMeanFixture f, double[] eta) {
        ZMatrixRMaj jac = NumericalDerivative.jacobian(f::mean, eta, steps(f.k, f.b));
        return FisherInformation.ofWhiteNoise(jac, SMALL.noiseWatts());
    }

    @Test
    void closedFormsMatchTheGenericEngine() {
        // [zhanghybrid C1]
        RandomStream rng = new RandomStream(11);
        HybridFim flat = HybridFim.of(SCENE, SMALL, ReflectedSignals.draw(SCENE, SMALL, new RandomStream(1)));
        CascadedMeanFixture f = new CascadedMeanFixture(SCENE, SMALL, flat, rng, true);
        List<ZMatrixRMaj> r = new ArrayList<>();
        List<ZMatrixRMaj> rd = new ArrayList<>();
        for (int j = 0; j < f.k; j++) {
            r.add(f.gram(j, false));
            rd.add(f.gram(j, true));
        }
        HybridFim fim = new HybridFim(SCENE, SMALL, r, rd);
        DMatrixRMaj e = engine(f, eta(SCENE));
        int k = f.k;
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                assertEquals(1, fim.delay(j, i) / e.get(j * k + i, j * k + i), 1e-6, "J_tau " + j + i);
            }
            assertEquals(1, fim.arrival(j) / e.get(k * k + j, k * k + j), 1e-6, "J_A " + j);
            assertEquals(1, fim.departure(j) / e.get(k * k + k + j, k * k + k + j), 1e-6, "J_D " + j);
        }
    }

    @Test
    void centredIndicesDecoupleArrivalAndDeparture() {
        // [zhanghybrid C2]
        HybridFim fim = HybridFim.of(SCENE, SMALL, ReflectedSignals.draw(SCENE, SMALL, new RandomStream(1)));
        int k = 3;
        double centred = 0;
        double first = 0;
        for (boolean c : new boolean[] {true, false}) {
            CascadedMeanFixture f = new CascadedMeanFixture(SCENE, SMALL, fim, new RandomStream(5), c);
            DMatrixRMaj e = engine(f, eta(SCENE));
            double worst = 0;
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    int ia = k * k + a;
                    int ib = k * k + k + b;
                    worst = Math.max(worst, Math.abs(e.get(ia, ib)) / Math.sqrt(e.get(ia, ia) * e.get(ib, ib)));
                }
            }
            if (c) {
                centred = worst;
            } else {
                first = worst;
            }
        }
        assertTrue(centred < 1e-8, "centred AOA-AOD coupling " + centred);
        assertTrue(first > 1e-3, "first-element AOA-AOD coupling " + first);
    }

    @Test
    void chainRuleEqualsTheFimInPosition() {
        // [zhanghybrid C3]: T^T J_eta T = FIM of the model differentiated in p (gains frozen)
        HybridFim fim = HybridFim.of(SCENE, SMALL, ReflectedSignals.draw(SCENE, SMALL, new RandomStream(1)));
        CascadedMeanFixture f = new CascadedMeanFixture(SCENE, SMALL, fim, new RandomStream(9), true);
        DMatrixRMaj je = engine(f, eta(SCENE));
        int k = 3;
        DMatrixRMaj t = new DMatrixRMaj(k * k + 2 * k, 2);
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                double[] g = SCENE.cascadedDelayGradient(j, i);
                t.set(j * k + i, 0, g[0]);
                t.set(j * k + i, 1, g[1]);
            }
            double[] g = SCENE.angleGradient(j);
            for (int c = 0; c < 2; c++) {
                t.set(k * k + j, c, g[c]);
                t.set(k * k + k + j, c, g[c]);
            }
        }
        DMatrixRMaj chain = FisherInformation.transform(je, t);
        ZMatrixRMaj jp = NumericalDerivative.jacobian(p -> f.mean(eta(SCENE.withTarget(p))), SCENE.target(), new double[] {0.5, 0.5});
        DMatrixRMaj direct = FisherInformation.ofWhiteNoise(jp, SMALL.noiseWatts());
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                assertEquals(0, (chain.get(a, b) - direct.get(a, b)) / Math.sqrt(direct.get(a, a) * direct.get(b, b)), 1e-6);
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        // [zhanghybrid C3]
        double h = 1e-4;
        double[] p = SCENE.target();
        for (int j = 0; j < 3; j++) {
            for (int c = 0; c < 2; c++) {
                double[] lo = p.clone();
                double[] hi = p.clone();
                lo[c] -= h;
                hi[c] += h;
                double dth = (SCENE.withTarget(hi).angle(j) - SCENE.withTarget(lo).angle(j)) / (2 * h);
                assertEquals(dth, SCENE.angleGradient(j)[c], 1e-8);
                for (int i = 0; i < 3; i++) {
                    double dt = (SCENE.withTarget(hi).cascadedDelay(j, i) - SCENE.withTarget(lo).cascadedDelay(j, i)) / (2 * h);
                    assertEquals(dt * HybridParameters.C, SCENE.cascadedDelayGradient(j, i)[c] * HybridParameters.C, 1e-8);
                }
            }
        }
    }

    static List<ZMatrixRMaj> isotropic(int k, int n, double c) {
        List<ZMatrixRMaj> r = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            r.add(ComplexLinalg.scale(c, ComplexLinalg.identity(n)));
        }
        return r;
    }

    @Test
    void mirrorSymmetry() {
        // [zhanghybrid C4]: swap IRSs 1 and 2 and mirror y with R~ = c I
        HybridParameters prm = HybridParameters.defaults();
        HybridScene a = new HybridScene(HybridScene.paperIrs(), new double[] {31, 7});
        HybridScene b = new HybridScene(new double[][] {{10, 50}, {10, -50}, {50, 0}}, new double[] {31, -7});
        for (Scheme s : List.of(Scheme.PROPOSED, Scheme.ANGLE, Scheme.DELAY, Scheme.NO_COLLABORATION)) {
            double ca = new HybridFim(a, prm, isotropic(3, 16, 1e3), null).crbTrace(s);
            double cb = new HybridFim(b, prm, isotropic(3, 16, 1e3), null).crbTrace(s);
            assertEquals(1, ca / cb, 1e-12, s.series());
        }
    }

    @Test
    void scalingLaws() {
        // [zhanghybrid C5]
        HybridParameters p = HybridParameters.defaults();
        HybridScene s = new HybridScene(HybridScene.paperIrs(), new double[] {25, -4});
        int n = p.elements();
        int m = p.sensors();
        HybridFim base = new HybridFim(s, p, isotropic(3, n, 1), null);
        HybridFim n2 = new HybridFim(s, p.withElements(2 * n), isotropic(3, 2 * n, 1), null);
        HybridFim m2 = new HybridFim(s, p.withSensors(2 * m), isotropic(3, n, 1), null);
        for (int j = 0; j < 3; j++) {
            assertEquals(2, n2.delay(j, (j + 1) % 3) / base.delay(j, (j + 1) % 3), 1e-12);
            assertEquals(2, n2.arrival(j) / base.arrival(j), 1e-12);
            assertEquals(HybridFim.s2(2 * n) / HybridFim.s2(n), n2.departure(j) / base.departure(j), 1e-12);
            assertEquals(2, m2.delay(j, j) / base.delay(j, j), 1e-12);
            assertEquals(2, m2.departure(j) / base.departure(j), 1e-12);
            assertEquals(HybridFim.s2(2 * m) / HybridFim.s2(m), m2.arrival(j) / base.arrival(j), 1e-12);
        }
        // 1/P (R~ carries the power), sigma^2, 1/B^2 for the delay-only bound
        HybridFim twice = new HybridFim(s, p, isotropic(3, n, 2), null);
        HybridFim noisy = new HybridFim(s, new HybridParameters(n, m, 16, 16, 16, p.powerWatts(), p.bandwidthHz(), 1, p.carrierHz(),
                3 * p.noiseWatts(), p.frameSamples(), 10), isotropic(3, n, 1), null);
        HybridFim wide = new HybridFim(s, new HybridParameters(n, m, 16, 16, 16, p.powerWatts(), 2 * p.bandwidthHz(), 1, p.carrierHz(),
                p.noiseWatts(), p.frameSamples(), 10), isotropic(3, n, 1), null);
        assertEquals(0.5, twice.crbTrace(Scheme.PROPOSED) / base.crbTrace(Scheme.PROPOSED), 1e-12);
        assertEquals(3, noisy.crbTrace(Scheme.PROPOSED) / base.crbTrace(Scheme.PROPOSED), 1e-12);
        assertEquals(0.25, wide.crbTrace(Scheme.DELAY) / base.crbTrace(Scheme.DELAY), 1e-12);
    }

    @Test
    void informationOrderings() {
        // [zhanghybrid C6], pointwise over random targets and draws
        HybridParameters p = HybridParameters.defaults();
        for (int t = 0; t < 20; t++) {
            RandomStream rng = new RandomStream(100 + t);
            HybridScene s = new HybridScene(HybridScene.paperIrs(), new double[] {20 + 20 * rng.nextDouble(), -20 + 40 * rng.nextDouble()});
            HybridCrbs c = HybridCrbs.draw(s, p, rng);
            assertTrue(c.proposed() <= Math.min(c.angle(), c.delay()) * (1 + 1e-12), "proposed vs angle/delay at " + t);
            assertTrue(c.proposed() <= c.noCollaboration() * (1 + 1e-12), "proposed vs nocollab at " + t);
            assertTrue(Double.isFinite(c.single()) && c.single() > 0);
        }
    }

    @Test
    void angleOnlyWithCollinearTargetIsNotIdentifiable() {
        // [zhanghybrid C7]: two IRSs on the x axis see a target on that axis along one line
        HybridScene s = new HybridScene(new double[][] {{10, 0}, {50, 0}}, new double[] {30, 0});
        HybridFim fim = new HybridFim(s, HybridParameters.defaults(), isotropic(2, 16, 1), null);
        assertFalse(fim.crb(Scheme.ANGLE).identifiable());
        assertEquals(Double.POSITIVE_INFINITY, fim.crbTrace(Scheme.ANGLE));
        assertFalse(fim.crb(Scheme.ANGLE).reason().isEmpty());
        assertTrue(fim.crb(Scheme.PROPOSED).identifiable());
    }

    @Test
    void delayOnlyBeatsAngleOnlyAtFewElementsAndLosesAtMany() {
        // [zhanghybrid C9] with R~ = c I and 100 targets in the rectangle [zhanghybrid A8]
        HybridParameters p = HybridParameters.defaults();
        double[] ratio = new double[2];
        int[] ns = {8, 128};
        for (int a = 0; a < 2; a++) {
            RandomStream rng = new RandomStream(3);
            double sa = 0;
            double sd = 0;
            for (int t = 0; t < 100; t++) {
                HybridScene s = new HybridScene(HybridScene.paperIrs(), new double[] {20 + 20 * rng.nextDouble(), -20 + 40 * rng.nextDouble()});
                HybridFim f = new HybridFim(s, p.withElements(ns[a]), isotropic(3, ns[a], 1), null);
                sa += f.crbTrace(Scheme.ANGLE);
                sd += f.crbTrace(Scheme.DELAY);
            }
            ratio[a] = sd / sa;
        }
        assertTrue(ratio[0] < 1, "delay/angle at N = 8: " + ratio[0]);
        assertTrue(ratio[1] > 1, "delay/angle at N = 128: " + ratio[1]);
    }

    @Test
    void rankCaseFollowsPathsAndStreams() {
        HybridParameters p = HybridParameters.defaults();
        // 16 paths into 4 elements: a well-conditioned 4 x 16 channel (with N = 16 the scattered angles crowd near
        // endfire and the 16 x 16 channel is numerically rank deficient, [zhanghybrid A9])
        ReflectedSignals full = ReflectedSignals.draw(SCENE, p.withElements(4), new RandomStream(2));
        ReflectedSignals partial = ReflectedSignals.draw(SCENE, p.withPathsAndStreams(4, 4), new RandomStream(2));
        ReflectedSignals one = ReflectedSignals.draw(SCENE, p.withPathsAndStreams(1, 1), new RandomStream(2));
        for (int j = 0; j < 3; j++) {
            assertEquals(RankCase.FULL, full.rankCase(j));
            assertEquals(4, partial.rank(j));
            assertEquals(RankCase.PARTIAL, partial.rankCase(j));
            assertEquals(RankCase.RANK_ONE, one.rankCase(j));
        }
        // the beamformers spend P/K each
        for (int j = 0; j < 3; j++) {
            assertEquals(p.powerWatts() / 3, Math.pow(ComplexLinalg.normF(full.beamformer(j)), 2), 1e-12 * p.powerWatts());
        }
    }

    @Test
    void configuredPhasesAreUsed() {
        HybridParameters p = HybridParameters.defaults();
        double[][] ph = new double[3][16];
        ReflectedSignals s = ReflectedSignals.draw(SCENE, p, new RandomStream(2), ph);
        ZMatrixRMaj gw = ComplexLinalg.mult(s.channel(0), s.beamformer(0));
        ZMatrixRMaj c = s.reflection(0);
        for (int i = 0; i < c.data.length; i++) {
            assertEquals(gw.data[i], c.data[i], 1e-18);
        }
    }
}
