package org.cosense.optim;

import org.cosense.optim.ComplexKernels.CMat;
import org.cosense.optim.LmiProblem.Block;
import org.cosense.optim.LmiProblem.Sparse;

/**
 * An LMI block that is the real embedding E(H) = [[Re H, −Im H], [Im H, Re H]] of a complex Hermitian n×n matrix
 * H(x) = H₀ + Σ_j x_j H_j (what {@link HermitianAffineMatrix} and the Hermitian blocks of {@link DualLmiSolver} lower to),
 * iterated on as complex n×n matrices ({@link SolverOptions.HermitianBlocks#NATIVE}).
 *
 * <p>Why this is the same method: E is a real algebra homomorphism (E(AB) = E(A) E(B), E(A⁻¹) = E(A)⁻¹,
 * E(Aᴴ) = E(A)ᵀ), E(H) has the eigenvalues of H, each twice, and ⟨E(A), E(B)⟩ = 2 Re tr(Aᴴ B). Started at multiples of
 * the identity, the iterates S, Y and the HKM directions of the real method stay embeddings (the symmetrization of
 * E(M) is E of the Hermitian part of M). So every product, factorization, Schur complement entry and step length of
 * the block can be computed from the complex matrices, at about half the arithmetic of the real 2n×2n ones; the
 * iterate itself is still stored as its embedding, so residuals, objectives and certificates are unchanged.
 *
 * <p>A block qualifies only if its constant and every coefficient matrix have the embedding structure exactly (bit
 * for bit) with each entry stored once: then the element-wise updates of the method keep the stored S and Y exact
 * embeddings too. This object also holds the block's factors for the current iterate; it belongs to one solve.
 */
final class HermitianBlock {
    final int n;
    /** H₀. */
    private final CMat constant;
    /** Per coefficient matrix: dense (more than 2n nonzero complex entries) or sparse. */
    private final boolean[] dense;
    /** Dense H_j as complex rows. */
    private final CMat[] coef;
    /** Sparse H_j: its nonzero complex entries (a, b, value), both triangles. */
    private final int[][] ea;
    private final int[][] eb;
    private final double[][] evr;
    private final double[][] evi;

    // factors of the current iterate: S = L Lᴴ, L⁻¹, S⁻¹, Y = R Rᴴ, R⁻¹, Y
    final CMat sChol;
    final CMat sCholInv;
    final CMat sInv;
    final CMat yChol;
    final CMat yCholInv;
    final CMat y;
    // work
    private final CMat w1;
    private final CMat w2;
    private final CMat w3;
    private final double[][] cRe;   // C_j = L⁻¹ H_j R flat (dense j)
    private final double[][] cIm;
    /** The dense coefficients side by side: variable index of the jj-th dense one, row b of every H_jᵀ (constant). */
    private final int nd;
    private final int[] denseVar;
    private final double[][] htRe;
    private final double[][] htIm;
    // work rows of width nd·n for the Schur complement: Xᵀ_j, X_j = H_j R and C_j side by side
    private final double[][] xtRe;
    private final double[][] xtIm;
    private final double[][] xRe;
    private final double[][] xIm;
    private final double[][] cwRe;
    private final double[][] cwIm;
    /** Dense index of each variable (−1 for a sparse one); which rows b of R the sparse coefficients' entries (a, b) use. */
    private final int[] denseIndex;
    private final boolean[] rowUsed;
    // C_jᵀ side by side, and P_b = Σ_{l ≤ b} conj(row l of C_jᵀ) R[b, l] for every used b
    private final double[][] ctRe;
    private final double[][] ctIm;
    private final double[][] pRe;
    private final double[][] pIm;
    // the block's part of the iteration's HKM directions: S⁻¹ R_p Y and K of the direction being formed
    private final CMat residualTerm;
    private final CMat kMat;
    private final double[] pairRe = new double[2];
    private final double[] pairIm = new double[2];

