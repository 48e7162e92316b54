package org.cosense.systems.fangactive;

import org.cosense.InvalidInputException;
import org.cosense.math.ComplexLinalg;
import org.ejml.data.DMatrixRMaj;

/**
 * {@link ReflectionScorer#crb} of many reflections ψ at one R_s, computed a chunk of {@link #LANES} reflections at a
 * time ([fangactive S3.15.11]).
 *
 * <h2>Bit for bit the one-reflection code</h2>
 * Every quantity of one reflection is held as a <em>lane row</em>: {@code x[e][l]} is entry e of reflection l of the
 * chunk (real and imaginary parts in separate rows). Each loop below is a loop of {@link ReflectionScorer} (named in
 * its comment) with one more, innermost loop over the lanes: every lane performs the same floating-point operations on
 * its own values in the same order, and every sum adds its terms in the same order, so each reflection's Γ_R, tr Θ,
 * Γ_W and FIM carry the same bits as {@link ReflectionScorer#fim}. The FIM is then assembled and its CRB taken by the
 * one-reflection code ({@link ReflectionScorer#fim(double[], double[], double)}, {@link FangBounds#traceCrb}).
 * <p>Why: with N = 16 the one-reflection loops are 16 long, too short for the JIT to vectorize; the lane loops are
 * independent element-wise operations on contiguous rows, which it does vectorize. The rows of one loop are distinct
 * arrays indexed by the lane alone, so the compiler sees no overlap between the rows it reads and writes, and each
 * lane loop has a small body (forming S and adding it into the three S A accumulators in one loop was not vectorized:
 * 3.0 us per reflection, against 1.7 us as two loops).
 * <p>A reflection whose Cholesky pivot is not positive gets its FIM from {@link ReflectionScorer#fim} instead, so it
 * fails (or not) exactly as it does there. Sensing at the IRSs has no N×N part in Γ_W̄ (it depends on tr Θ alone): that
 * receiver's Γ_W̄ is the one-reflection code, per lane.
 */
final class ReflectionBatch {
    /**
     * Reflections per chunk. Measured on the paper scene (N = 16, 512-bit vectors): the FIM costs per reflection 5.6,
     * 3.5, 2.4, 1.9, 1.7, 1.7 us with chunks of 8, 16, 32, 64, 128, 256 against 4.8 us one at a time; short rows leave
     * most lanes to the loops' scalar remainders. A chunk's S takes 2 N^2 × LANES doubles (512 KB at N = 16).
     */
    static final int LANES = 128;

    private final ReflectionScorer scorer;
    private final ReflectionScorer.AtBs atBs;  // null when sensing at the IRSs
    private final int n;
    private int w;                              // lanes in use in this chunk

    private final double[][] psiRe;             // ψ_i
    private final double[][] psiIm;
    private final double[][] bRe;               // B = D A, row 3i + q
    private final double[][] bIm;
    private final double[][] kbRe;              // K B^*, row 3i + q
    private final double[][] kbIm;
    private final double[][] grRe;              // Γ_R, row 3p + q
    private final double[][] grIm;
    private final double[][] sRe;               // S = D^H J D (+ c I), then its Cholesky factor; row n i + c
    private final double[][] sIm;
    private final double[][] saRe;              // S A, row 3i + q
    private final double[][] saIm;
    private final double[][] xRe;               // (c I + S)^{-1} A, row 3i + q
    private final double[][] xIm;
    private final double[][] gwRe;              // Γ_W, row 3p + q
    private final double[][] gwIm;
    private final int lanes;                    // the chunk's capacity
    private final double[] pivot;
    private final boolean[] notPositive;

    ReflectionBatch(ReflectionScorer scorer) {
        this(scorer, LANES);
    }

    /** With chunks of {@code lanes} reflections (≥ 1). */
    ReflectionBatch(ReflectionScorer scorer, int lanes) {
        InvalidInputException.require(lanes >= 1, "lanes", lanes, "must be ≥ 1");
        this.scorer = scorer;
        this.lanes = lanes;
        this.pivot = new double[lanes];
        this.notPositive = new boolean[lanes];
        this.atBs = scorer instanceof ReflectionScorer.AtBs b ? b : null;
        this.n = scorer.n;
        psiRe = rows(n);
        psiIm = rows(n);
        bRe = rows(3 * n);
        bIm = rows(3 * n);
        kbRe = rows(3 * n);
        kbIm = rows(3 * n);
        grRe = rows(9);
        grIm = rows(9);
        gwRe = rows(9);
        gwIm = rows(9);
        boolean bs = atBs != null;
        sRe = rows(bs ? n * n : 0);
        sIm = rows(bs ? n * n : 0);
        saRe = rows(bs ? 3 * n : 0);
        saIm = rows(bs ? 3 * n : 0);
        xRe = rows(bs ? 3 * n : 0);
        xIm = rows(bs ? 3 * n : 0);
    }

