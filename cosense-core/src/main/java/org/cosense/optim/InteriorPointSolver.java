package org.cosense.optim;

import org.cosense.optim.LmiProblem.Block;
import org.cosense.optim.LmiProblem.Row;
import org.cosense.optim.LmiProblem.Sparse;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Infeasible-start primal–dual interior-point method (Mehrotra predictor–corrector, HKM
 * direction) for {@link LmiProblem}, the method of CSDP and SDPT3.
 *
 * <p>Why primal–dual and not a primal barrier: the R-step optima are rank one (spec 3.10), so
 * the PSD slacks have eigenvalues ~ gap while the barrier Hessian grows like 1/gap²; a primal
 * barrier stalls near 1e-6, whereas the primal–dual Schur complement stays usable down to 1e-9.
 *
 * <p>Log-det objective terms follow Toh (1999) / SDPT3: a block with −w log det S in the
 * objective has the complementarity condition S Y = w I (not σμ I), and its contribution to the
 * dual objective is w log det Y + w n (1 − log w); everything else is the plain SDP method.
 *
 * <p>Infeasibility and unboundedness are detected as in SDPT3: the iterates approach a Farkas
 * ray. INFEASIBLE: a dual ray Y ⪰ 0 with ‖A*(Y) + Eᵀν‖ ≤ tol·b(Y,ν) where b(Y,ν) = −⟨F₀,Y⟩ + hᵀν
 * > 0. UNBOUNDED: a primal ray d = x with ‖F_lin(x) − S‖, ‖E x‖ ≤ tol·(−cᵀx).
 *
 * <p>Cost: the n×n Schur complement dominates. It is held in {@link SchurComplement}'s block-arrow
 * pattern (per-IRS groups and a small border; no fill outside it) and each block's part is formed
 * by the cheapest of three methods (see {@code BlockPlan}), as CSDP does for sparse constraints.
 */
final class InteriorPointSolver {
    private static final boolean DEBUG = Boolean.getBoolean("cosense.optim.debug");
    /** Stop when the best iterate has not improved for this many iterations (see {@link #fallback}). */
    static final int STALL_ITERATIONS = 15;
    /** … provided it met the tolerances within this factor (so infeasible problems still reach a certificate). */
    static final double STALL_MERIT = 1e4;

    static final class Result {
        Status status;
        double[] x;
        double[][] s;   // per block, dim*dim row-major
        double[][] y;
        double[] rowSlack;
        double[] rowDual;
        double[] eqDual;
        double primalObjective;
        double dualObjective;
        double gap;
        double relativeGap;
        double primalResidual;
        double dualResidual;
        int iterations;
    }

    private final LmiProblem p;
    private final SolverOptions opt;
    private final int n;
    private final int nb;
    private final int m;
    private final int me;
    private final int[] dims;
    private final double[] ldw;

    // iterate
    private final double[] x;
    private final double[][] sMat;
    private final double[][] yMat;
    private final double[] s;
    private final double[] y;
    private final double[] nu;

    // per-iteration work
    private final double[][] sInv;
    private final double[][] rpBlock;
    private final double[] rpRow;
    private final double[] rd;
    private final double[] re;
    private final double[][] sChol;
    private final double[][] yChol;
    private SchurComplement schur;   // structure and storage of the Newton system, built on first use

    private InteriorPointSolver(LmiProblem p, SolverOptions opt) {
        this.p = p;
        this.opt = opt;
        n = p.n;
        nb = p.blocks.size();
        m = p.rows.size();
        me = p.equalities.size();
        dims = new int[nb];
        ldw = new double[nb];
        for (int k = 0; k < nb; k++) {
            dims[k] = p.blocks.get(k).dim;
            ldw[k] = p.blocks.get(k).logDetWeight;
        }
        x = new double[n];
        sMat = new double[nb][];
        yMat = new double[nb][];
        sInv = new double[nb][];
        rpBlock = new double[nb][];
        sChol = new double[nb][];
        yChol = new double[nb][];
        for (int k = 0; k < nb; k++) {
            int d2 = dims[k] * dims[k];
            sMat[k] = new double[d2];
            yMat[k] = new double[d2];
            sInv[k] = new double[d2];
            rpBlock[k] = new double[d2];
            sChol[k] = new double[d2];
            yChol[k] = new double[d2];
        }
        s = new double[m];
        y = new double[m];
        nu = new double[me];
        rpRow = new double[m];
        rd = new double[n];
        re = new double[me];
    }

    static Result solve(LmiProblem p, SolverOptions opt) {
        return new InteriorPointSolver(p, opt).run();
    }

    // ------------------------------------------------------------------ main loop

