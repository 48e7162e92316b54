package org.cosense.estimation.delay;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.cosense.InvalidInputException;
import org.cosense.math.Fft;
import org.cosense.signal.PulseShape;
import org.cosense.signal.PulseTrain;

/**
 * Delay–Doppler matched filter for a known pulse train received with an unknown complex gain per
 * antenna, (6) and (8) [wangmultistatic S3.2]:
 * <pre>
 *   Φ_r(τ, f~) = Σ_n y_r[n] z*(t_n − τ) e^{−j2π f~ t_n},   E(τ) = Σ_n |z(t_n − τ)|²
 *   A(τ, f~)   = Σ_r |Φ_r(τ, f~)|² / E(τ),                 (τ^, f~^) = argmax A
 * </pre>
 * with t_n = (n + 1/2)/P. A is the concentrated likelihood of the model with unknown gains, so
 * its maximizer is the maximum-likelihood estimate. Dividing by E(τ) matters: the pulses jump at
 * their start, so the sampled template energy changes by O(1/P) across one sample spacing and
 * |Φ|² alone is biased towards sample boundaries even without noise [wangmultistatic S3.2].
 *
 * <p>Two stages. (1) Coarse grid: delays on the sample lattice k/P, Doppler on the bins of
 * {@link DelayDopplerSearch}; per pulse period the lagged correlations are summed, then
 * transformed across periods (the Doppler phase inside one period is ignored there). The echo is
 * demodulated once by the window's centre frequency, so the transform runs over the bins' offsets
 * from it. The transform is a DFT at the grid bins, searched in two steps (strided lags and bins
 * on the main lobe, then the exact grid around the strided maximum), or a zero-padded FFT over every
 * bin when that is cheaper (many bins) [wangmultistatic A4].
 * (2) Refinement on the exact A: A is smooth between sample boundaries τ = (k ± 1/2)/P and jumps
 * across them, so Newton's method with the analytic gradient and Hessian runs on the closed
 * cell of the coarse lag (τ held on an edge while the gradient points out), and on the
 * neighbouring cell whenever the optimum lands on an edge. It stops when both steps are below
 * 10⁻⁴ of the local standard deviation from the observed information [wangmultistatic A4].
 *
 * <p>Within one cell every pulse sees the same P sample offsets, so the Doppler-dependent sums cost
 * one pass over N_r·P·M products per Doppler, and A and its derivatives at any delay of the cell
 * follow from them in O(N_r·P). An instance is immutable and may be shared between threads.
 */
public final class DelayDopplerMatchedFilter {
    private static final double STEP_TOLERANCE = 1e-4;
    private static final double ABSOLUTE_STEP_FLOOR = 1e-13;
    private static final int MAX_ITERATIONS = 40;

    private final DelayDopplerSearch search;
    private final int m;
    private final int p;
    private final int kLo;
    private final int kHi;
    private final int blocks;
    private final double[] binFrequency;
    private final int fftLength;
    private final boolean useFft;
    /** binRe[i][b] + j binIm[i][b] = e^{−j2π (f_i − f_c) b}: the DFT of the demodulated series at bin i (DFT grid only). */
    private final double[][] binRe;
    private final double[][] binIm;
    private final int lagStride;
    private final int binStride;
    private final int segment;
    private final int segments;
    /** e^{−j2π f_c b}: demodulation by the window's centre frequency, period b. */
    private final double[] centreRe;
    private final double[] centreIm;
    private final double[] segTableRe;
    private final double[] segTableIm;

    /**
     * A filter for trains of {@code pulses} pulses sampled {@code oversampling} times per pulse
     * period; the grid (and the coarse Doppler transform) is built once and serves any symbols.
     */
    public DelayDopplerMatchedFilter(int pulses, int oversampling, DelayDopplerSearch search) {
        this(pulses, oversampling, search, null);
    }

    /** @param forceFft null: the cheaper transform; true/false: FFT/DFT (for tests) */
    DelayDopplerMatchedFilter(int pulses, int oversampling, DelayDopplerSearch search, Boolean forceFft) {
        InvalidInputException.require(search != null, "search", search, "must be given");
        this.search = search;
        this.m = InvalidInputException.positive("pulses", pulses);
        this.p = oversampling;
        InvalidInputException.require(p >= 2, "oversampling", p,
                "at least 2 samples per pulse (with 1 the delay inside a sample cell is unidentifiable)");
        int kc = (int) Math.round(search.delayCentre() * p);
        int half = (int) Math.round(search.delayHalfWidth() * p);
        this.kLo = Math.max(0, kc - half);
        this.kHi = kc + half;
        this.blocks = m + (kHi - kLo + p - 1) / p;
        int nb = search.dopplerHalfBins();
        this.fftLength = search.dopplerStepDivisor() * m;
        this.binFrequency = new double[2 * nb + 1];
        for (int i = -nb; i <= nb; i++) {
            binFrequency[i + nb] = search.dopplerCentre() + (double) i / fftLength;
        }
        double dftCost = (double) blocks * binFrequency.length;
        double fftCost = 2.0 * fftLength * (Math.log(fftLength) / Math.log(2));
        this.useFft = forceFft != null ? forceFft && fftLength >= blocks : fftCost < dftCost && fftLength >= blocks;
        // stage (a) of the two-stage grid: lag step ≤ Δt/4, bin step ≤ 1/(2M), segments of periods short enough that the
        // Doppler phase over one segment stays within π/8 at the edge of the window
        this.lagStride = Math.max(1, p / 4);
        this.binStride = Math.max(1, search.dopplerStepDivisor() / 2);
        double edge = Math.abs((double) nb / fftLength) + 1e-300;
        this.segment = Math.max(1, Math.min(blocks, (int) Math.floor(1.0 / (16 * edge))));
        this.segments = (blocks + segment - 1) / segment;
        if (useFft) {
            binRe = binIm = null;
            centreRe = centreIm = segTableRe = segTableIm = null;
        } else {
            // e^{−j2π (f_i − f_c) b}, one contiguous row per bin (the DFT at one bin then reads its row in order)
            binRe = new double[binFrequency.length][blocks];
            binIm = new double[binFrequency.length][blocks];
            for (int i = 0; i < binFrequency.length; i++) {
                double offset = binFrequency[i] - search.dopplerCentre();
                for (int b = 0; b < blocks; b++) {
                    double ph = -2 * Math.PI * offset * b;
                    binRe[i][b] = Math.cos(ph);
                    binIm[i][b] = Math.sin(ph);
                }
            }
            centreRe = new double[blocks];
            centreIm = new double[blocks];
            for (int b = 0; b < blocks; b++) {
                double ph = -2 * Math.PI * search.dopplerCentre() * b;
                centreRe[b] = Math.cos(ph);
                centreIm[b] = Math.sin(ph);
            }
            // per strided bin the offset's phase at each segment's centre
            int strided = (binFrequency.length + binStride - 1) / binStride + 1;
            segTableRe = new double[strided * segments];
            segTableIm = new double[strided * segments];
            for (int i = nb % binStride; i < binFrequency.length; i += binStride) {
                double offset = binFrequency[i] - search.dopplerCentre();
                for (int sg = 0; sg < segments; sg++) {
                    // the segment's periods b = sg·S … sg·S + S − 1 are taken at their centre
                    double ph = -2 * Math.PI * offset * (sg * segment + (Math.min(blocks, (sg + 1) * segment) - sg * segment - 1) / 2.0);
                    segTableRe[(i / binStride) * segments + sg] = Math.cos(ph);
                    segTableIm[(i / binStride) * segments + sg] = Math.sin(ph);
                }
            }
        }
    }