    private HermitianBlock(int n, CMat constant, boolean[] dense, CMat[] coef, int[][] ea, int[][] eb, double[][] evr, double[][] evi) {
        this.n = n;
        this.constant = constant;
        this.dense = dense;
        this.coef = coef;
        this.ea = ea;
        this.eb = eb;
        this.evr = evr;
        this.evi = evi;
        sChol = new CMat(n);
        sCholInv = new CMat(n);
        sInv = new CMat(n);
        yChol = new CMat(n);
        yCholInv = new CMat(n);
        y = new CMat(n);
        w1 = new CMat(n);
        w2 = new CMat(n);
        w3 = new CMat(n);
        residualTerm = new CMat(n);
        kMat = new CMat(n);
        cRe = new double[dense.length][];
        cIm = new double[dense.length][];
        int count = 0;
        for (int j = 0; j < dense.length; j++) {
            if (dense[j]) {
                cRe[j] = new double[n * n];
                cIm[j] = new double[n * n];
                count++;
            }
        }
        nd = count;
        denseVar = new int[nd];
        htRe = new double[n][nd * n];
        htIm = new double[n][nd * n];
        for (int j = 0, jj = 0; j < dense.length; j++) {
            if (dense[j]) {
                denseVar[jj] = j;
                for (int a = 0; a < n; a++) {
                    for (int b = 0; b < n; b++) {
                        htRe[b][jj * n + a] = coef[j].re[a][b];
                        htIm[b][jj * n + a] = coef[j].im[a][b];
                    }
                }
                jj++;
            }
        }
        xtRe = new double[n][nd * n];
        xtIm = new double[n][nd * n];
        xRe = new double[n][nd * n];
        xIm = new double[n][nd * n];
        cwRe = new double[n][nd * n];
        cwIm = new double[n][nd * n];
        denseIndex = new int[dense.length];
        rowUsed = new boolean[n];
        for (int j = 0, jj = 0; j < dense.length; j++) {
            denseIndex[j] = dense[j] ? jj++ : -1;
            if (!dense[j]) {
                for (int b : eb[j]) {
                    rowUsed[b] = true;
                }
            }
        }
        ctRe = new double[n][nd * n];
        ctIm = new double[n][nd * n];
        pRe = new double[n][];
        pIm = new double[n][];
        for (int b = 0; b < n; b++) {
            if (rowUsed[b] && nd > 0) {
                pRe[b] = new double[nd * n];
                pIm[b] = new double[nd * n];
            }
        }
    }