    private Result run() {
        initialPoint();
        double normC = norm(p.c);
        double normB = 0;   // ‖F₀‖ over blocks and rows
        for (Block b : p.blocks) {
            normB += sq(b.constant.frobenius());
        }
        for (Row r : p.rows) {
            normB += sq(r.constant);
        }
        normB = Math.sqrt(normB);
        double normH = 0;
        for (Row e : p.equalities) {
            normH += sq(e.constant);
        }
        normH = Math.sqrt(normH);

        int degree = 0;   // barrier degree of the σμ-centred cones
        for (int k = 0; k < nb; k++) {
            if (ldw[k] == 0) {
                degree += dims[k];
            }
        }
        degree += m;

        Result res = new Result();
        int stalls = 0;
        Snapshot best = new Snapshot();
        for (int it = 0; ; it++) {
            residuals();
            double pres = primalResidual(normB, normH);
            double dres = norm(rd) / (1 + normC);
            double pobj = primalObjective();
            double dobj = dualObjective();
            double gap = pobj - dobj;
            double scale = Math.max(Math.abs(pobj), Math.abs(dobj));
            res.iterations = it;
            res.primalObjective = pobj;
            res.dualObjective = dobj;
            res.gap = gap;
            res.relativeGap = Math.abs(gap) / Math.max(scale, Double.MIN_NORMAL);
            res.primalResidual = pres;
            res.dualResidual = dres;

            boolean gapOk = Math.abs(gap) <= opt.relativeGap() * scale || Math.abs(gap) <= opt.absoluteGap();
            if (gapOk && pres <= opt.feasibility() && dres <= opt.feasibility()) {
                return finish(res, Status.OPTIMAL);
            }
            double gapMeasure = Math.min(res.relativeGap / opt.relativeGap(), Math.abs(gap) / opt.absoluteGap());
            double merit = Math.max(gapMeasure, Math.max(pres, dres) / opt.feasibility());
            if (merit < best.merit) {
                best = snapshot();
                best.merit = merit;
                best.pobj = pobj;
                best.dobj = dobj;
                best.gap = gap;
                best.relGap = res.relativeGap;
                best.pres = pres;
                best.dres = dres;
                best.iteration = it;
            }
            Status cert = certificate(pres, dres);
            if (cert != null) {
                return finish(res, cert);
            }
            if (it >= opt.maxIterations()) {
                return fallback(res, best, Status.ITERATION_LIMIT);
            }
            if (best.merit <= STALL_MERIT && it - best.iteration >= STALL_ITERATIONS) {
                // close to the tolerances but no progress for a while (rounding floor reached): the best
                // iterate is as good as it gets (far from them, e.g. infeasible, the certificates decide)
                return fallback(res, best, Status.NUMERICAL_ERROR);
            }

            double mu = 0;
            for (int k = 0; k < nb; k++) {
                if (ldw[k] == 0) {
                    mu += dot(sMat[k], yMat[k]);
                }
            }
            for (int r = 0; r < m; r++) {
                mu += s[r] * y[r];
            }
            mu = degree > 0 ? mu / degree : 0;

            if (!factorSlacks()) {
                if (DEBUG) System.err.println("factorSlacks failed at it " + it);
                return fallback(res, best, Status.NUMERICAL_ERROR);
            }
            Newton newton = newtonSystem();
            if (newton == null) {
                if (DEBUG) System.err.println("newton failed at it " + it);
                return fallback(res, best, Status.NUMERICAL_ERROR);
            }
            // predictor (affine scaling): σ = 0 on the ordinary cones
            Direction aff = direction(newton, 0.0, null);
            double apA = primalStep(aff);
            double adA = dualStep(aff);
            double sigma = 0;
            if (degree > 0 && mu > 0) {
                double muAff = 0;
                for (int k = 0; k < nb; k++) {
                    if (ldw[k] == 0) {
                        muAff += dotShifted(sMat[k], aff.dS[k], apA, yMat[k], aff.dY[k], adA);
                    }
                }
                for (int r = 0; r < m; r++) {
                    muAff += (s[r] + apA * aff.ds[r]) * (y[r] + adA * aff.dy[r]);
                }
                muAff /= degree;
                double ratio = Math.max(0, muAff / mu);
                sigma = Math.min(1, ratio * ratio * ratio);
            }
            Direction cor = direction(newton, sigma * mu, aff);
            double ap = primalStep(cor);
            double ad = dualStep(cor);
            double gamma = 0.95;
            ap = Math.min(1, gamma * ap);
            ad = Math.min(1, gamma * ad);
            if (ap < 1e-12 && ad < 1e-12) {
                if (++stalls >= 3) {
                    return fallback(res, best, Status.NUMERICAL_ERROR);
                }
            } else {
                stalls = 0;
            }
            if (DEBUG) System.err.printf("it %d pobj %.12e dobj %.12e pres %.1e dres %.1e mu %.1e sigma %.2e ap %.3f ad %.3f%n", it, pobj, dobj, pres, dres, mu, sigma, ap, ad);
            if (!safeUpdate(cor, ap, ad)) {
                return fallback(res, best, Status.NUMERICAL_ERROR);
            }
        }
    }

    /**
     * The method cannot continue (or ran out of iterations): return the best iterate seen. It
     * counts as OPTIMAL when it met the tolerances within a factor of 10 (CSDP's "partial
     * success"; with the defaults that is still a relative gap ≤ 1e-8), otherwise the status is
     * {@code why}. The reported measures are always those of the returned iterate.
     */
    private Result fallback(Result res, Snapshot best, Status why) {
        if (best.x == null) {
            return finish(res, why);
        }
        restore(best);
        res.primalObjective = best.pobj;
        res.dualObjective = best.dobj;
        res.gap = best.gap;
        res.relativeGap = best.relGap;
        res.primalResidual = best.pres;
        res.dualResidual = best.dres;
        boolean near = why != Status.ITERATION_LIMIT && best.merit <= 10;
        return finish(res, near ? Status.OPTIMAL : why);
    }