    /** Samples the filter reads: y must cover n = 0 … samplesNeeded() − 1 (shorter rows are zero-padded). */
    public int samplesNeeded() {
        return kHi + m * p;
    }

    /** True when the coarse Doppler transform is a zero-padded FFT rather than a DFT at the bins. */
    public boolean usesFft() {
        return useFft;
    }

    /** The transmitted train as the filter correlates with it: symbols and pulse (the sampled template on demand). */
    private record Template(PulseShape pulse, double[] z, double symbolEnergy) {
        /** z[mP + q] = z_m g((q + 1/2)/P), interleaved: only the one-pass FFT grid reads it. */
        double[] samples(int m, int p) {
            double[] samples = new double[2 * m * p];
            double[] g = new double[p];
            for (int q = 0; q < p; q++) {
                g[q] = pulse.value((q + 0.5) / p);
            }
            for (int mm = 0; mm < m; mm++) {
                for (int q = 0; q < p; q++) {
                    int j = mm * p + q;
                    samples[2 * j] = z[2 * mm] * g[q];
                    samples[2 * j + 1] = z[2 * mm + 1] * g[q];
                }
            }
            return samples;
        }
    }

    private Template template(PulseTrain train) {
        InvalidInputException.require(train != null, "train", train, "must be given");
        InvalidInputException.require(train.pulses() == m, "train pulses", train.pulses(), "must equal the filter's " + m);
        InvalidInputException.require(train.oversampling() == p, "train oversampling", train.oversampling(),
                "must equal the filter's " + p);
        return new Template(train.pulse(), train.symbols(), train.symbolEnergy());
    }

    /**
     * Estimates (τ, f~) from y_r[n], n = 0, 1, … at t_n = (n + 1/2)/P.
     *
     * @param train the transmitted pulse train (known symbols)
     * @param y     one interleaved row per receive antenna
     */
    public DelayDopplerEstimate estimate(PulseTrain train, double[][] y) {
        Template tpl = template(train);
        InvalidInputException.require(y != null && y.length >= 1, "y", y == null ? null : y.length,
                "at least one receive antenna");
        for (int r = 0; r < y.length; r++) {
            InvalidInputException.require(y[r] != null && y[r].length % 2 == 0, "y row", r + 1,
                    y[r] == null ? null : y[r].length, "interleaved (re, im) samples");
        }
        int[] coarse = coarse(tpl, y);
        int k = coarse[0];
        double f = search.estimatesDoppler() ? binFrequency[coarse[1]] : search.dopplerCentre();
        return refine(tpl, y, k, f);
    }

    private static double at(double[] row, int i) {
        return i < row.length ? row[i] : 0.0;
    }

    // ---- stage 1: coarse grid -------------------------------------------------------------

    /** {lag k, Doppler bin index} of the grid maximum of Σ_r |Φ_r|². */
    int[] coarse(PulseTrain train, double[][] y) {
        return coarse(template(train), y);
    }

    private int[] coarse(Template tpl, double[][] y) {
        return useFft ? coarseFullGrid(tpl, y) : coarseTwoStage(tpl, y);
    }
    /**
     * Two stages on the same grid. (a) Every {@code lagStride}-th lag and every {@code binStride}-th bin, with the
     * Doppler sum over pulse periods done in segments of {@code segment} periods (each segment taken at the bin's phase
     * at its centre, the residual phase inside a segment ignored). The strides sample the ambiguity function's main
     * lobe: it is about one pulse period wide in delay (lag step ≤ Δt/4) and 1/M in Doppler (bin step ≤ 1/(2M)), so the
     * strided maximum lies in the main lobe. (b) The exact DFT power on every grid point within one stride of that
     * maximum; the best of these is the coarse estimate. When the ambiguity is unimodal over the window this is the full
     * grid's maximum.
     */
    private int[] coarseTwoStage(Template tpl, double[][] y) {
        Correlations correlations = new Correlations(tpl, y);
        int[] strided = stridedMaximum(correlations, y.length);
        return exactNeighbourhood(correlations, y.length, strided[0], strided[1]);
    }

    /** Stage (a): {lag index l, bin index i} of the maximum over the strided lags and bins. */
    private int[] stridedMaximum(Correlations correlations, int nr) {
        int lags = kHi - kLo + 1;
        int bins = binFrequency.length;
        int lc = Math.min(lags - 1, Math.max(0, (int) Math.round(search.delayCentre() * p) - kLo));
        int nb = search.dopplerHalfBins();
        double best = -1;
        int bestL = lc, bestI = nb;
        double[] segRe = new double[segments * nr];
        double[] segIm = new double[segments * nr];
        for (int l = lc % lagStride; l < lags; l += lagStride) {
            correlations.segmentSums(l, segment, segRe, segIm);
            // two strided bins per pass over the segment sums (their four sums are independent chains)
            for (int i = nb % binStride; i < bins; i += 2 * binStride) {
                int i2 = i + binStride;
                boolean two = i2 < bins;
                int row = (i / binStride) * segments, row2 = two ? (i2 / binStride) * segments : row;
                double pw = 0, pw2 = 0;
                for (int r = 0; r < nr; r++) {
                    double ar = 0, ai = 0, ar2 = 0, ai2 = 0;
                    for (int sg = 0; sg < segments; sg++) {
                        double cr = segRe[sg * nr + r], ci = segIm[sg * nr + r];
                        double er = segTableRe[row + sg], ei = segTableIm[row + sg];
                        ar += cr * er - ci * ei;
                        ai += cr * ei + ci * er;
                        double er2 = segTableRe[row2 + sg], ei2 = segTableIm[row2 + sg];
                        ar2 += cr * er2 - ci * ei2;
                        ai2 += cr * ei2 + ci * er2;
                    }
                    pw += ar * ar + ai * ai;
                    pw2 += ar2 * ar2 + ai2 * ai2;
                }
                if (pw > best) {
                    best = pw;
                    bestL = l;
                    bestI = i;
                }
                if (two && pw2 > best) {
                    best = pw2;
                    bestL = l;
                    bestI = i2;
                }
            }
        }
        return new int[] {bestL, bestI};
    }

