package org.cosense.estimation.doa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cosense.InvalidInputException;
import org.cosense.array.Ula;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.FixtureReader;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The 1D ULA estimators against doatools on exact covariances (ula_golden fixture) and against closed
 * forms; on doatools' Monte Carlo trials see {@link UlaEstimatorsOnDoatoolsTrialsTest}.
 */
class UlaEstimatorsTest {
    private static final Ula ULA = Ula.halfWavelength(10);

    static Map<String, DoaEstimator> doatoolsPeers() {
        Map<String, DoaEstimator> m = new LinkedHashMap<>();
        m.put("music", new Music1D(ULA));
        m.put("root-music", new RootMusic(ULA));
        m.put("esprit-ls", new Esprit(ULA, Esprit.Fit.LEAST_SQUARES));
        m.put("esprit-tls", new Esprit(ULA, Esprit.Fit.TOTAL_LEAST_SQUARES));
        return m;
    }

    @Test
    void everyDoatoolsEstimateOnTheGoldenCovariancesTo1eMinus6Rad() {
        FixtureReader f = new FixtureReader(FixtureReader.class, "/org/cosense/estimation/doa/ula_golden.txt");
        int cases = f.nextInt();
        int compared = 0;
        for (int c = 0; c < cases; c++) {
            int k = f.nextInt();
            ZMatrixRMaj r = f.matrix(10);
            for (Map.Entry<String, DoaEstimator> e : doatoolsPeers().entrySet()) {
                double[] want = f.doubles(k);
                DoaResult got = e.getValue().estimateFromCovariance(r, k);
                assertTrue(got.resolved(), e.getKey() + " case " + c);
                double[] theta = UlaEstimators.angles(got);
                for (int i = 0; i < k; i++) {
                    assertEquals(want[i], theta[i], 1e-6, e.getKey() + " case " + c + " source " + i);
                    compared++;
                }
            }
        }
        assertEquals(4 * (1 + 1 + 2 + 2), compared);
    }

    static ZMatrixRMaj exactCovariance(double[] u, double[] power, double sigma2) {
        int n = ULA.m();
        ZMatrixRMaj r = ComplexLinalg.plusIdentity(new ZMatrixRMaj(n, n), sigma2);
        for (int j = 0; j < u.length; j++) {
            ZMatrixRMaj a = ComplexLinalg.columnVector(ULA.steering(u[j]));
            r = ComplexLinalg.add(r, ComplexLinalg.scale(power[j], ComplexLinalg.multTransB(a, a)));
        }
        return r;
    }

    @Test
    void exactCovarianceGivesExactAnglesForSubspaceMethods() {
        double[] u = {-0.55, 0.1, 0.62};
        ZMatrixRMaj r = exactCovariance(u, new double[] {1, 0.5, 2}, 0.1);
        for (Map.Entry<String, DoaEstimator> e : doatoolsPeers().entrySet()) {
            double[] got = e.getValue().estimateFromCovariance(r, 3).scalars();
            java.util.Arrays.sort(got);
            // Root-MUSIC's roots are double roots on the unit circle here (the pair z, 1/z* merges):
            // their conditioning is sqrt(eps), so 1e-7 rather than 1e-9.
            double tol = e.getKey().equals("root-music") ? 1e-7 : 1e-9;
            for (int i = 0; i < 3; i++) {
                assertEquals(u[i], got[i], tol, e.getKey());
            }
        }
    }

    @Test
    void caponPeaksAreTheMaximaOfTheDirectlyEvaluatedSpectrum() {
        double[] u = {-0.3, 0.35};
        ZMatrixRMaj r = exactCovariance(u, new double[] {1, 1}, 0.05);
        Capon capon = new Capon(ULA);
        double[] got = capon.estimateFromCovariance(r, 2).scalars();
        java.util.Arrays.sort(got);
        // Independent evaluation: 1 / (a^H R^{-1} a) by matrix products, golden-section around each peak.
        ZMatrixRMaj inv = ComplexLinalg.inverse(r);
        for (int i = 0; i < 2; i++) {
            double lo = u[i] - 0.05;
            double hi = u[i] + 0.05;
            double g = (Math.sqrt(5) - 1) / 2;
            for (int it = 0; it < 200; it++) {
                double x1 = hi - g * (hi - lo);
                double x2 = lo + g * (hi - lo);
                if (direct(inv, x1) > direct(inv, x2)) {
                    hi = x2;
                } else {
                    lo = x1;
                }
            }
            assertEquals((lo + hi) / 2, got[i], 1e-7);
            assertEquals(direct(inv, got[i]), capon.spectrum(r, got[i]), 1e-9 * direct(inv, got[i]));
        }
        // One source: Capon's peak is exactly at the source.
        assertEquals(0.42, capon.estimateFromCovariance(exactCovariance(new double[] {0.42}, new double[] {1}, 0.3), 1).scalars()[0], 1e-10);
    }

    private static double direct(ZMatrixRMaj inv, double u) {
        ZMatrixRMaj a = ComplexLinalg.columnVector(ULA.steering(u));
        return 1 / ComplexLinalg.mult(ComplexLinalg.conjugateTranspose(a), ComplexLinalg.mult(inv, a)).getReal(0, 0);
    }

    @Test
    void badInputIsRefusedNamingTheParameter() {
        ZMatrixRMaj r = exactCovariance(new double[] {0.1}, new double[] {1}, 0.1);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Music1D(ULA).estimateFromCovariance(r, 10));
        assertEquals("sources K", e.parameter());
        assertThrows(InvalidInputException.class, () -> new RootMusic(new Ula(8, 0.7)));
        assertThrows(InvalidInputException.class, () -> new Esprit(ULA, Esprit.Fit.LEAST_SQUARES).estimateFromCovariance(new ZMatrixRMaj(3, 3), 1));
    }
}
