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
 */
final class InteriorPointSolver {
    private static final boolean DEBUG = Boolean.getBoolean("cosense.optim.debug");

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
        DMatrixRMaj m;          // the Schur complement itself (unregularized)
        double reg;             // diagonal shift used in the factorization, if any
        LinearSolverDense<DMatrixRMaj> mSolver;
        DMatrixRMaj eMinvEt;    // E M^{-1} E^T (me × me), factored in eSolver
        LinearSolverDense<DMatrixRMaj> eSolver;
        DMatrixRMaj minvEt;     // M^{-1} E^T (n × me)
    }

    /** Schur complement M_ij = Σ_k tr(F_ki S_k⁻¹ F_kj Y_k) + Σ_r a_ri a_rj y_r/s_r, factored. */
    private Newton newtonSystem() {
        DMatrixRMaj mm = new DMatrixRMaj(n, n);
        double[] md = mm.data;
        for (int k = 0; k < nb; k++) {
            Block b = p.blocks.get(k);
            int d = b.dim;
            double[] si = sInv[k];
            double[] yk = yMat[k];
            double[] g = new double[d * d];
            int nv = b.vars.length;
            for (int j = 0; j < nv; j++) {
                // G = S⁻¹ A_j Y = Σ_(a,c,v) v · S⁻¹[:,a] Y[c,:]
                java.util.Arrays.fill(g, 0);
                Sparse aj = b.coefs[j];
                for (int e = 0; e < aj.nnz(); e++) {
                    int a = aj.row[e];
                    int cc = aj.col[e];
                    double v = aj.val[e];
                    int yo = cc * d;
                    for (int r = 0; r < d; r++) {
                        double f = v * si[r * d + a];
                        if (f != 0) {
                            int go = r * d;
                            for (int q = 0; q < d; q++) {
                                g[go + q] += f * yk[yo + q];
                            }
                        }
                    }
                }
                int vj = b.vars[j];
                for (int i = 0; i <= j; i++) {
                    Sparse ai = b.coefs[i];
                    double sum = 0;   // tr(A_i G) = Σ A_i[a,c] G[c,a]
                    for (int e = 0; e < ai.nnz(); e++) {
                        sum += ai.val[e] * g[ai.col[e] * d + ai.row[e]];
                    }
                    int vi = b.vars[i];
                    md[vi * n + vj] += sum;
                    if (vi != vj) {
                        md[vj * n + vi] += sum;
                    }
                }
            }
        }
        for (int r = 0; r < m; r++) {
            Row row = p.rows.get(r);
            double w = y[r] / s[r];
            for (int a = 0; a < row.idx.length; a++) {
                double wa = w * row.val[a];
                int ia = row.idx[a] * n;
                for (int c = 0; c < row.idx.length; c++) {
                    md[ia + row.idx[c]] += wa * row.val[c];
                }
            }
        }
        // symmetrize rounding and regularize variables that no cone touches
        double maxDiag = 0;
        for (int i = 0; i < n; i++) {
            maxDiag = Math.max(maxDiag, md[i * n + i]);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = 0.5 * (md[i * n + j] + md[j * n + i]);
                md[i * n + j] = v;
                md[j * n + i] = v;
            }
        }
        Newton nw = new Newton();
        DMatrixRMaj work = mm.copy();
        double reg = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            LinearSolverDense<DMatrixRMaj> sol = LinearSolverFactory_DDRM.chol(n);
            if (reg > 0) {
                work.setTo(mm);
                for (int i = 0; i < n; i++) {
                    work.data[i * n + i] += reg * Math.max(maxDiag, 1e-300);
                }
            }
            if (sol.setA(sol.modifiesA() ? work.copy() : work) && cholOk(sol, n)) {
                if (DEBUG && reg > 0) System.err.println("  reg " + reg);
                nw.mSolver = sol;
                break;
            }
            reg = reg == 0 ? 1e-15 : reg * 100;
        }
        if (nw.mSolver == null) {
            return null;
        }
        nw.m = mm;
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
     * M⁻¹ b with iterative refinement against the unshifted M: the residual b − M Δx is exactly
     * what the dual residual inherits, so a shift needed to factor a nearly singular M (the R
     * directions a rank-one channel cannot see, RS-A) must not leak into the duals.
     */
    private double[] solveM(Newton nw, double[] b) {
        DMatrixRMaj bv = DMatrixRMaj.wrap(n, 1, b.clone());
        DMatrixRMaj xv = new DMatrixRMaj(n, 1);
        nw.mSolver.solve(bv, xv);
        double[] x0 = xv.data;
        int steps = nw.reg > 0 ? 20 : 2;
        double prev = Double.POSITIVE_INFINITY;
        double[] best = x0.clone();
        double[] md = nw.m.data;
        for (int it = 0; it < steps; it++) {
            double[] r = new double[n];
            double rn = 0;
            for (int i = 0; i < n; i++) {
                double v = b[i];
                int o = i * n;
                for (int j = 0; j < n; j++) {
                    v -= md[o + j] * x0[j];
                }
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
            DMatrixRMaj cv = new DMatrixRMaj(n, 1);
            nw.mSolver.solve(DMatrixRMaj.wrap(n, 1, r), cv);
            for (int i = 0; i < n; i++) {
                x0[i] += cv.data[i];
            }
        }
        return x0;
    }

    /**
     * EJML's Cholesky reports a non-positive pivot through setA. Its quality() (a product of
     * n pivot ratios) underflows for n in the hundreds, so it must not be used as a test; probe
     * instead that the factor solves a vector to finite numbers.
     */
    private static boolean cholOk(LinearSolverDense<DMatrixRMaj> sol, int n) {
        if (n == 0) {
            return true;
        }
        DMatrixRMaj b = new DMatrixRMaj(n, 1);
        b.fill(1);
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        sol.solve(b, x);
        for (double v : x.data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
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

    /** Largest α with L Lᵀ + α Δ ⪰ 0: −1/λ_min(L⁻¹ Δ L⁻ᵀ) (∞ if Δ ⪰ 0 in that metric). */
    private static double maxStep(double[] chol, double[] delta, int d) {
        double[] b = Dense.congruenceInverse(chol, delta, d);
        double lmin = Dense.minEigenvalue(b, d);
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

    private static double logDet(double[] a, int d) {
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

        static double minEigenvalue(double[] a, int d) {
            if (d == 1) {
                return a[0];
            }
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
            if (!eig.decompose(DMatrixRMaj.wrap(d, d, a.clone()))) {
                return Double.NEGATIVE_INFINITY;   // no step rather than a blind one
            }
            double mn = Double.POSITIVE_INFINITY;
            for (int i = 0; i < d; i++) {
                mn = Math.min(mn, eig.getEigenvalue(i).real);
            }
            return mn;
        }

        static double[] mult(double[] a, double[] b, int d) {
            double[] c = new double[d * d];
            for (int i = 0; i < d; i++) {
                for (int k = 0; k < d; k++) {
                    double aik = a[i * d + k];
                    if (aik == 0) {
                        continue;
                    }
                    int bo = k * d;
                    int co = i * d;
                    for (int j = 0; j < d; j++) {
                        c[co + j] += aik * b[bo + j];
                    }
                }
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
