package org.cosense.systems.wangmultistatic;

import org.cosense.systems.wangmultistatic.WangPulses.Shape;

/**
 * Test fixture: the oversampled noiseless echo of one receiver ([wangmultistatic S3.2]),
 * μ(t) = a h_m g(t − τ − (m−1)Δt) e^{j2π f t} on pulse m (h_m = H v_m ∈ C^{N_r}), Doppler on absolute
 * time, or restarted at every pulse start in the "local time" variant of (14)
 * ([wangmultistatic E2]). Parameters θ = (τ/Δt, f Δt, Re a, Im a) in normalized units
 * ([wangmultistatic P2]); P samples per Δt at cell midpoints, so with τ/Δt a multiple of 1/P no
 * sample sits on a pulse edge ([wangmultistatic P3]).
 */
final class EchoMeanFixture {
    final Shape shape;
    final double dt;
    final double[][] h;
    final int oversampling;
    final boolean localTime;
    final int samples;

    EchoMeanFixture(Shape shape, double dt, double[][] h, int oversampling, boolean localTime, double maxDelay) {
        this.shape = shape;
        this.dt = dt;
        this.h = h;
        this.oversampling = oversampling;
        this.localTime = localTime;
        this.samples = (int) ((h.length + Math.ceil(maxDelay) + 1) * oversampling);
    }

    int antennas() {
        return h[0].length / 2;
    }

    /** Interleaved μ over (sample, antenna). */
    double[] mean(double[] theta) {
        int nr = antennas();
        double[] out = new double[2 * samples * nr];
        double tau = theta[0];
        double f = theta[1];
        for (int n = 0; n < samples; n++) {
            double s = (n + 0.5) / oversampling;
            int m = (int) Math.floor(s - tau);
            if (m < 0 || m >= h.length) {
                continue;
            }
            double u = s - tau - m;
            double amp = WangPulses.g(shape, dt, u * dt);
            double phase = 2 * Math.PI * f * (localTime ? u : s);
            double er = amp * Math.cos(phase);
            double ei = amp * Math.sin(phase);
            // a · e
            double zr = theta[2] * er - theta[3] * ei;
            double zi = theta[2] * ei + theta[3] * er;
            for (int r = 0; r < nr; r++) {
                double hr = h[m][2 * r];
                double hi = h[m][2 * r + 1];
                int i = 2 * (n * nr + r);
                out[i] = hr * zr - hi * zi;
                out[i + 1] = hr * zi + hi * zr;
            }
        }
        return out;
    }

    double[] pulseEnergies() {
        double[] w = new double[h.length];
        for (int m = 0; m < h.length; m++) {
            for (double x : h[m]) {
                w[m] += x * x;
            }
        }
        return w;
    }
}
