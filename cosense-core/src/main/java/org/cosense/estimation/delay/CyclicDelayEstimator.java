package org.cosense.estimation.delay;

import org.cosense.InvalidInputException;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.Fft;
import org.cosense.math.HermitianEigen;
import org.cosense.signal.CyclicWaveform;
import org.ejml.data.ZMatrixRMaj;

/**
 * Delay of a known multichannel cyclic waveform Z (N × T, {@link CyclicWaveform}) received by M sensors through an
 * unknown M × N signature H, Y = H Z(τ) + noise: the maximum-likelihood matched filter
 * <pre>
 *   τ^ = argmax_τ A(τ),   A(τ) = || Y Z_w(τ)^H ||_F² = || Y P_Z(τ) ||_F²,   Z_w = Λ_r^{-1/2} U_r^H Z
 * </pre>
 * with Z Z^H = U_r Λ_r U_r^H on its rank r (cyclic delays leave Z Z^H unchanged, so the whitening is computed once) and
 * (Y Z_w(τ)^H)_mn = (1/T) Σ_q Y_m,q Z_w*_n,q e^{j2π f_q τ}. A(τ) is the energy of Y in the row space of Z(τ), at most
 * ||Y||² with equality at the true delay in noiseless data. (Zhang et al. (20) with the template whitened,
 * [zhanghybrid E21]; for a single-row template the two coincide.) Coarse search on a grid of 1/{@link #OVERSAMPLING} sample by zero-padded
 * inverse FFTs of the cross-spectra, then safeguarded Newton refinement of A on ± one grid step to
 * {@link #TOLERANCE_SAMPLES} around the {@link #MAX_CANDIDATES} highest coarse local maxima within
 * {@link #CANDIDATE_FRACTION} of the largest, keeping the highest refined A. A is evaluated exactly (not interpolated), so noiseless data give the true delay.
 * The search is over one period [0, T) samples (delays are cyclic).
 */
public final class CyclicDelayEstimator {
    /** Coarse grid points per sample. */
    public static final int OVERSAMPLING = 2;
    /**
     * Coarse local maxima at least this fraction of the largest are refined, and the highest refined statistic wins. A
     * peak sampled half a grid step (1/4 sample) off its maximum keeps about sinc²(1/4) = 0.81 of its height for a flat
     * spectrum; one half leaves margin for uneven spectra of finite streams [zhanghybrid P17].
     */
    public static final double CANDIDATE_FRACTION = 0.5;
    /** At most this many of those maxima, the highest on the grid, are refined (below threshold noise gives hundreds). */
    public static final int MAX_CANDIDATES = 4;
    /** Refinement stops at this width (samples). */
    public static final double TOLERANCE_SAMPLES = 1e-9;

    private CyclicDelayEstimator() {
    }

    /** The delay estimate (s) and the statistic at it. */
    public record Estimate(double delay, double statistic) {
    }

