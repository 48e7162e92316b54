package org.cosense.optim;

import static org.cosense.optim.DenseKernels.axpy;

import org.cosense.optim.LmiProblem.Block;
import org.cosense.optim.LmiProblem.Row;
import org.cosense.optim.LmiProblem.Sparse;

/**
 * How the Schur complement M_ij = Σ_k tr(F_ki S_k⁻¹ F_kj Y_k) + Σ_r a_ri a_rj y_r/s_r of the HKM
 * Newton system is formed, planned once per problem: the block-arrow storage of
 * {@link SchurComplement}, and per block the cheapest of three ways to form its part (CSDP's
 * choice between dense and sparse constraint matrices).
 *
 * <p>With G_j = S⁻¹ A_j Y, M_ij += tr(A_i G_j) = Σ_e Σ_f v_e v_f S⁻¹[c_e, r_f] Y[c_f, r_e].
 * DIRECT evaluates the double sum per pair (cheap when every A_i has few nonzeros, e.g. a PSD
 * variable's own block: 1–4 entries); SUPPORT evaluates G_j only on the union support of the
 * A_i (e.g. the 4×4 F-part of a traceInverse LMI, touched by every R entry); DENSE forms G_j
 * whole with row axpys. With {@link SolverOptions.SchurForming#FACTORED} a DENSE block forms its dense
 * A_j through the Cholesky factors instead ({@link #factoredBlock}).
 */
final class SchurPlan {
    private enum Method { DIRECT, SUPPORT, DENSE }

    /** One block's method, its index maps and work arrays. */
    private static final class BlockPlan {
        Method method;
        int[][] gi;         // per block variable: where its coefficients meet G_j (flat index into g)
        double[][] gv;      // ... and the coefficients
        int[] ur;           // SUPPORT: the union support, one (r, c) per symmetric pair, r ≤ c
        int[] uc;
        double[] off;       // 1 for r < c (both G[c, r] and G[r, c] count), 0 on the diagonal
        double[] g;         // work: G_j flat (DENSE, G[c, r] at c·d + r) or G[c,r] + G[r,c] on the support
        double[][] gRows;   // work: G_j by rows (DENSE)
        double[][] yRows;   // Y_k by rows (DENSE)
        int[] pos;          // Schur positions of the block's variables
        boolean[] dense;    // FACTORED: the coefficient matrices formed as C_j = L⁻¹ A_j R (nnz > 2d)
        double[][] c;       // FACTORED work: C_j by rows, flat (dense j only)
        double[][] aFlat;   // FACTORED: a dense A_j as a full d×d row-major array (A[r, c] at r·d + c; Sparse keeps both triangles)
        double[][] rRows;   // FACTORED work: the rows of Y's Cholesky factor R
    }

    private final LmiProblem p;
    final SchurComplement schur;
    private final BlockPlan[] plans;

    private final boolean factored;
    /** Per block: its complex form when it is iterated on as a Hermitian matrix, else null. */
    private final HermitianBlock[] hermitian;

    SchurPlan(LmiProblem p) {
        this(p, SolverOptions.SchurForming.PRODUCTS);
    }

    SchurPlan(LmiProblem p, SolverOptions.SchurForming forming) {
        this(p, forming, new HermitianBlock[p.blocks.size()]);
    }

    /** A Hermitian block forms its part from its complex factors ({@link HermitianBlock#addSchur}). */
    SchurPlan(LmiProblem p, SolverOptions.SchurForming forming, HermitianBlock[] hermitian) {
        this.p = p;
        this.hermitian = hermitian;
        this.factored = forming == SolverOptions.SchurForming.FACTORED;
        schur = SchurComplement.of(p);
        if (InteriorPointSolver.DEBUG) System.err.printf("schur n %d border %d flops %.3g (dense %.3g)%n", p.n, p.n - schur.border, schur.factorFlops(), (double) p.n * p.n * p.n / 3);
        int nb = p.blocks.size();
        plans = new BlockPlan[nb];
        for (int k = 0; k < nb; k++) {
            Block b = p.blocks.get(k);
            plans[k] = plan(b);
            if (factored && plans[k].method == Method.DENSE) {
                plans[k].dense = new boolean[b.vars.length];
                plans[k].c = new double[b.vars.length][];
                plans[k].aFlat = new double[b.vars.length][];
                plans[k].rRows = new double[b.dim][b.dim];
                for (int j = 0; j < b.vars.length; j++) {
                    Sparse a = b.coefs[j];
                    if (a.nnz() > 2 * b.dim) {
                        plans[k].dense[j] = true;
                        plans[k].c[j] = new double[b.dim * b.dim];
                        double[] flat = new double[b.dim * b.dim];
                        for (int e = 0; e < a.nnz(); e++) {
                            flat[a.row[e] * b.dim + a.col[e]] += a.val[e];
                        }
                        plans[k].aFlat[j] = flat;
                    }
                }
            }
            plans[k].pos = new int[b.vars.length];
            for (int j = 0; j < plans[k].pos.length; j++) {
                plans[k].pos[j] = schur.pos[b.vars[j]];
            }
            if (InteriorPointSolver.DEBUG) System.err.printf("block %d dim %d vars %d kind %s support %d%n", k, b.dim, b.vars.length, plans[k].method, plans[k].g == null ? -1 : plans[k].g.length);
        }
    }

