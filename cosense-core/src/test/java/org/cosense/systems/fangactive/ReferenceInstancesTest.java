package org.cosense.systems.fangactive;

import static org.cosense.systems.fangactive.FangTestInstances.randomPsd;
import static org.cosense.systems.fangactive.FangTestInstances.scaledDifference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cosense.bounds.AffineFisherInformation;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.HermitianEigen;
import org.cosense.math.ThinSvd;
import org.cosense.math.RandomStream;
import org.cosense.systems.fangactive.ReferenceInstances.Instance;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Spec fangactive 7: what RS-A and RS-B fix without an SDP solver. */
class ReferenceInstancesTest {

    static ZMatrixRMaj r0(int l) {
        // c^* c^T / ||c||^4, so that c^T R0 c^* = 1
        ZMatrixRMaj c = ComplexLinalg.columnVector(ReferenceInstances.bsSteering(l));
        return ComplexLinalg.scale(1.0 / 16, ComplexLinalg.product(ComplexLinalg.conjugate(c), ComplexLinalg.transpose(c)));
    }

    static double effectivePower(int l, ZMatrixRMaj r) {
        ZMatrixRMaj c = ComplexLinalg.columnVector(ReferenceInstances.bsSteering(l));
        return ComplexLinalg.product(ComplexLinalg.transpose(c), r, ComplexLinalg.conjugate(c)).getReal(0, 0);
    }

    static double crbAt(DMatrixRMaj f0, DMatrixRMaj fu, double p) {
        DMatrixRMaj f = fu.copy();
        CommonOps_DDRM.scale(p, f);
        CommonOps_DDRM.addEquals(f, f0);
        return FangBounds.traceCrb(f);
    }

