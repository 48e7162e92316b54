package org.cosense.bounds;

import static org.cosense.bounds.FisherInformationTest.steering;
import static org.cosense.bounds.FisherInformationTest.steeringDerivative;
import static org.cosense.bounds.FisherInformationTest.whiteModel;
import static org.cosense.math.TestMatrices.assertRelClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.cosense.math.TestMatrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class CrbTest {

    @Test
    void boundIsTheInverseOfAWellPosedFim() {
        DMatrixRMaj f = FisherInformation.ofWhiteNoise(TestMatrices.random(new RandomStream(3), 10, 4), 0.7);
        CrbResult crb = Crb.of(f);
        assertTrue(crb.identifiable());
        assertEquals(4, crb.rank());
        assertEquals("", crb.reason());
        DMatrixRMaj prod = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.mult(f, crb.covariance(), prod);
        assertRelClose(CommonOps_DDRM.identity(4), prod, 1e-12, "F · CRB = I");
        assertTrue(crb.conditionNumber() >= 1 && Double.isFinite(crb.conditionNumber()));
        assertEquals(Math.sqrt(crb.variance(2)), crb.standardDeviation(2), 0);
        assertEquals(crb.variance(0) + crb.variance(3), crb.sumOfVariances(0, 3), 0);
        // 2×2 closed form: [[a, b], [b, c]]^{-1}_00 = c / (ac − b²).
        CrbResult two = Crb.of(new DMatrixRMaj(new double[][] {{4, 1}, {1, 3}}));
        assertEquals(3.0 / 11, two.variance(0), 1e-15);
        assertEquals(-1.0 / 11, two.covariance().get(0, 1), 1e-15);
    }

    // (d) ----------------------------------------------------------------------------------

    @Test
    void parametersEnteringOnlyThroughTheirSumAreNotIdentifiable() {
        // m = (θ0 + θ1) x: only θ0 + θ1 is seen. Numerical derivatives, so rounding must not fool it.
        ZMatrixRMaj x = TestMatrices.random(new RandomStream(5), 6, 1);
        GaussianModel m = whiteModel(6, 2, t -> ComplexLinalg.scale(t[0] + t[1], 0, x).data, 0.1);
        CrbResult crb = Crb.of(FisherInformation.of(m, new double[] {0.4, 1.7}));
        assertFalse(crb.identifiable());
        assertNull(crb.covariance());
        assertEquals(1, crb.rank());
        assertEquals(Double.POSITIVE_INFINITY, crb.variance(0));
        assertEquals(Double.POSITIVE_INFINITY, crb.variance(1));
        assertEquals(Double.POSITIVE_INFINITY, crb.conditionNumber());
        assertTrue(crb.reason().contains("singular"), crb.reason());
        assertTrue(crb.reason().contains("(1.00, -1.00)") || crb.reason().contains("(-1.00, 1.00)"), crb.reason());
        // Derived quantities of an unidentifiable model stay unbounded.
        CrbResult derived = Crb.transform(crb, new DMatrixRMaj(new double[][] {{1, 1}}));
        assertFalse(derived.identifiable());
        assertEquals(Double.POSITIVE_INFINITY, derived.variance(0));
        assertTrue(derived.reason().startsWith("derived from an unidentifiable model"));
    }

    @Test
    void parameterThatDoesNotEnterTheModelIsReported() {
        ZMatrixRMaj x = TestMatrices.random(new RandomStream(6), 4, 1);
        GaussianModel m = whiteModel(4, 3, t -> ComplexLinalg.scale(t[0], t[1], x).data, 0.1); // θ2 unused
        CrbResult crb = Crb.of(FisherInformation.of(m, new double[] {1, 2, 3}));
        assertFalse(crb.identifiable());
        assertEquals(Double.POSITIVE_INFINITY, crb.variance(0), "infinite for every parameter, never huge-finite");
        assertTrue(crb.reason().contains("[2]"), crb.reason());
        assertEquals(2, crb.rank());
    }

    // (e) ----------------------------------------------------------------------------------

    @Test
    void badlyScaledButIdentifiableModelIsNotAFalseAlarm() {
        // m = g a(φ), real path gain g = 1e-8, ULA angle φ, σ² = 1e-18 (SNR g²/σ² = 20 dB).
        // Re{a^H ∂a/∂φ} = 0, so F is diagonal: CRB(g) = σ²/(2N), CRB(φ) = σ²/(2 g² Σ (πk cos φ)²).
        int n = 16;
        double g = 1e-8;
        double phi = 0.5;
        double sigma2 = 1e-18;
        ZMatrixRMaj j = new ZMatrixRMaj(n, 2);
        double[] a = steering(n, phi);
        double[] da = steeringDerivative(n, phi);
        double s2 = 0;
        for (int k = 0; k < n; k++) {
            j.set(k, 0, a[2 * k], a[2 * k + 1]);
            j.set(k, 1, g * da[2 * k], g * da[2 * k + 1]);
            s2 += Math.pow(Math.PI * k * Math.cos(phi), 2);
        }
        DMatrixRMaj f = FisherInformation.ofWhiteNoise(j, sigma2);
        // A raw eigenvalue-ratio test would call this singular:
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2, false, true);
        assertTrue(eig.decompose(f.copy()));
        double l0 = Math.abs(eig.getEigenvalue(0).real);
        double l1 = Math.abs(eig.getEigenvalue(1).real);
        assertTrue(Math.min(l0, l1) / Math.max(l0, l1) < 1e-12, "the raw FIM is ill-conditioned by units alone");

        CrbResult crb = Crb.of(f);
        assertTrue(crb.identifiable(), crb.reason());
        assertEquals(2, crb.rank());
        assertTrue(crb.conditionNumber() < 1.0001, "scaled FIM of a diagonal F is the identity");
        assertEquals(sigma2 / (2 * n), crb.variance(0), 1e-12 * sigma2 / (2 * n));
        double varPhi = sigma2 / (2 * g * g * s2);
        assertEquals(varPhi, crb.variance(1), 1e-12 * varPhi);

        // Same with numerical derivatives, the gain step stated by the model.
        GaussianModel model = new GaussianModel() {
            final GaussianModel base = whiteModel(n, 2, t -> ComplexLinalg.scale(t[0], 0, ComplexLinalg.columnVector(steering(n, t[1]))).data, sigma2);

            public int parameterCount() {
                return 2;
            }

            public int dimension() {
                return n;
            }

            public double[] mean(double[] t) {
                return base.mean(t);
            }

            public ZMatrixRMaj covariance(double[] t) {
                return base.covariance(t);
            }

            @Override
            public boolean covarianceIsConstant() {
                return true;
            }

            @Override
            public double[] derivativeSteps(double[] t) {
                return new double[] {1e-9, 0.1};
            }
        };
        CrbResult numeric = Crb.of(FisherInformation.of(model, new double[] {g, phi}));
        assertTrue(numeric.identifiable(), numeric.reason());
        assertEquals(varPhi, numeric.variance(1), 1e-6 * varPhi);
    }

    @Test
    void correlatedButIdentifiableParametersStayFinite() {
        // Two closely spaced sources: strongly correlated angle information, still identifiable.
        int n = 8;
        ZMatrixRMaj j = new ZMatrixRMaj(n, 2);
        double[] d1 = steeringDerivative(n, 0.30);
        double[] d2 = steeringDerivative(n, 0.31);
        for (int k = 0; k < n; k++) {
            j.set(k, 0, d1[2 * k], d1[2 * k + 1]);
            j.set(k, 1, d2[2 * k], d2[2 * k + 1]);
        }
        CrbResult crb = Crb.of(FisherInformation.ofWhiteNoise(j, 0.01));
        assertTrue(crb.identifiable(), crb.reason());
        assertTrue(crb.conditionNumber() > 100, "ill-conditioned: " + crb.conditionNumber());
    }

    @Test
    void chainRuleToDerivedParameters() {
        // g(θ) = (θ0 + θ1, θ0 θ2) at θ: G = [[1, 1, 0], [θ2, 0, θ0]], CRB_g = G CRB G^T.
        DMatrixRMaj f = FisherInformation.ofWhiteNoise(TestMatrices.random(new RandomStream(12), 9, 3), 0.2);
        CrbResult crb = Crb.of(f);
        double[] t = {0.5, -1, 2};
        DMatrixRMaj gj = new DMatrixRMaj(new double[][] {{1, 1, 0}, {t[2], 0, t[0]}});
        CrbResult derived = Crb.transform(crb, gj);
        assertTrue(derived.identifiable());
        DMatrixRMaj c = crb.covariance();
        assertEquals(c.get(0, 0) + c.get(1, 1) + 2 * c.get(0, 1), derived.variance(0), 1e-14);
        double v1 = t[2] * t[2] * c.get(0, 0) + t[0] * t[0] * c.get(2, 2) + 2 * t[0] * t[2] * c.get(0, 2);
        assertEquals(v1, derived.variance(1), 1e-13);
        assertEquals(derived.covariance().get(0, 1), derived.covariance().get(1, 0), 0);
    }
}