    /** Stage (b): {lag k, bin index} of the maximum of the exact DFT power within one stride of (l0, i0). */
    private int[] exactNeighbourhood(Correlations correlations, int nr, int l0, int i0) {
        int lags = kHi - kLo + 1;
        int bins = binFrequency.length;
        int iLo = Math.max(0, i0 - binStride + 1), iHi = Math.min(bins - 1, i0 + binStride - 1);
        double[] pw = new double[iHi - iLo + 1];
        double[] acc = new double[8];
        double best = -1;
        int bestL = l0, bestI = i0;
        for (int l = Math.max(0, l0 - lagStride + 1); l <= Math.min(lags - 1, l0 + lagStride - 1); l++) {
            double[] c = correlations.lag(l);
            Arrays.fill(pw, 0);
            for (int r = 0; r < nr; r += 2) {
                // two bins, and two antennas when there are, per pass over the series
                int r2 = Math.min(r + 1, nr - 1);
                for (int i = iLo; i <= iHi; i += 2) {
                    int i2 = Math.min(i + 1, iHi);
                    dftAtTwoBins(c, nr, r, r2, binRe[i], binIm[i], binRe[i2], binIm[i2], acc);
                    pw[i - iLo] += acc[0] * acc[0] + acc[1] * acc[1];
                    if (i2 != i) {
                        pw[i2 - iLo] += acc[2] * acc[2] + acc[3] * acc[3];
                    }
                    if (r2 != r) {
                        pw[i - iLo] += acc[4] * acc[4] + acc[5] * acc[5];
                        if (i2 != i) {
                            pw[i2 - iLo] += acc[6] * acc[6] + acc[7] * acc[7];
                        }
                    }
                }
            }
            for (int i = 0; i < pw.length; i++) {
                if (pw[i] > best) {
                    best = pw[i];
                    bestL = l;
                    bestI = iLo + i;
                }
            }
        }
        return new int[] {kLo + bestL, bestI};
    }

    /**
     * Σ_b c[b, r] e_b at two bins (rows e and e2) for antennas r and r2, {re, im, re2, im2} of r then of r2 into out;
     * c interleaved as c[2 (b N_r + r)]. The eight sums are independent chains, so their additions overlap, and each
     * phasor is loaded once for both antennas. Each sum runs in increasing b.
     */
    private static void dftAtTwoBins(double[] c, int nr, int r, int r2, double[] eRe, double[] eIm, double[] eRe2,
                                     double[] eIm2, double[] out) {
        double ar = 0, ai = 0, ar2 = 0, ai2 = 0, br = 0, bi = 0, br2 = 0, bi2 = 0;
        for (int b = 0, idx = 2 * r, idx2 = 2 * r2; b < eRe.length; b++, idx += 2 * nr, idx2 += 2 * nr) {
            double cr = c[idx], ci = c[idx + 1], dr = c[idx2], di = c[idx2 + 1];
            double er = eRe[b], ei = eIm[b], er2 = eRe2[b], ei2 = eIm2[b];
            ar += cr * er - ci * ei;
            ai += cr * ei + ci * er;
            ar2 += cr * er2 - ci * ei2;
            ai2 += cr * ei2 + ci * er2;
            br += dr * er - di * ei;
            bi += dr * ei + di * er;
            br2 += dr * er2 - di * ei2;
            bi2 += dr * ei2 + di * er2;
        }
        out[0] = ar;
        out[1] = ai;
        out[2] = ar2;
        out[3] = ai2;
        out[4] = br;
        out[5] = bi;
        out[6] = br2;
        out[7] = bi2;
    }

    /**
     * The lagged correlations c_l[b, r] = Σ_{q<P} y'_r[kLo + bP + q] z*[bP + q − l] of one echo demodulated by the
     * centre frequency, y'_r[kLo + bP + q] = y_r[kLo + bP + q] e^{−j2π f_c b}, built from the train's structure
     * z[mP + q'] = z_m g_{q'}: for l = aP + s the P samples of period b meet the end of symbol b − a − 1 (q < s) and the
     * start of symbol b − a (q ≥ s), so c_l[b] = z*_{b−a−1} U_s[b] + z*_{b−a} V_s[b] with the pulse-weighted partial sums
     * U_s[b] = Σ_{q<s} y'[kLo + bP + q] g_{q−s+P} and V_s[b] = Σ_{q≥s} y'[kLo + bP + q] g_{q−s}. U_s and V_s are computed
     * once per residue s and serve every lag with that residue: two complex products per period and lag.
     */
    private final class Correlations {
        private final double[] g;
        private final double[][] y;
        /** u[s][r][2b], v[s][r][2b]: U_s[b] and V_s[b] of antenna r, interleaved (re, im). */
        private final double[][][] u;
        private final double[][][] v;
        /** t[s][r][2b] = V_s[b] + U_s[b + 1]: all P samples of the pulse of the symbol starting in period b at offset s. */
        private final double[][][] t;
        /** yT[r][q][2b] = y'_r[kLo + bP + q]: the demodulated echo regrouped by sample offset inside the period. */
        private double[][][] yT;
        /** zPad[2 (k + zOffset)] = z_k for 0 ≤ k < M, zero for the other k a period can meet. */
        private final double[] zPad;
        private final int zOffset;

        Correlations(Template tpl, double[][] y) {
            double[] z = tpl.z();
            this.y = y;
            this.g = new double[p];
            for (int q = 0; q < p; q++) {
                g[q] = tpl.pulse().value((q + 0.5) / p);
            }
            this.zOffset = (kHi - kLo) / p + 2;
            this.zPad = new double[2 * (zOffset + blocks + 1)];
            System.arraycopy(z, 0, zPad, 2 * zOffset, 2 * m);
            this.u = new double[p][][];
            this.v = new double[p][][];
            this.t = new double[p][][];
        }

        /**
         * The echo demodulated by the centre frequency and regrouped by sample offset: yT[r][q] holds the samples
         * kLo + bP + q of every period b, so that U_s and V_s are sums of whole contiguous rows scaled by one pulse sample
         * (loops the compiler vectorizes) instead of strided reads of y. Demodulating here, once per sample, spares a
         * complex product per period in every lag's correlations.
         */
        private void regroup() {
            int nr = y.length;
            yT = new double[nr][p][2 * blocks];
            for (int r = 0; r < nr; r++) {
                double[] row = y[r];
                double[][] dst = yT[r];
                // periods whose P samples all lie inside the row (read in order, one period at a time); the rest read
                // zeros past its end
                int full = Math.max(0, Math.min(blocks, (row.length / 2 - kLo) / p));
                for (int b = 0; b < blocks; b++) {
                    double er = centreRe[b], ei = centreIm[b];
                    for (int q = 0, i = 2 * (kLo + b * p); q < p; q++, i += 2) {
                        double yr = b < full ? row[i] : at(row, i), yi = b < full ? row[i + 1] : at(row, i + 1);
                        dst[q][2 * b] = yr * er - yi * ei;
                        dst[q][2 * b + 1] = yr * ei + yi * er;
                    }
                }
            }
        }