    /**
     * Chooses the cheapest way to form the block's part. The weights are measured costs per inner
     * step: the per-pair double sum and the support evaluation are scalar loops with indirect loads,
     * the dense G_j = Σ_f v_f S⁻¹[:, r_f] Y[c_f, :] is a row axpy the JIT vectorizes.
     */
    private static BlockPlan plan(Block b) {
        BlockPlan pl = new BlockPlan();
        int d = b.dim;
        int nv = b.vars.length;
        int[] index = new int[d * d];   // unique support index of (min, max)
        java.util.Arrays.fill(index, -1);
        int sup = 0;
        double sumNnz = 0;
        double pairsAll = 0;   // Σ_i nnz_i (i + 1): the pair loop with all entries
        double pairsUnique = 0;
        double direct = 0;
        double suffix = 0;     // Σ_{i ≥ j} nnz_i, accumulated from the end
        for (int j = nv - 1; j >= 0; j--) {
            Sparse a = b.coefs[j];
            suffix += a.nnz();
            direct += a.nnz() * suffix;
        }
        for (int j = 0; j < nv; j++) {
            Sparse a = b.coefs[j];
            int uniq = 0;
            for (int e = 0; e < a.nnz(); e++) {
                if (a.row[e] <= a.col[e]) {
                    uniq++;
                    int at = a.row[e] * d + a.col[e];
                    if (index[at] < 0) {
                        index[at] = sup++;
                    }
                }
            }
            sumNnz += a.nnz();
            pairsAll += (double) a.nnz() * (j + 1);
            pairsUnique += (double) uniq * (j + 1);
        }
        double costDirect = 3.0 * direct;
        double costSupport = 2.0 * sumNnz * sup + pairsUnique;
        double costDense = 0.25 * sumNnz * d * d + pairsAll;
        pl.gi = new int[nv][];
        pl.gv = new double[nv][];
        if (costDirect <= costSupport && costDirect <= costDense) {
            pl.method = Method.DIRECT;
        } else if (costSupport < costDense) {
            pl.method = Method.SUPPORT;
            pl.ur = new int[sup];
            pl.uc = new int[sup];
            pl.off = new double[sup];
            for (int at = 0; at < d * d; at++) {
                if (index[at] >= 0) {
                    int u = index[at];
                    pl.ur[u] = at / d;
                    pl.uc[u] = at % d;
                    pl.off[u] = pl.ur[u] < pl.uc[u] ? 1 : 0;
                }
            }
            for (int j = 0; j < nv; j++) {
                Sparse a = b.coefs[j];
                int cnt = 0;
                for (int e = 0; e < a.nnz(); e++) {
                    if (a.row[e] <= a.col[e]) {
                        cnt++;
                    }
                }
                pl.gi[j] = new int[cnt];
                pl.gv[j] = new double[cnt];
                int q = 0;
                for (int e = 0; e < a.nnz(); e++) {
                    if (a.row[e] <= a.col[e]) {
                        pl.gi[j][q] = index[a.row[e] * d + a.col[e]];
                        pl.gv[j][q++] = a.val[e];
                    }
                }
            }
            pl.g = new double[sup];
        } else {
            pl.method = Method.DENSE;
            for (int j = 0; j < nv; j++) {
                Sparse a = b.coefs[j];
                pl.gi[j] = new int[a.nnz()];
                pl.gv[j] = a.val.clone();
                for (int e = 0; e < a.nnz(); e++) {
                    pl.gi[j][e] = a.col[e] * d + a.row[e];   // G[c, r]
                }
            }
            pl.g = new double[d * d];
            pl.gRows = new double[d][d];
            pl.yRows = new double[d][d];
        }
        return pl;
    }

