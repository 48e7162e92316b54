package org.cosense.bounds;

import static org.cosense.math.TestMatrices.assertRelClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.cosense.math.TestMatrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.junit.jupiter.api.Test;

class FisherInformationTest {

    /** Mean-only model with white noise σ² I: derivatives left to the numerical defaults. */
    static GaussianModel whiteModel(int n, int p, java.util.function.Function<double[], double[]> mean, double sigma2) {
        return new GaussianModel() {
            public int parameterCount() {
                return p;
            }

            public int dimension() {
                return n;
            }

            public double[] mean(double[] t) {
                return mean.apply(t);
            }

            public ZMatrixRMaj covariance(double[] t) {
                return ComplexLinalg.scale(sigma2, 0, CommonOps_ZDRM.identity(n));
            }

            @Override
            public boolean covarianceIsConstant() {
                return true;
            }
        };
    }

    /** ULA steering e^{jπ k sin φ}, k = 0..n-1. */
    static double[] steering(int n, double phi) {
        double[] a = new double[2 * n];
        for (int k = 0; k < n; k++) {
            a[2 * k] = Math.cos(Math.PI * k * Math.sin(phi));
            a[2 * k + 1] = Math.sin(Math.PI * k * Math.sin(phi));
        }
        return a;
    }

    static double[] steeringDerivative(int n, double phi) {
        double[] d = new double[2 * n];
        for (int k = 0; k < n; k++) {
            double g = Math.PI * k * Math.cos(phi);
            double ph = Math.PI * k * Math.sin(phi);
            d[2 * k] = -g * Math.sin(ph);
            d[2 * k + 1] = g * Math.cos(ph);
        }
        return d;
    }

    // (a) ----------------------------------------------------------------------------------

    @Test
    void scalarComplexAmplitudeInWhiteNoise() {
        // y = s x + w, θ = (Re s, Im s): J = [x, jx], F = (2/σ²)||x||² I, CRB = σ²/(2||x||²) each.
        RandomStream rng = new RandomStream(1);
        ZMatrixRMaj x = TestMatrices.random(rng, 6, 1);
        double nx = ComplexLinalg.squaredNorm(x.data);
        double sigma2 = 0.37;
        ZMatrixRMaj j = new ZMatrixRMaj(6, 2);
        for (int k = 0; k < 6; k++) {
            j.set(k, 0, x.getReal(k, 0), x.getImag(k, 0));
            j.set(k, 1, -x.getImag(k, 0), x.getReal(k, 0));
        }
        DMatrixRMaj expected = new DMatrixRMaj(new double[][] {{2 * nx / sigma2, 0}, {0, 2 * nx / sigma2}});
        assertRelClose(expected, FisherInformation.ofWhiteNoise(j, sigma2), 1e-14, "white-noise FIM");
        ZMatrixRMaj c = ComplexLinalg.scale(sigma2, 0, CommonOps_ZDRM.identity(6));
        assertRelClose(expected, FisherInformation.ofJacobian(j, c), 1e-13, "FIM with explicit σ² I");
        GaussianModel m = whiteModel(6, 2, t -> ComplexLinalg.scale(t[0], t[1], x).data, sigma2);
        assertRelClose(expected, FisherInformation.of(m, new double[] {0.3, -1.2}), 1e-9, "numerical model FIM");
        CrbResult crb = Crb.of(expected);
        assertEquals(sigma2 / (2 * nx), crb.variance(0), 1e-15);
        // Real gain g with m = g s, s = 0.6 - 0.8j (|s|² = 1): F = (2/σ²)|s|².
        ZMatrixRMaj js = new ZMatrixRMaj(new double[][] {{0.6, -0.8}});
        assertEquals(2 / sigma2, FisherInformation.ofWhiteNoise(js, sigma2).get(0, 0), 1e-13);
    }

    // (b) ----------------------------------------------------------------------------------