    private Result finish(Result r, Status st) {
        r.status = st;
        r.x = x.clone();
        r.s = new double[nb][];
        r.y = new double[nb][];
        for (int k = 0; k < nb; k++) {
            r.s[k] = sMat[k].clone();
            r.y[k] = yMat[k].clone();
        }
        r.rowSlack = s.clone();
        r.rowDual = y.clone();
        r.eqDual = nu.clone();
        if (st == Status.INFEASIBLE) {
            // normalize the Farkas ray so that its dual objective is 1
            double b = dualLinearObjective();
            if (b > 0) {
                for (int k = 0; k < nb; k++) {
                    scale(r.y[k], 1 / b);
                }
                scale(r.rowDual, 1 / b);
                scale(r.eqDual, 1 / b);
            }
        }
        return r;
    }

    // ------------------------------------------------------------------ start point

    /** CSDP's start: x = 0, S = 10β I, Y = 10α I with α, β from the data norms. */
    private void initialPoint() {
        int total = m;
        for (int d : dims) {
            total += d;
        }
        total = Math.max(total, 1);
        double[] normFi = new double[n];
        for (Block b : p.blocks) {
            for (int j = 0; j < b.vars.length; j++) {
                normFi[b.vars[j]] += sq(b.coefs[j].frobenius());
            }
        }
        for (Row r : p.rows) {
            for (int j = 0; j < r.idx.length; j++) {
                normFi[r.idx[j]] += sq(r.val[j]);
            }
        }
        double alpha = 0;
        double maxF = 0;
        for (int i = 0; i < n; i++) {
            double nf = Math.sqrt(normFi[i]);
            maxF = Math.max(maxF, nf);
            alpha = Math.max(alpha, (1 + Math.abs(p.c[i])) / (1 + nf));
        }
        alpha *= total;
        for (Block b : p.blocks) {
            maxF = Math.max(maxF, b.constant.frobenius());
        }
        for (Row r : p.rows) {
            maxF = Math.max(maxF, Math.abs(r.constant));
        }
        double beta = (1 + maxF) / Math.sqrt(total);
        double s0 = 10 * beta;
        double y0 = 10 * Math.max(alpha, 1e-3);
        for (int k = 0; k < nb; k++) {
            int d = dims[k];
            double yk = ldw[k] > 0 ? ldw[k] / s0 : y0;
            for (int i = 0; i < d; i++) {
                sMat[k][i * d + i] = s0;
                yMat[k][i * d + i] = yk;
            }
        }
        for (int r = 0; r < m; r++) {
            s[r] = s0;
            y[r] = y0;
        }
    }

    // ------------------------------------------------------------------ residuals and objectives

    /** R_p = F(x) − S, r_row = a0 + aᵀx − s, r_d = c − A*(Y) − Eᵀν, r_e = h − E x. */
    private void residuals() {
        for (int k = 0; k < nb; k++) {
            Block b = p.blocks.get(k);
            double[] rp = rpBlock[k];
            java.util.Arrays.fill(rp, 0);
            addSparse(rp, b.dim, b.constant, 1);
            for (int j = 0; j < b.vars.length; j++) {
                double xv = x[b.vars[j]];
                if (xv != 0) {
                    addSparse(rp, b.dim, b.coefs[j], xv);
                }
            }
            for (int i = 0; i < rp.length; i++) {
                rp[i] -= sMat[k][i];
            }
        }
        for (int r = 0; r < m; r++) {
            rpRow[r] = p.rows.get(r).eval(x) - s[r];
        }
        double[] aty = adjoint(yMat, y, nu);
        for (int i = 0; i < n; i++) {
            rd[i] = p.c[i] - aty[i];
        }
        for (int e = 0; e < me; e++) {
            re[e] = -p.equalities.get(e).eval(x);
        }
    }

    /** A*(Y) + (rows)ᵀ y + Eᵀ ν. */
    private double[] adjoint(double[][] yb, double[] yr, double[] ne) {
        double[] out = new double[n];
        for (int k = 0; k < nb; k++) {
            Block b = p.blocks.get(k);
            for (int j = 0; j < b.vars.length; j++) {
                out[b.vars[j]] += innerSparse(b.coefs[j], yb[k], b.dim);
            }
        }
        for (int r = 0; r < m; r++) {
            Row row = p.rows.get(r);
            for (int j = 0; j < row.idx.length; j++) {
                out[row.idx[j]] += row.val[j] * yr[r];
            }
        }
        if (ne != null) {
            for (int e = 0; e < me; e++) {
                Row row = p.equalities.get(e);
                for (int j = 0; j < row.idx.length; j++) {
                    out[row.idx[j]] += row.val[j] * ne[e];
                }
            }
        }
        return out;
    }

    private double primalResidual(double normB, double normH) {
        double a = 0;
        for (int k = 0; k < nb; k++) {
            for (double v : rpBlock[k]) {
                a += v * v;
            }
        }
        for (double v : rpRow) {
            a += v * v;
        }
        double r1 = Math.sqrt(a) / (1 + normB);
        double r2 = me > 0 ? norm(re) / (1 + normH) : 0;
        return Math.max(r1, r2);
    }

    private double primalObjective() {
        double v = p.c0;
        for (int i = 0; i < n; i++) {
            v += p.c[i] * x[i];
        }
        for (int k = 0; k < nb; k++) {
            if (ldw[k] > 0) {
                v -= ldw[k] * logDet(sMat[k], dims[k]);
            }
        }
        return v;
    }