    /** τ^ in seconds for observations y (M × T) of template z (N × T) sampled at f_s. */
    public static Estimate estimate(ZMatrixRMaj y, ZMatrixRMaj z, double sampleRate) {
        int t = y.numCols;
        InvalidInputException.require(z.numCols == t, "template length", z.numCols, "must equal the observation length " + t);
        InvalidInputException.positive("sample rate (Hz)", sampleRate);
        double[][] cross = crossSpectra(y, whiten(z));
        int pad = OVERSAMPLING * t;
        double[] coarse = new double[pad];
        double[] buf = new double[2 * pad];
        for (double[] x : cross) {
            java.util.Arrays.fill(buf, 0);
            // place signed bins so that bin q of the padded transform is frequency f_q
            for (int q = 0; q < t; q++) {
                int s = CyclicWaveform.signedBin(q, t);
                int p = s >= 0 ? s : pad + s;
                buf[2 * p] = x[2 * q];
                buf[2 * p + 1] = x[2 * q + 1];
            }
            Fft.inverse(buf); // (1/pad) Σ X e^{+j2π p n/pad}: the sum at τ = n/OVERSAMPLING samples, times T/pad
            for (int n = 0; n < pad; n++) {
                coarse[n] += buf[2 * n] * buf[2 * n] + buf[2 * n + 1] * buf[2 * n + 1];
            }
        }
        int best = 0;
        for (int n = 1; n < pad; n++) {
            if (coarse[n] > coarse[best]) {
                best = n;
            }
        }
        // Refine the highest coarse local maxima within CANDIDATE_FRACTION of the best: between grid points a peak can lose
        // up to a fifth of its height, so the best grid point need not lie on the highest peak near threshold.
        double step = 1.0 / OVERSAMPLING;
        java.util.List<Integer> peaks = new java.util.ArrayList<>();
        for (int n = 0; n < pad; n++) {
            double c = coarse[n];
            boolean candidate = n == best || coarse[best] > 0 && c >= CANDIDATE_FRACTION * coarse[best]
                    && c >= coarse[(n + pad - 1) % pad] && c >= coarse[(n + 1) % pad];
            if (candidate) {
                peaks.add(n);
            }
        }
        peaks.sort((a, b) -> Double.compare(coarse[b], coarse[a])); // stable: ties keep the lower index first
        double tau = Double.NaN;
        double value = Double.NEGATIVE_INFINITY;
        for (int n : peaks.subList(0, Math.min(MAX_CANDIDATES, peaks.size()))) {
            double x = refine(cross, t, n * step - step, n * step + step);
            double a = statistic(cross, t, x);
            if (a > value) {
                value = a;
                tau = x;
            }
        }
        double wrapped = ((tau % t) + t) % t;
        return new Estimate(wrapped / sampleRate, value);
    }

    /**
     * The maximizer of A on [lo, hi] (samples): safeguarded Newton on A' = 0 inside the bracket when A' changes sign
     * there (bisection whenever a Newton step leaves it), golden-section search otherwise.
     */
    private static double refine(double[][] cross, int t, double lo, double hi) {
        double dlo = derivatives(cross, t, lo)[1];
        double dhi = derivatives(cross, t, hi)[1];
        if (dlo > 0 && dhi < 0) {
            double x = 0.5 * (lo + hi);
            for (int it = 0; it < 100 && hi - lo > TOLERANCE_SAMPLES; it++) {
                double[] d = derivatives(cross, t, x);
                if (d[1] > 0) {
                    lo = x;
                } else {
                    hi = x;
                }
                double next = d[2] < 0 ? x - d[1] / d[2] : Double.NaN;
                if (!(next > lo && next < hi)) {
                    next = 0.5 * (lo + hi);
                }
                if (Math.abs(next - x) < TOLERANCE_SAMPLES) {
                    return next;
                }
                x = next;
            }
            return x;
        }
        double g = (Math.sqrt(5) - 1) / 2;
        double a = hi - g * (hi - lo);
        double b = lo + g * (hi - lo);
        double fa = statistic(cross, t, a);
        double fb = statistic(cross, t, b);
        while (hi - lo > TOLERANCE_SAMPLES) {
            if (fa > fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - g * (hi - lo);
                fa = statistic(cross, t, a);
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + g * (hi - lo);
                fb = statistic(cross, t, b);
            }
        }
        return 0.5 * (lo + hi);
    }

    /** {A, A', A''} at τ (samples): c = (1/T) Σ X e^{jωτ}, A' = 2 Re Σ c* c', A'' = 2 Re Σ (|c'|² + c* c''), ω = 2π q/T. */
    private static double[] derivatives(double[][] cross, int t, double tau) {
        double[] er = new double[t];
        double[] ei = new double[t];
        double[] w = new double[t];
        for (int q = 0; q < t; q++) {
            w[q] = 2 * Math.PI * CyclicWaveform.signedBin(q, t) / t;
            er[q] = Math.cos(w[q] * tau);
            ei[q] = Math.sin(w[q] * tau);
        }
        double a = 0;
        double a1 = 0;
        double a2 = 0;
        for (double[] x : cross) {
            double c0r = 0;
            double c0i = 0;
            double c1r = 0;
            double c1i = 0;
            double c2r = 0;
            double c2i = 0;
            for (int q = 0; q < t; q++) {
                double vr = x[2 * q] * er[q] - x[2 * q + 1] * ei[q];
                double vi = x[2 * q] * ei[q] + x[2 * q + 1] * er[q];
                c0r += vr;
                c0i += vi;
                // j ω v
                c1r -= w[q] * vi;
                c1i += w[q] * vr;
                // −ω² v
                c2r -= w[q] * w[q] * vr;
                c2i -= w[q] * w[q] * vi;
            }
            a += c0r * c0r + c0i * c0i;
            a1 += 2 * (c0r * c1r + c0i * c1i);
            a2 += 2 * (c1r * c1r + c1i * c1i + c0r * c2r + c0i * c2i);
        }
        double s = 1.0 / ((double) t * t);
        return new double[] {a * s, a1 * s, a2 * s};
    }

