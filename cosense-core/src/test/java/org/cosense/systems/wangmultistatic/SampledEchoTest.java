package org.cosense.systems.wangmultistatic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.InvalidInputException;
import org.cosense.bounds.CrbResult;
import org.cosense.estimation.delay.DelayDopplerEstimate;
import org.cosense.estimation.delay.DelayDopplerMatchedFilter;
import org.cosense.estimation.delay.DelayDopplerSearch;
import org.cosense.math.RandomStream;
import org.cosense.signal.HalfCosinePulse;
import org.cosense.signal.PulseShape;
import org.cosense.signal.PulseTrain;
import org.cosense.signal.SincPulse;
import org.junit.jupiter.api.Test;

class SampledEchoTest {
    private static final double DT = 5e-9;

    private static EchoSettings settings(int m, int p, double tau, double f, double[] gains, double clutter, double thermal) {
        return new EchoSettings(m, p, (int) Math.ceil((tau + m + 2) * p), tau, f, gains, clutter, thermal);
    }

    /** Noiseless sample n = γ_r z_m g(t_n − τ − m) e^{j2π f~ t_n}: Doppler phase on absolute time. */
    @Test
    void noiselessSamplesFollowTheModelSampleBySample() {
        RandomStream rng = new RandomStream(3);
        int m = 16, p = 4;
        double tau = 5.3, f = 0.013;
        double[] z = SampledEcho.randomSymbols(m, 2.0, rng);
        double[] g = SampledEcho.receiveGains(0.5, 1.1, 3, 0.4);
        PulseShape pulse = new HalfCosinePulse(DT);   // any duration: the train uses unit periods
        SampledEcho e = SampledEcho.noiseless(pulse, z, settings(m, p, tau, f, g, 0, 0));
        PulseShape unit = new HalfCosinePulse(1.0);
        for (int r = 0; r < 3; r++) {
            for (int n = 0; n < e.samples()[r].length / 2; n++) {
                double t = (n + 0.5) / p, arg = t - tau;
                int k = (int) Math.floor(arg);
                double er = 0, ei = 0;
                if (k >= 0 && k < m) {
                    double amp = unit.value(arg - k), ph = 2 * Math.PI * f * t;
                    double zr = z[2 * k] * amp, zi = z[2 * k + 1] * amp;
                    double sr = zr * Math.cos(ph) - zi * Math.sin(ph), si = zr * Math.sin(ph) + zi * Math.cos(ph);
                    er = g[2 * r] * sr - g[2 * r + 1] * si;
                    ei = g[2 * r] * si + g[2 * r + 1] * sr;
                }
                assertEquals(er, e.samples()[r][2 * n], 1e-14);
                assertEquals(ei, e.samples()[r][2 * n + 1], 1e-14);
            }
        }
        // receive steering of a ULA along y: γ_{r+1}/γ_r = e^{jπ sin φ}, |γ_r| = amplitude
        double d = Math.atan2(g[3], g[2]) - Math.atan2(g[1], g[0]);
        assertEquals(Math.PI * Math.sin(0.4), d, 1e-14);
        assertEquals(0.5, Math.hypot(g[4], g[5]), 1e-15);
    }

    /** Clutter plus noise per sample has variance (σ_c² + σ_z²) P, the per-Δt density fixed. */
    @Test
    void clutterAndNoiseVariancePerSample() {
        int m = 2000, p = 4;
        double[] z = new double[2 * m];
        double[] g = {0, 0, 0, 0};                    // no echo: only clutter and noise
        EchoSettings s = settings(m, p, 1.0, 0, g, 2e-9, 1e-9);
        SampledEcho e = SampledEcho.simulate(new SincPulse(DT), z, s, new RandomStream(9));
        double sum = 0, cross = 0;
        int n = s.windowSamples();
        for (int i = 0; i < 2 * n; i++) {
            sum += e.samples()[0][i] * e.samples()[0][i] + e.samples()[1][i] * e.samples()[1][i];
            cross += e.samples()[0][i] * e.samples()[1][i];
        }
        double var = sum / (2.0 * n);
        assertEquals(1.0, s.noiseVariancePerSample() / (3e-9 * p), 1e-15);
        // 16 000 complex samples: relative standard error 0.8 %
        assertEquals(1.0, var / s.noiseVariancePerSample(), 0.04);
        assertEquals(0.0, cross / (2.0 * n) / s.noiseVariancePerSample(), 0.04, "antennas independent");
    }