    @Test
    void complexSinusoidFrequencyAgainstTheTextbookBound() {
        /*
         * y_n = A e^{jωn} + w_n, n = 0..N-1, w ~ CN(0, σ²), θ = (ω, Re A, Im A).
         * J columns: jnA e^{jωn}, e^{jωn}, j e^{jωn}. F = (2/σ²) Re{J^H J}:
         * F_ωω = (2/σ²)|A|² Σn², F_ω,ReA = −(2/σ²) Im A Σn, F_ω,ImA = (2/σ²) Re A Σn, F_AA = (2N/σ²) I.
         * Schur complement for ω: (2/σ²)|A|² (N Σn² − (Σn)²)/N = (2/σ²)|A|² N(N²−1)/12, so
         * CRB(ω) = 6σ² / (|A|² N (N² − 1)) — independent of the time origin (the phase is free).
         */
        int n = 16;
        double omega = 0.7;
        double ar = 0.8 * Math.cos(0.4);
        double ai = 0.8 * Math.sin(0.4);
        double sigma2 = 0.3;
        java.util.function.Function<double[], double[]> mean = t -> {
            double[] y = new double[2 * n];
            for (int k = 0; k < n; k++) {
                double c = Math.cos(t[0] * k);
                double s = Math.sin(t[0] * k);
                y[2 * k] = t[1] * c - t[2] * s;
                y[2 * k + 1] = t[1] * s + t[2] * c;
            }
            return y;
        };
        ZMatrixRMaj j = new ZMatrixRMaj(n, 3);
        for (int k = 0; k < n; k++) {
            double c = Math.cos(omega * k);
            double s = Math.sin(omega * k);
            double mr = ar * c - ai * s;
            double mi = ar * s + ai * c;
            j.set(k, 0, -k * mi, k * mr); // j n m_n
            j.set(k, 1, c, s);
            j.set(k, 2, -s, c);
        }
        double[] theta = {omega, ar, ai};
        DMatrixRMaj analytic = FisherInformation.ofWhiteNoise(j, sigma2);
        DMatrixRMaj numeric = FisherInformation.of(whiteModel(n, 3, mean, sigma2), theta);
        assertRelClose(analytic, numeric, 1e-6, "analytic vs numerical Jacobian");
        double a2 = ar * ar + ai * ai;
        double bound = 6 * sigma2 / (a2 * n * (n * n - 1.0));
        CrbResult crb = Crb.of(analytic);
        assertTrue(crb.identifiable());
        assertEquals(bound, crb.variance(0), 1e-12 * bound);
        assertEquals(bound, Crb.of(numeric).variance(0), 1e-6 * bound);
        // The closed-form entries themselves.
        double sumN = n * (n - 1) / 2.0;
        double sumN2 = (n - 1.0) * n * (2 * n - 1) / 6;
        assertEquals(2 / sigma2 * a2 * sumN2, analytic.get(0, 0), 1e-12 * analytic.get(0, 0));
        assertEquals(-2 / sigma2 * ai * sumN, analytic.get(0, 1), 1e-12 * analytic.get(0, 0));
        assertEquals(2 / sigma2 * ar * sumN, analytic.get(0, 2), 1e-12 * analytic.get(0, 0));
        assertEquals(2 * n / sigma2, analytic.get(1, 1), 1e-12 * analytic.get(1, 1));
    }

    // (c) ----------------------------------------------------------------------------------

    @Test
    void covarianceParameters() {
        int n = 7;
        // y ~ CN(0, θ I_n): F = n/θ².
        GaussianModel scaled = new GaussianModel() {
            public int parameterCount() {
                return 1;
            }

            public int dimension() {
                return n;
            }

            public double[] mean(double[] t) {
                return new double[2 * n];
            }

            public ZMatrixRMaj covariance(double[] t) {
                return ComplexLinalg.scale(t[0], 0, CommonOps_ZDRM.identity(n));
            }
        };
        double theta = 2.5;
        assertEquals(n / (theta * theta), FisherInformation.of(scaled, new double[] {theta}).get(0, 0), 1e-10 * n / (theta * theta));

        // y ~ CN(0, σs² a a^H + σ² I), unit-modulus a: F(σs²) = n² / (σs² n + σ²)².
        double phi = 0.35;
        double sigma2 = 0.2;
        ZMatrixRMaj a = ComplexLinalg.columnVector(steering(n, phi));
        ZMatrixRMaj aa = ComplexLinalg.multTransB(a, a);
        GaussianModel source = new GaussianModel() {
            public int parameterCount() {
                return 1;
            }

            public int dimension() {
                return n;
            }

            public double[] mean(double[] t) {
                return new double[2 * n];
            }

            public ZMatrixRMaj covariance(double[] t) {
                return ComplexLinalg.add(ComplexLinalg.scale(t[0], 0, aa), ComplexLinalg.scale(sigma2, 0, CommonOps_ZDRM.identity(n)));
            }
        };
        double ps = 0.8;
        double expected = n * n / Math.pow(ps * n + sigma2, 2);
        assertEquals(expected, FisherInformation.of(source, new double[] {ps}).get(0, 0), 1e-9 * expected, "numerical");
        assertEquals(expected, FisherInformation.ofCovariance(source.covariance(new double[] {ps}), List.of(aa)).get(0, 0),
                1e-12 * expected, "analytic ∂C");
    }

