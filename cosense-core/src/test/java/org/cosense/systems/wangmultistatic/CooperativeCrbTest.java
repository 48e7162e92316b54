package org.cosense.systems.wangmultistatic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.cosense.array.Ula;
import org.cosense.bounds.CrbResult;
import org.cosense.math.RandomStream;
import org.cosense.systems.wangmultistatic.WangPulses.Shape;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.junit.jupiter.api.Test;

/** PAPER FIM and the cooperative bounds (17)–(18), U_sum ([wangmultistatic C4], [wangmultistatic C8]–[wangmultistatic C11]). */
class CooperativeCrbTest {
    static final double DT = 5e-9;
    static final double B = 1 / (2 * DT);

    static PaperFim model(Shape shape, int pulses) {
        return new PaperFim(B, pulses, WangPulses.moments(shape, DT), 2e-9);
    }

    static ZMatrixRMaj randomCovariance(RandomStream rng, int n, int rank) {
        ZMatrixRMaj w = new ZMatrixRMaj(n, rank);
        rng.complexGaussian(w.data, 0, n * rank, 0.1);
        ZMatrixRMaj r = new ZMatrixRMaj(n, n);
        CommonOps_ZDRM.multTransB(w, w, r); // W W^H
        return r;
    }

    static double[] randomGains(RandomStream rng, PaperFim m, int k) {
        double[] g = new double[k];
        for (int i = 0; i < k; i++) {
            double d = 20 + 150 * rng.nextDouble();
            g[i] = m.gain(PaperFim.echoLoss(0.6, d, 2.7), 0.5);
        }
        return g;
    }

    @Test
    void pulseConstantsOrderTheCosineBelowTheSinc() {
        PulseMoments g1 = WangPulses.moments(Shape.COSINE, DT);
        PulseMoments g2 = WangPulses.moments(Shape.SINC, DT);
        assertTrue(g1.correlationSquared() < g2.correlationSquared());
        assertTrue(g2.correlationSquared() < 1);
        assertEquals(0.7752730484, g1.correlationSquared(), 1e-9);
        assertEquals(0.8730849711, g2.correlationSquared(), 1e-9);
        assertTrue((1 - g1.correlationSquared()) * g1.ft2g() > (1 - g2.correlationSquared()) * g2.ft2g());
    }