    /**
     * Forms M (unfactored) in {@link #schur} from the blocks' S_k⁻¹, Y_k and the rows' y/s; the lower Cholesky
     * factors of S_k and Y_k ({@code sChol}, {@code yChol}) are read only by {@link SolverOptions.SchurForming#FACTORED}.
     */
    void assemble(double[][] sInv, double[][] yMat, double[][] sChol, double[][] yChol, double[] s, double[] y) {
        SchurComplement sc = schur;
        sc.clear();
        for (int k = 0; k < plans.length; k++) {
            Block b = p.blocks.get(k);
            BlockPlan pl = plans[k];
            int d = b.dim;
            double[] si = sInv[k];
            double[] yk = yMat[k];
            int nv = b.vars.length;
            if (hermitian[k] != null) {
                hermitian[k].addSchur(b.vars, sc);
            } else if (pl.dense != null) {
                factoredBlock(b, pl, si, yk, sChol[k], yChol[k], sc);
            } else if (pl.method == Method.DENSE) {
                double[][] yRows = pl.yRows;
                for (int r = 0; r < d; r++) {
                    System.arraycopy(yk, r * d, yRows[r], 0, d);
                }
                for (int j = 0; j < nv; j++) {
                    denseG(b.coefs[j], si, yRows, d, pl.gRows);
                    for (int r = 0; r < d; r++) {
                        System.arraycopy(pl.gRows[r], 0, pl.g, r * d, d);
                    }
                    pairs(j, pl, sc);
                }
            } else if (pl.method == Method.SUPPORT) {
                for (int j = 0; j < nv; j++) {
                    supportG(b.coefs[j], si, yk, d, pl);
                    pairs(j, pl, sc);
                }
            } else {
                for (int j = 0; j < nv; j++) {
                    Sparse aj = b.coefs[j];
                    int vj = b.vars[j];
                    for (int i = j; i < nv; i++) {
                        sc.add(b.vars[i], vj, directPair(b.coefs[i], aj, si, yk, d));
                    }
                }
            }
        }
        for (int r = 0; r < p.rows.size(); r++) {
            Row row = p.rows.get(r);
            sc.addOuter(row.idx, row.val, y[r] / s[r]);
        }
    }

    /**
     * A DENSE block under {@link SolverOptions.SchurForming#FACTORED}: with S = L Lᵀ and Y = R Rᵀ,
     * tr(A_i S⁻¹ A_j Y) = tr(Rᵀ A_i L⁻ᵀ L⁻¹ A_j R) = ⟨C_i, C_j⟩ for C = L⁻¹ A R. A dense A_j gets C_j (A_j R and the
     * forward solve are d³/2 each, against 2d³ for S⁻¹ A_j Y); a sparse A_i keeps G_i = S⁻¹ A_i Y (2·nnz·d² flops) and
     * meets every dense A_j, and the sparse A_q after it, through the symmetric M_iq = tr(A_q G_i). Every unordered pair
     * is formed once.
     */
    private void factoredBlock(Block b, BlockPlan pl, double[] si, double[] yk, double[] lS, double[] lY, SchurComplement sc) {
        int d = b.dim;
        int nv = b.vars.length;
        double[][] yRows = pl.yRows;
        for (int r = 0; r < d; r++) {
            System.arraycopy(yk, r * d, yRows[r], 0, d);
        }
        double[][] rows = pl.gRows;   // work rows: A_j R, then C_j
        double[][] rRows = pl.rRows;
        for (int r = 0; r < d; r++) {
            System.arraycopy(lY, r * d, rRows[r], 0, d);
        }
        for (int j = 0; j < nv; j++) {
            if (!pl.dense[j]) {
                continue;
            }
            Sparse a = b.coefs[j];
            for (double[] r : rows) {
                java.util.Arrays.fill(r, 0);
            }
            // (A R)[a, :] += v · R[b, :] for each entry (a, b, v); row b of the lower R ends at column b
            for (int f = 0; f < a.nnz(); f++) {
                int rb = a.col[f];
                axpy(a.val[f], rRows[rb], rows[a.row[f]], rb + 1);
            }
            // C = L⁻¹ (A R) by rows: row i = (row i − Σ_{q<i} L_iq · row q) / L_ii
            double[] c = pl.c[j];
            for (int i = 0; i < d; i++) {
                double[] ri = rows[i];
                for (int q = 0; q < i; q++) {
                    double liq = lS[i * d + q];
                    if (liq != 0) {
                        axpy(-liq, rows[q], ri, d);
                    }
                }
                double inv = 1 / lS[i * d + i];
                for (int col = 0; col < d; col++) {
                    ri[col] *= inv;
                }
                System.arraycopy(ri, 0, c, i * d, d);
            }
        }
        for (int j = 0; j < nv; j++) {
            if (pl.dense[j]) {
                double[] cj = pl.c[j];
                for (int q = j; q < nv; q++) {
                    if (pl.dense[q]) {
                        sc.add(b.vars[q], b.vars[j], DenseKernels.dot4(cj, pl.c[q]));
                    }
                }
                continue;
            }
            denseG(b.coefs[j], si, yRows, d, rows);
            double[] g = pl.g;
            for (int r = 0; r < d; r++) {
                System.arraycopy(rows[r], 0, g, r * d, d);
            }
            for (int q = 0; q < nv; q++) {
                if (pl.dense[q]) {
                    // tr(A_q G_j) = Σ A_q[r, c] G_j[c, r] = Σ A_q[c, r] G_j[c, r] (A_q symmetric): one contiguous dot
                    sc.add(b.vars[q], b.vars[j], DenseKernels.dot4(pl.aFlat[q], g));
                } else if (q >= j) {
                    double sum = 0;
                    double[] val = pl.gv[q];
                    int[] es = pl.gi[q];
                    for (int e = 0; e < es.length; e++) {
                        sum += val[e] * g[es[e]];
                    }
                    sc.add(b.vars[q], b.vars[j], sum);
                }
            }
        }
    }

