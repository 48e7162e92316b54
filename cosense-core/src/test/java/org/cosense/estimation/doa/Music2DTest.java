package org.cosense.estimation.doa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cosense.array.Upa;
import org.cosense.geom.SpatialFrequency;
import org.cosense.math.RandomStream;
import org.cosense.signal.ProbingCodebook;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

class Music2DTest {

    /** Noiseless snapshots sum_k a_k s_k^T with random source waveforms. */
    static ZMatrixRMaj snapshots(Upa upa, List<SpatialFrequency> doas, int t, double noise, RandomStream rng) {
        int n = upa.size();
        ZMatrixRMaj y = new ZMatrixRMaj(n, t);
        for (SpatialFrequency f : doas) {
            double[] a = upa.steering(f.mu(), f.nu());
            double[] s = new double[2 * t];
            rng.complexGaussian(s, 0, t, 1.0);
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < t; c++) {
                    int p = 2 * (r * t + c);
                    y.data[p] += a[2 * r] * s[2 * c] - a[2 * r + 1] * s[2 * c + 1];
                    y.data[p + 1] += a[2 * r] * s[2 * c + 1] + a[2 * r + 1] * s[2 * c];
                }
            }
        }
        if (noise > 0) {
            double[] nz = new double[2 * n * t];
            rng.complexGaussian(nz, 0, n * t, noise);
            for (int i = 0; i < nz.length; i++) {
                y.data[i] += nz[i];
            }
        }
        return y;
    }

    @Test
    void noiselessSingleSourceIsRecoveredExactly() {
        Upa upa = Upa.square(20);
        RandomStream rng = new RandomStream(5);
        for (int trial = 0; trial < 20; trial++) {
            double mu = -0.8 + 1.6 * rng.nextDouble();
            double nu = -0.55 + 1.1 * rng.nextDouble();
            ZMatrixRMaj y = snapshots(upa, List.of(new SpatialFrequency(mu, nu)), 24, 0, rng);
            SpatialFrequency est = new Music2D(upa).estimateFromSnapshots(y, 1).frequencies().get(0);
            assertEquals(mu, est.mu(), 1e-7);
            assertEquals(nu, est.nu(), 1e-7);
        }
    }

    @Test
    void noiselessThreeSourcesAreRecovered() {
        Upa upa = Upa.square(20);
        List<SpatialFrequency> truth = List.of(new SpatialFrequency(0.3, -0.2), new SpatialFrequency(-0.5, 0.1),
                new SpatialFrequency(0.05, -0.6));
        ZMatrixRMaj y = snapshots(upa, truth, 30, 0, new RandomStream(9));
        List<SpatialFrequency> est = new ArrayList<>(new Music2D(upa).estimateFromSnapshots(y, 3).frequencies());
        assertEquals(3, est.size());
        for (SpatialFrequency t : truth) {
            double best = est.stream().mapToDouble(e -> Math.hypot(e.mu() - t.mu(), e.nu() - t.nu())).min().orElseThrow();
            assertTrue(best < 1e-6, "source " + t + " not recovered: " + est);
        }
    }

    @Test
    void fftGridMatchesDirectEvaluation() {
        Upa upa = new Upa(6, 5);
        ZMatrixRMaj y = snapshots(upa, List.of(new SpatialFrequency(0.2, 0.4), new SpatialFrequency(-0.3, -0.1)), 10, 0.1,
                new RandomStream(3));
        Music2D music = new Music2D(upa, 32, true);
        ZMatrixRMaj us = SignalSubspace.ofSnapshots(y, 2);
        double[][] grid = music.subspacePowerGrid(us);
        for (int i = 0; i < 32; i += 3) {
            for (int j = 0; j < 32; j += 5) {
                double direct = music.subspacePower(us, music.gridFrequency(i), music.gridFrequency(j));
                assertEquals(direct, grid[i][j], 1e-10);
            }
        }
    }

    @Test
    void dftProbedEchoIsRecovered() {
        Upa upa = Upa.square(20);
        ZMatrixRMaj w = ProbingCodebook.dft(400, 24, 1.0);
        double mu = 0.3714;
        double nu = -0.7428;
        double[] a = upa.steering(mu, nu);
        double[] g = ProbingCodebook.transposeTimes(w, a);
        ZMatrixRMaj y = new ZMatrixRMaj(400, 24);
        for (int r = 0; r < 400; r++) {
            for (int c = 0; c < 24; c++) {
                y.set(r, c, a[2 * r] * g[2 * c] - a[2 * r + 1] * g[2 * c + 1], a[2 * r] * g[2 * c + 1] + a[2 * r + 1] * g[2 * c]);
            }
        }
        SpatialFrequency est = new Music2D(upa).estimateFromSnapshots(y, 1).frequencies().get(0);
        assertEquals(mu, est.mu(), 1e-7);
        assertEquals(nu, est.nu(), 1e-7);
    }
}