    /** −⟨F₀, Y⟩ − Σ a0 y + hᵀν (the part of the dual objective that is linear in the duals). */
    private double dualLinearObjective() {
        double v = 0;
        for (int k = 0; k < nb; k++) {
            Block b = p.blocks.get(k);
            v -= innerSparse(b.constant, yMat[k], b.dim);
        }
        for (int r = 0; r < m; r++) {
            v -= p.rows.get(r).constant * y[r];
        }
        for (int e = 0; e < me; e++) {
            v -= p.equalities.get(e).constant * nu[e];
        }
        return v;
    }

    private double dualObjective() {
        double v = p.c0 + dualLinearObjective();
        for (int k = 0; k < nb; k++) {
            if (ldw[k] > 0) {
                double w = ldw[k];
                v += w * logDet(yMat[k], dims[k]) + w * dims[k] * (1 - Math.log(w));
            }
        }
        return v;
    }

    private Status certificate(double pres, double dres) {
        double tol = opt.infeasibility();
        if (pres > opt.feasibility()) {
            double b = dualLinearObjective();
            if (b > 0) {
                double[] aty = adjoint(yMat, y, nu);
                double ny = 0;
                for (int k = 0; k < nb; k++) {
                    ny += sq(frob(yMat[k]));
                }
                ny = Math.sqrt(ny + sq(norm(y)) + sq(norm(nu)));
                // a ray: A*(Y) ≈ 0 relative both to its objective and to its size
                if (norm(aty) <= tol * b && norm(aty) <= Math.sqrt(tol) * ny) {
                    return Status.INFEASIBLE;
                }
            }
        }
        if (dres > opt.feasibility()) {
            double cx = 0;
            for (int i = 0; i < n; i++) {
                cx += p.c[i] * x[i];
            }
            if (cx < 0) {
                double a = 0;   // ‖F_lin(x) − S‖ = ‖R_p − F₀‖ and ‖E x‖
                for (int k = 0; k < nb; k++) {
                    Block b = p.blocks.get(k);
                    double[] t = rpBlock[k].clone();
                    addSparse(t, b.dim, b.constant, -1);
                    for (double v : t) {
                        a += v * v;
                    }
                }
                for (int r = 0; r < m; r++) {
                    a += sq(rpRow[r] - p.rows.get(r).constant);
                }
                for (int e = 0; e < me; e++) {
                    a += sq(re[e] + p.equalities.get(e).constant);
                }
                if (Math.sqrt(a) <= tol * -cx && norm(x) > 1 / Math.sqrt(tol)) {
                    return Status.UNBOUNDED;
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ Newton system

    private boolean factorSlacks() {
        for (int k = 0; k < nb; k++) {
            int d = dims[k];
            System.arraycopy(sMat[k], 0, sChol[k], 0, d * d);
            if (!Dense.cholesky(sChol[k], d)) {
                return false;
            }
            Dense.inverseFromCholesky(sChol[k], d, sInv[k]);
            System.arraycopy(yMat[k], 0, yChol[k], 0, d * d);
            if (!Dense.cholesky(yChol[k], d)) {
                return false;
            }
        }
        return true;
    }

    private static final class Newton {
        double reg;             // diagonal shift used in the factorization, if any
        DMatrixRMaj eMinvEt;    // E M^{-1} E^T (me × me), factored in eSolver
        LinearSolverDense<DMatrixRMaj> eSolver;
        DMatrixRMaj minvEt;     // M^{-1} E^T (n × me)
    }

    /**
     * How block k's part of the Schur complement is formed (CSDP's choice between dense and sparse
     * constraint matrices). With G_j = S⁻¹ A_j Y, M_ij += tr(A_i G_j) = Σ_e Σ_f v_e v_f S⁻¹[c_e, r_f] Y[c_f, r_e].
     * DIRECT evaluates the double sum per pair (cheap when every A_i has few nonzeros, e.g. a PSD
     * variable's own block: 1–4 entries); otherwise G_j is evaluated only on the union support of
     * the A_i (e.g. the 4×4 F-part of a traceInverse LMI, touched by every R entry).
     */
    private static final class BlockPlan {
        static final int DIRECT = 0;
        static final int SUPPORT = 1;
        static final int DENSE = 2;
        int kind;
        int[][] gi;         // per block variable: where its coefficients meet G_j (flat index into g)
        double[][] gv;      // ... and the coefficients
        int[] ur;           // SUPPORT: the union support, one (r, c) per symmetric pair, r ≤ c
        int[] uc;
        double[] off;       // 1 for r < c (both G[c, r] and G[r, c] count), 0 on the diagonal
        double[] g;         // work: G_j flat (DENSE, G[c, r] at c·d + r) or G[c,r] + G[r,c] on the support
        double[][] gRows;   // work: G_j by rows (DENSE)
        double[][] yRows;   // Y_k by rows (DENSE)
        int[] pos;          // Schur positions of the block's variables
    }

    private BlockPlan[] plans;

    /**
     * Chooses the cheapest way to form the block's part. The weights are measured costs per inner
     * step: the per-pair double sum and the support evaluation are scalar loops with indirect loads,
     * the dense G_j = Σ_f v_f S⁻¹[:, r_f] Y[c_f, :] is a row axpy the JIT vectorizes.
     */
    private BlockPlan plan(Block b) {
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
            pl.kind = BlockPlan.DIRECT;
        } else if (costSupport < costDense) {
            pl.kind = BlockPlan.SUPPORT;
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
            pl.kind = BlockPlan.DENSE;
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

    /** Schur complement M_ij = Σ_k tr(F_ki S_k⁻¹ F_kj Y_k) + Σ_r a_ri a_rj y_r/s_r, factored. */
    private Newton newtonSystem() {
        if (schur == null) {
            schur = SchurComplement.of(p);
            if (DEBUG) System.err.printf("schur n %d border %d flops %.3g (dense %.3g)%n", n, n - schur.border, schur.factorFlops(), (double) n * n * n / 3);
            plans = new BlockPlan[nb];
            for (int k = 0; k < nb; k++) {
                plans[k] = plan(p.blocks.get(k));
                plans[k].pos = new int[p.blocks.get(k).vars.length];
                for (int j = 0; j < plans[k].pos.length; j++) {
                    plans[k].pos[j] = schur.pos[p.blocks.get(k).vars[j]];
                }
                if (DEBUG) System.err.printf("block %d dim %d vars %d kind %d support %d%n", k, dims[k], p.blocks.get(k).vars.length, plans[k].kind, plans[k].g == null ? -1 : plans[k].g.length);
            }
        }
        SchurComplement sc = schur;
        sc.clear();
        for (int k = 0; k < nb; k++) {
            Block b = p.blocks.get(k);
            BlockPlan pl = plans[k];
            int d = b.dim;
            double[] si = sInv[k];
            double[] yk = yMat[k];
            int nv = b.vars.length;
            if (pl.kind == BlockPlan.DENSE) {
                double[][] yRows = pl.yRows;
                for (int r = 0; r < d; r++) {
                    System.arraycopy(yk, r * d, yRows[r], 0, d);
                }
                for (int j = 0; j < nv; j++) {
                    denseG(b.coefs[j], si, yRows, d, pl.gRows);
                    for (int r = 0; r < d; r++) {
                        System.arraycopy(pl.gRows[r], 0, pl.g, r * d, d);
                    }
                    pairs(b, j, pl, sc);
                }
            } else if (pl.kind == BlockPlan.SUPPORT) {
                for (int j = 0; j < nv; j++) {
                    supportG(b.coefs[j], si, yk, d, pl);
                    pairs(b, j, pl, sc);
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
        for (int r = 0; r < m; r++) {
            Row row = p.rows.get(r);
            sc.addOuter(row.idx, row.val, y[r] / s[r]);
        }
        double maxDiag = sc.maxDiagonal();
        Newton nw = new Newton();
        double reg = 0;
        boolean ok = false;
        for (int attempt = 0; attempt < 8; attempt++) {
            if (sc.factor(reg * Math.max(maxDiag, 1e-300))) {
                if (DEBUG && reg > 0) System.err.println("  reg " + reg);
                ok = true;
                break;
            }
            reg = reg == 0 ? 1e-15 : reg * 100;
        }
        if (!ok) {
            return null;
        }
        nw.reg = reg;
        if (me > 0) {
            DMatrixRMaj et = new DMatrixRMaj(n, me);
            for (int e = 0; e < me; e++) {
                Row row = p.equalities.get(e);
                for (int j = 0; j < row.idx.length; j++) {
                    et.add(row.idx[j], e, row.val[j]);
                }
            }
            nw.minvEt = new DMatrixRMaj(n, me);
            for (int e = 0; e < me; e++) {
                double[] col = new double[n];
                for (int i = 0; i < n; i++) {
                    col[i] = et.get(i, e);
                }
                double[] sol = solveM(nw, col);
                for (int i = 0; i < n; i++) {
                    nw.minvEt.set(i, e, sol[i]);
                }
            }
            DMatrixRMaj emet = new DMatrixRMaj(me, me);
            for (int e = 0; e < me; e++) {
                Row row = p.equalities.get(e);
                for (int f = 0; f < me; f++) {
                    double sum = 0;
                    for (int j = 0; j < row.idx.length; j++) {
                        sum += row.val[j] * nw.minvEt.get(row.idx[j], f);
                    }
                    emet.set(e, f, sum);
                }
            }
            nw.eMinvEt = emet;
            nw.eSolver = LinearSolverFactory_DDRM.lu(me);
            if (!nw.eSolver.setA(emet.copy())) {
                return null;
            }
        }
        return nw;
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

    /** y[0..len) += a·x[0..len). */
    static void axpy(double a, double[] x, double[] y, int len) {
        for (int r = 0; r < len; r++) {
            y[r] += a * x[r];
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
    private static void pairs(Block b, int j, BlockPlan pl, SchurComplement sc) {
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

    /**
     * M⁻¹ b with iterative refinement against the unshifted M: the residual b − M Δx is exactly
     * what the dual residual inherits, so a shift needed to factor a nearly singular M (the R
     * directions a rank-one channel cannot see, RS-A) must not leak into the duals.
     */
    private double[] solveM(Newton nw, double[] b) {
        double[] x0 = new double[n];
        schur.solve(b, x0);
        int steps = nw.reg > 0 ? 20 : 2;
        double prev = Double.POSITIVE_INFINITY;
        double[] best = x0.clone();
        double[] r = new double[n];
        double[] cv = new double[n];
        for (int it = 0; it < steps; it++) {
            schur.multiply(x0, r);
            double rn = 0;
            for (int i = 0; i < n; i++) {
                double v = b[i] - r[i];
                r[i] = v;
                rn += v * v;
            }
            if (!(rn < 0.25 * prev) || rn == 0) {
                if (!(rn < prev)) {
                    x0 = best;
                }
                break;
            }
            prev = rn;
            best = x0.clone();
            schur.solve(r, cv);
            for (int i = 0; i < n; i++) {
                x0[i] += cv[i];
            }
        }
        return x0;
    }

    private static final class Direction {
        double[] dx;
        double[] dnu;
        double[][] dS;
        double[][] dY;
        double[] ds;
        double[] dy;
    }

    /**
     * The HKM direction for the target S Y = target·I (ordinary cones) or w I (log-det cones),
     * with Mehrotra's second-order term when {@code pred} is given.
     */
    private Direction direction(Newton nw, double target, Direction pred) {
        // K_k = S⁻¹T − Y − S⁻¹ ΔSa ΔYa ; rhs g = A*(K − S⁻¹ R_p Y) − r_d
        double[][] kMat = new double[nb][];
        double[] g = new double[n];
        for (int k = 0; k < nb; k++) {
            int d = dims[k];
            double t = ldw[k] > 0 ? ldw[k] : target;
            double[] km = new double[d * d];
            double[] si = sInv[k];
            for (int i = 0; i < d * d; i++) {
                km[i] = t * si[i] - yMat[k][i];
            }
            if (pred != null) {
                double[] prod = Dense.mult(pred.dS[k], pred.dY[k], d);
                double[] corr = Dense.mult(si, prod, d);
                for (int i = 0; i < d * d; i++) {
                    km[i] -= corr[i];
                }
            }
            kMat[k] = km;
            double[] rhs = km.clone();
            double[] t1 = Dense.mult(si, rpBlock[k], d);
            double[] t2 = Dense.mult(t1, yMat[k], d);
            for (int i = 0; i < d * d; i++) {
                rhs[i] -= t2[i];
            }
            Block b = p.blocks.get(k);
            for (int j = 0; j < b.vars.length; j++) {
                g[b.vars[j]] += innerSparseT(b.coefs[j], rhs, d);
            }
        }
        double[] kRow = new double[m];
        for (int r = 0; r < m; r++) {
            double kr = target / s[r] - y[r];
            if (pred != null) {
                kr -= pred.ds[r] * pred.dy[r] / s[r];
            }
            kRow[r] = kr;
            double rr = kr - y[r] / s[r] * rpRow[r];
            Row row = p.rows.get(r);
            for (int j = 0; j < row.idx.length; j++) {
                g[row.idx[j]] += row.val[j] * rr;
            }
        }
        for (int i = 0; i < n; i++) {
            g[i] -= rd[i];
        }
        // M Δx − EᵀΔν = g, E Δx = r_e
        double[] dx = solveM(nw, g);
        double[] dnu = new double[me];
        if (me > 0) {
            DMatrixRMaj rhs = new DMatrixRMaj(me, 1);
            for (int e = 0; e < me; e++) {
                rhs.data[e] = re[e] - p.equalities.get(e).evalLinear(dx);
            }
            DMatrixRMaj dn = new DMatrixRMaj(me, 1);
            nw.eSolver.solve(rhs, dn);
            dnu = dn.data;
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int e = 0; e < me; e++) {
                    sum += nw.minvEt.get(i, e) * dnu[e];
                }
                dx[i] += sum;
            }
        }
        Direction dir = new Direction();
        dir.dx = dx;
        dir.dnu = dnu;
        dir.dS = new double[nb][];
        dir.dY = new double[nb][];
        for (int k = 0; k < nb; k++) {
            Block b = p.blocks.get(k);
            int d = b.dim;
            double[] dS = rpBlock[k].clone();
            for (int j = 0; j < b.vars.length; j++) {
                double v = dx[b.vars[j]];
                if (v != 0) {
                    addSparse(dS, d, b.coefs[j], v);
                }
            }
            double[] t1 = Dense.mult(sInv[k], dS, d);
            double[] t2 = Dense.mult(t1, yMat[k], d);
            double[] dY = new double[d * d];
            for (int i = 0; i < d * d; i++) {
                dY[i] = kMat[k][i] - t2[i];
            }
            Dense.symmetrize(dY, d);
            dir.dS[k] = dS;
            dir.dY[k] = dY;
        }
        dir.ds = new double[m];
        dir.dy = new double[m];
        for (int r = 0; r < m; r++) {
            double dsr = p.rows.get(r).evalLinear(dx) + rpRow[r];
            dir.ds[r] = dsr;
            dir.dy[r] = kRow[r] - y[r] / s[r] * dsr;
        }
        return dir;
    }

    // ------------------------------------------------------------------ step lengths and update

    private double primalStep(Direction d) {
        double a = Double.POSITIVE_INFINITY;
        for (int k = 0; k < nb; k++) {
            a = Math.min(a, maxStep(sChol[k], d.dS[k], dims[k]));
        }
        for (int r = 0; r < m; r++) {
            if (d.ds[r] < 0) {
                a = Math.min(a, -s[r] / d.ds[r]);
            }
        }
        return a;
    }

    private double dualStep(Direction d) {
        double a = Double.POSITIVE_INFINITY;
        for (int k = 0; k < nb; k++) {
            a = Math.min(a, maxStep(yChol[k], d.dY[k], dims[k]));
        }
        for (int r = 0; r < m; r++) {
            if (d.dy[r] < 0) {
                a = Math.min(a, -y[r] / d.dy[r]);
            }
        }
        return a;
    }

    private final java.util.Map<Integer, EigenDecomposition_F64<DMatrixRMaj>> eigs = new java.util.HashMap<>();

    /** Largest α with L Lᵀ + α Δ ⪰ 0: −1/λ_min(L⁻¹ Δ L⁻ᵀ) (∞ if Δ ⪰ 0 in that metric). */
    private double maxStep(double[] chol, double[] delta, int d) {
        double[] b = Dense.congruenceInverse(chol, delta, d);
        double lmin = d == 1 ? b[0] : Dense.minEigenvalue(eigs.computeIfAbsent(d, k -> DecompositionFactory_DDRM.eig(k, false, true)), b, d);
        return lmin < 0 ? -1 / lmin : Double.POSITIVE_INFINITY;
    }

    /**
     * Takes the step, shortening it (×0.8) if rounding made a slack or dual block lose
     * definiteness (possible when a block has eigenvalues ~1e-12 of its norm near the end).
     */
    private boolean safeUpdate(Direction d, double ap, double ad) {
        Snapshot before = snapshot();
        for (int tries = 0; tries < 30; tries++) {
            update(d, ap, ad);
            if (allDefinite()) {
                return true;
            }
            restore(before);
            ap *= 0.8;
            ad *= 0.8;
        }
        return false;
    }

    private boolean allDefinite() {
        for (int k = 0; k < nb; k++) {
            int dd = dims[k];
            double[] t = sMat[k].clone();
            if (!Dense.cholesky(t, dd)) {
                return false;
            }
            t = yMat[k].clone();
            if (!Dense.cholesky(t, dd)) {
                return false;
            }
        }
        for (int r = 0; r < m; r++) {
            if (!(s[r] > 0 && y[r] > 0)) {
                return false;
            }
        }
        return true;
    }

    private static final class Snapshot {
        double[] x;
        double[][] sm;
        double[][] ym;
        double[] s;
        double[] y;
        double[] nu;
        double merit = Double.POSITIVE_INFINITY;
        double pobj;
        double dobj;
        double gap;
        double relGap;
        double pres;
        double dres;
        int iteration;
    }

    private Snapshot snapshot() {
        Snapshot sn = new Snapshot();
        sn.x = x.clone();
        sn.sm = new double[nb][];
        sn.ym = new double[nb][];
        for (int k = 0; k < nb; k++) {
            sn.sm[k] = sMat[k].clone();
            sn.ym[k] = yMat[k].clone();
        }
        sn.s = s.clone();
        sn.y = y.clone();
        sn.nu = nu.clone();
        return sn;
    }

    private void restore(Snapshot sn) {
        System.arraycopy(sn.x, 0, x, 0, n);
        for (int k = 0; k < nb; k++) {
            System.arraycopy(sn.sm[k], 0, sMat[k], 0, sMat[k].length);
            System.arraycopy(sn.ym[k], 0, yMat[k], 0, yMat[k].length);
        }
        System.arraycopy(sn.s, 0, s, 0, m);
        System.arraycopy(sn.y, 0, y, 0, m);
        System.arraycopy(sn.nu, 0, nu, 0, me);
    }

    private void update(Direction d, double ap, double ad) {
        for (int i = 0; i < n; i++) {
            x[i] += ap * d.dx[i];
        }
        for (int k = 0; k < nb; k++) {
            double[] sk = sMat[k];
            double[] yk = yMat[k];
            for (int i = 0; i < sk.length; i++) {
                sk[i] += ap * d.dS[k][i];
                yk[i] += ad * d.dY[k][i];
            }
            Dense.symmetrize(sk, dims[k]);
            Dense.symmetrize(yk, dims[k]);
        }
        for (int r = 0; r < m; r++) {
            s[r] += ap * d.ds[r];
            y[r] += ad * d.dy[r];
        }
        for (int e = 0; e < me; e++) {
            nu[e] += ad * d.dnu[e];
        }
    }

    // ------------------------------------------------------------------ small helpers

    static double logDet(double[] a, int d) {
        double[] c = a.clone();
        if (!Dense.cholesky(c, d)) {
            return Double.NEGATIVE_INFINITY;
        }
        double v = 0;
        for (int i = 0; i < d; i++) {
            v += 2 * Math.log(c[i * d + i]);
        }
        return v;
    }

    private static void addSparse(double[] dst, int d, Sparse a, double f) {
        for (int e = 0; e < a.nnz(); e++) {
            dst[a.row[e] * d + a.col[e]] += f * a.val[e];
        }
    }

    /** ⟨A, Y⟩ = Σ A[a,c] Y[a,c] for symmetric sparse A. */
    private static double innerSparse(Sparse a, double[] yk, int d) {
        double sum = 0;
        for (int e = 0; e < a.nnz(); e++) {
            sum += a.val[e] * yk[a.row[e] * d + a.col[e]];
        }
        return sum;
    }

    /** tr(A B) = Σ A[a,c] B[c,a] for symmetric sparse A and any B. */
    private static double innerSparseT(Sparse a, double[] bm, int d) {
        double sum = 0;
        for (int e = 0; e < a.nnz(); e++) {
            sum += a.val[e] * bm[a.col[e] * d + a.row[e]];
        }
        return sum;
    }

    private static double dotShifted(double[] s0, double[] ds, double ap, double[] y0, double[] dy, double ad) {
        double sum = 0;
        for (int i = 0; i < s0.length; i++) {
            sum += (s0[i] + ap * ds[i]) * (y0[i] + ad * dy[i]);
        }
        return sum;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double frob(double[] a) {
        return norm(a);
    }

    private static double sq(double v) {
        return v * v;
    }

    private static void scale(double[] a, double f) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= f;
        }
    }

    /** Dense row-major kernels for the (small) cone blocks. */
    static final class Dense {
        private Dense() {
        }

        /** In-place lower Cholesky (upper part zeroed); false if not positive definite. */
        static boolean cholesky(double[] a, int d) {
            for (int j = 0; j < d; j++) {
                double diag = a[j * d + j];
                for (int k = 0; k < j; k++) {
                    diag -= a[j * d + k] * a[j * d + k];
                }
                if (!(diag > 0)) {
                    return false;
                }
                double ljj = Math.sqrt(diag);
                a[j * d + j] = ljj;
                for (int i = j + 1; i < d; i++) {
                    double v = a[i * d + j];
                    for (int k = 0; k < j; k++) {
                        v -= a[i * d + k] * a[j * d + k];
                    }
                    a[i * d + j] = v / ljj;
                }
                for (int i = 0; i < j; i++) {
                    a[i * d + j] = 0;
                }
            }
            return true;
        }

        /** (L Lᵀ)⁻¹ into out. */
        static void inverseFromCholesky(double[] l, int d, double[] out) {
            // Linv = L⁻¹ (lower), then out = Linvᵀ Linv
            double[] li = new double[d * d];
            for (int j = 0; j < d; j++) {
                li[j * d + j] = 1 / l[j * d + j];
                for (int i = j + 1; i < d; i++) {
                    double v = 0;
                    for (int k = j; k < i; k++) {
                        v -= l[i * d + k] * li[k * d + j];
                    }
                    li[i * d + j] = v / l[i * d + i];
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    double v = 0;
                    for (int k = j; k < d; k++) {
                        v += li[k * d + i] * li[k * d + j];
                    }
                    out[i * d + j] = v;
                    out[j * d + i] = v;
                }
            }
        }

        /** L⁻¹ Δ L⁻ᵀ (symmetric). */
        static double[] congruenceInverse(double[] l, double[] delta, int d) {
            double[] t = delta.clone();
            // columns: solve L T = Δ
            for (int c = 0; c < d; c++) {
                for (int i = 0; i < d; i++) {
                    double v = t[i * d + c];
                    for (int k = 0; k < i; k++) {
                        v -= l[i * d + k] * t[k * d + c];
                    }
                    t[i * d + c] = v / l[i * d + i];
                }
            }
            // rows: solve L Bᵀ = Tᵀ, i.e. B = T L⁻ᵀ
            double[] b = new double[d * d];
            for (int r = 0; r < d; r++) {
                for (int i = 0; i < d; i++) {
                    double v = t[r * d + i];
                    for (int k = 0; k < i; k++) {
                        v -= l[i * d + k] * b[r * d + k];
                    }
                    b[r * d + i] = v / l[i * d + i];
                }
            }
            symmetrize(b, d);
            return b;
        }

        static double minEigenvalue(EigenDecomposition_F64<DMatrixRMaj> eig, double[] a, int d) {
            if (!eig.decompose(DMatrixRMaj.wrap(d, d, a))) {
                return Double.NEGATIVE_INFINITY;   // no step rather than a blind one
            }
            double mn = Double.POSITIVE_INFINITY;
            for (int i = 0; i < d; i++) {
                mn = Math.min(mn, eig.getEigenvalue(i).real);
            }
            return mn;
        }

        /**
         * A B (d×d row-major). B is split into row arrays so that the inner axpy indexes both
         * operands alike, which the JIT vectorizes (see InteriorPointSolver.denseG).
         */
        static double[] mult(double[] a, double[] b, int d) {
            double[][] br = new double[d][];
            for (int k = 0; k < d; k++) {
                br[k] = java.util.Arrays.copyOfRange(b, k * d, k * d + d);
            }
            double[] crow = new double[d];
            double[] c = new double[d * d];
            for (int i = 0; i < d; i++) {
                java.util.Arrays.fill(crow, 0);
                for (int k = 0; k < d; k++) {
                    double aik = a[i * d + k];
                    if (aik != 0) {
                        axpy(aik, br[k], crow, d);
                    }
                }
                System.arraycopy(crow, 0, c, i * d, d);
            }
            return c;
        }

        static void symmetrize(double[] a, int d) {
            for (int i = 0; i < d; i++) {
                for (int j = i + 1; j < d; j++) {
                    double v = 0.5 * (a[i * d + j] + a[j * d + i]);
                    a[i * d + j] = v;
                    a[j * d + i] = v;
                }
            }
        }
    }
}