    /**
     * G = S⁻¹ A Y = Σ_f v_f S⁻¹[:, r_f] Y[c_f, :] (G[c, r] in gRows[c]). Rows as separate arrays
     * so that the axpy indexes both with the same r: the JIT then vectorizes it (with offsets into
     * one flat array it cannot rule out aliasing).
     */
    private static void denseG(Sparse aj, double[] si, double[][] yRows, int d, double[][] gRows) {
        for (double[] gr : gRows) {
            java.util.Arrays.fill(gr, 0);
        }
        if (aj.nnz() > 2 * d) {
            // a dense A_j: T = A Y (nnz·d), then G = S⁻¹ T (d³) instead of nnz·d² term by term
            double[][] t = new double[d][d];
            for (int f = 0; f < aj.nnz(); f++) {
                axpy(aj.val[f], yRows[aj.col[f]], t[aj.row[f]], d);
            }
            for (int c = 0; c < d; c++) {
                double[] gc = gRows[c];
                for (int a = 0; a < d; a++) {
                    double w = si[c * d + a];
                    if (w != 0) {
                        axpy(w, t[a], gc, d);
                    }
                }
            }
            return;
        }
        for (int f = 0; f < aj.nnz(); f++) {
            double v = aj.val[f];
            int rf = aj.row[f];
            double[] yr = yRows[aj.col[f]];
            for (int c = 0; c < d; c++) {
                double w = v * si[c * d + rf];
                if (w != 0) {
                    axpy(w, yr, gRows[c], d);
                }
            }
        }
    }

    /**
     * G[c, r] + G[r, c] (G[r, r] on the diagonal) on the support pairs (r, c), with
     * G[c, r] = Σ_f v_f S⁻¹[c, r_f] Y[c_f, r]: a symmetric A_i then needs one term per entry pair.
     */
    private static void supportG(Sparse aj, double[] si, double[] yk, int d, BlockPlan pl) {
        double[] g = pl.g;
        int[] ur = pl.ur;
        int[] uc = pl.uc;
        double[] off = pl.off;
        java.util.Arrays.fill(g, 0);
        int ns = g.length;
        for (int f = 0; f < aj.nnz(); f++) {
            double v = aj.val[f];
            int rf = aj.row[f];
            int cf = aj.col[f] * d;
            for (int t = 0; t < ns; t++) {
                int r = ur[t];
                int c = uc[t];
                g[t] += v * (si[c * d + rf] * yk[cf + r] + off[t] * si[r * d + rf] * yk[cf + c]);
            }
        }
    }

    /**
     * M_ij += tr(A_i G_j) for i ≥ j, G_j in pl.g (i ≥ j so that the writes run along M's stored
     * row of variable j instead of down a column: M is too large for the cache).
     */
    private static void pairs(int j, BlockPlan pl, SchurComplement sc) {
        double[] g = pl.g;
        int[] bpos = pl.pos;
        int nv = bpos.length;
        int pj = bpos[j];
        double[] rowJ = sc.row(pj);
        for (int i = j; i < nv; i++) {
            double[] val = pl.gv[i];
            int[] es = pl.gi[i];
            double sum = 0;
            for (int e = 0; e < es.length; e++) {
                sum += val[e] * g[es[e]];
            }
            int pi = bpos[i];
            if (pi >= pj) {
                rowJ[pi] += sum;
            } else {
                sc.row(pi)[pj] += sum;
            }
        }
    }

    /** tr(A_i S⁻¹ A_j Y) = Σ_e Σ_f v_e v_f S⁻¹[c_e, r_f] Y[c_f, r_e]. */
    private static double directPair(Sparse ai, Sparse aj, double[] si, double[] yk, int d) {
        double sum = 0;
        for (int e = 0; e < ai.nnz(); e++) {
            int re = ai.row[e];
            int ce = ai.col[e] * d;
            double inner = 0;
            for (int f = 0; f < aj.nnz(); f++) {
                inner += aj.val[f] * si[ce + aj.row[f]] * yk[aj.col[f] * d + re];
            }
            sum += ai.val[e] * inner;
        }
        return sum;
    }
}