    /** The block as a Hermitian one, or null when it is not an exact embedding (or has a log-det term or odd size). */
    static HermitianBlock of(Block b) {
        if (b.logDetWeight != 0 || b.dim < 2 || b.dim % 2 != 0) {
            return null;
        }
        int d = b.dim;
        int n = d / 2;
        double[] work = new double[d * d];
        boolean[] seen = new boolean[d * d];
        if (!isEmbedding(b.constant, d, work, seen)) {
            return null;
        }
        CMat h0 = new CMat(n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                h0.re[r][c] = work[r * d + c];
                h0.im[r][c] = work[(n + r) * d + c];
            }
        }
        clear(b.constant, d, work, seen);
        int nv = b.vars.length;
        boolean[] dense = new boolean[nv];
        CMat[] coef = new CMat[nv];
        int[][] ea = new int[nv][];
        int[][] eb = new int[nv][];
        double[][] evr = new double[nv][];
        double[][] evi = new double[nv][];
        boolean[] counted = new boolean[n * n];
        int[] at = new int[n * n];
        for (int j = 0; j < nv; j++) {
            Sparse a = b.coefs[j];
            if (!isEmbedding(a, d, work, seen)) {
                return null;
            }
            // the complex positions (r, c) with a nonzero part, from the stored entries
            int nnz = 0;
            for (int e = 0; e < a.nnz(); e++) {
                int r = a.row[e] % n;
                int c = a.col[e] % n;
                int rc = r * n + c;
                if (!counted[rc] && (work[r * d + c] != 0 || work[(n + r) * d + c] != 0)) {
                    counted[rc] = true;
                    at[nnz++] = rc;
                }
            }
            for (int q = 0; q < nnz; q++) {
                counted[at[q]] = false;
            }
            if (nnz > 2 * n) {
                CMat h = new CMat(n);
                for (int r = 0; r < n; r++) {
                    for (int c = 0; c < n; c++) {
                        h.re[r][c] = work[r * d + c];
                        h.im[r][c] = work[(n + r) * d + c];
                    }
                }
                dense[j] = true;
                coef[j] = h;
            } else {
                java.util.Arrays.sort(at, 0, nnz);   // row-major order
                ea[j] = new int[nnz];
                eb[j] = new int[nnz];
                evr[j] = new double[nnz];
                evi[j] = new double[nnz];
                for (int q = 0; q < nnz; q++) {
                    int r = at[q] / n;
                    int c = at[q] % n;
                    ea[j][q] = r;
                    eb[j][q] = c;
                    evr[j][q] = work[r * d + c];
                    evi[j][q] = work[(n + r) * d + c];
                }
            }
            clear(a, d, work, seen);
        }
        return new HermitianBlock(n, h0, dense, coef, ea, eb, evr, evi);
    }

    /**
     * Whether the symmetric sparse matrix is [[A, −B], [B, A]] exactly, each entry stored once; leaves its dense form in
     * {@code work} (row-major 2n×2n, zero on entry). {@code seen} is scratch (false on entry); {@link #clear} resets both.
     * An entry not stored is zero, so comparing every stored entry with its partner in the other copy checks every pair.
     */
    private static boolean isEmbedding(Sparse a, int d, double[] work, boolean[] seen) {
        for (int e = 0; e < a.nnz(); e++) {
            int at = a.row[e] * d + a.col[e];
            if (seen[at]) {
                clear(a, d, work, seen);
                return false;
            }
            seen[at] = true;
            work[at] = a.val[e];
        }
        int n = d / 2;
        for (int e = 0; e < a.nnz(); e++) {
            int r = a.row[e];
            int c = a.col[e];
            boolean ok;
            if (r < n && c < n) {
                ok = work[r * d + c] == work[(n + r) * d + n + c];
            } else if (r >= n && c >= n) {
                ok = work[(r - n) * d + c - n] == work[r * d + c];
            } else if (r >= n) {
                ok = work[r * d + c] == -work[(r - n) * d + n + c];
            } else {
                ok = work[(n + r) * d + c - n] == -work[r * d + c];
            }
            if (!ok) {
                clear(a, d, work, seen);
                return false;
            }
        }
        return true;
    }

    /** Resets the entries of {@code work} and {@code seen} that {@link #isEmbedding} set for {@code a}. */
    private static void clear(Sparse a, int d, double[] work, boolean[] seen) {
        for (int e = 0; e < a.nnz(); e++) {
            int at = a.row[e] * d + a.col[e];
            work[at] = 0;
            seen[at] = false;
        }
    }

    // ------------------------------------------------------------------ factors

    /**
     * Factors the block's S and Y (given as embeddings): L, L⁻¹, S⁻¹ = L⁻ᴴ L⁻¹, R and R⁻¹ of the complex matrices;
     * false if either is not positive definite.
     */
    boolean factor(double[] s, double[] yEmbedded) {
        ComplexKernels.fromEmbedding(s, n, sChol);
        if (!ComplexKernels.cholesky(sChol)) {
            return false;
        }
        ComplexKernels.lowerInverse(sChol, sCholInv);
        ComplexKernels.gramOfLower(sCholInv, sInv);
        ComplexKernels.fromEmbedding(yEmbedded, n, y);
        yChol.copyFrom(y);
        if (!ComplexKernels.cholesky(yChol)) {
            return false;
        }
        ComplexKernels.lowerInverse(yChol, yCholInv);
        return true;
    }

    /**
     * The embedding of R_p = H₀ + Σ_j x_j H_j − S into {@code rp}, from the embedding of S: the sums of the real
     * embedding's entries, term by term in the same order (a part of E negated is the negated sum).
     */
    void primalResidual(double[] x, int[] vars, double[] sEmbedded, double[] rp) {
        CMat t = w3;
        t.copyFrom(constant);
        addCombination(x, vars, t);
        ComplexKernels.toEmbedding(t, rp);
        for (int i = 0; i < rp.length; i++) {
            rp[i] -= sEmbedded[i];
        }
    }

    // ------------------------------------------------------------------ the HKM direction on the complex matrices

    /**
     * S⁻¹ R_p Y of the current iterate from the embedding of R_p, kept for the iteration's two directions (predictor and
     * corrector). The direction's parts below are the element-wise formulas of {@link Direction#hkm} on the embedding,
     * computed on the complex matrix: each entry of the embedding is a part of it or its negation, and negation commutes
     * with rounding, so the embeddings they write are those of the real formulas bit for bit.
     */
    void formResidualTerm(double[] rp) {
        ComplexKernels.fromEmbedding(rp, n, w1);
        ComplexKernels.mult(sInv, w1, w2);
        ComplexKernels.mult(w2, y, residualTerm);
    }

    /**
     * The block's part of the HKM right-hand side: K = t S⁻¹ − Y − S⁻¹ ΔS_a ΔY_a (the last term only with a predictor's
     * ΔS_a, ΔY_a, given as embeddings), kept for {@link #directions}, and g[vars[j]] += 2 Re tr(H_j (K − S⁻¹ R_p Y)).
     */
    void addRightHandSide(double t, double[] predDS, double[] predDY, int[] vars, double[] g) {
        for (int r = 0; r < n; r++) {
            double[] kr = kMat.re[r];
            double[] ki = kMat.im[r];
            double[] sr = sInv.re[r];
            double[] si = sInv.im[r];
            double[] yr = y.re[r];
            double[] yi = y.im[r];
            for (int c = 0; c < n; c++) {
                kr[c] = t * sr[c] - yr[c];
                ki[c] = t * si[c] - yi[c];
            }
        }
        if (predDS != null) {
            ComplexKernels.fromEmbedding(predDS, n, w1);
            ComplexKernels.fromEmbedding(predDY, n, w2);
            ComplexKernels.mult(w1, w2, w3);
            ComplexKernels.mult(sInv, w3, w1);
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    kMat.re[r][c] -= w1.re[r][c];
                    kMat.im[r][c] -= w1.im[r][c];
                }
            }
        }
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                w2.re[r][c] = kMat.re[r][c] - residualTerm.re[r][c];
                w2.im[r][c] = kMat.im[r][c] - residualTerm.im[r][c];
            }
        }
        addAdjoint(w2, vars, g);
    }

    /**
     * The block's ΔS = R_p + Σ_j Δx_j H_j and ΔY = Herm(K − S⁻¹ ΔS Y) as embeddings into {@code dS} and {@code dY}
     * (K of the last {@link #addRightHandSide}). Herm is the symmetrization of the embedding, which leaves +0 on the
     * diagonals of its off-diagonal blocks.
     */
    void directions(double[] rp, int[] vars, double[] dx, double[] dS, double[] dY) {
        slackDirection(rp, vars, dx, dS);   // S⁻¹ ΔS Y in w2
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                w1.re[r][c] = kMat.re[r][c] - w2.re[r][c];
                w1.im[r][c] = kMat.im[r][c] - w2.im[r][c];
            }
        }
        ComplexKernels.hermitianPart(w1);
        ComplexKernels.toEmbedding(w1, dY);
        int d = 2 * n;
        for (int i = 0; i < n; i++) {
            dY[i * d + n + i] = 0.0;
        }
    }

    /**
     * g[vars[j]] += tr(E(H_j) E(M)) = 2 Re tr(H_j M) for any complex M: for Hermitian H_j,
     * Re tr(H_j M) = Σ_ca (Re H_j[c, a] Re M[c, a] + Im H_j[c, a] Im M[c, a]), a dot product of the rows.
     */
    private void addAdjoint(CMat w1, int[] vars, double[] g) {
        for (int j = 0; j < vars.length; j++) {
            double sum = 0;
            if (dense[j]) {
                CMat h = coef[j];
                for (int r = 0; r < n; r++) {
                    double[] hr = h.re[r];
                    double[] hi = h.im[r];
                    double[] mr = w1.re[r];
                    double[] mi = w1.im[r];
                    for (int c = 0; c < n; c++) {
                        sum += hr[c] * mr[c] + hi[c] * mi[c];
                    }
                }
            } else {
                for (int e = 0; e < ea[j].length; e++) {
                    // Re(v M[b, a]) for the entry v at (a, b)
                    int a = ea[j][e];
                    int b = eb[j][e];
                    sum += evr[j][e] * w1.re[b][a] - evi[j][e] * w1.im[b][a];
                }
            }
            g[vars[j]] += 2 * sum;
        }
    }

    /** The slack direction ΔS = R_p + Σ_j Δx_j H_j from the embedding of R_p: its embedding into {@code dS}, S⁻¹ ΔS Y into w2. */
    private void slackDirection(double[] rp, int[] vars, double[] dx, double[] dS) {
        CMat t = w3;
        ComplexKernels.fromEmbedding(rp, n, t);
        addCombination(dx, vars, t);
        ComplexKernels.toEmbedding(t, dS);
        ComplexKernels.mult(sInv, t, w1);
        ComplexKernels.mult(w1, y, w2);
    }

    /** T += Σ_j x[vars[j]] H_j, term by term in the order of the variables (zero weights skipped). */
    private void addCombination(double[] x, int[] vars, CMat t) {
        for (int j = 0; j < vars.length; j++) {
            double v = x[vars[j]];
            if (v == 0) {
                continue;
            }
            if (dense[j]) {
                addScaled(v, coef[j], t);
            } else {
                for (int e = 0; e < ea[j].length; e++) {
                    t.re[ea[j][e]][eb[j][e]] += v * evr[j][e];
                    t.im[ea[j][e]][eb[j][e]] += v * evi[j][e];
                }
            }
        }
    }

    /** T += v H for a real v (both parts in one pass per row). */
    private static void addScaled(double v, CMat h, CMat t) {
        for (int r = 0; r < h.n; r++) {
            double[] hr = h.re[r];
            double[] hi = h.im[r];
            double[] tr = t.re[r];
            double[] ti = t.im[r];
            for (int c = 0; c < h.n; c++) {
                tr[c] += v * hr[c];
                ti[c] += v * hi[c];
            }
        }
    }

    /** Whether E(M) + α E(Δ) is positive definite (a Cholesky factorization of the complex M + αΔ succeeds). */
    boolean definiteAfter(double[] m, double[] delta, double alpha) {
        ComplexKernels.fromEmbedding(m, n, w1);
        ComplexKernels.fromEmbedding(delta, n, w2);
        addScaled(alpha, w2, w1);
        return ComplexKernels.cholesky(w1);
    }

    /**
     * λ_min(L⁻¹ Δ L⁻ᴴ) for the slack ({@code primal}) or dual factor L and the embedding of Δ: the longest step with
     * L Lᴴ + α Δ ⪰ 0 is −1/λ_min. L⁻¹ Δ L⁻ᴴ = L⁻¹ (L⁻¹ Δ)ᴴ for Hermitian Δ: two triangular products.
     */
    double minEigenvalueOfCongruence(boolean primal, double[] delta) {
        return ComplexKernels.minEigenvalueBisection(congruence(primal, delta));
    }

    /** The embedding of L⁻¹ Δ L⁻ᴴ (for the eigendecomposition step length). */
    double[] congruenceEmbedded(boolean primal, double[] delta) {
        double[] out = new double[4 * n * n];
        ComplexKernels.toEmbedding(congruence(primal, delta), out);
        return out;
    }

    /** L⁻¹ Δ L⁻ᴴ = L⁻¹ (L⁻¹ Δ)ᴴ for Hermitian Δ (its Hermitian part, in the workspace w2) from the embedding of Δ. */
    private CMat congruence(boolean primal, double[] delta) {
        CMat li = primal ? sCholInv : yCholInv;
        ComplexKernels.fromEmbedding(delta, n, w1);
        ComplexKernels.lowerTimes(li, w1, w2);
        ComplexKernels.conjugateTranspose(w2, w1);
        ComplexKernels.lowerTimes(li, w1, w2);
        ComplexKernels.hermitianPart(w2);
        return w2;
    }

    // ------------------------------------------------------------------ the Schur complement

    /**
     * Adds the block's part M_ij += tr(E(H_i) E(S)⁻¹ E(H_j) E(Y)) = 2 Re tr(H_i S⁻¹ H_j Y) for every unordered pair of
     * its variables. With S = L Lᴴ and Y = R Rᴴ, tr(H_i S⁻¹ H_j Y) = tr(C_iᴴ C_j) for C = L⁻¹ H R: a dense H_j gets C_j
     * (two triangular products); a sparse H_i = Σ_e v_e e_{a_e} e_{b_e}ᵀ meets a dense H_q through
     * tr(C_qᴴ C_i) = Σ_e v_e Σ_{k ≥ a_e} L⁻¹[k, a_e] Σ_{l ≤ b_e} conj(C_q[k, l]) R[b_e, l] (the triangles of L⁻¹ and R
     * bound the sums), and another sparse H_q through Σ_e Σ_f v_e w_f S⁻¹[b_e, a_f] Y[b_f, a_e].
     */
    void addSchur(int[] vars, SchurComplement sc) {
        int nv = vars.length;
        int width = nd * n;
        // every dense C_j at once, on rows that hold all of them side by side (long rows vectorize; n-long ones do not):
        // Xᵀ_j = Rᵀ H_jᵀ, row l = Σ_{b ≥ l} R[b, l] · row b of H_jᵀ (R is lower triangular)
        for (int l = 0; l < n; l++) {
            double[] xr = xtRe[l];
            double[] xi = xtIm[l];
            java.util.Arrays.fill(xr, 0);
            java.util.Arrays.fill(xi, 0);
            for (int b = l; b < n; b++) {
                ComplexKernels.addTimesScalar(htRe[b], htIm[b], yChol.re[b][l], yChol.im[b][l], xr, xi, width);
            }
        }
        // X_j = H_j R, rows side by side
        for (int jj = 0; jj < nd; jj++) {
            int off = jj * n;
            for (int l = 0; l < n; l++) {
                double[] tr = xtRe[l];
                double[] ti = xtIm[l];
                for (int k = 0; k < n; k++) {
                    xRe[k][off + l] = tr[off + k];
                    xIm[k][off + l] = ti[off + k];
                }
            }
        }
        // C_j = L⁻¹ X_j, row i = Σ_{k ≤ i} L⁻¹[i, k] · row k of X_j
        for (int i = 0; i < n; i++) {
            double[] cr = cwRe[i];
            double[] ci = cwIm[i];
            java.util.Arrays.fill(cr, 0);
            java.util.Arrays.fill(ci, 0);
            double[] lr = sCholInv.re[i];
            double[] li = sCholInv.im[i];
            for (int k = 0; k <= i; k++) {
                if (lr[k] != 0 || li[k] != 0) {
                    ComplexKernels.addScaled(lr[k], li[k], xRe[k], xIm[k], cr, ci, width);
                }
            }
        }
        for (int jj = 0; jj < nd; jj++) {
            int j = denseVar[jj];
            double[] cr = cRe[j];
            double[] ci = cIm[j];
            for (int r = 0; r < n; r++) {
                System.arraycopy(cwRe[r], jj * n, cr, r * n, n);
                System.arraycopy(cwIm[r], jj * n, ci, r * n, n);
            }
        }
        if (nd > 0 && nd < nv) {
            sparseDenseProducts();
        }
        // dense with dense: 2 Re tr(C_jᴴ C_q), two q per pass over C_j
        for (int jj = 0; jj < nd; jj++) {
            int j = denseVar[jj];
            int qq = jj;
            for (; qq + 1 < nd; qq += 2) {
                int q0 = denseVar[qq];
                int q1 = denseVar[qq + 1];
                dot4Pair(cRe[j], cRe[q0], cRe[q1], pairRe);
                dot4Pair(cIm[j], cIm[q0], cIm[q1], pairIm);
                sc.add(vars[q0], vars[j], 2 * (pairRe[0] + pairIm[0]));
                sc.add(vars[q1], vars[j], 2 * (pairRe[1] + pairIm[1]));
            }
            if (qq < nd) {
                int q = denseVar[qq];
                sc.add(vars[q], vars[j], 2 * (DenseKernels.dot4(cRe[j], cRe[q]) + DenseKernels.dot4(cIm[j], cIm[q])));
            }
        }
        for (int j = 0; j < nv; j++) {
            if (dense[j]) {
                continue;
            }
            for (int q = 0; q < nv; q++) {
                if (dense[q]) {
                    sc.add(vars[q], vars[j], 2 * sparseWithDense(j, q));
                } else if (q >= j) {
                    sc.add(vars[q], vars[j], 2 * sparseWithSparse(j, q));
                }
            }
        }
    }

    /**
     * P_b[q, k] = Σ_{l ≤ b} conj(C_q[k, l]) R[b, l] for every dense q, every k and every row b of R that a sparse
     * coefficient uses: row b of conj(C_q) Rᵀ, computed on side-by-side rows of the C_qᵀ (long rows vectorize).
     */
    private void sparseDenseProducts() {
        int width = nd * n;
        for (int jj = 0; jj < nd; jj++) {
            int off = jj * n;
            for (int k = 0; k < n; k++) {
                double[] cr = cwRe[k];
                double[] ci = cwIm[k];
                for (int l = 0; l < n; l++) {
                    ctRe[l][off + k] = cr[off + l];
                    ctIm[l][off + k] = ci[off + l];
                }
            }
        }
        for (int b = 0; b < n; b++) {
            if (!rowUsed[b]) {
                continue;
            }
            double[] pr = pRe[b];
            double[] pi = pIm[b];
            java.util.Arrays.fill(pr, 0);
            java.util.Arrays.fill(pi, 0);
            for (int l = 0; l <= b; l++) {
                ComplexKernels.addConjugateTimesScalar(ctRe[l], ctIm[l], yChol.re[b][l], yChol.im[b][l], pr, pi, width);
            }
        }
    }

    /**
     * Re tr(C_qᴴ C_i) for a sparse H_i and a dense H_q: Σ_e Re(v_e Σ_{k ≥ a_e} L⁻¹[k, a_e] P_{b_e}[q, k]) (the triangle of
     * L⁻¹ bounds the sum).
     */
    private double sparseWithDense(int i, int q) {
        int off = denseIndex[q] * n;
        double sum = 0;
        for (int e = 0; e < ea[i].length; e++) {
            int a = ea[i][e];
            double[] pr = pRe[eb[i][e]];
            double[] pi = pIm[eb[i][e]];
            double tr = 0;
            double ti = 0;
            for (int k = a; k < n; k++) {
                double lr = sCholInv.re[k][a];
                double li = sCholInv.im[k][a];
                if (lr == 0 && li == 0) {
                    continue;
                }
                double sr = pr[off + k];
                double si = pi[off + k];
                tr += lr * sr - li * si;
                ti += lr * si + li * sr;
            }
            sum += evr[i][e] * tr - evi[i][e] * ti;
        }
        return sum;
    }

    /** Re tr(H_i S⁻¹ H_q Y) for two sparse ones. */
    private double sparseWithSparse(int i, int q) {
        double sum = 0;
        for (int e = 0; e < ea[i].length; e++) {
            int ae = ea[i][e];
            int be = eb[i][e];
            for (int f = 0; f < ea[q].length; f++) {
                int af = ea[q][f];
                int bf = eb[q][f];
                // v_e w_f S⁻¹[b_e, a_f] Y[b_f, a_e]
                double pr = evr[i][e] * evr[q][f] - evi[i][e] * evi[q][f];
                double pi = evr[i][e] * evi[q][f] + evi[i][e] * evr[q][f];
                double sr = sInv.re[be][af];
                double si = sInv.im[be][af];
                double yr = y.re[bf][ae];
                double yi = y.im[bf][ae];
                double tr = sr * yr - si * yi;
                double ti = sr * yi + si * yr;
                sum += pr * tr - pi * ti;
            }
        }
        return sum;
    }

    /** {@link DenseKernels#dot4}(a, b) and dot4(a, c) in one pass over a, into out[0] and out[1]. */
    private static void dot4Pair(double[] a, double[] b, double[] c, double[] out) {
        if ((a.length & 3) != 0) {
            out[0] = DenseKernels.dot(a, b);
            out[1] = DenseKernels.dot(a, c);
            return;
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        for (int i = 0; i < a.length; i += 4) {
            double a0 = a[i];
            double a1 = a[i + 1];
            double a2 = a[i + 2];
            double a3 = a[i + 3];
            s0 += a0 * b[i];
            s1 += a1 * b[i + 1];
            s2 += a2 * b[i + 2];
            s3 += a3 * b[i + 3];
            t0 += a0 * c[i];
            t1 += a1 * c[i + 1];
            t2 += a2 * c[i + 2];
            t3 += a3 * c[i + 3];
        }
        out[0] = (s0 + s1) + (s2 + s3);
        out[1] = (t0 + t1) + (t2 + t3);
    }
}
