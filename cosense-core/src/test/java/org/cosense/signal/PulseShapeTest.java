package org.cosense.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Closed-form pulse moments against quadrature of their defining integrals [wangmultistatic C1]–[wangmultistatic C4]. */
class PulseShapeTest {
    private static final double DT = 5e-9;

    /** Composite 20-point Gauss–Legendre on [a, b] with n panels; nodes by Newton on P_20. */
    static double integrate(DoubleUnaryOperator f, double a, double b, int panels) {
        int order = 20;
        double[] x = new double[order], w = new double[order];
        for (int i = 0; i < order; i++) {
            double t = Math.cos(Math.PI * (i + 0.75) / (order + 0.5));
            for (int it = 0; it < 100; it++) {
                double[] pd = legendre(order, t);
                double step = pd[0] / pd[1];
                t -= step;
                if (Math.abs(step) < 1e-16) {
                    break;
                }
            }
            double dp = legendre(order, t)[1];
            x[i] = t;
            w[i] = 2 / ((1 - t * t) * dp * dp);
        }
        double h = (b - a) / panels, sum = 0;
        for (int j = 0; j < panels; j++) {
            double mid = a + (j + 0.5) * h, part = 0;
            for (int i = 0; i < order; i++) {
                part += w[i] * f.applyAsDouble(mid + 0.5 * h * x[i]);
            }
            sum += 0.5 * h * part;
        }
        return sum;
    }

    /** {P_n(t), P_n'(t)} by the three-term recurrence. */
    private static double[] legendre(int n, double t) {
        double p0 = 1, p1 = t;
        for (int k = 2; k <= n; k++) {
            double p2 = ((2 * k - 1) * t * p1 - (k - 1) * p0) / k;
            p0 = p1;
            p1 = p2;
        }
        return new double[] {p1, n * (t * p1 - p0) / (t * t - 1)};
    }

    private static PulseShape pulse(String name, double dt) {
        return name.equals("cosine") ? new HalfCosinePulse(dt) : new SincPulse(dt);
    }

    private static double q(DoubleUnaryOperator f, double dt) {
        return integrate(f, 0, dt, 40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cosine", "sinc"})
    void momentsEqualQuadratureOfTheirDefinitions(String name) {
        for (double dt : new double[] {1.0, DT}) {
            PulseShape g = pulse(name, dt);
            double energy = q(t -> g.value(t) * g.value(t), dt);
            double fg = q(t -> g.derivative(t) * g.derivative(t), dt);
            double ftg = q(t -> t * g.value(t) * g.value(t), dt);
            double ft2g = q(t -> t * t * g.value(t) * g.value(t), dt);
            double ftdg = q(t -> t * g.value(t) * g.derivative(t), dt);
            assertEquals(1.0, energy / dt, 1e-13, "normalization (1/Δt)∫g² = 1");
            assertEquals(1.0, g.energy() / energy, 1e-13);
            assertEquals(1.0, g.derivativeEnergy() / fg, 1e-13, "F_g");
            assertEquals(1.0, g.firstMoment() / ftg, 1e-13, "F_tg");
            assertEquals(1.0, g.secondMoment() / ft2g, 1e-13, "F_t2g");
            assertEquals(1.0, g.timeDerivativeMoment() / ftdg, 1e-13, "F_tdg");
            // integration by parts: F_tdg = Δt g(Δt)²/2 − Δt/2
            double edge = g.value(dt);
            assertEquals(1.0, (dt * edge * edge / 2 - dt / 2) / ftdg, 1e-13);
        }
    }

    @Test
    void sincConstantIsSi2PiAndI2MatchesItsClosedForm() {
        double a = integrate(x -> x == 0 ? 1 : Math.pow(Math.sin(x) / x, 2), 0, Math.PI, 40);
        assertEquals(SincPulse.SI_2PI, a, 1e-15);
        double si2pi = integrate(x -> x == 0 ? 1 : Math.sin(x) / x, 0, 2 * Math.PI, 40);
        assertEquals(SincPulse.SI_2PI, si2pi, 1e-15);
        double i2 = integrate(v -> v < 1e-3 ? v * v / 9 * (1 - v * v / 5) : Math.pow(v * Math.cos(v) - Math.sin(v), 2) / Math.pow(v, 4),
                0, Math.PI, 40);
        assertEquals((SincPulse.SI_2PI - 1 / Math.PI) / 3, i2, 1e-14);
        // Cin(2π) = ∫_0^{2π} (1 − cos x)/x dx
        double cin = integrate(x -> x == 0 ? 0 : (1 - Math.cos(x)) / x, 0, 2 * Math.PI, 40);
        assertEquals(SincPulse.CIN_2PI, cin, 1e-14);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cosine", "sinc"})
    void derivativesMatchCentralDifferencesAcrossTheSeriesBranch(String name) {
        PulseShape g = pulse(name, 1.0);
        double h = 1e-5;
        for (double t : new double[] {2e-3, 9.99e-3, 1.001e-2, 0.013, 0.3, 0.71, 0.98}) {
            double d1 = (g.value(t + h) - g.value(t - h)) / (2 * h);
            double d2 = (g.derivative(t + h) - g.derivative(t - h)) / (2 * h);
            assertEquals(d1, g.derivative(t), 1e-8 * Math.max(1, Math.abs(d1)), "g' at " + t);
            assertEquals(d2, g.secondDerivative(t), 1e-7 * Math.max(1, Math.abs(d2)), "g'' at " + t);
        }
        assertEquals(0.0, g.value(-1e-12));
        assertEquals(0.0, g.value(1.0 + 1e-12));
        assertEquals(0.0, g.value(1.0), 1e-15);
    }

    @Test
    void pulseConstantsAndCauchySchwarzOrdering() {
        PulseShape g1 = new HalfCosinePulse(DT), g2 = new SincPulse(DT);
        assertEquals(0.7752730484, g1.pulseConstant(), 1e-10);
        assertEquals(0.8730849711, g2.pulseConstant(), 1e-10);
        assertTrue(g1.pulseConstant() < g2.pulseConstant() && g2.pulseConstant() < 1);
        assertTrue((1 - g1.pulseConstant()) * g1.secondMoment() > (1 - g2.pulseConstant()) * g2.secondMoment());
        assertEquals(2.4674011003, g1.derivativeEnergy() * DT, 1e-10);
        assertEquals(2.5514438575, g2.derivativeEnergy() * DT, 1e-10);
        // RMS bandwidth: sqrt(F_g / Δt) / 2π
        assertEquals(Math.sqrt(Math.PI * Math.PI / 4) / DT / (2 * Math.PI), g1.rmsBandwidth(), 1e-6);
    }
}