    // (f) ----------------------------------------------------------------------------------

    /**
     * Two sources in one snapshot plus a random source: θ = (φ1, φ2, ρ, η),
     * m = b1 a(φ1) + b2 a(φ2), C = e^ρ a(φ1) a(φ1)^H + e^η I.
     */
    static final class TwoSourceModel implements GaussianModel {
        final int n;
        final double[] b1;
        final double[] b2;

        TwoSourceModel(int n, RandomStream rng) {
            this.n = n;
            this.b1 = new double[2];
            this.b2 = new double[2];
            rng.complexGaussian(b1, 0, 1, 1);
            rng.complexGaussian(b2, 0, 1, 1);
        }

        public int parameterCount() {
            return 4;
        }

        public int dimension() {
            return n;
        }

        public double[] mean(double[] t) {
            double[] m = new double[2 * n];
            double[] a1 = steering(n, t[0]);
            double[] a2 = steering(n, t[1]);
            for (int k = 0; k < n; k++) {
                m[2 * k] = b1[0] * a1[2 * k] - b1[1] * a1[2 * k + 1] + b2[0] * a2[2 * k] - b2[1] * a2[2 * k + 1];
                m[2 * k + 1] = b1[0] * a1[2 * k + 1] + b1[1] * a1[2 * k] + b2[0] * a2[2 * k + 1] + b2[1] * a2[2 * k];
            }
            return m;
        }

        public ZMatrixRMaj covariance(double[] t) {
            ZMatrixRMaj a = ComplexLinalg.columnVector(steering(n, t[0]));
            return ComplexLinalg.add(ComplexLinalg.scale(Math.exp(t[2]), 0, ComplexLinalg.multTransB(a, a)),
                    ComplexLinalg.scale(Math.exp(t[3]), 0, CommonOps_ZDRM.identity(n)));
        }

        @Override
        public ZMatrixRMaj meanJacobian(double[] t) {
            ZMatrixRMaj d1 = ComplexLinalg.scale(b1[0], b1[1], ComplexLinalg.columnVector(steeringDerivative(n, t[0])));
            ZMatrixRMaj d2 = ComplexLinalg.scale(b2[0], b2[1], ComplexLinalg.columnVector(steeringDerivative(n, t[1])));
            ZMatrixRMaj j = new ZMatrixRMaj(n, 4);
            for (int k = 0; k < n; k++) {
                j.set(k, 0, d1.getReal(k, 0), d1.getImag(k, 0));
                j.set(k, 1, d2.getReal(k, 0), d2.getImag(k, 0));
            }
            return j;
        }

        @Override
        public List<ZMatrixRMaj> covarianceDerivatives(double[] t) {
            ZMatrixRMaj a = ComplexLinalg.columnVector(steering(n, t[0]));
            ZMatrixRMaj da = ComplexLinalg.columnVector(steeringDerivative(n, t[0]));
            ZMatrixRMaj dPhi = ComplexLinalg.add(ComplexLinalg.multTransB(da, a), ComplexLinalg.multTransB(a, da));
            return List.of(ComplexLinalg.scale(Math.exp(t[2]), 0, dPhi), new ZMatrixRMaj(n, n),
                    ComplexLinalg.scale(Math.exp(t[2]), 0, ComplexLinalg.multTransB(a, a)),
                    ComplexLinalg.scale(Math.exp(t[3]), 0, CommonOps_ZDRM.identity(n)));
        }

        /** The same model with the numerical default derivatives. */
        GaussianModel numerical() {
            TwoSourceModel self = this;
            return new GaussianModel() {
                public int parameterCount() {
                    return 4;
                }

                public int dimension() {
                    return n;
                }

                public double[] mean(double[] t) {
                    return self.mean(t);
                }

                public ZMatrixRMaj covariance(double[] t) {
                    return self.covariance(t);
                }
            };
        }
    }