    /** min p ≥ 0 with tr((F0 + p Fu)^{-1}) ≤ kappa (the CRB decreases in p). */
    static double minPower(DMatrixRMaj f0, DMatrixRMaj fu, double kappa) {
        double hi = 1;
        while (crbAt(f0, fu, hi) > kappa) {
            hi *= 2;
        }
        double lo = 0;
        for (int i = 0; i < 64; i++) {
            double mid = 0.5 * (lo + hi);
            if (crbAt(f0, fu, mid) > kappa) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** RS-A's closed form of spec 7: bisection on kappa over the per-IRS minimal effective powers. */
    static double rsAKappa(double pt, double ps) {
        Instance in = ReferenceInstances.rsA();
        DMatrixRMaj[] f0 = new DMatrixRMaj[2];
        DMatrixRMaj[] fu = new DMatrixRMaj[2];
        double[] cap = new double[2];
        for (int l = 0; l < 2; l++) {
            AffineFisherInformation a = in.mode().affineInCovariance(in.slots().get(l), in.reflections().get(l));
            f0[l] = a.constant();
            fu[l] = a.evaluate(r0(l));
            CommonOps_DDRM.subtractEquals(fu[l], f0[l]);
            double g = ReferenceInstances.gain(l);
            cap[l] = (ps - 4.5) / (9 * g * g);
        }
        double lo = 1e-6;
        double hi = 1e6;
        for (int i = 0; i < 64; i++) {
            double k = Math.sqrt(lo * hi);
            double p0 = minPower(f0[0], fu[0], k);
            double p1 = minPower(f0[1], fu[1], k);
            boolean ok = p0 <= cap[0] && p1 <= cap[1] && (p0 + p1) / 4 <= 2 * pt;
            if (ok) {
                hi = k;
            } else {
                lo = k;
            }
        }
        return hi;
    }

    @Test
    void rsAFimIsAffineInTheEffectivePowerAndTheIrsPowerFormulaHolds() {
        Instance in = ReferenceInstances.rsA();
        RandomStream rng = new RandomStream(21);
        for (int l = 0; l < 2; l++) {
            IrsSlot s = in.slots().get(l);
            double[] psi = in.reflections().get(l);
            assertEquals(9, ComplexLinalg.squaredNorm(psi), 1e-12);
            AffineFisherInformation a = in.mode().affineInCovariance(s, psi);
            DMatrixRMaj fu = a.evaluate(r0(l));
            CommonOps_DDRM.subtractEquals(fu, a.constant());
            for (int k = 0; k < 3; k++) {
                ZMatrixRMaj r = randomPsd(rng, 4, 1 + k);
                double p = effectivePower(l, r);
                DMatrixRMaj expect = fu.copy();
                CommonOps_DDRM.scale(p, expect);
                CommonOps_DDRM.addEquals(expect, a.constant());
                assertTrue(scaledDifference(in.mode().fim(s, psi, r), expect) < 1e-10);
                double g = ReferenceInstances.gain(l);
                assertEquals(p * g * g * 9 + 4.5, in.mode().irsPower(s, psi, r), 1e-10 * (p * g * g * 9 + 4.5));
            }
            assertEquals(Double.POSITIVE_INFINITY, FangBounds.traceCrb(a.constant()));
        }
    }

    @Test
    void rsAReferenceValuesFromTheOneDimensionalClosedForm() {
        assertEquals(1.18897987, rsAKappa(1, 1000), 1e-7 * 1.19);
        assertEquals(4.81797562, rsAKappa(1, 20), 1e-7 * 4.82);
        assertEquals(48.0777057, rsAKappa(1, 6), 1e-7 * 48.1);
        assertEquals(4.81797562, rsAKappa(30, 20), 1e-7 * 4.82);
    }

    /** Frank–Wolfe with exact line search for min tr(F(R)^{-1}) over {R ⪰ 0, tr R = 1}; returns {f, lambda_max(Γ)}. */
    static double[] singleIrsOptimum(AffineFisherInformation a) {
        ZMatrixRMaj r = ComplexLinalg.scale(0.25, ComplexLinalg.identity(4));
        double f = FangBounds.traceCrb(a.evaluate(r));
        double lmax = 0;
        for (int it = 0; it < 800; it++) {
            ZMatrixRMaj gamma = gamma(a, r);
            HermitianEigen e = HermitianEigen.decompose(gamma);
            lmax = e.values()[3];
            ZMatrixRMaj v = e.vectors(3, 4);
            ZMatrixRMaj s = ComplexLinalg.product(v, ComplexLinalg.conjugateTranspose(v));
            // golden-section search on gamma in [0, 1]
            double lo = 0;
            double hi = 1;
            double gr = (Math.sqrt(5) - 1) / 2;
            for (int k = 0; k < 45; k++) {
                double x1 = hi - gr * (hi - lo);
                double x2 = lo + gr * (hi - lo);
                if (value(a, r, s, x1) < value(a, r, s, x2)) {
                    hi = x2;
                } else {
                    lo = x1;
                }
            }
            double t = 0.5 * (lo + hi);
            double fn = value(a, r, s, t);
            if (fn < f) {
                r = ComplexLinalg.add(ComplexLinalg.scale(1 - t, r), ComplexLinalg.scale(t, s));
                f = fn;
            }
        }
        return new double[] {f, lmax};
    }

    static double value(AffineFisherInformation a, ZMatrixRMaj r, ZMatrixRMaj s, double t) {
        return FangBounds.traceCrb(a.evaluate(ComplexLinalg.add(ComplexLinalg.scale(1 - t, r), ComplexLinalg.scale(t, s))));
    }

    /** Γ = Σ_pq [F^{-1} F^{-1}]_pq M_pq = −grad tr(F^{-1}). */
    static ZMatrixRMaj gamma(AffineFisherInformation a, ZMatrixRMaj r) {
        DMatrixRMaj fi = FangBounds.crb(a.evaluate(r)).covariance();
        DMatrixRMaj w = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.mult(fi, fi, w);
        ZMatrixRMaj g = new ZMatrixRMaj(4, 4);
        for (int p = 0; p < 4; p++) {
            for (int q = 0; q < 4; q++) {
                g = ComplexLinalg.add(g, ComplexLinalg.scale(w.get(p, q), a.coefficient(p, q)));
            }
        }
        return ComplexLinalg.hermitianPart(g);
    }

    @Test
    void rsBIsIdentifiableAndItsSingleIrsOptimaMatchTheReferenceValues() {
        Instance in = ReferenceInstances.rsB();
        double[] expected = {0.2081286639, 0.8733122365};
        double[] f = new double[2];
        for (int l = 0; l < 2; l++) {
            IrsSlot s = in.slots().get(l);
            assertEquals(4, ThinSvd.decompose(s.channel()).rank());
            AffineFisherInformation a = in.mode().affineInCovariance(s, in.reflections().get(l));
            assertTrue(FangBounds.crb(a.evaluate(ComplexLinalg.scale(0.25, ComplexLinalg.identity(4)))).identifiable());
            double[] opt = singleIrsOptimum(a);
            f[l] = opt[0];
            assertEquals(expected[l], opt[0], 1e-5 * expected[l], "f_" + (l + 1));
            // Euler identity at the optimum: lambda_max(Γ) = f_l
            assertEquals(opt[0], opt[1], 1e-3 * opt[0]);
            // rank-one G (pure LoS part only) is unidentifiable at the BS
            IrsSlot los = s.withChannel(ReferenceInstances.losChannel(l));
            assertEquals(Double.POSITIVE_INFINITY, in.mode().crb(los, in.reflections().get(l), ComplexLinalg.scale(0.25, ComplexLinalg.identity(4))));
        }
        // 3.10 decomposition with inactive IRS budgets: kappa* = (f_1 + f_2)/(L P_t), P_t = 1
        assertEquals(0.5407204502, (f[0] + f[1]) / 2, 1e-5 * 0.54);
    }

    @Test
    void rStepDataOfRsBWithScaledBetaGivesTheSameObjective() {
        Instance in = ReferenceInstances.rsB();
        Budget b = new Budget(1, 100, 8);
        RStepProblem raw = RStepProblem.of(in.mode(), in.slots(), in.reflections(), b, false);
        RStepProblem scaled = RStepProblem.of(in.mode(), in.slots(), in.reflections(), b, true);
        List<ZMatrixRMaj> iso = Benchmarks.isotropicCovariances(2, 4, 1);
        assertEquals(raw.objective(iso), scaled.objective(iso), 1e-12 * raw.objective(iso));
        for (int l = 0; l < 2; l++) {
            double crb = in.mode().crb(in.slots().get(l), in.reflections().get(l), iso.get(l));
            assertEquals(crb, scaled.weightedCrb(l, iso.get(l)), 1e-12 * crb);
        }
        assertTrue(raw.feasible(iso, 1e-12));
        assertTrue(!RStepProblem.of(in.mode(), in.slots(), in.reflections(), new Budget(1, 1, 8), false).feasible(iso, 1e-12));
    }
}