        /**
         * U_s[b] = Σ_{q<s} y'[kLo + bP + q] g_{q−s+P} and V_s[b] = Σ_{q≥s} y'[kLo + bP + q] g_{q−s} for every period b.
         * Each sum adds its terms in increasing q.
         */
        private void residue(int s) {
            if (yT == null) {
                regroup();
            }
            int nr = y.length;
            double[][] us = new double[nr][2 * blocks];
            double[][] vs = new double[nr][2 * blocks];
            for (int r = 0; r < nr; r++) {
                for (int q = 0; q < p; q++) {
                    double[] t = q < s ? us[r] : vs[r];
                    double w = q < s ? g[q - s + p] : g[q - s];
                    double[] src = yT[r][q];
                    for (int j = 0; j < t.length; j++) {
                        t[j] += src[j] * w;
                    }
                }
            }
            double[][] ts = new double[nr][2 * blocks];
            for (int r = 0; r < nr; r++) {
                for (int j = 0; j < 2 * blocks - 2; j++) {
                    ts[r][j] = vs[r][j] + us[r][j + 2];
                }
                ts[r][2 * blocks - 2] = vs[r][2 * blocks - 2];
                ts[r][2 * blocks - 1] = vs[r][2 * blocks - 1];
            }
            u[s] = us;
            v[s] = vs;
            t[s] = ts;
        }

        /**
         * Σ_{b in segment} c_l[b, r] per segment and antenna, written to seg[sg N_r + r], without materializing c_l: the
         * strided stage reads each lag's correlations once, so forming them straight into the segment sums saves an array
         * of 2·blocks·N_r per lag and a second pass over it. Regrouped by symbol instead of by period, the sum over periods
         * b0 … b1 − 1 is Σ_b z*_{b−a} T_s[b] (one complex product per period, T_s = V_s + U_s shifted by one period) plus
         * the two symbols cut by the segment's ends: + z*_{b0−a−1} U_s[b0] (its end lies in the segment) − z*_{b1−a−1}
         * U_s[b1] (its end lies in the next one). The symbols are read from a zero-padded copy, so periods where a symbol
         * does not overlap need no branch (their term is an exact zero).
         */
        void segmentSums(int l, int segment, double[] segRe, double[] segIm) {
            int a = l / p;
            int s = l % p;
            if (u[s] == null) {
                residue(s);
            }
            int nr = y.length;
            for (int r = 0; r < nr; r += 2) {
                if (r + 1 < nr) {
                    twoAntennas(a, t[s][r], t[s][r + 1], segment, segRe, segIm, nr, r);
                } else {
                    oneAntenna(a, t[s][r], segment, segRe, segIm, nr, r);
                }
                for (int h = r; h < Math.min(r + 2, nr); h++) {
                    segmentEnds(a, u[s][h], segment, segRe, segIm, nr, h);
                }
            }
        }

        /** Σ_b z*_{b−a} T[b] per segment, one antenna. */
        private void oneAntenna(int a, double[] ts, int segment, double[] segRe, double[] segIm, int nr, int r) {
            for (int b0 = 0, sg = 0; b0 < blocks; b0 += segment, sg++) {
                int b1 = Math.min(blocks, b0 + segment);
                double accR = 0, accI = 0;
                for (int b = b0; b < b1; b++) {
                    // the symbol b − a starts in period b at offset s
                    int k = 2 * (b - a + zOffset);
                    double zr = zPad[k], zi = zPad[k + 1];
                    accR += ts[2 * b] * zr + ts[2 * b + 1] * zi;
                    accI += ts[2 * b + 1] * zr - ts[2 * b] * zi;
                }
                segRe[sg * nr + r] = accR;
                segIm[sg * nr + r] = accI;
            }
        }

        /**
         * {@link #oneAntenna} for two antennas in one pass: the symbols are loaded once and the four sums are independent
         * chains, so their additions overlap.
         */
        private void twoAntennas(int a, double[] ts, double[] ts2, int segment, double[] segRe, double[] segIm, int nr,
                                 int r) {
            for (int b0 = 0, sg = 0; b0 < blocks; b0 += segment, sg++) {
                int b1 = Math.min(blocks, b0 + segment);
                double accR = 0, accI = 0, accR2 = 0, accI2 = 0;
                for (int b = b0; b < b1; b++) {
                    int k = 2 * (b - a + zOffset);
                    double zr = zPad[k], zi = zPad[k + 1];
                    accR += ts[2 * b] * zr + ts[2 * b + 1] * zi;
                    accI += ts[2 * b + 1] * zr - ts[2 * b] * zi;
                    accR2 += ts2[2 * b] * zr + ts2[2 * b + 1] * zi;
                    accI2 += ts2[2 * b + 1] * zr - ts2[2 * b] * zi;
                }
                int at = sg * nr + r;
                segRe[at] = accR;
                segIm[at] = accI;
                segRe[at + 1] = accR2;
                segIm[at + 1] = accI2;
            }
        }

        /** The symbols cut by the segments' ends, added to antenna r's segment sums (see {@link #segmentSums}). */
        private void segmentEnds(int a, double[] us, int segment, double[] segRe, double[] segIm, int nr, int r) {
            for (int b0 = 0, sg = 0; b0 < blocks; b0 += segment, sg++) {
                int b1 = b0 + segment;
                int k = 2 * (b0 - a - 1 + zOffset);
                double wr = zPad[k], wi = zPad[k + 1];
                double addR = us[2 * b0] * wr + us[2 * b0 + 1] * wi;
                double addI = us[2 * b0 + 1] * wr - us[2 * b0] * wi;
                if (b1 < blocks) {
                    k = 2 * (b1 - a - 1 + zOffset);
                    wr = zPad[k];
                    wi = zPad[k + 1];
                    addR -= us[2 * b1] * wr + us[2 * b1 + 1] * wi;
                    addI -= us[2 * b1 + 1] * wr - us[2 * b1] * wi;
                }
                segRe[sg * nr + r] += addR;
                segIm[sg * nr + r] += addI;
            }
        }