    /**
     * High SNR (60 dB per symbol and antenna): the matched filter on the simulated echo is
     * efficient; over 40 echoes its RMSE is the sampled-model CRB sd within the sampling scatter.
     */
    @Test
    void matchedFilterOnTheSimulatedEchoAtHighSnr() {
        RandomStream rng = new RandomStream(17);
        int m = 256, p = 8, trials = 40;
        double tau = SampledEcho.delayInPulses(Math.hypot(20, 40) + Math.hypot(30, 40), DT);
        assertEquals((Math.sqrt(2000) + 50) / (299_792_458.0 * DT), tau, 1e-12); // RE (50, 0), target (20, 40): 94.72 m
        assertEquals(63.1913, tau, 1e-4);
        double f = 1.42e-6;
        double sT = 0, sF = 0, sdT = 0, sdF = 0;
        for (int i = 0; i < trials; i++) {
            double[] z = SampledEcho.randomSymbols(m, 1.0, rng);
            double[] g = SampledEcho.receiveGains(1e3, rng.nextPhase(), 2, Math.atan2(40, -30));
            EchoSettings s = settings(m, p, tau, f, g, 0.5, 0.5);
            SampledEcho e = SampledEcho.simulate(new HalfCosinePulse(DT), z, s, rng);
            DelayDopplerEstimate est = new DelayDopplerMatchedFilter(m, p, new DelayDopplerSearch(63, 2, 0, 16, 8))
                    .estimate(e.train(), e.samples());
            CrbResult crb = crb(e.train(), tau, f, g, s.windowSamples(), s.noiseVariancePerSample());
            double eT = (est.delay() - tau) / crb.standardDeviation(0), eF = (est.doppler() - f) / crb.standardDeviation(1);
            sT += eT * eT;
            sF += eF * eF;
            sdT = Math.max(sdT, crb.standardDeviation(0));
            sdF = Math.max(sdF, crb.standardDeviation(1));
        }
        assertTrue(sdT < 1e-4 && sdF < 1e-7, "60 dB: tiny bound, " + sdT + ", " + sdF);
        double rT = Math.sqrt(sT / trials), rF = Math.sqrt(sF / trials);
        // 40 trials: the normalized RMSE scatters by about 11 %
        assertTrue(rT > 0.7 && rT < 1.35, "RMSE(τ) / CRB sd = " + rT);
        assertTrue(rF > 0.7 && rF < 1.35, "RMSE(f~) / CRB sd = " + rF);
    }

    /** Sampled-model CRB of (τ, f~) with unknown gains, from the generic engine. */
    static CrbResult crb(PulseTrain train, double tau, double f, double[] gains, int samples, double noiseVar) {
        return org.cosense.estimation.delay.DelayDopplerMatchedFilterTest.crb(train, tau, f, gains, samples, noiseVar);
    }

    @Test
    void settingsAreValidated() {
        double[] g = {1, 0};
        assertThrows(InvalidInputException.class, () -> new EchoSettings(8, 1, 100, 1, 0, g, 0, 1));
        assertThrows(InvalidInputException.class, () -> new EchoSettings(8, 4, 30, 1, 0, g, 0, 1));
        assertThrows(InvalidInputException.class, () -> new EchoSettings(8, 4, 100, -1, 0, g, 0, 1));
        assertThrows(InvalidInputException.class, () -> new EchoSettings(8, 4, 100, 1, 0, new double[] {1}, 0, 1));
        assertThrows(InvalidInputException.class, () -> new EchoSettings(8, 4, 100, 1, 0, g, -1, 1));
        assertThrows(InvalidInputException.class,
                () -> SampledEcho.noiseless(new SincPulse(1), new double[6], new EchoSettings(8, 4, 100, 1, 0, g, 0, 1)));
    }
}
