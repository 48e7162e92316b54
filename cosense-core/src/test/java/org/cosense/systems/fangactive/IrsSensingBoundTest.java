package org.cosense.systems.fangactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cosense.array.AngleUpa;
import org.cosense.math.Complex;
import org.cosense.math.RandomStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.junit.jupiter.api.Test;

class IrsSensingBoundTest {
    private static final double PS = 0.1;

    static ZMatrixRMaj random(RandomStream rng, int rows, int cols) {
        ZMatrixRMaj a = new ZMatrixRMaj(rows, cols);
        rng.complexGaussian(a.data, 0, rows * cols, 1.0);
        return a;
    }

    static ZMatrixRMaj gram(ZMatrixRMaj b) {
        ZMatrixRMaj r = new ZMatrixRMaj(b.numRows, b.numRows);
        CommonOps_ZDRM.multTransB(b, b, r);
        return r;
    }

    static double[] randomPsi(RandomStream rng, int n, double maxAmp) {
        double[] psi = new double[2 * n];
        for (int k = 0; k < n; k++) {
            double a = maxAmp * rng.nextDouble();
            double p = rng.nextPhase();
            psi[2 * k] = a * Math.cos(p);
            psi[2 * k + 1] = a * Math.sin(p);
        }
        return psi;
    }

    /** Psi G R G^H Psi^H. */
    static ZMatrixRMaj signalOutput(IrsSlot s, double[] psi, ZMatrixRMaj r) {
        int n = s.n();
        ZMatrixRMaj pg = s.channel().copy();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < s.m(); j++) {
                double gr = pg.getReal(i, j);
                double gi = pg.getImag(i, j);
                pg.set(i, j, psi[2 * i] * gr - psi[2 * i + 1] * gi, psi[2 * i] * gi + psi[2 * i + 1] * gr);
            }
        }
        ZMatrixRMaj t = new ZMatrixRMaj(n, s.m());
        CommonOps_ZDRM.mult(pg, r, t);
        ZMatrixRMaj q = new ZMatrixRMaj(n, n);
        CommonOps_ZDRM.multTransB(t, pg, q);
        return q;
    }

    @Test
    void paperSceneBoundAndItsCertificate() {
        // independent value (numpy, projected gradient on the same program): 1.11314777591e-5 at P_s = 0.1 W
        for (IrsSlot s : Scenario.paper(16).realization(1, 0)) {
            IrsSensingBound.Result r = IrsSensingBound.of(s, PS);
            assertEquals(1.11314777591e-5, r.crbBound(), 1e-9 * 1.11314777591e-5, "IRS bound");
            assertTrue(Math.abs(r.relativeGap()) < 1e-10, "certified gap (rounding level) " + r.relativeGap());
            double tr = 0;
            for (int i = 0; i < s.n(); i++) {
                tr += r.outputCovariance().getReal(i, i);
            }
            assertEquals(PS, tr, 1e-12, "the optimal IRS output spends the whole budget");
        }
    }

    @Test
    void boundScalesAsOneOverTheBudget() {
        IrsSlot s = Scenario.paper(16).realization(1, 0).get(0);
        double b = IrsSensingBound.of(s, PS).crbBound();
        for (double ps : new double[] {1e-3, 1, 100}) {
            assertEquals(PS / ps, IrsSensingBound.of(s, ps).crbBound() / b, 1e-9 * PS / ps, "P_s = " + ps);
        }
    }

    @Test
    void knownOutputFimOfAPassiveIrsIsProposition2() {
        // spec property 1/4 recipe: unequal spacings, N̄ ≠ N, theta ≠ pi/2
        RandomStream rng = new RandomStream(11);
        AngleUpa refl = new AngleUpa(2, 3, 0.5, 0.4);
        AngleUpa sens = new AngleUpa(3, 2, 0.45, 0.5);
        IrsSlot s = new IrsSlot(refl, sens, random(rng, refl.size(), 4), 1.1, 0.7, Complex.polar(0.8, 0.9), 0, 0.3, 0.4, 3);
        double[] psi = randomPsi(rng, refl.size(), 1.5);
        ZMatrixRMaj r = gram(random(rng, 4, 3));
        DMatrixRMaj prop2 = SensingAtIrs.INSTANCE.fim(s, psi, r);
        DMatrixRMaj known = IrsSensingBound.knownOutputFim(s, signalOutput(s, psi, r));
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double scale = Math.sqrt(prop2.get(i, i) * prop2.get(j, j));
                assertEquals(prop2.get(i, j), known.get(i, j), 1e-10 * scale, "F[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void everyFeasibleDesignIsAboveTheBound() {
        // random active designs (amplifier noise on) scaled onto the IRS budget: CRB_l >= bound, and the bound is tight
        RandomStream rng = new RandomStream(5);
        List<IrsSlot> slots = TinyScenarios.tiny(4).realization(3, 0);
        for (IrsSlot s : slots) {
            double bound = IrsSensingBound.of(s, PS).crbBound();
            double best = Double.POSITIVE_INFINITY;
            for (int t = 0; t < 200; t++) {
                double[] psi = randomPsi(rng, s.n(), 8);
                ZMatrixRMaj r = gram(random(rng, s.m(), 1 + t % s.m()));
                double p = SensingAtIrs.INSTANCE.irsPower(s, psi, r);
                CommonOps_ZDRM.scale(PS / p, 0, r); // power is affine in R with the noise term; shrink R then psi
                double[] fit = Benchmarks.scaleToBudget(SensingAtIrs.INSTANCE, s, psi, r, PS, 8);
                assertTrue(SensingAtIrs.INSTANCE.irsPower(s, fit, r) <= PS * (1 + 1e-9));
                double crb = SensingAtIrs.INSTANCE.crb(s, fit, r);
                assertTrue(crb >= bound * (1 - 1e-12), "design " + t + ": " + crb + " < bound " + bound);
                best = Math.min(best, crb);
            }
            assertTrue(best < 1e3 * bound, "the bound is in the range of real designs: best random " + best + ", bound " + bound);
        }
    }
}