    @Test
    void paperFimIsPositiveDefiniteAndEquation18IsTheInverseOfTheSum() {
        RandomStream rng = new RandomStream(20);
        for (Shape shape : Shape.values()) {
            PaperFim m = model(shape, 1024);
            for (int trial = 0; trial < 20; trial++) {
                int k = 1 + rng.nextInt(6);
                double[] g = randomGains(rng, m, k);
                double[] ups = new double[k];
                List<DMatrixRMaj> fims = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    ups[i] = 0.1 + 10 * rng.nextDouble();
                    DMatrixRMaj j = m.fim(g[i], ups[i]);
                    // PD on the unit-free scaled matrix (entries differ by ~1e16 in SI, [wangmultistatic P1]):
                    // positive diagonal and |ρ| = |ς|/√(ιχ) = r < 1
                    double rho = j.get(0, 1) / Math.sqrt(j.get(0, 0) * j.get(1, 1));
                    assertTrue(j.get(0, 0) > 0 && j.get(1, 1) > 0 && Math.abs(rho) < 1, shape + " J_k not PD, ρ = " + rho);
                    assertTrue(org.cosense.bounds.Crb.of(j).identifiable());
                    fims.add(j);
                }
                double reduced = CooperativeCrb.paper(m, g, ups);
                double printed = CooperativeCrb.printed(m, g, ups);
                double inverse = CooperativeCrb.inverseOfSum(fims);
                assertEquals(inverse, printed, 1e-12 * inverse, "(18) vs tr(inv(sum J))");
                assertEquals(inverse, reduced, 1e-12 * inverse, "κ form vs tr(inv(sum J))");
            }
        }
    }

    @Test
    void upsilonIsTheTraceWithTheRankOneEchoChannel() {
        RandomStream rng = new RandomStream(21);
        for (int trial = 0; trial < 10; trial++) {
            int nt = 2 + rng.nextInt(9);
            int nr = 1 + rng.nextInt(4);
            double theta = Math.PI * (2 * rng.nextDouble() - 1);
            double phi = Math.PI * (2 * rng.nextDouble() - 1);
            ZMatrixRMaj r = randomCovariance(rng, nt, 1 + rng.nextInt(nt));
            // H̃ = a_k(φ) a_b(θ)^T, Υ = tr(H̃^H H̃ R)
            ZMatrixRMaj ak = column(Ula.halfWavelength(nr).steering(Math.sin(phi)));
            ZMatrixRMaj ab = column(Ula.halfWavelength(nt).steering(Math.sin(theta)));
            ZMatrixRMaj abT = new ZMatrixRMaj(1, nt);
            CommonOps_ZDRM.transpose(ab, abT);
            ZMatrixRMaj h = new ZMatrixRMaj(nr, nt);
            CommonOps_ZDRM.mult(ak, abT, h);
            ZMatrixRMaj hh = new ZMatrixRMaj(nt, nt);
            ZMatrixRMaj hH = new ZMatrixRMaj(nt, nr);
            CommonOps_ZDRM.transposeConjugate(h, hH);
            CommonOps_ZDRM.mult(hH, h, hh);
            ZMatrixRMaj prod = new ZMatrixRMaj(nt, nt);
            CommonOps_ZDRM.mult(hh, r, prod);
            double trace = org.cosense.math.ComplexLinalg.trace(prod).real;
            assertEquals(trace, PaperFim.upsilon(nr, theta, r), 1e-12 * trace);
        }
    }

    static ZMatrixRMaj column(double[] v) {
        ZMatrixRMaj c = new ZMatrixRMaj(v.length / 2, 1);
        System.arraycopy(v, 0, c.data, 0, v.length);
        return c;
    }

    @Test
    void paperBoundFallsWithReceiversPowerAndReceiveAntennas() {
        RandomStream rng = new RandomStream(22);
        PaperFim m = model(Shape.COSINE, 1024);
        ZMatrixRMaj r = randomCovariance(rng, 10, 3);
        double theta = Math.atan2(40, 20);
        double[] g = randomGains(rng, m, 6);
        double previous = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= g.length; k++) {
            double[] gk = java.util.Arrays.copyOf(g, k);
            double[] ups = new double[k];
            java.util.Arrays.fill(ups, PaperFim.upsilon(2, theta, r));
            double u = CooperativeCrb.paper(m, gk, ups);
            assertTrue(u < previous, "U must fall when RE " + k + " joins");
            previous = u;
        }
        double[] ups1 = {PaperFim.upsilon(2, theta, r)};
        double[] g1 = {g[0]};
        ZMatrixRMaj r3 = r.copy();
        CommonOps_ZDRM.scale(3, 0, r3);
        double[] ups3 = {PaperFim.upsilon(2, theta, r3)};
        assertEquals(CooperativeCrb.paper(m, g1, ups1) / 3, CooperativeCrb.paper(m, g1, ups3), 1e-12 * CooperativeCrb.paper(m, g1, ups1));
        double[] ups8 = {PaperFim.upsilon(8, theta, r)};
        assertEquals(CooperativeCrb.paper(m, g1, ups1) / 4, CooperativeCrb.paper(m, g1, ups8), 1e-12 * CooperativeCrb.paper(m, g1, ups1));
        assertEquals(Double.POSITIVE_INFINITY, CooperativeCrb.paper(m, new double[0], new double[0]));
    }

    @Test
    void sumOfInversesBoundsTheInverseOfTheSumWithEqualityForOneReceiver() {
        RandomStream rng = new RandomStream(23);
        for (Shape shape : Shape.values()) {
            PaperFim m = model(shape, 1024);
            for (int trial = 0; trial < 10; trial++) {
                int k = 1 + rng.nextInt(5);
                double[] g = randomGains(rng, m, k);
                List<DMatrixRMaj> fims = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    fims.add(m.fim(g[i], 0.1 + rng.nextDouble()));
                }
                double sum = CooperativeCrb.sumOfInverses(fims);
                double inv = CooperativeCrb.inverseOfSum(fims);
                if (k == 1) {
                    assertEquals(inv, sum, 1e-12 * inv);
                } else {
                    assertTrue(sum > inv * (1 + 1e-9), "U_sum " + sum + " vs U " + inv);
                }
            }
        }
    }

    @Test
    void positionCrbNeedsTwoReceiversAndFallsWithMore() {
        RandomStream rng = new RandomStream(24);
        PaperFim m = model(Shape.COSINE, 1024);
        double[] pb = {0, 0};
        double[] psi = {20, 40, 20};
        double f0 = 28e9;
        List<DMatrixRMaj> fims = new ArrayList<>();
        List<DMatrixRMaj> jacs = new ArrayList<>();
        double previous = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 5; k++) {
            double rad = 10 + 90 * rng.nextDouble();
            double ang = 2 * Math.PI * rng.nextDouble();
            double[] pk = {rad * Math.cos(ang), rad * Math.sin(ang)};
            double d = BistaticDopplerDelay.distance(psi, pb) + BistaticDopplerDelay.distance(new double[] {psi[0], psi[1]}, pk);
            fims.add(m.fim(m.gain(PaperFim.echoLoss(0.6, d, 2.7), 0.5), 20));
            jacs.add(BistaticDopplerDelay.jacobian(pb, pk, f0, DT, psi));
            CrbResult crb = CooperativeCrb.positionCrb(fims, jacs);
            if (k == 0) {
                assertFalse(crb.identifiable(), "one receiver: two measurements, three unknowns");
                continue;
            }
            assertTrue(crb.identifiable());
            double pos = crb.variance(0) + crb.variance(1);
            assertTrue(pos < previous, "position CRB must fall when receiver " + k + " joins");
            previous = pos;
        }
        // the chain rule as the sum of congruences equals the stacked block-diagonal form G^T blkdiag(J) G
        DMatrixRMaj stackedG = new DMatrixRMaj(2 * fims.size(), 3);
        DMatrixRMaj block = new DMatrixRMaj(2 * fims.size(), 2 * fims.size());
        for (int k = 0; k < fims.size(); k++) {
            CommonOps_DDRM.insert(jacs.get(k), stackedG, 2 * k, 0);
            CommonOps_DDRM.insert(fims.get(k), block, 2 * k, 2 * k);
        }
        DMatrixRMaj tmp = new DMatrixRMaj(2 * fims.size(), 3);
        CommonOps_DDRM.mult(block, stackedG, tmp);
        DMatrixRMaj full = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.multTransA(stackedG, tmp, full);
        DMatrixRMaj chain = CooperativeCrb.positionFim(fims, jacs);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(full.get(i, j), chain.get(i, j), 1e-10 * Math.sqrt(full.get(i, i) * full.get(j, j)));
            }
        }
    }

    @Test
    void positionFimEqualsTheEngineOnTheStackedDelayDopplerMeasurements() {
        // (τ_k, f̃_k) observed with Gaussian errors of covariance J_k^{-1}: as a complex circular model
        // with real mean and covariance 2 J_k^{-1} the engine returns 2 Re(G^T C^{-1} G) = Σ G_k^T J_k G_k.
        RandomStream rng = new RandomStream(25);
        PaperFim m = model(Shape.SINC, 1024);
        double[] pb = {0, 0};
        double[] psi = {-35, 25, -15};
        double f0 = 28e9;
        int k = 4;
        double[][] pk = new double[k][];
        List<DMatrixRMaj> fims = new ArrayList<>();
        List<DMatrixRMaj> jacs = new ArrayList<>();
        ZMatrixRMaj cov = new ZMatrixRMaj(2 * k, 2 * k);
        for (int i = 0; i < k; i++) {
            double rad = 10 + 90 * rng.nextDouble();
            double ang = 2 * Math.PI * rng.nextDouble();
            pk[i] = new double[] {rad * Math.cos(ang), rad * Math.sin(ang)};
            DMatrixRMaj j = m.fim(m.gain(PaperFim.echoLoss(0.6, 80, 2.7), 0.5), 1 + rng.nextDouble());
            fims.add(j);
            jacs.add(BistaticDopplerDelay.jacobian(pb, pk[i], f0, DT, psi));
            DMatrixRMaj inv = new DMatrixRMaj(2, 2);
            CommonOps_DDRM.invert(j, inv);
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    cov.set(2 * i + a, 2 * i + b, 2 * inv.get(a, b), 0);
                }
            }
        }
        ZMatrixRMaj g = org.cosense.math.NumericalDerivative.jacobian(p -> {
            double[] out = new double[4 * k];
            for (int i = 0; i < k; i++) {
                double[] meas = BistaticDopplerDelay.measurement(pb, pk[i], f0, DT, p);
                out[4 * i] = meas[0];
                out[4 * i + 2] = meas[1];
            }
            return out;
        }, psi, new double[] {0.5, 0.5, 1});
        DMatrixRMaj engine = org.cosense.bounds.FisherInformation.ofJacobian(g, cov);
        DMatrixRMaj chain = CooperativeCrb.positionFim(fims, jacs);
        assertTrue(ExactFimTest.scaledDifference(chain, engine) < 1e-6, "scaled difference " + ExactFimTest.scaledDifference(chain, engine));
    }
}