        /** c[2 (b N_r + r)] for the lag kLo + l (symbols from the zero-padded copy, as in {@link #segmentSums}). */
        double[] lag(int l) {
            int a = l / p;
            int s = l % p;
            if (u[s] == null) {
                residue(s);
            }
            int nr = y.length;
            double[] c = new double[2 * blocks * nr];
            for (int r = 0; r < nr; r++) {
                double[] us = u[s][r];
                double[] vs = v[s][r];
                for (int b = 0; b < blocks; b++) {
                    int k = 2 * (b - a + zOffset);
                    double zr = zPad[k], zi = zPad[k + 1], wr = zPad[k - 2], wi = zPad[k - 1];
                    int idx = 2 * (b * nr + r);
                    c[idx] = vs[2 * b] * zr + vs[2 * b + 1] * zi + us[2 * b] * wr + us[2 * b + 1] * wi;
                    c[idx + 1] = vs[2 * b + 1] * zr - vs[2 * b] * zi + us[2 * b + 1] * wr - us[2 * b] * wi;
                }
            }
            return c;
        }
    }

    /** {lag k, Doppler bin index} of the maximum over every grid point (for tests of the two-stage search). */
    int[] coarseFullGrid(PulseTrain train, double[][] y) {
        return coarseFullGrid(template(train), y);
    }

    /** The coarse grid in one pass: every lag, every bin (the FFT transform, or the DFT table for tests). */
    private int[] coarseFullGrid(Template tpl, double[][] y) {
        double[] template = tpl.samples(m, p);
        int lags = kHi - kLo + 1;
        int nr = y.length;
        int bins = binFrequency.length;
        // c[(b * nr + r) * lags + l]: correlation of pulse period b with lag kLo + l (lags innermost, so the
        // inner loop below writes consecutive entries)
        double[] c = new double[2 * lags * nr * blocks];
        int mp = m * p;
        for (int r = 0; r < nr; r++) {
            double[] row = y[r];
            for (int b = 0; b < blocks; b++) {
                int n0 = kLo + b * p;
                for (int q = 0; q < p; q++) {
                    int n = n0 + q;
                    double yr = at(row, 2 * n), yi = at(row, 2 * n + 1);
                    if (yr == 0 && yi == 0) {
                        continue;
                    }
                    int lMin = Math.max(0, n - kLo - mp + 1);
                    int lMax = Math.min(lags - 1, n - kLo);
                    int rowBase = 2 * ((b * nr + r) * lags);
                    int j0 = n - kLo;
                    for (int l = lMin; l <= lMax; l++) {
                        int j = 2 * (j0 - l);
                        double tr = template[j], ti = template[j + 1];
                        int idx = rowBase + 2 * l;
                        c[idx] += yr * tr + yi * ti;
                        c[idx + 1] += yi * tr - yr * ti;
                    }
                }
            }
        }
        // power[l * bins + i] = Σ_r |Σ_b c[l, r, b] e^{−j2π f_i b}|²
        double[] power = new double[lags * bins];
        if (useFft) {
            double[] row = new double[bins];
            for (int l = 0; l < lags; l++) {
                java.util.Arrays.fill(row, 0);
                for (int r = 0; r < nr; r++) {
                    fftPower(c, l, r, lags, nr, row);
                }
                System.arraycopy(row, 0, power, l * bins, bins);
            }
        } else {
            dftPower(c, lags, nr, power);
        }
        double best = -1;
        int bestL = 0, bestI = 0;
        for (int l = 0; l < lags; l++) {
            for (int i = 0; i < bins; i++) {
                if (power[l * bins + i] > best) {
                    best = power[l * bins + i];
                    bestL = l;
                    bestI = i;
                }
            }
        }
        return new int[] {kLo + bestL, bestI};
    }

    /** DFT at the grid bins of all series (lag l, antenna r) at once, one pass over the table. */
    /** DFT at the grid bins of every series (lag l, antenna r), each demodulated by the centre frequency first. */
    private void dftPower(double[] c, int lags, int nr, double[] power) {
        int bins = binFrequency.length;
        double[] xr = new double[blocks], xi = new double[blocks];
        for (int l = 0; l < lags; l++) {
            for (int r = 0; r < nr; r++) {
                for (int b = 0; b < blocks; b++) {
                    int idx = 2 * ((b * nr + r) * lags + l);
                    double cr = c[idx], ci = c[idx + 1], er = centreRe[b], ei = centreIm[b];
                    xr[b] = cr * er - ci * ei;
                    xi[b] = cr * ei + ci * er;
                }
                for (int i = 0; i < bins; i++) {
                    double[] eRe = binRe[i], eIm = binIm[i];
                    double ar = 0, ai = 0;
                    for (int b = 0; b < blocks; b++) {
                        ar += xr[b] * eRe[b] - xi[b] * eIm[b];
                        ai += xr[b] * eIm[b] + xi[b] * eRe[b];
                    }
                    power[l * bins + i] += ar * ar + ai * ai;
                }
            }
        }
    }

    /** Demodulate by the centre frequency, zero-pad to stepDivisor·M, FFT; bin i at index i mod N. */
    private void fftPower(double[] c, int l, int r, int lags, int nr, double[] power) {
        double[] x = new double[2 * fftLength];
        double fc = search.dopplerCentre();
        for (int b = 0; b < blocks; b++) {
            double ph = -2 * Math.PI * fc * b, er = Math.cos(ph), ei = Math.sin(ph);
            int idx = 2 * ((b * nr + r) * lags + l);
            double cr = c[idx], ci = c[idx + 1];
            x[2 * b] = cr * er - ci * ei;
            x[2 * b + 1] = cr * ei + ci * er;
        }
        Fft.forward(x);
        int nb = search.dopplerHalfBins();
        for (int i = -nb; i <= nb; i++) {
            int idx = Math.floorMod(i, fftLength);
            power[i + nb] += x[2 * idx] * x[2 * idx] + x[2 * idx + 1] * x[2 * idx + 1];
        }
    }

    // ---- stage 2: exact ambiguity function, cell by cell ------------------------------------

    /**
     * Rows the refinement reads: every row covers the samples of cells up to k (n < k + MP; a shorter row is copied
     * with zeros appended, the others are used as given).
     */
    private double[][] covering(double[][] y, int k) {
        int need = 2 * (k + m * p);
        double[][] rows = y;
        for (int r = 0; r < y.length; r++) {
            if (y[r].length < need) {
                if (rows == y) {
                    rows = y.clone();
                }
                rows[r] = java.util.Arrays.copyOf(y[r], need);
            }
        }
        return rows;
    }

    /** Sample cell k: τ in [(k − 1/2)/P, (k + 1/2)/P], where sample n = k + mP + q lies in pulse m at offset q. */
    private final class Cell {
        final Template tpl;
        final double[][] y;
        final int k;
        final double lo;
        final double hi;
        /** Σ_r Σ_n |y_r[n]|² over the cell's samples n = k … k + MP − 1 (the residual for the local standard deviation). */
        final double y2;
        /** t_n = s_q + m for the sample at offset q of pulse m. */
        final double[] s;

