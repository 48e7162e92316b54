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
import org.cosense.math.RandomStream;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The 1D ULA estimators against doatools (ula_golden, ula_mc fixtures) and against closed forms. */
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

    /** y(t) = A s(t) + n(t), s ~ CN(0, I), n ~ CN(0, sigma^2 I); R = Y Y^H / T (doatools' stochastic model). */
    static ZMatrixRMaj sampleCovariance(double[] thetaRad, double snrDb, int snapshots, RandomStream rng) {
        int n = ULA.m();
        int k = thetaRad.length;
        double sigma2 = Math.pow(10, -snrDb / 10);
        ZMatrixRMaj y = new ZMatrixRMaj(n, snapshots);
        double[] s = new double[2 * k];
        double[] noise = new double[2 * n];
        double[][] a = new double[k][];
        for (int j = 0; j < k; j++) {
            a[j] = ULA.steering(Math.sin(thetaRad[j]));
        }
        for (int t = 0; t < snapshots; t++) {
            rng.complexGaussian(s, 0, k, 1);
            rng.complexGaussian(noise, 0, n, sigma2);
            for (int i = 0; i < n; i++) {
                double re = noise[2 * i];
                double im = noise[2 * i + 1];
                for (int j = 0; j < k; j++) {
                    re += a[j][2 * i] * s[2 * j] - a[j][2 * i + 1] * s[2 * j + 1];
                    im += a[j][2 * i] * s[2 * j + 1] + a[j][2 * i + 1] * s[2 * j];
                }
                y.set(i, t, re, im);
            }
        }
        return DoaEstimator.sampleCovariance(y);
    }

    /**
     * Monte Carlo at the eight settings of ula_mc.json (N = 10, T = 100, K = 1 at 10°, K = 2 at 10° and
     * 30°, SNR −10…20 dB), 500 trials per setting as doatools, each a pure function of (seed, setting,
     * trial). The distance of each of our MSEs from doatools' is measured in standard errors of the
     * difference of two independent means, z = |mse − mse_doatools| / sqrt(se² + se_doatools²).
     * Every z is printed. The per-comparison criterion z ≤ 2 is a 95% band, so over the 16 independent
     * comparisons (MUSIC/root-MUSIC and ESPRIT LS/TLS share their trials) a few exceedances are
     * expected by chance; doatools' own K = 1 samples at 0 and 20 dB lie about two of their standard
     * errors below the asymptotic MUSIC MSE recorded in ula_mc.json (6.96e-6, 6.34e-8 rad²). The test
     * therefore asserts the family-wise version, every z ≤ 2.96 (Bonferroni, 5% over 16 comparisons),
     * and prints how many comparisons lie beyond 2 (6 of 32, i.e. 3 of the 16 independent ones, in the
     * committed run: MUSIC K = 1 at 0 and 20 dB, ESPRIT K = 2 at 20 dB, z 2.05–2.12).
     */
    @Test
    void monteCarloMseAgreesWithDoatoolsFamilyWise() {
        FixtureReader f = new FixtureReader(FixtureReader.class, "/org/cosense/estimation/doa/ula_mc.txt");
        int settings = f.nextInt();
        int trials = 500;
        StringBuilder failures = new StringBuilder();
        int beyondTwo = 0;
        for (int s = 0; s < settings; s++) {
            int k = f.nextInt();
            double snr = f.nextDouble();
            double[] theta = f.doubles(k);
            for (int i = 0; i < k; i++) {
                theta[i] = Math.toRadians(theta[i]);
            }
            Map<String, DoaEstimator> est = doatoolsPeers();
            double[][] sq = new double[est.size()][trials];
            for (int t = 0; t < trials; t++) {
                ZMatrixRMaj r = sampleCovariance(theta, snr, 100, RandomStream.forTrial(20250, s, t));
                int e = 0;
                for (DoaEstimator d : est.values()) {
                    DoaResult res = d.estimateFromCovariance(r, k);
                    assertTrue(res.resolved());
                    double[] got = UlaEstimators.angles(res);
                    double se = 0;
                    for (int i = 0; i < k; i++) {
                        se += (got[i] - theta[i]) * (got[i] - theta[i]);
                    }
                    sq[e++][t] = se / k;
                }
            }
            int e = 0;
            for (String name : est.keySet()) {
                double mse = 0;
                for (double v : sq[e]) {
                    mse += v;
                }
                mse /= trials;
                double var = 0;
                for (double v : sq[e]) {
                    var += (v - mse) * (v - mse);
                }
                double seOurs = Math.sqrt(var / (trials - 1) / trials);
                double theirs = f.nextDouble();
                double seTheirs = f.nextDouble();
                f.nextDouble();
                double z = Math.abs(mse - theirs) / Math.hypot(seOurs, seTheirs);
                System.out.printf("ula-mc %s K=%d %g dB: ours %.4g, doatools %.4g, z %.2f%n", name, k, snr, mse, theirs, z);
                if (z > 2) {
                    beyondTwo++;
                }
                if (z > 2.96) {
                    failures.append(String.format("%s K=%d %g dB: ours %.4g, doatools %.4g, z %.2f%n", name, k, snr, mse, theirs, z));
                }
                e++;
            }
        }
        assertEquals("", failures.toString());
        System.out.printf("ula-mc: %d of 32 comparisons beyond two standard errors%n", beyondTwo);
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
