package org.cosense.systems.zhanghybrid;

import org.cosense.array.CentroidUla;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.ejml.data.ZMatrixRMaj;

/**
 * The noiseless sampled observation (7') of every path (j, k), written out independently of {@link HybridFim}:
 * μ_jk[m, n] = g_jk a_M(θ^A_k)[m] Σ_i a_N(θ^D_j)[i] (C_j s_j(t_n − τ_jk))[i], t_n = n/B, with periodic streams
 * s_j(t) = Σ_q c_q e^{j2π q B t/T} on the DFT grid, so that ṡ_j is exact and Ṙ_j = C_j Σ_n ṡ ṡ^H C_j^H.
 */
final class CascadedMeanFixture {
    final int k;
    final int m;
    final int n;
    final int d;
    final int t;
    final double b;
    final ZMatrixRMaj[] c;
    final double[][][] coef; // [j][row][2 * bin]
    final double[][] gain;   // [j * k + i] interleaved complex gains
    final boolean centred;

    CascadedMeanFixture(HybridScene scene, HybridParameters prm, HybridFim fim, RandomStream rng, boolean centred) {
        this.k = scene.irsCount();
        this.m = prm.sensors();
        this.n = prm.elements();
        this.d = prm.streams();
        this.t = prm.frameSamples();
        this.b = prm.bandwidthHz();
        this.centred = centred;
        ReflectedSignals sig = ReflectedSignals.draw(scene, prm, rng.split(7));
        c = new ZMatrixRMaj[k];
        coef = new double[k][d][2 * t];
        for (int j = 0; j < k; j++) {
            c[j] = sig.reflection(j);
            for (int r = 0; r < d; r++) {
                rng.complexGaussian(coef[j][r], 0, t, 1.0 / t);
            }
        }
        gain = new double[k * k][];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                double a = Math.sqrt(fim.gainSquared(j, i));
                double ph = rng.nextPhase();
                gain[j * k + i] = new double[] {a * Math.cos(ph), a * Math.sin(ph)};
            }
        }
    }

    double freq(int q) {
        int s = q < t / 2 ? q : q - t;
        return s * b / t;
    }

    /** s_j(row, time) or its time derivative, interleaved pair. */
    double[] stream(int j, int row, double time, boolean derivative) {
        double re = 0;
        double im = 0;
        for (int q = 0; q < t; q++) {
            double f = freq(q);
            double ph = 2 * Math.PI * f * time;
            double cr = coef[j][row][2 * q];
            double ci = coef[j][row][2 * q + 1];
            double er = Math.cos(ph);
            double ei = Math.sin(ph);
            double xr = cr * er - ci * ei;
            double xi = cr * ei + ci * er;
            if (derivative) {
                double w = 2 * Math.PI * f;
                re += -w * xi;
                im += w * xr;
            } else {
                re += xr;
                im += xi;
            }
        }
        return new double[] {re, im};
    }

    double[] steer(double theta, int size) {
        if (centred) {
            return CentroidUla.response(Math.sin(theta), size);
        }
        double[] a = new double[2 * size];
        for (int i = 0; i < size; i++) {
            double p = Math.PI * Math.sin(theta) * i;
            a[2 * i] = Math.cos(p);
            a[2 * i + 1] = Math.sin(p);
        }
        return a;
    }

    /** Stacked means of all K² paths, η = [τ_11 .. τ_KK, θ^A_1..K, θ^D_1..K]. */
    double[] mean(double[] eta) {
        int paths = k * k;
        double[] out = new double[2 * paths * m * t];
        int o = 0;
        for (int j = 0; j < k; j++) {
            double[] an = steer(eta[paths + k + j], n);
            for (int i = 0; i < k; i++) {
                double[] am = steer(eta[paths + i], m);
                double tau = eta[j * k + i];
                double[] g = gain[j * k + i];
                for (int s = 0; s < t; s++) {
                    double[] z = beamSample(j, an, s / b - tau, false);
                    double vr = g[0] * z[0] - g[1] * z[1];
                    double vi = g[0] * z[1] + g[1] * z[0];
                    for (int r = 0; r < m; r++) {
                        out[o++] = am[2 * r] * vr - am[2 * r + 1] * vi;
                        out[o++] = am[2 * r] * vi + am[2 * r + 1] * vr;
                    }
                }
            }
        }
        return out;
    }

    /** a_N^T C_j s_j(time) (or ṡ_j). */
    double[] beamSample(int j, double[] an, double time, boolean derivative) {
        double re = 0;
        double im = 0;
        for (int r = 0; r < d; r++) {
            double[] s = stream(j, r, time, derivative);
            double wr = 0;
            double wi = 0;
            for (int i = 0; i < n; i++) {
                double cr = c[j].getReal(i, r);
                double ci = c[j].getImag(i, r);
                double pr = an[2 * i] * cr - an[2 * i + 1] * ci;
                double pi = an[2 * i] * ci + an[2 * i + 1] * cr;
                wr += pr;
                wi += pi;
            }
            re += wr * s[0] - wi * s[1];
            im += wr * s[1] + wi * s[0];
        }
        return new double[] {re, im};
    }

    /** Σ_n x(t_n) x(t_n)^H with x = C_j s_j or C_j ṡ_j. */
    ZMatrixRMaj gram(int j, boolean derivative) {
        ZMatrixRMaj x = new ZMatrixRMaj(d, t);
        for (int r = 0; r < d; r++) {
            for (int s = 0; s < t; s++) {
                double[] v = stream(j, r, s / b, derivative);
                x.set(r, s, v[0], v[1]);
            }
        }
        ZMatrixRMaj cx = ComplexLinalg.mult(c[j], x);
        return ComplexLinalg.multTransB(cx, cx);
    }
}