        Cell(Template tpl, double[][] rows, int k) {
            this.tpl = tpl;
            this.y = rows;
            this.k = k;
            this.lo = (k - 0.5) / p;
            this.hi = (k + 0.5) / p;
            this.s = new double[p];
            for (int q = 0; q < p; q++) {
                s[q] = (k + q + 0.5) / p;
            }
            // four partial sums: independent chains instead of one long chain of dependent additions
            double e0 = 0, e1 = 0, e2 = 0, e3 = 0;
            for (double[] row : rows) {
                for (int i = 2 * k; i < 2 * (k + m * p); i += 4) {
                    e0 += row[i] * row[i];
                    e1 += row[i + 1] * row[i + 1];
                    e2 += row[i + 2] * row[i + 2];
                    e3 += row[i + 3] * row[i + 3];
                }
            }
            this.y2 = (e0 + e1) + (e2 + e3);
        }

        double clamp(double tau) {
            return Math.min(Math.max(tau, lo), hi);
        }
    }

    /**
     * The Doppler-dependent part of Φ_r on one cell at one f~. With w_m = y_r[k + mP + q] z_m* and t = s_q + m, per
     * antenna r and sample offset q:
     * <pre>
     *   a0 = Σ_m w_m e^{−j2π f~ t},   t1 = Σ_m w_m t e^{−j2π f~ t},   t2 = Σ_m w_m t² e^{−j2π f~ t}
     *   Φ_r(τ) = Σ_q g(u_q) a0,   ∂Φ_r/∂f~ = −j2π Σ_q g(u_q) t1,   ∂²Φ_r/∂f~² = −(2π)² Σ_q g(u_q) t2
     * </pre>
     * with u_q = s_q − τ − m the offset inside the pulse, the same for every pulse. Moving τ inside the cell only
     * changes the P pulse samples g(u_q), so one pass over the N_r·P·M samples serves every delay of the cell: A and its
     * derivatives at another τ cost O(N_r·P).
     */
    private final class DopplerSums {
        final Cell c;
        final double f;
        /** [6 (r P + q) …]: a0, t1, t2 interleaved (re, im). */
        final double[] a;

        DopplerSums(Cell c, double f) {
            this.c = c;
            this.f = f;
            int nr = c.y.length;
            this.a = new double[6 * nr * p];
            // β_m = z_m* e^{−j2π f~ m}: the symbol and the pulse-to-pulse Doppler phase in one factor shared by all rows
            double[] br = new double[m], bi = new double[m];
            phasor(f, br, bi);
            double[] z = c.tpl.z();
            for (int mm = 0; mm < m; mm++) {
                double zr = z[2 * mm], zi = z[2 * mm + 1], er = br[mm], ei = bi[mm];
                br[mm] = zr * er + zi * ei;
                bi[mm] = zr * ei - zi * er;
            }
            double twoPi = 2 * Math.PI;
            double[] moments = new double[12];
            for (int r = 0; r < nr; r++) {
                for (int q = 0; q < p; q += 2) {
                    // W_j = Σ_m y_r[k + mP + q] β_m m^j, j = 0, 1, 2: two offsets per pass over the phasors
                    int two = Math.min(2, p - q);
                    moments(c.y[r], 2 * (c.k + q), 2 * p, two, br, bi, moments);
                    for (int h = 0; h < two; h++) {
                        int o = 6 * h;
                        double w0r = moments[o], w0i = moments[o + 1], w1r = moments[o + 2];
                        double w1i = moments[o + 3], w2r = moments[o + 4], w2i = moments[o + 5];
                        double sq = c.s[q + h];
                        // W_j e^{−j2π f~ s_q}, then Σ_m w t e = s a0 + a1 and Σ_m w t² e = s² a0 + 2 s a1 + a2
                        double ph = -twoPi * f * sq, gr = Math.cos(ph), gi = Math.sin(ph);
                        double a0r = w0r * gr - w0i * gi, a0i = w0r * gi + w0i * gr;
                        double a1r = w1r * gr - w1i * gi, a1i = w1r * gi + w1i * gr;
                        double a2r = w2r * gr - w2i * gi, a2i = w2r * gi + w2i * gr;
                        int at = 6 * (r * p + q + h);
                        a[at] = a0r;
                        a[at + 1] = a0i;
                        a[at + 2] = sq * a0r + a1r;
                        a[at + 3] = sq * a0i + a1i;
                        a[at + 4] = sq * sq * a0r + 2 * sq * a1r + a2r;
                        a[at + 5] = sq * sq * a0i + 2 * sq * a1i + a2i;
                    }
                }
            }
        }

        /** Pulse samples at the cell's offsets for delay τ: g, g', g'' and the sums the energy E(τ) needs. */
        private double[][] pulseAt(double tau) {
            PulseShape pulse = c.tpl.pulse();
            double[] g = new double[p], g1 = new double[p], g2 = new double[p];
            for (int q = 0; q < p; q++) {
                double u = (q + 0.5) / p + (double) c.k / p - tau;
                g[q] = pulse.value(u);
                g1[q] = pulse.derivative(u);
                g2[q] = pulse.secondDerivative(u);
            }
            return new double[][] {g, g1, g2};
        }

