package org.cosense.estimation.delay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.InvalidInputException;
import org.cosense.bounds.Crb;
import org.cosense.bounds.CrbResult;
import org.cosense.bounds.FisherInformation;
import org.cosense.math.RandomStream;
import org.cosense.signal.HalfCosinePulse;
import org.cosense.signal.PulseShape;
import org.cosense.signal.PulseTrain;
import org.cosense.signal.SincPulse;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The delay–Doppler matched filter against noiseless truth and the sampled-model CRB. */
public class DelayDopplerMatchedFilterTest {

    /** y_r[n] = γ_r e^{j2π f t_n} z(t_n − τ) + CN(0, σ²) noise. */
    static double[][] echo(PulseTrain train, double tau, double f, double[] gains, int samples, double noiseVar,
                           RandomStream rng) {
        double[] s = new double[2 * samples];
        train.sample(tau, f, samples, s, null, null);
        double[][] y = new double[gains.length / 2][2 * samples];
        double[] w = new double[2 * samples];
        for (int r = 0; r < y.length; r++) {
            double gr = gains[2 * r], gi = gains[2 * r + 1];
            if (noiseVar > 0) {
                rng.complexGaussian(w, 0, samples, noiseVar);
            }
            for (int n = 0; n < samples; n++) {
                y[r][2 * n] = gr * s[2 * n] - gi * s[2 * n + 1] + w[2 * n];
                y[r][2 * n + 1] = gr * s[2 * n + 1] + gi * s[2 * n] + w[2 * n + 1];
            }
        }
        return y;
    }

    static double[] gains(double amplitude, double phase, int nr) {
        double[] g = new double[2 * nr];
        for (int r = 0; r < nr; r++) {
            double a = phase + 0.7 * r;
            g[2 * r] = amplitude * Math.cos(a);
            g[2 * r + 1] = amplitude * Math.sin(a);
        }
        return g;
    }

    static PulseTrain train(PulseShape pulse, int m, int p, RandomStream rng) {
        double[] z = new double[2 * m];
        rng.complexGaussian(z, 0, m, 1.0);
        return new PulseTrain(pulse, z, p);
    }

    /**
     * CRB of (τ, f~) for the sampled model with unknown complex gains (one per antenna), from the
     * generic Slepian–Bangs engine: columns [γ_r ∂s/∂τ, γ_r ∂s/∂f~, s (Re γ_r), j s (Im γ_r)].
     */
    public static CrbResult crb(PulseTrain train, double tau, double f, double[] gains, int samples, double noiseVar) {
        int nr = gains.length / 2, cols = 2 + 2 * nr;
        double[] s = new double[2 * samples], dt = new double[2 * samples], df = new double[2 * samples];
        train.sample(tau, f, samples, s, dt, df);
        ZMatrixRMaj jac = new ZMatrixRMaj(nr * samples, cols);
        for (int r = 0; r < nr; r++) {
            double gr = gains[2 * r], gi = gains[2 * r + 1];
            for (int n = 0; n < samples; n++) {
                int row = r * samples + n;
                jac.set(row, 0, gr * dt[2 * n] - gi * dt[2 * n + 1], gr * dt[2 * n + 1] + gi * dt[2 * n]);
                jac.set(row, 1, gr * df[2 * n] - gi * df[2 * n + 1], gr * df[2 * n + 1] + gi * df[2 * n]);
                jac.set(row, 2 + 2 * r, s[2 * n], s[2 * n + 1]);
                jac.set(row, 3 + 2 * r, -s[2 * n + 1], s[2 * n]);
            }
        }
        return Crb.of(FisherInformation.ofWhiteNoise(jac, noiseVar));
    }

