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

    /** Exact covariance R = sum_k p a_k a_k^H + sigma^2 I with p / sigma^2 = snr (linear), sigma^2 = 1. */
    static ZMatrixRMaj exactCovariance(Upa upa, List<SpatialFrequency> doas, double snr) {
        int n = upa.size();
        ZMatrixRMaj r = new ZMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            r.set(i, i, 1.0, 0.0);
        }
        for (SpatialFrequency f : doas) {
            double[] a = upa.steering(f.mu(), f.nu());
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    // a_i conj(a_j)
                    double re = a[2 * i] * a[2 * j] + a[2 * i + 1] * a[2 * j + 1];
                    double im = a[2 * i + 1] * a[2 * j] - a[2 * i] * a[2 * j + 1];
                    r.set(i, j, r.getReal(i, j) + snr * re, r.getImag(i, j) + snr * im);
                }
            }
        }
        return r;
    }

    /**
     * Directions close to the array plane lie near the edge of the visible disk, where the grid point
     * nearest the MUSIC peak can fall just outside it. Every one must be recovered to 1e-6: 48 azimuths
     * around the array normal at 1, 3 and 5 degrees from the array plane, on 4x4, 8x8 and 16x16 URAs,
     * exact covariance at 20 dB.
     */
    @Test
    void sourcesNearTheArrayPlaneAreRecoveredOnEveryUra() {
        double snr = 100; // 20 dB
        for (int side : new int[] {4, 8, 16}) {
            Upa upa = Upa.square(side);
            Music2D music = new Music2D(upa);
            int missed = 0;
            StringBuilder misses = new StringBuilder();
            for (double fromPlaneDeg : new double[] {1, 3, 5}) {
                double r = Math.cos(Math.toRadians(fromPlaneDeg)); // mu^2 + nu^2 = cos^2 of the angle from the plane
                for (int q = 0; q < 48; q++) {
                    double phi = 2 * Math.PI * q / 48;
                    SpatialFrequency truth = new SpatialFrequency(r * Math.cos(phi), r * Math.sin(phi));
                    DoaResult est = music.estimateFromCovariance(exactCovariance(upa, List.of(truth), snr), 1);
                    boolean ok = est.resolved() && Math.abs(est.frequencies().get(0).mu() - truth.mu()) < 1e-6
                            && Math.abs(est.frequencies().get(0).nu() - truth.nu()) < 1e-6;
                    if (!ok) {
                        missed++;
                        misses.append(String.format("%n  %.0f deg, az %d/48: %s", fromPlaneDeg, q, est.frequencies()));
                    }
                }
            }
            assertEquals(0, missed, side + "x" + side + " URA, sources missed:" + misses);
        }
    }

    /** A source near nu = +1 comes back in [-1, 1) as itself, not as its alias near -1. */
    @Test
    void refinedEstimatesAreFoldedIntoTheVisibleRegion() {
        for (int side : new int[] {4, 8, 16, 20}) {
            Upa upa = Upa.square(side);
            for (SpatialFrequency truth : List.of(new SpatialFrequency(0.0, 0.9994), new SpatialFrequency(0.9994, 0.0),
                    new SpatialFrequency(-0.03, 0.999), new SpatialFrequency(0.0, -0.9994))) {
                DoaResult est = new Music2D(upa).estimateFromCovariance(exactCovariance(upa, List.of(truth), 100), 1);
                SpatialFrequency f = est.frequencies().get(0);
                assertTrue(f.mu() >= -1 && f.mu() < 1 && f.nu() >= -1 && f.nu() < 1, side + ": " + f);
                assertEquals(truth.mu(), f.mu(), 1e-6, side + ": " + f);
                assertEquals(truth.nu(), f.nu(), 1e-6, side + ": " + f);
            }
        }
    }

    /** The spectrum on the FFT grid peaks at the grid point nearest the source. */
    @Test
    void spectrumPeaksNextToTheEstimate() {
        Upa upa = Upa.square(8);
        SpatialFrequency truth = new SpatialFrequency(0.31, -0.42);
        DoaResult est = new Music2D(upa).estimateFromCovariance(exactCovariance(upa, List.of(truth), 100), 1);
        DoaResult.Spectrum s = est.spectrum().orElseThrow();
        int bi = 0;
        int bj = 0;
        for (int i = 0; i < s.axes()[0].length; i++) {
            for (int j = 0; j < s.axes()[1].length; j++) {
                if (s.at(i, j) > s.at(bi, bj)) {
                    bi = i;
                    bj = j;
                }
            }
        }
        double step = s.axes()[0][1] - s.axes()[0][0];
        assertTrue(Math.abs(s.axes()[0][bi] - truth.mu()) <= step && Math.abs(s.axes()[1][bj] - truth.nu()) <= step,
                "spectrum peak at (" + s.axes()[0][bi] + ", " + s.axes()[1][bj] + ")");
    }
}