        /**
         * {A, A_τ, A_f, A_ττ, A_τf, A_ff} at (τ, f~ + δ), from Φ_r and its f~-derivatives at this f~: with δ = 0 exact;
         * otherwise Φ_r(f~ + δ) is taken to second order in δ, Φ + δ Φ_f + δ²/2 Φ_ff, whose error relative to Φ is about
         * (2π (M + 1) δ)³/6 (only the value is returned then).
         */
        double[] at(double tau, double delta) {
            double[][] pulse = pulseAt(tau);
            double[] g = pulse[0], g1 = pulse[1], g2 = pulse[2];
            double gg = 0, gg1 = 0, g1g1g2 = 0;
            for (int q = 0; q < p; q++) {
                gg += g[q] * g[q];
                gg1 += g[q] * g1[q];
                g1g1g2 += g1[q] * g1[q] + g[q] * g2[q];
            }
            double twoPi = 2 * Math.PI;
            double sTotal = 0, sT = 0, sF = 0, sTT = 0, sFF = 0, sTF = 0;
            for (int r = 0; r < c.y.length; r++) {
                double phr = 0, phi = 0, ptr = 0, pti = 0, pttr = 0, ptti = 0;
                double pfr = 0, pfi = 0, pffr = 0, pffi = 0, ptfr = 0, ptfi = 0;
                for (int q = 0; q < p; q++) {
                    int at = 6 * (r * p + q);
                    double a0r = a[at], a0i = a[at + 1], t1r = a[at + 2], t1i = a[at + 3], t2r = a[at + 4], t2i = a[at + 5];
                    phr += a0r * g[q];
                    phi += a0i * g[q];
                    ptr -= a0r * g1[q];
                    pti -= a0i * g1[q];
                    pttr += a0r * g2[q];
                    ptti += a0i * g2[q];
                    // ∂/∂f: −j2π Σ t(...) g ; ∂²/∂f²: −(2π)² Σ t²(...) g ; ∂²/∂τ∂f: +j2π Σ t(...) g'
                    pfr += twoPi * t1i * g[q];
                    pfi -= twoPi * t1r * g[q];
                    pffr -= twoPi * twoPi * t2r * g[q];
                    pffi -= twoPi * twoPi * t2i * g[q];
                    ptfr -= twoPi * t1i * g1[q];
                    ptfi += twoPi * t1r * g1[q];
                }
                if (delta != 0) {
                    double xr = phr + delta * pfr + 0.5 * delta * delta * pffr;
                    double xi = phi + delta * pfi + 0.5 * delta * delta * pffi;
                    sTotal += xr * xr + xi * xi;
                    continue;
                }
                sTotal += phr * phr + phi * phi;
                sT += 2 * (phr * ptr + phi * pti);
                sF += 2 * (phr * pfr + phi * pfi);
                sTT += 2 * (ptr * ptr + pti * pti + phr * pttr + phi * ptti);
                sFF += 2 * (pfr * pfr + pfi * pfi + phr * pffr + phi * pffi);
                sTF += 2 * (ptr * pfr + pti * pfi + phr * ptfr + phi * ptfi);
            }
            double symbolEnergy = c.tpl.symbolEnergy();
            double e = symbolEnergy * gg;
            double eT = -2 * symbolEnergy * gg1;
            double eTT = 2 * symbolEnergy * g1g1g2;
            double a = sTotal / e;
            if (delta != 0) {
                return new double[] {a};
            }
            double aT = sT / e - sTotal * eT / (e * e);
            double aF = sF / e;
            double aTT = sTT / e - 2 * sT * eT / (e * e) - sTotal * eTT / (e * e) + 2 * sTotal * eT * eT / (e * e * e);
            double aTF = sTF / e - sF * eT / (e * e);
            double aFF = sFF / e;
            return new double[] {a, aT, aF, aTT, aTF, aFF};
        }

        double[] at(double tau) {
            return at(tau, 0);
        }
    }

    /**
     * W_j = Σ_m y[from + m·stride] β_m m^j, j = 0, 1, 2, for {@code count} (1 or 2) consecutive sample offsets
     * (interleaved (re, im) at out[6h …]). For two offsets the phasors are loaded once and the twelve sums are
     * independent chains, so the additions overlap instead of waiting on each other. Each sum runs in increasing m.
     */
    private static void moments(double[] y, int from, int stride, int count, double[] br, double[] bi, double[] out) {
        double w0r = 0, w0i = 0, w1r = 0, w1i = 0, w2r = 0, w2i = 0;
        double v0r = 0, v0i = 0, v1r = 0, v1i = 0, v2r = 0, v2i = 0;
        if (count == 2) {
            for (int mm = 0, i = from; mm < br.length; mm++, i += stride) {
                double er = br[mm], ei = bi[mm];
                double dm = mm, dm2 = dm * dm;
                double ar = y[i], ai = y[i + 1];
                double xr = ar * er - ai * ei, xi = ar * ei + ai * er;
                w0r += xr;
                w0i += xi;
                w1r += dm * xr;
                w1i += dm * xi;
                w2r += dm2 * xr;
                w2i += dm2 * xi;
                double cr = y[i + 2], ci = y[i + 3];
                double yr = cr * er - ci * ei, yi = cr * ei + ci * er;
                v0r += yr;
                v0i += yi;
                v1r += dm * yr;
                v1i += dm * yi;
                v2r += dm2 * yr;
                v2i += dm2 * yi;
            }
        } else {
            for (int mm = 0, i = from; mm < br.length; mm++, i += stride) {
                double er = br[mm], ei = bi[mm];
                double dm = mm, dm2 = dm * dm;
                double ar = y[i], ai = y[i + 1];
                double xr = ar * er - ai * ei, xi = ar * ei + ai * er;
                w0r += xr;
                w0i += xi;
                w1r += dm * xr;
                w1i += dm * xi;
                w2r += dm2 * xr;
                w2i += dm2 * xi;
            }
        }
        out[0] = w0r;
        out[1] = w0i;
        out[2] = w1r;
        out[3] = w1i;
        out[4] = w2r;
        out[5] = w2i;
        out[6] = v0r;
        out[7] = v0i;
        out[8] = v1r;
        out[9] = v1i;
        out[10] = v2r;
        out[11] = v2i;
    }

    /** The phasors are products of a coarse and a fine table of this many entries each. */
    private static final int PHASOR_RESEED = 32;

    /**
     * e^{−j2π f m} for m = 0 … M − 1 as the product of e^{−j2π f m0} (m0 a multiple of {@value #PHASOR_RESEED}) and
     * e^{−j2π f (m − m0)}, both from cos/sin: every phasor is within a few ulps of cos/sin while the M phasors cost
     * 2M/{@value #PHASOR_RESEED} trigonometric calls and one complex product each.
     */
    private static void phasor(double f, double[] re, double[] im) {
        // e^{−j2π f m} = e^{−j2π f m0} e^{−j2π f j} with m = m0 + j: two short tables from cos/sin, then one
        // independent complex product per pulse (no chain of rotations, so the products overlap)
        int block = PHASOR_RESEED;
        double[] jr = new double[block], ji = new double[block];
        for (int j = 0; j < Math.min(block, re.length); j++) {
            jr[j] = Math.cos(-2 * Math.PI * f * j);
            ji[j] = Math.sin(-2 * Math.PI * f * j);
        }
        for (int m0 = 0; m0 < re.length; m0 += block) {
            double ph = -2 * Math.PI * f * m0;
            double cr = Math.cos(ph), ci = Math.sin(ph);
            int end = Math.min(re.length, m0 + block);
            for (int mm = m0; mm < end; mm++) {
                double ar = jr[mm - m0], ai = ji[mm - m0];
                re[mm] = cr * ar - ci * ai;
                im[mm] = cr * ai + ci * ar;
            }
        }
    }