    private double[][] rows(int count) {
        return new double[count][lanes];
    }

    /** CRB_l of {@code psis[0 .. count-1]}, in order; each is {@link ReflectionScorer#crb} of that reflection. */
    double[] crbs(double[][] psis, int count) {
        DMatrixRMaj[] f = fims(psis, count);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = FangBounds.traceCrb(f[i]);
        }
        return out;
    }

    /** The FIMs of {@code psis[0 .. count-1]}, in order; each is {@link ReflectionScorer#fim} of that reflection. */
    DMatrixRMaj[] fims(double[][] psis, int count) {
        for (int i = 0; i < count; i++) {
            SensingAtBs.requirePsi(scorer.slot, psis[i]);
        }
        DMatrixRMaj[] out = new DMatrixRMaj[count];
        for (int from = 0; from < count; from += lanes) {
            chunk(psis, from, Math.min(lanes, count - from), out);
        }
        return out;
    }

    private void chunk(double[][] psis, int from, int width, DMatrixRMaj[] out) {
        w = width;
        for (int l = 0; l < w; l++) {
            double[] psi = psis[from + l];
            for (int i = 0; i < n; i++) {
                psiRe[i][l] = psi[2 * i];
                psiIm[i][l] = psi[2 * i + 1];
            }
            notPositive[l] = false;
        }
        gammaR();
        if (atBs != null) {
            gammaWAtBs();
        }
        double[] gr = new double[18];
        double[] gw = new double[18];
        for (int l = 0; l < w; l++) {
            double[] psi = psis[from + l];
            if (notPositive[l]) {
                out[from + l] = scorer.fim(psi); // the one-reflection code decides what a failed Cholesky does
                continue;
            }
            double tt = ComplexLinalg.squaredNorm(psi);
            gather(grRe, grIm, l, gr);
            if (atBs != null) {
                gather(gwRe, gwIm, l, gw);
            } else {
                gw = scorer.gammaW(psi, tt);
            }
            out[from + l] = scorer.fim(gr, gw, tt);
        }
    }

    /** Lane l of a 3×3 lane-row matrix as the one-reflection code's interleaved 3×3. */
    private static void gather(double[][] re, double[][] im, int l, double[] into) {
        for (int e = 0; e < 9; e++) {
            into[2 * e] = re[e][l];
            into[2 * e + 1] = im[e][l];
        }
    }

    /** {@code ReflectionScorer.gammaR}: Γ_R = B^T K B^* with B = D A. */
    private void gammaR() {
        double[] a = scorer.a;
        double[] k = scorer.k;
        // scaledColumns: B_iq = ψ_i A_iq
        for (int i = 0; i < n; i++) {
            double[] pr = psiRe[i];
            double[] pi = psiIm[i];
            for (int q = 0; q < 3; q++) {
                double ar = a[2 * (3 * i + q)];
                double ai = a[2 * (3 * i + q) + 1];
                double[] br = bRe[3 * i + q];
                double[] bi = bIm[3 * i + q];
                for (int l = 0; l < w; l++) {
                    br[l] = pr[l] * ar - pi[l] * ai;
                    bi[l] = pr[l] * ai + pi[l] * ar;
                }
            }
        }
        // K B^*: (K B^*)_iq = Σ_c K_ic conj(B_cq), summed over c in order (gammaR's row accumulators r0 … i2)
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < 3; q++) {
                zero(kbRe[3 * i + q]);
                zero(kbIm[3 * i + q]);
            }
            int row = 2 * n * i;
            for (int c = 0; c < n; c++) {
                double kr = k[row + 2 * c];
                double ki = k[row + 2 * c + 1];
                for (int q = 0; q < 3; q++) {
                    double[] bcr = bRe[3 * c + q];
                    double[] bci = bIm[3 * c + q];
                    double[] sr = kbRe[3 * i + q];
                    double[] si = kbIm[3 * i + q];
                    for (int l = 0; l < w; l++) {
                        double br = bcr[l];
                        double bi = -bci[l];
                        sr[l] += kr * br - ki * bi;
                        si[l] += kr * bi + ki * br;
                    }
                }
            }
        }
        // gramOfConjugate(B, K B^*): Γ_R,pq = Σ_i B_ip (K B^*)_iq, summed over i in order
        gram(bRe, bIm, -1, kbRe, kbIm, grRe, grIm);
    }

    /**
     * {@code ReflectionScorer.gram} (sign +1: Σ_i conj(U_ip) V_iq) and {@code gramOfConjugate} (sign −1: Σ_i U_ip V_iq)
     * per lane, each entry summed over i in order; the imaginary part of U enters as sign · Im U (exact for ±1).
     */
    private void gram(double[][] uRe, double[][] uIm, double sign, double[][] vRe, double[][] vIm, double[][] outRe,
            double[][] outIm) {
        for (int p = 0; p < 3; p++) {
            for (int q = 0; q < 3; q++) {
                double[] re = outRe[3 * p + q];
                double[] im = outIm[3 * p + q];
                zero(re);
                zero(im);
                for (int i = 0; i < n; i++) {
                    double[] upr = uRe[3 * i + p];
                    double[] upi = uIm[3 * i + p];
                    double[] vqr = vRe[3 * i + q];
                    double[] vqi = vIm[3 * i + q];
                    for (int l = 0; l < w; l++) {
                        double ur = upr[l];
                        double ui = sign * upi[l];
                        double vr = vqr[l];
                        double vi = vqi[l];
                        re[l] += ur * vr + ui * vi;
                        im[l] += ur * vi - ui * vr;
                    }
                }
            }
        }
    }

    /** {@code ReflectionScorer.AtBs.gammaW}: Γ_W = σ_r^{-2} A^H S (cI + S)^{-1} A (σ_r = 0: A^H S A / σ_b^2). */
    private void gammaWAtBs() {
        double[] a = scorer.a;
        double[] j = atBs.j;
        double sr = scorer.slot.irsNoise();
        double sb = scorer.slot.bsNoise();
        // S_ic = conj(ψ_i) J_ic ψ_c and (S A)_iq = Σ_c S_ic A_cq, summed over c in order (gammaW's row accumulators r0 … i2);
        // S_ic is formed in one lane loop and added to the three accumulators in another (a smaller loop body vectorizes)
        for (int i = 0; i < n; i++) {
            double[] pir = psiRe[i];
            double[] pii = psiIm[i];
            int row = 2 * n * i;
            for (int c = 0; c < n; c++) {
                double jr = j[row + 2 * c];
                double ji = j[row + 2 * c + 1];
                double[] pcr = psiRe[c];
                double[] pci = psiIm[c];
                double[] ser = sRe[n * i + c];
                double[] sei = sIm[n * i + c];
                for (int l = 0; l < w; l++) {
                    double pr = pir[l];
                    double pi = -pii[l];
                    double xr = pr * jr - pi * ji;
                    double xi = pr * ji + pi * jr;
                    double qr = pcr[l];
                    double qi = pci[l];
                    ser[l] = xr * qr - xi * qi;
                    sei[l] = xr * qi + xi * qr;
                }
            }
            for (int q = 0; q < 3; q++) {
                double[] accr = saRe[3 * i + q];
                double[] acci = saIm[3 * i + q];
                zero(accr);
                zero(acci);
                for (int c = 0; c < n; c++) {
                    double ar = a[2 * (3 * c + q)];
                    double ai = a[2 * (3 * c + q) + 1];
                    double[] ser = sRe[n * i + c];
                    double[] sei = sIm[n * i + c];
                    for (int l = 0; l < w; l++) {
                        double er = ser[l];
                        double ei = sei[l];
                        accr[l] += er * ar - ei * ai;
                        acci[l] += er * ai + ei * ar;
                    }
                }
            }
        }
        double scale;
        if (sr == 0) {
            // Γ = (S A)^H A / σ_b^2: the right factor is A itself, the same in every lane
            for (int i = 0; i < n; i++) {
                for (int q = 0; q < 3; q++) {
                    fill(xRe[3 * i + q], a[2 * (3 * i + q)]);
                    fill(xIm[3 * i + q], a[2 * (3 * i + q) + 1]);
                }
            }
            scale = 1 / sb;
        } else {
            double c = sb / sr;
            for (int i = 0; i < n; i++) {
                double[] d = sRe[n * i + i];
                for (int l = 0; l < w; l++) {
                    d[l] += c;
                }
            }
            choleskySolve(a);
            scale = 1 / sr;
        }
        // gram(S A, X, n, scale): Γ_W,pq = (Σ_i conj((S A)_ip) X_iq) · scale, summed over i in order
        gram(saRe, saIm, 1, xRe, xIm, gwRe, gwIm);
        for (int e = 0; e < 9; e++) {
            double[] re = gwRe[e];
            double[] im = gwIm[e];
            for (int l = 0; l < w; l++) {
                re[l] = re[l] * scale;
                im[l] = im[l] * scale;
            }
        }
    }

    /**
     * {@code ReflectionScorer.choleskySolve(cI + S, A, n, 3)} per lane: S (lower triangle) becomes L with
     * cI + S = L L^H, X = (cI + S)^{-1} A. A lane whose pivot is not positive is marked in {@link #notPositive}.
     */
    private void choleskySolve(double[] a) {
        double[] d = pivot;
        for (int c = 0; c < n; c++) {
            double[] hcr = sRe[n * c + c];
            double[] hci = sIm[n * c + c];
            // d = h_cc − Σ_{q<c} |L_cq|^2
            System.arraycopy(hcr, 0, d, 0, w);
            for (int q = 0; q < c; q++) {
                double[] lr = sRe[n * c + q];
                double[] li = sIm[n * c + q];
                for (int l = 0; l < w; l++) {
                    d[l] -= lr[l] * lr[l] + li[l] * li[l];
                }
            }
            for (int l = 0; l < w; l++) {
                if (!(d[l] > 0)) {
                    notPositive[l] = true; // this lane's numbers are discarded below
                }
            }
            for (int l = 0; l < w; l++) {
                hcr[l] = Math.sqrt(d[l]);
                hci[l] = 0;
            }
            // L_ic = (h_ic − Σ_{q<c} L_iq conj(L_cq)) / L_cc, i > c
            for (int i = c + 1; i < n; i++) {
                double[] hir = sRe[n * i + c];
                double[] hii = sIm[n * i + c];
                for (int q = 0; q < c; q++) {
                    double[] xqr = sRe[n * i + q];
                    double[] xqi = sIm[n * i + q];
                    double[] yqr = sRe[n * c + q];
                    double[] yqi = sIm[n * c + q];
                    for (int l = 0; l < w; l++) {
                        double xr = xqr[l];
                        double xi = xqi[l];
                        double yr = yqr[l];
                        double yi = -yqi[l];
                        hir[l] -= xr * yr - xi * yi;
                        hii[l] -= xr * yi + xi * yr;
                    }
                }
                for (int l = 0; l < w; l++) {
                    hir[l] = hir[l] / hcr[l];
                    hii[l] = hii[l] / hcr[l];
                }
            }
        }
        // the right-hand sides: A in every lane
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < 3; q++) {
                fill(xRe[3 * i + q], a[2 * (3 * i + q)]);
                fill(xIm[3 * i + q], a[2 * (3 * i + q) + 1]);
            }
        }
        // forward: L Y = A, Y_i = (A_i − Σ_{q<i} L_iq Y_q) / L_ii
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < i; q++) {
                subtractTimesRow(sRe[n * i + q], sIm[n * i + q], 1, q, i);
            }
            divideRows(i, sRe[n * i + i]);
        }
        // backward: L^H X = Y, X_i = (Y_i − Σ_{q>i} conj(L_qi) X_q) / L_ii
        for (int i = n - 1; i >= 0; i--) {
            for (int q = i + 1; q < n; q++) {
                subtractTimesRow(sRe[n * q + i], sIm[n * q + i], -1, q, i);
            }
            divideRows(i, sRe[n * i + i]);
        }
    }

    /**
     * Row i of the three right-hand sides −= ℓ · row q per lane, ℓ = L_iq (sign +1, forward) or conj(L_qi) (sign −1,
     * backward): the substitution steps of {@code ReflectionScorer.choleskySolve} (sign · Im ℓ is exact for ±1).
     */
    private void subtractTimesRow(double[] lRe, double[] lIm, double sign, int q, int i) {
        for (int col = 0; col < 3; col++) {
            double[] yr = xRe[3 * q + col];
            double[] yi = xIm[3 * q + col];
            double[] re = xRe[3 * i + col];
            double[] im = xIm[3 * i + col];
            for (int l = 0; l < w; l++) {
                double lr = lRe[l];
                double li = sign * lIm[l];
                re[l] -= lr * yr[l] - li * yi[l];
                im[l] -= lr * yi[l] + li * yr[l];
            }
        }
    }

    /** Row i of X (three columns) divided by the pivot L_ii, lane by lane. */
    private void divideRows(int i, double[] lii) {
        for (int col = 0; col < 3; col++) {
            double[] re = xRe[3 * i + col];
            double[] im = xIm[3 * i + col];
            for (int l = 0; l < w; l++) {
                re[l] = re[l] / lii[l];
                im[l] = im[l] / lii[l];
            }
        }
    }

    private void zero(double[] row) {
        for (int l = 0; l < w; l++) {
            row[l] = 0;
        }
    }

    private void fill(double[] row, double v) {
        for (int l = 0; l < w; l++) {
            row[l] = v;
        }
    }
}
