package org.cosense.math;

import static org.cosense.math.TestMatrices.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.cosense.InvalidInputException;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

class NumericalDerivativeTest {

    /** f(θ) = [e^{j θ0 θ1}, θ0³ + j sin θ1, 1e3 · θ1 e^{-θ0}]. */
    private static double[] f(double[] t) {
        double ph = t[0] * t[1];
        return new double[] {Math.cos(ph), Math.sin(ph), t[0] * t[0] * t[0], Math.sin(t[1]), 1e3 * t[1] * Math.exp(-t[0]), 0};
    }

    private static ZMatrixRMaj fJacobian(double[] t) {
        double ph = t[0] * t[1];
        ZMatrixRMaj j = new ZMatrixRMaj(3, 2);
        // d/dθ0 e^{jθ0θ1} = jθ1 e^{jph}
        j.set(0, 0, -t[1] * Math.sin(ph), t[1] * Math.cos(ph));
        j.set(0, 1, -t[0] * Math.sin(ph), t[0] * Math.cos(ph));
        j.set(1, 0, 3 * t[0] * t[0], 0);
        j.set(1, 1, 0, Math.cos(t[1]));
        j.set(2, 0, -1e3 * t[1] * Math.exp(-t[0]), 0);
        j.set(2, 1, 1e3 * Math.exp(-t[0]), 0);
        return j;
    }

    @Test
    void jacobianOfAnalyticFunctionIsAccurate() {
        for (double[] theta : new double[][] {{0.7, -1.3}, {3.0, 25.0}, {-0.01, 0.0}, {120.0, 0.2}}) {
            ZMatrixRMaj num = NumericalDerivative.jacobian(NumericalDerivativeTest::f, theta);
            ZMatrixRMaj ana = fJacobian(theta);
            assertEquals(3, num.numRows);
            assertEquals(2, num.numCols);
            // Entry-wise relative to each entry's scale (max(1, |exact|)).
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 2; c++) {
                    double scale = Math.max(1, Math.hypot(ana.getReal(r, c), ana.getImag(r, c)));
                    assertEquals(ana.getReal(r, c), num.getReal(r, c), 1e-8 * scale, "re J[" + r + "," + c + "] at θ0=" + theta[0]);
                    assertEquals(ana.getImag(r, c), num.getImag(r, c), 1e-8 * scale, "im J[" + r + "," + c + "]");
                }
            }
        }
    }

    @Test
    void polynomialDerivativeToRoundingAccuracy() {
        ZMatrixRMaj j = NumericalDerivative.jacobian(t -> new double[] {Math.pow(t[0], 5), 0}, new double[] {1.0});
        assertEquals(5.0, j.getReal(0, 0), 1e-11);
    }

    @Test
    void fastOscillatingSteeringPhaseOfALongArray() {
        // a_n(θ) = e^{jπ n sin θ}, n = 0..99: ∂a_n/∂θ = jπ n cos θ · a_n, frequencies up to ~310 rad
        // per radian — a fixed step of 1e-3 would leave a ~1e-5 relative truncation error.
        int n = 100;
        double theta = 0.3;
        ZMatrixRMaj j = NumericalDerivative.jacobian(t -> {
            double[] a = new double[2 * n];
            for (int k = 0; k < n; k++) {
                a[2 * k] = Math.cos(Math.PI * k * Math.sin(t[0]));
                a[2 * k + 1] = Math.sin(Math.PI * k * Math.sin(t[0]));
            }
            return a;
        }, new double[] {theta});
        for (int k = 0; k < n; k++) {
            double ph = Math.PI * k * Math.sin(theta);
            double g = Math.PI * k * Math.cos(theta);
            double scale = Math.max(1, g);
            assertEquals(-g * Math.sin(ph), j.getReal(k, 0), 1e-9 * scale, "re, n=" + k);
            assertEquals(g * Math.cos(ph), j.getImag(k, 0), 1e-9 * scale, "im, n=" + k);
        }
    }

    @Test
    void absoluteStepsForTinyScaleParameters() {
        // g(θ) = sin(θ / 1e-8): the natural scale of θ is 1e-8, so the step must be too.
        double theta = 3e-9;
        ZMatrixRMaj j = NumericalDerivative.jacobian(t -> new double[] {Math.sin(t[0] / 1e-8), 0},
                new double[] {theta}, new double[] {1e-9});
        double exact = Math.cos(theta / 1e-8) / 1e-8;
        assertEquals(exact, j.getReal(0, 0), 1e-8 * Math.abs(exact));
    }

    @Test
    void matrixDerivativesOfHermitianFunction() {
        RandomStream rng = new RandomStream(21);
        ZMatrixRMaj a = TestMatrices.random(rng, 4, 1);
        ZMatrixRMaj b = TestMatrices.random(rng, 4, 1);
        ZMatrixRMaj aa = ComplexLinalg.multTransB(a, a);
        ZMatrixRMaj bb = ComplexLinalg.multTransB(b, b);
        // M(θ) = θ0² a a^H + sin(θ1) b b^H + θ0 θ1 I
        java.util.function.Function<double[], ZMatrixRMaj> m = t -> {
            ZMatrixRMaj r = ComplexLinalg.add(ComplexLinalg.scale(t[0] * t[0], 0, aa), ComplexLinalg.scale(Math.sin(t[1]), 0, bb));
            for (int i = 0; i < 4; i++) {
                r.set(i, i, r.getReal(i, i) + t[0] * t[1], r.getImag(i, i));
            }
            return r;
        };
        double[] theta = {1.3, -0.4};
        List<ZMatrixRMaj> d = NumericalDerivative.matrixDerivatives(m, theta);
        assertEquals(2, d.size());
        ZMatrixRMaj d0 = ComplexLinalg.scale(2 * theta[0], 0, aa);
        ZMatrixRMaj d1 = ComplexLinalg.scale(Math.cos(theta[1]), 0, bb);
        for (int i = 0; i < 4; i++) {
            d0.set(i, i, d0.getReal(i, i) + theta[1], d0.getImag(i, i));
            d1.set(i, i, d1.getReal(i, i) + theta[0], d1.getImag(i, i));
        }
        assertClose(d0, d.get(0), 1e-9, "∂M/∂θ0");
        assertClose(d1, d.get(1), 1e-9, "∂M/∂θ1");
    }

    @Test
    void rejectsBadSteps() {
        assertThrows(InvalidInputException.class,
                () -> NumericalDerivative.jacobian(NumericalDerivativeTest::f, new double[] {1, 2}, new double[] {1e-3}));
        assertThrows(InvalidInputException.class,
                () -> NumericalDerivative.jacobian(NumericalDerivativeTest::f, new double[] {1, 2}, new double[] {1e-3, 0}));
    }
}