    /** A(τ) at τ in samples. */
    public static double statistic(ZMatrixRMaj y, ZMatrixRMaj z, double delaySamples) {
        return statistic(crossSpectra(y, whiten(z)), y.numCols, delaySamples);
    }

    /** Eigenvalues of Z Z^H below this fraction of the largest are outside the template's row space. */
    public static final double RANK_TOLERANCE = 1e-12;

    /** Z_w = Λ_r^{-1/2} U_r^H Z: orthonormal rows spanning the row space of Z. */
    static ZMatrixRMaj whiten(ZMatrixRMaj z) {
        HermitianEigen e = HermitianEigen.decompose(ComplexLinalg.multTransB(z, z));
        double[] lam = e.valuesDescending();
        int r = 0;
        while (r < lam.length && lam[r] > RANK_TOLERANCE * lam[0]) {
            r++;
        }
        InvalidInputException.require(r > 0, "template", "zero", "must not be identically zero");
        ZMatrixRMaj u = e.dominantVectors(r);
        ZMatrixRMaj w = ComplexLinalg.mult(ComplexLinalg.conjugateTranspose(u), z);
        for (int i = 0; i < r; i++) {
            double s = 1 / Math.sqrt(lam[i]);
            for (int c = 0; c < 2 * z.numCols; c++) {
                w.data[2 * i * z.numCols + c] *= s;
            }
        }
        return w;
    }

    private static double statistic(double[][] cross, int t, double tau) {
        double[] er = new double[t];
        double[] ei = new double[t];
        for (int q = 0; q < t; q++) {
            double ph = 2 * Math.PI * CyclicWaveform.signedBin(q, t) * tau / t;
            er[q] = Math.cos(ph);
            ei[q] = Math.sin(ph);
        }
        double s = 0;
        for (double[] x : cross) {
            double re = 0;
            double im = 0;
            for (int q = 0; q < t; q++) {
                re += x[2 * q] * er[q] - x[2 * q + 1] * ei[q];
                im += x[2 * q] * ei[q] + x[2 * q + 1] * er[q];
            }
            s += (re * re + im * im) / ((double) t * t);
        }
        return s;
    }

    /** X_mn,q = Y_m,q conj(Z_n,q), one interleaved array of length 2T per (m, n). */
    private static double[][] crossSpectra(ZMatrixRMaj y, ZMatrixRMaj z) {
        int t = y.numCols;
        double[][] ys = spectra(y);
        double[][] zs = spectra(z);
        double[][] out = new double[ys.length * zs.length][];
        int i = 0;
        for (double[] ym : ys) {
            for (double[] zn : zs) {
                double[] x = new double[2 * t];
                for (int q = 0; q < t; q++) {
                    x[2 * q] = ym[2 * q] * zn[2 * q] + ym[2 * q + 1] * zn[2 * q + 1];
                    x[2 * q + 1] = ym[2 * q + 1] * zn[2 * q] - ym[2 * q] * zn[2 * q + 1];
                }
                out[i++] = x;
            }
        }
        return out;
    }

    private static double[][] spectra(ZMatrixRMaj a) {
        int t = a.numCols;
        double[][] s = new double[a.numRows][];
        for (int r = 0; r < a.numRows; r++) {
            s[r] = new double[2 * t];
            System.arraycopy(a.data, 2 * r * t, s[r], 0, 2 * t);
            Fft.forward(s[r]);
        }
        return s;
    }
}