    /**
     * The τ maximizing A on the closed cell at the Doppler of {@code d}, from {@code tau}: Newton on the pulse samples
     * alone (the Doppler sums stay, so a step costs O(N_r·P)), backtracking when A would fall, τ held on an edge while
     * the gradient points out. It stops when the step is below 10⁻⁶ of the conditional standard deviation of τ, far
     * below the 10⁻⁴ of the joint test in {@link #newtonInCell}, so the joint step there sees a converged delay.
     */
    private double bestDelay(Cell c, DopplerSums d, double tau, double sig2) {
        tau = c.clamp(tau);
        double[] v = d.at(tau);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double gT = v[1], hTT = v[3];
            if (gT == 0 || (tau <= c.lo && gT < 0) || (tau >= c.hi && gT > 0)) {
                break;
            }
            double dT = hTT < 0 ? -gT / hTT : Math.signum(gT) / (2.0 * p);
            if (hTT < 0 && Math.abs(dT) <= Math.max(1e-2 * STEP_TOLERANCE * Math.sqrt(sig2 / -hTT), ABSOLUTE_STEP_FLOOR)) {
                break;
            }
            double tNew = tau;
            double[] vNew = v;
            for (int h = 0; h < 40; h++) {
                tNew = c.clamp(tau + dT);
                vNew = d.at(tNew);
                if (vNew[0] >= v[0] * (1 - 1e-15)) {
                    break;
                }
                dT *= 0.5;
            }
            if (tNew == tau) {
                break;
            }
            tau = tNew;
            v = vNew;
        }
        return tau;
    }

    /**
     * {τ, f, A, iterations}: maximum of A on the closed cell × the Doppler line. Each iteration is a Newton step with the
     * analytic gradient and Hessian of A; the delay is first brought to its best value at the current Doppler
     * ({@link #bestDelay}, cheap), so the expensive part, the Doppler sums, is evaluated once per Doppler visited.
     */
    private double[] newtonInCell(Cell c, double tau, double f) {
        boolean withDoppler = search.estimatesDoppler();
        double dfMax = 1.0 / fftLength;
        double samples = c.y.length * (double) m * p;
        DopplerSums d = new DopplerSums(c, f);
        // noise power per sample from the residual, for the local standard deviations
        double sig2 = Math.max(c.y2 - d.at(c.clamp(tau))[0], 1e-300) / samples;
        tau = bestDelay(c, d, tau, sig2);
        double[] v = d.at(tau);
        int it;
        for (it = 1; it <= MAX_ITERATIONS; it++) {
            double gT = v[1], gF = withDoppler ? v[2] : 0;
            boolean atEdge = (tau <= c.lo && gT < 0) || (tau >= c.hi && gT > 0);
            double hTT = atEdge ? -1 : v[3], hTF = atEdge || !withDoppler ? 0 : v[4], hFF = withDoppler ? v[5] : -1;
            double det = hTT * hFF - hTF * hTF;
            boolean negDef = hTT < 0 && hFF < 0 && det > 0;
            double dT, dF;
            if (negDef) {
                // d = −H⁻¹ g
                dT = -(hFF * gT - hTF * gF) / det;
                dF = -(-hTF * gT + hTT * gF) / det;
            } else {
                dT = Math.signum(gT) / (2.0 * p);
                dF = Math.signum(gF) * dfMax;
            }
            if (atEdge) {
                dT = 0;
            }
            if (!withDoppler) {
                dF = 0;
            }
            dF = Math.max(-dfMax, Math.min(dfMax, dF));
            if (negDef) {
                sig2 = Math.max(c.y2 - v[0], 1e-300) / samples;
                double sdT = Math.sqrt(sig2 * -hFF / det), sdF = Math.sqrt(sig2 * -hTT / det);
                boolean small = Math.abs(dT) <= Math.max(STEP_TOLERANCE * sdT, ABSOLUTE_STEP_FLOOR)
                        && Math.abs(dF) <= Math.max(STEP_TOLERANCE * sdF, ABSOLUTE_STEP_FLOOR);
                if (small) {
                    // the last step is taken; A there from the sums at f~ (second order in the tiny Doppler step)
                    tau = c.clamp(tau + dT);
                    return new double[] {tau, f + dF, finalAmbiguity(c, d, tau, f + dF), it};
                }
            }
            double tNew = tau, fNew = f;
            DopplerSums dNew = d;
            double[] vNew = v;
            for (int h = 0; h < 40; h++) {
                fNew = f + dF;
                dNew = dF == 0 ? d : new DopplerSums(c, fNew);
                tNew = bestDelay(c, dNew, tau + dT, sig2);
                vNew = dNew.at(tNew);
                if (vNew[0] >= v[0] * (1 - 1e-15)) {
                    break;
                }
                dT *= 0.5;
                dF *= 0.5;
            }
            tau = tNew;
            f = fNew;
            d = dNew;
            v = vNew;
        }
        return new double[] {tau, f, v[0], MAX_ITERATIONS};
    }

    /**
     * A(τ, f~) from sums taken at a nearby Doppler: second order in the offset while that is exact to rounding
     * ((2π (M + 1) δ)³/6 below 10⁻¹⁶), fresh sums otherwise.
     */
    private double finalAmbiguity(Cell c, DopplerSums d, double tau, double f) {
        double delta = f - d.f;
        if (Math.abs(2 * Math.PI * (m + 1) * delta) <= 1e-5) {
            return d.at(tau, delta)[0];
        }
        return new DopplerSums(c, f).at(tau)[0];
    }

    private DelayDopplerEstimate refine(Template tpl, double[][] y, int k0, double f0) {
        double[][] rows = covering(y, kHi);
        double[] best = null;
        int cells = 0, iterations = 0;
        Set<Integer> tried = new HashSet<>();
        ArrayDeque<double[]> todo = new ArrayDeque<>();
        todo.push(new double[] {k0, (double) k0 / p, f0});
        while (!todo.isEmpty()) {
            double[] job = todo.pop();
            int k = (int) job[0];
            if (!tried.add(k) || k < kLo || k > kHi) {
                continue;
            }
            Cell c = new Cell(tpl, rows, k);
            double[] res = newtonInCell(c, job[1], job[2]);
            cells++;
            iterations += (int) res[3];
            if (best == null || res[2] > best[2]) {
                best = res;
                if (res[0] <= c.lo) {
                    todo.push(new double[] {k - 1, c.lo, res[1]});
                } else if (res[0] >= c.hi) {
                    todo.push(new double[] {k + 1, c.hi, res[1]});
                }
            }
        }
        return new DelayDopplerEstimate(best[0], search.estimatesDoppler() ? best[1] : search.dopplerCentre(), best[2],
                k0, cells, iterations);
    }

    /** The exact normalized ambiguity A(τ, f~) (for tests and diagnostics). */
    public double ambiguity(PulseTrain train, double[][] y, double tau, double doppler) {
        int k = (int) Math.round(tau * p);
        Cell c = new Cell(template(train), covering(y, k), k);
        return new DopplerSums(c, doppler).at(tau)[0];
    }
}