    /** Slepian–Bangs by the book, with an explicit C^{-1}: an independent reference. */
    static DMatrixRMaj bruteForce(ZMatrixRMaj j, ZMatrixRMaj c, List<ZMatrixRMaj> dc) {
        int p = j.numCols;
        ZMatrixRMaj ci = new ZMatrixRMaj(c.numRows, c.numRows);
        assertTrue(CommonOps_ZDRM.invert(c, ci));
        DMatrixRMaj f = new DMatrixRMaj(p, p);
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                ZMatrixRMaj ja = ComplexLinalg.columns(j, a, a + 1);
                ZMatrixRMaj jb = ComplexLinalg.columns(j, b, b + 1);
                double v = 2 * ComplexLinalg.mult(ComplexLinalg.multTransA(ja, ci), jb).getReal(0, 0);
                if (!dc.isEmpty()) {
                    ZMatrixRMaj prod = ComplexLinalg.mult(ComplexLinalg.mult(ci, dc.get(a)), ComplexLinalg.mult(ci, dc.get(b)));
                    v += ComplexLinalg.trace(prod).real;
                }
                f.set(a, b, v);
            }
        }
        return f;
    }

    @Test
    void numericalAndAnalyticDerivativesAgreeOnRandomModels() {
        RandomStream rng = new RandomStream(2024);
        for (int trial = 0; trial < 10; trial++) {
            int n = 4 + rng.nextInt(12);
            TwoSourceModel model = new TwoSourceModel(n, rng);
            double[] theta = {rng.nextDouble() * 2 - 1, rng.nextDouble() * 2 - 1, rng.nextGaussian(), rng.nextGaussian() - 1};
            DMatrixRMaj analytic = FisherInformation.of(model, theta);
            DMatrixRMaj numeric = FisherInformation.of(model.numerical(), theta);
            assertRelClose(analytic, numeric, 1e-6, "trial " + trial + " numerical vs analytic");
            DMatrixRMaj reference = bruteForce(model.meanJacobian(theta), model.covariance(theta), model.covarianceDerivatives(theta));
            assertRelClose(reference, analytic, 1e-10, "trial " + trial + " Cholesky route vs explicit inverse");
            assertEquals(0, FisherInformation.of(model, theta).get(1, 2), 1e-9 * analytic.get(2, 2),
                    "φ2 only in the mean, ρ only in C: no cross information");
        }
    }

    @Test
    void independentBlocksAdd() {
        // T snapshots with different means in white noise = one stacked observation.
        RandomStream rng = new RandomStream(8);
        int n = 5;
        int p = 3;
        double sigma2 = 0.6;
        List<GaussianModel> blocks = new ArrayList<>();
        List<DMatrixRMaj> fims = new ArrayList<>();
        ZMatrixRMaj stacked = new ZMatrixRMaj(3 * n, p);
        for (int t = 0; t < 3; t++) {
            ZMatrixRMaj g = TestMatrices.random(rng, n, p);
            blocks.add(whiteModel(n, p, th -> ComplexLinalg.mult(g, new ZMatrixRMaj(p, 1, true, th[0], 0, th[1], 0, th[2], 0)).data, sigma2));
            fims.add(FisherInformation.ofWhiteNoise(g, sigma2));
            CommonOps_ZDRM.extract(g, 0, n, 0, p, stacked, t * n, 0);
        }
        DMatrixRMaj expected = FisherInformation.ofWhiteNoise(stacked, sigma2);
        assertRelClose(expected, FisherInformation.sum(fims), 1e-13, "sum");
        assertRelClose(expected, FisherInformation.of(blocks, new double[] {0.1, 0.2, 0.3}), 1e-9, "blocks");
    }

    @Test
    void reparametrizationIsConsistentWithTheChainRuleOnBounds() {
        // θ = H φ with H invertible: CRB_φ = H^{-1} CRB_θ H^{-T}.
        RandomStream rng = new RandomStream(4);
        DMatrixRMaj f = FisherInformation.ofWhiteNoise(TestMatrices.random(rng, 8, 3), 0.5);
        DMatrixRMaj h = new DMatrixRMaj(new double[][] {{1, 2, 0}, {0, 1, -1}, {0.5, 0, 3}});
        DMatrixRMaj hInv = new DMatrixRMaj(3, 3);
        assertTrue(CommonOps_DDRM.invert(h, hInv));
        CrbResult viaFim = Crb.of(FisherInformation.transform(f, h));
        CrbResult viaBound = Crb.transform(Crb.of(f), hInv);
        assertRelClose(viaBound.covariance(), viaFim.covariance(), 1e-10, "F_φ = H^T F H");
    }

    @Test
    void rejectsInconsistentInputs() {
        ZMatrixRMaj j = new ZMatrixRMaj(3, 2);
        assertThrows(InvalidInputException.class, () -> FisherInformation.ofJacobian(j, CommonOps_ZDRM.identity(4)));
        assertThrows(InvalidInputException.class, () -> FisherInformation.ofWhiteNoise(j, 0));
        ZMatrixRMaj notPd = CommonOps_ZDRM.identity(3);
        notPd.set(1, 1, -1, 0);
        assertThrows(InvalidInputException.class, () -> FisherInformation.ofJacobian(j, notPd));
    }
}