    private static PulseShape pulse(String name) {
        return name.equals("cosine") ? new HalfCosinePulse(1.0) : new SincPulse(1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cosine", "sinc"})
    void noiselessEchoIsRecoveredExactly(String name) {
        RandomStream rng = new RandomStream(11);
        int m = 256, p = 8, nr = 2;
        PulseTrain tr = train(pulse(name), m, p, rng);
        double tau = 63.1923456789, f = 1.42e-6 + 0.37 / m;   // off both grids, Doppler beyond one bin
        double[][] y = echo(tr, tau, f, gains(3.0, 0.4, nr), (m + 70) * p, 0, rng);
        DelayDopplerMatchedFilter mf = new DelayDopplerMatchedFilter(m, p, new DelayDopplerSearch(63.0, 2.0, 0.0, 8 * 4, 8));
        DelayDopplerEstimate e = mf.estimate(tr, y);
        assertEquals(tau, e.delay(), 1e-10);
        assertEquals(f, e.doppler(), 1e-13);
        // A at the maximum is the echo energy captured: Σ_r |γ_r|² E(τ)
        assertEquals(2 * 9.0, e.ambiguity() / (tr.symbolEnergy() > 0 ? sampledEnergy(tr, tau, y[0].length / 2) : 1), 1e-9);
    }

    private static double sampledEnergy(PulseTrain tr, double tau, int samples) {
        double[] s = new double[2 * samples];
        tr.sample(tau, 0, samples, s, null, null);
        double e = 0;
        for (double v : s) {
            e += v * v;
        }
        return e;
    }

    /**
     * Why A divides by E(τ): on a noiseless echo A is stationary at the true delay while the
     * unnormalized Σ_r |Φ_r|² = A E(τ) is not, because the sampled template energy E(τ) of
     * pulses that jump at their start changes with τ [wangmultistatic S3.2].
     */
    @ParameterizedTest
    @ValueSource(strings = {"cosine", "sinc"})
    void unnormalizedCorrelationIsNotStationaryAtTheTruth(String name) {
        RandomStream rng = new RandomStream(21);
        int m = 64, p = 4;
        PulseTrain tr = train(pulse(name), m, p, rng);
        double tau = 8.07, f = 0.0;
        int samples = (m + 12) * p;
        double[][] y = echo(tr, tau, f, gains(1.0, 0.2, 1), samples, 0, rng);
        DelayDopplerMatchedFilter mf = new DelayDopplerMatchedFilter(m, p, DelayDopplerSearch.delayOnly(8, 2, 0.0));
        double h = 1e-4;
        double a0 = mf.ambiguity(tr, y, tau, f);
        double slopeA = (mf.ambiguity(tr, y, tau + h, f) - mf.ambiguity(tr, y, tau - h, f)) / (2 * h);
        double slopeS = (mf.ambiguity(tr, y, tau + h, f) * sampledEnergy(tr, tau + h, samples)
                - mf.ambiguity(tr, y, tau - h, f) * sampledEnergy(tr, tau - h, samples)) / (2 * h);
        assertEquals(0.0, slopeA / a0, 1e-6, "A is stationary at the truth");
        assertTrue(Math.abs(slopeS) / (a0 * sampledEnergy(tr, tau, samples)) > 1e-2,
                "|Φ|² alone has relative slope " + slopeS / (a0 * sampledEnergy(tr, tau, samples)));
    }

    @Test
    void delayOnlySearchKeepsTheDopplerAndFindsTheDelay() {
        RandomStream rng = new RandomStream(5);
        int m = 64, p = 4;
        PulseTrain tr = train(new SincPulse(1.0), m, p, rng);
        double tau = 10.61;
        double[][] y = echo(tr, tau, 0.0, gains(1.0, 2.0, 1), (m + 20) * p, 0, rng);
        DelayDopplerEstimate e = new DelayDopplerMatchedFilter(m, p, DelayDopplerSearch.delayOnly(11, 3, 0.0)).estimate(tr, y);
        assertEquals(tau, e.delay(), 1e-10);
        assertEquals(0.0, e.doppler());
    }

    @Test
    void fftAndDftCoarseGridsAgree() {
        RandomStream rng = new RandomStream(7);
        int m = 128, p = 4;
        PulseTrain tr = train(new HalfCosinePulse(1.0), m, p, rng);
        double[][] y = echo(tr, 20.3, 3.3 / m, gains(1.0, 0.0, 2), (m + 30) * p, 4.0, rng);
        DelayDopplerSearch s = new DelayDopplerSearch(20, 2, 0.0, 48, 8);
        DelayDopplerMatchedFilter viaFft = new DelayDopplerMatchedFilter(m, p, s, true);
        DelayDopplerMatchedFilter viaDft = new DelayDopplerMatchedFilter(m, p, s, false);
        assertTrue(viaFft.usesFft());
        assertFalse(viaDft.usesFft());
        assertArrayEquals(viaDft.coarse(tr, y), viaFft.coarse(tr, y));
        assertEquals(viaDft.estimate(tr, y).delay(), viaFft.estimate(tr, y).delay(), 1e-12);
    }

    /**
     * The two-stage coarse search (strided lags and bins, segment sums, then the exact grid around the strided maximum)
     * finds the same grid point as the exhaustive DFT over every lag and bin, on noisy echoes with delays and Dopplers
     * anywhere in the window, down to 0 dB per symbol.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 10.0})
    void twoStageCoarseSearchFindsTheFullGridMaximum(double snrDb) {
        RandomStream rng = new RandomStream(31);
        int m = 256, p = 8;
        DelayDopplerSearch s = new DelayDopplerSearch(30, 2, 0.001, 32, 8);
        DelayDopplerMatchedFilter mf = new DelayDopplerMatchedFilter(m, p, s, false);
        assertFalse(mf.usesFft());
        for (int t = 0; t < 60; t++) {
            PulseTrain tr = train(new HalfCosinePulse(1.0), m, p, rng);
            double tau = 28.2 + 3.6 * rng.nextDouble();
            double f = 0.001 + (rng.nextDouble() - 0.5) * 7.0 / m;
            double[][] y = echo(tr, tau, f, gains(Math.sqrt(Math.pow(10, snrDb / 10)), 6 * rng.nextDouble(), 2),
                    mf.samplesNeeded() + p, p, rng);
            assertArrayEquals(mf.coarseFullGrid(tr, y), mf.coarse(tr, y), "echo " + t + " at tau " + tau + ", f " + f);
        }
    }

    /** RMSE within a small factor of sqrt(CRB), CRB from the generic engine on the same model. */
    @ParameterizedTest
    @ValueSource(strings = {"cosine", "sinc"})
    void rmseApproachesTheSampledModelCrb(String name) {
        RandomStream rng = new RandomStream(2024);
        int m = 128, p = 4, nr = 2, trials = 300;
        int samples = (m + 20) * p;
        double noiseVar = p;                       // σ² = 1 per Δt
        double tau = 12.2556, f = 0.21 / m;     // 0.12 Δt (9 sd) from the nearest sample-cell edge
        double[] gain = gains(Math.sqrt(10.0), 0.3, nr); // 10 dB per symbol and antenna
        PulseTrain tr = train(pulse(name), m, p, rng);
        CrbResult bound = crb(tr, tau, f, gain, samples, noiseVar);
        DelayDopplerMatchedFilter mf = new DelayDopplerMatchedFilter(m, p, new DelayDopplerSearch(12, 2, 0, 32, 8));
        double se = 0, sf = 0;
        for (int i = 0; i < trials; i++) {
            double[][] y = echo(tr, tau, f, gain, samples, noiseVar, rng);
            DelayDopplerEstimate e = mf.estimate(tr, y);
            se += (e.delay() - tau) * (e.delay() - tau);
            sf += (e.doppler() - f) * (e.doppler() - f);
        }
        double rTau = Math.sqrt(se / trials) / bound.standardDeviation(0);
        double rF = Math.sqrt(sf / trials) / bound.standardDeviation(1);
        // 300 trials: the RMSE itself scatters by about 4 %
        assertTrue(rTau > 0.85 && rTau < 1.2, "RMSE(τ)/CRB sd = " + rTau);
        assertTrue(rF > 0.85 && rF < 1.2, "RMSE(f~)/CRB sd = " + rF);
    }

    /** Delay only (Doppler known, as zhanghybrid uses it): RMSE against the CRB without f~. */
    @Test
    void delayOnlyRmseApproachesTheCrbWithKnownDoppler() {
        RandomStream rng = new RandomStream(77);
        int m = 64, p = 4, trials = 300;
        int samples = (m + 12) * p;
        double tau = 6.2617, noiseVar = p;      // 0.11 Δt (5 sd) from the nearest sample-cell edge
        double[] gain = gains(Math.sqrt(10.0), 1.3, 1);
        PulseTrain tr = train(new SincPulse(1.0), m, p, rng);
        // columns τ, Re γ, Im γ: drop the Doppler column of the full Jacobian
        CrbResult full = crb(tr, tau, 0.0, gain, samples, noiseVar);
        double[] s = new double[2 * samples], dt = new double[2 * samples];
        tr.sample(tau, 0.0, samples, s, dt, null);
        ZMatrixRMaj jac = new ZMatrixRMaj(samples, 3);
        for (int n = 0; n < samples; n++) {
            jac.set(n, 0, gain[0] * dt[2 * n] - gain[1] * dt[2 * n + 1], gain[0] * dt[2 * n + 1] + gain[1] * dt[2 * n]);
            jac.set(n, 1, s[2 * n], s[2 * n + 1]);
            jac.set(n, 2, -s[2 * n + 1], s[2 * n]);
        }
        double sd = Crb.of(FisherInformation.ofWhiteNoise(jac, noiseVar)).standardDeviation(0);
        assertTrue(sd <= full.standardDeviation(0) * (1 + 1e-9), "knowing f~ cannot hurt");
        DelayDopplerMatchedFilter mf = new DelayDopplerMatchedFilter(m, p, DelayDopplerSearch.delayOnly(6, 2, 0.0));
        double se = 0;
        for (int i = 0; i < trials; i++) {
            DelayDopplerEstimate e = mf.estimate(tr, echo(tr, tau, 0.0, gain, samples, noiseVar, rng));
            assertEquals(0.0, e.doppler());
            se += (e.delay() - tau) * (e.delay() - tau);
        }
        double ratio = Math.sqrt(se / trials) / sd;
        assertTrue(ratio > 0.85 && ratio < 1.2, "RMSE(τ)/CRB sd = " + ratio);
    }

    /**
     * Near a sample-cell edge τ = (k ± 1/2)/P the sampled echo changes abruptly with τ (the pulses
     * jump at their start): the likelihood is discontinuous there, many estimates land exactly on
     * the edge, and the RMSE falls below the CRB of the smooth model, which is then no bound
     * [wangmultistatic E6].
     */
    @Test
    void nearASampleEdgeTheEstimatorBeatsTheSmoothModelCrb() {
        RandomStream rng = new RandomStream(77);
        int m = 64, p = 4, trials = 300;
        int samples = (m + 12) * p;
        double tau = 6.3817, noiseVar = p;      // 0.0067 Δt (0.3 sd) from the edge 25.5/P
        double[] gain = gains(Math.sqrt(10.0), 1.3, 1);
        PulseTrain tr = train(new SincPulse(1.0), m, p, rng);
        double sd = crb(tr, tau, 0.0, gain, samples, noiseVar).standardDeviation(0);
        DelayDopplerMatchedFilter mf = new DelayDopplerMatchedFilter(m, p, DelayDopplerSearch.delayOnly(6, 2, 0.0));
        double se = 0;
        int onEdge = 0;
        for (int i = 0; i < trials; i++) {
            DelayDopplerEstimate e = mf.estimate(tr, echo(tr, tau, 0.0, gain, samples, noiseVar, rng));
            se += (e.delay() - tau) * (e.delay() - tau);
            double x = e.delay() * p - 0.5;
            onEdge += Math.abs(x - Math.rint(x)) < 1e-9 ? 1 : 0;
        }
        double ratio = Math.sqrt(se / trials) / sd;
        assertTrue(onEdge > trials / 5, "estimates on a cell edge: " + onEdge);
        assertTrue(ratio < 0.9, "RMSE(τ)/smooth CRB sd = " + ratio);
    }

    @Test
    void rejectsBadInput() {
        RandomStream rng = new RandomStream(1);
        assertThrows(InvalidInputException.class, () -> new DelayDopplerMatchedFilter(8, 1, DelayDopplerSearch.delayOnly(3, 1, 0)));
        DelayDopplerMatchedFilter mf = new DelayDopplerMatchedFilter(8, 4, DelayDopplerSearch.delayOnly(3, 1, 0));
        PulseTrain other = train(new SincPulse(1.0), 9, 4, rng);
        assertThrows(InvalidInputException.class, () -> mf.estimate(other, new double[][] {new double[80]}));
        assertThrows(InvalidInputException.class, () -> new DelayDopplerSearch(1, 2, 0, 4, 8));
        assertThrows(InvalidInputException.class, () -> new DelayDopplerSearch(5, 2, 0, -1, 8));
    }
}
