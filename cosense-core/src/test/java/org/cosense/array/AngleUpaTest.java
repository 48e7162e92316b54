package org.cosense.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The first-element-referenced angle UPA (spec fangactive 2.3, (2)–(4), (50)–(51), (70)–(71)) and the ULA in cos(omega). */
class AngleUpaTest {

    static double relErr(double[] analytic, double[] numeric) {
        double e = 0;
        double r = 0;
        for (int i = 0; i < analytic.length; i++) {
            e += (analytic[i] - numeric[i]) * (analytic[i] - numeric[i]);
            r += numeric[i] * numeric[i];
        }
        return Math.sqrt(e / r);
    }

    static double[] central(java.util.function.DoubleFunction<double[]> f, double x, double h) {
        double[] p = f.apply(x + h);
        double[] m = f.apply(x - h);
        double[] d = new double[p.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (p[i] - m[i]) / (2 * h);
        }
        return d;
    }

    @Test
    void derivativesMatchCentralDifferences() {
        AngleUpa upa = new AngleUpa(3, 4, 0.5, 0.4);
        for (double[] tp : new double[][] {{1.1, 0.7}, {Math.PI / 2, 1.1}, {0.4, 2.6}}) {
            double th = tp[0];
            double ph = tp[1];
            double h = 1e-6;
            assertTrue(relErr(upa.derivativeTheta(th, ph), central(t -> upa.steering(t, ph), th, h)) < 1e-7);
            assertTrue(relErr(upa.derivativePhi(th, ph), central(p -> upa.steering(th, p), ph, h)) < 1e-7);
        }
    }

    @Test
    void indexingIsVerticalSlowAndFirstElementReferenced() {
        AngleUpa upa = new AngleUpa(3, 4, 0.5, 0.4);
        double th = 1.1;
        double ph = 0.7;
        double[] a = upa.steering(th, ph);
        assertEquals(1, a[0], 0);
        assertEquals(0, a[1], 0);
        for (int iv = 0; iv < 3; iv++) {
            for (int ih = 0; ih < 4; ih++) {
                int n = upa.index(iv, ih);
                assertEquals(iv * 4 + ih, n);
                // a_v ⊗ a_h with position ih dh h + iv dv v, u = (sin th cos ph, cos th, sin th sin ph) in (h, v, n)
                double p = 2 * Math.PI * (ih * 0.4 * Math.sin(th) * Math.cos(ph) + iv * 0.5 * Math.cos(th));
                assertEquals(Math.cos(p), a[2 * n], 1e-14);
                assertEquals(Math.sin(p), a[2 * n + 1], 1e-14);
                assertEquals(1, Math.hypot(a[2 * n], a[2 * n + 1]), 1e-14);
            }
        }
        assertThrows(InvalidInputException.class, () -> upa.index(3, 0));
    }

    @Test
    void atBroadsideThetaTheHorizontalPartOfZetaThetaVanishes() {
        // P3: theta = pi/2 kills cos(theta): theta information comes only from the vertical dimension
        AngleUpa upa = AngleUpa.halfWavelength(4, 4);
        double[] r = upa.phaseRateTheta(Math.PI / 2, 1.1);
        for (int n = 0; n < 16; n++) {
            assertEquals(-Math.PI * (n / 4), r[n], 1e-12);
        }
        AngleUpa flat = AngleUpa.halfWavelength(1, 4);
        for (double v : flat.phaseRateTheta(Math.PI / 2, 1.1)) {
            assertEquals(0, v, 1e-12);
        }
    }

    @Test
    void erratumE5SensorZetaPhiMustUseTheSensorIndices() {
        // Printed (71) builds zeta̅_phi from N_v, N_h of the reflecting array; with N̄ = 3×2 vs N = 2×3 it is wrong.
        AngleUpa sensors = new AngleUpa(3, 2, 0.45, 0.5);
        double th = 1.1;
        double ph = 0.7;
        double[] numeric = central(p -> sensors.steering(th, p), ph, 1e-6);
        assertTrue(relErr(sensors.derivativePhi(th, ph), numeric) < 1e-7);
        double[] printedRate = new double[6];
        for (int n = 0; n < 6; n++) {
            printedRate[n] = -2 * Math.PI * 0.5 * Math.sin(th) * Math.sin(ph) * (n % 3); // 1_{N_v} ⊗ d_{N_h}, N_h = 3
        }
        double[] printed = AngleUpa.timesJ(printedRate, sensors.steering(th, ph));
        assertTrue(relErr(printed, numeric) > 0.1);
    }

    @Test
    void ulaInCosOmega() {
        Ula ula = Ula.halfWavelength(5);
        double u = -0.4472;
        double[] a = ula.steering(u);
        for (int k = 0; k < 5; k++) {
            assertEquals(Math.cos(Math.PI * k * u), a[2 * k], 1e-14);
            assertEquals(Math.sin(Math.PI * k * u), a[2 * k + 1], 1e-14);
        }
        assertTrue(relErr(ula.derivative(u), central(ula::steering, u, 1e-6)) < 1e-7);
        assertTrue(relErr(ula.derivativeAtAngle(2.0), central(ula::steeringAtAngle, 2.0, 1e-6)) < 1e-7);
        assertThrows(InvalidInputException.class, () -> new Ula(0, 0.5));
        assertThrows(InvalidInputException.class, () -> new AngleUpa(2, 2, 0.5, -1));
    }
}
