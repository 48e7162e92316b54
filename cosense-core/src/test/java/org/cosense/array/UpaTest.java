package org.cosense.array;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Spec 6, properties 1–4: the centroid-referenced steering model and its identities (77)–(86). */
class UpaTest {

    static double[] dotH(double[] x, double[] y) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < x.length; i += 2) {
            re += x[i] * y[i] + x[i + 1] * y[i + 1];
            im += x[i] * y[i + 1] - x[i + 1] * y[i];
        }
        return new double[] {re, im};
    }

    @Property(tries = 200)
    void unitModulusConjugateSymmetryAndAliasing(@ForAll @DoubleRange(min = -2, max = 2) double phi,
            @ForAll @IntRange(min = 1, max = 40) int n) {
        double[] u = CentroidUla.response(phi, n);
        double[] um = CentroidUla.response(-phi, n);
        double[] ua = CentroidUla.response(phi + 2, n);
        double sign = (n - 1) % 2 == 0 ? 1 : -1;
        for (int i = 0; i < n; i++) {
            assertEquals(1.0, Math.hypot(u[2 * i], u[2 * i + 1]), 1e-12);
            assertEquals(u[2 * i], um[2 * i], 1e-12);
            assertEquals(-u[2 * i + 1], um[2 * i + 1], 1e-12);
            assertEquals(sign * u[2 * i], ua[2 * i], 1e-9);
            assertEquals(sign * u[2 * i + 1], ua[2 * i + 1], 1e-9);
        }
    }

    @Property(tries = 100)
    void centroidIdentities(@ForAll @DoubleRange(min = -1, max = 1) double mu, @ForAll @DoubleRange(min = -1, max = 1) double nu,
            @ForAll @IntRange(min = 2, max = 12) int ny, @ForAll @IntRange(min = 2, max = 12) int nz) {
        Upa upa = new Upa(ny, nz);
        double[] a = upa.steering(mu, nu);
        double[] am = upa.steeringDerivativeMu(mu, nu);
        double[] an = upa.steeringDerivativeNu(mu, nu);
        double scale = Math.PI * Math.PI * ny * nz * Math.max(ny, nz) * Math.max(ny, nz);
        assertEquals(ny * nz, dotH(a, a)[0], 1e-9);
        assertEquals(0, Math.hypot(dotH(a, am)[0], dotH(a, am)[1]), 1e-9 * scale);
        assertEquals(0, Math.hypot(dotH(a, an)[0], dotH(a, an)[1]), 1e-9 * scale);
        assertEquals(0, Math.hypot(dotH(am, an)[0], dotH(am, an)[1]), 1e-9 * scale);
        assertEquals(upa.derivativeNorm2Mu(), dotH(am, am)[0], 1e-9 * scale);
        assertEquals(upa.derivativeNorm2Nu(), dotH(an, an)[0], 1e-9 * scale);
        assertEquals(nz * Math.PI * Math.PI * ny * (ny * ny - 1) / 12.0, upa.derivativeNorm2Mu(), 1e-9 * scale);
    }

    @Test
    void analyticDerivativesMatchCentralDifferences() {
        Upa upa = new Upa(7, 5);
        double mu = 0.31;
        double nu = -0.42;
        double h = 1e-6;
        double[] am = upa.steeringDerivativeMu(mu, nu);
        double[] an = upa.steeringDerivativeNu(mu, nu);
        double[] p = upa.steering(mu + h, nu);
        double[] m = upa.steering(mu - h, nu);
        double[] pn = upa.steering(mu, nu + h);
        double[] mn = upa.steering(mu, nu - h);
        for (int i = 0; i < am.length; i++) {
            assertEquals(am[i], (p[i] - m[i]) / (2 * h), 1e-6 * Math.max(1, Math.abs(am[i])));
            assertEquals(an[i], (pn[i] - mn[i]) / (2 * h), 1e-6 * Math.max(1, Math.abs(an[i])));
        }
        double[] d2 = CentroidUla.secondDerivative(0.2, 9);
        double[] dp = CentroidUla.derivative(0.2 + h, 9);
        double[] dm = CentroidUla.derivative(0.2 - h, 9);
        for (int i = 0; i < d2.length; i++) {
            assertEquals(d2[i], (dp[i] - dm[i]) / (2 * h), 1e-5 * Math.max(1, Math.abs(d2[i])));
        }
    }

    @Test
    void beamProductRuleAndSeparableResponse() {
        double[] u1 = CentroidUla.response(0.3, 8);
        double[] u2 = CentroidUla.response(-0.55, 8);
        double[] u12 = CentroidUla.response(-0.25, 8);
        for (int i = 0; i < 8; i++) {
            double re = u1[2 * i] * u2[2 * i] - u1[2 * i + 1] * u2[2 * i + 1];
            double im = u1[2 * i] * u2[2 * i + 1] + u1[2 * i + 1] * u2[2 * i];
            assertEquals(u12[2 * i], re, 1e-12);
            assertEquals(u12[2 * i + 1], im, 1e-12);
        }
    }

    @Test
    void beamGainIsOneAtZeroAndHasNullsAtTwoKOverN() {
        Upa upa = Upa.square(20);
        assertEquals(1.0, upa.beamGain(0, 0), 1e-15);
        for (int k = 1; k < 10; k++) {
            assertEquals(0.0, upa.beamGain(2.0 * k / 20, 0), 1e-12);
        }
        // (33) equals |a^H(f1) a(f2)| / N computed from the vectors
        double[] a1 = upa.steering(0.1, 0.2);
        double[] a2 = upa.steering(0.17, 0.05);
        double[] d = dotH(a1, a2);
        assertEquals(Math.hypot(d[0], d[1]) / 400, upa.beamGain(0.07, -0.15), 1e-12);
    }
}
