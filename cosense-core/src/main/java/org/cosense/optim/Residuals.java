package org.cosense.optim;

import static org.cosense.optim.DenseKernels.addSparse;
import static org.cosense.optim.DenseKernels.innerSparse;
import static org.cosense.optim.DenseKernels.norm;
import static org.cosense.optim.DenseKernels.sq;

import org.cosense.optim.LmiProblem.Block;
import org.cosense.optim.LmiProblem.Row;

/**
 * The infeasibilities of an iterate, the right-hand sides the Newton step corrects:
 * R_p = F(x) − S per block, r_row = a0 + aᵀx − s, r_d = c − A*(Y) − Eᵀν, r_e = h − E x; and the
 * objectives whose difference is the duality gap.
 */
final class Residuals {
    private final LmiProblem p;
    final double[][] rpBlock;
    final double[] rpRow;
    final double[] rd;
    final double[] re;
    /** ‖F₀‖ over blocks and rows, ‖h‖ and ‖c‖: the scales of the relative residuals. */
    private final double normB;
    private final double normH;
    private final double normC;
    /** Per block: its complex form ({@link SolverOptions.HermitianBlocks#NATIVE}), else null. */
    private final HermitianBlock[] hermitian;

    Residuals(LmiProblem p, HermitianBlock[] hermitian) {
        this.p = p;
        this.hermitian = hermitian;
        int nb = p.blocks.size();
        rpBlock = new double[nb][];
        for (int k = 0; k < nb; k++) {
            int d = p.blocks.get(k).dim;
            rpBlock[k] = new double[d * d];
        }
        rpRow = new double[p.rows.size()];
        rd = new double[p.n];
        re = new double[p.equalities.size()];
        normC = norm(p.c);
        double b = 0;
        for (Block blk : p.blocks) {
            b += sq(blk.constant.frobenius());
        }
        for (Row r : p.rows) {
            b += sq(r.constant);
        }
        normB = Math.sqrt(b);
        double h = 0;
        for (Row e : p.equalities) {
            h += sq(e.constant);
        }
        normH = Math.sqrt(h);
    }

    /** Evaluates the residuals at {@code it}. */
    void evaluate(Iterate it) {
        for (int k = 0; k < rpBlock.length; k++) {
            Block b = p.blocks.get(k);
            double[] rp = rpBlock[k];
            if (hermitian[k] != null) {
                hermitian[k].primalResidual(it.x, b.vars, it.sMat[k], rp);
                continue;
            }
            java.util.Arrays.fill(rp, 0);
            addSparse(rp, b.dim, b.constant, 1);
            for (int j = 0; j < b.vars.length; j++) {
                double xv = it.x[b.vars[j]];
                if (xv != 0) {
                    addSparse(rp, b.dim, b.coefs[j], xv);
                }
            }
            for (int i = 0; i < rp.length; i++) {
                rp[i] -= it.sMat[k][i];
            }
        }
        for (int r = 0; r < rpRow.length; r++) {
            rpRow[r] = p.rows.get(r).eval(it.x) - it.s[r];
        }
        double[] aty = adjoint(p, it.yMat, it.y, it.nu);
        for (int i = 0; i < rd.length; i++) {
            rd[i] = p.c[i] - aty[i];
        }
        for (int e = 0; e < re.length; e++) {
            re[e] = -p.equalities.get(e).eval(it.x);
        }
    }

    /** ‖(R_p, r_row)‖ / (1 + ‖F₀‖), max with ‖r_e‖ / (1 + ‖h‖). */
    double primal() {
        double a = 0;
        for (double[] rp : rpBlock) {
            for (double v : rp) {
                a += v * v;
            }
        }
        for (double v : rpRow) {
            a += v * v;
        }
        double r1 = Math.sqrt(a) / (1 + normB);
        double r2 = re.length > 0 ? norm(re) / (1 + normH) : 0;
        return Math.max(r1, r2);
    }

    /** ‖r_d‖ / (1 + ‖c‖). */
    double dual() {
        return norm(rd) / (1 + normC);
    }

    // ------------------------------------------------------------------ operators and objectives

    /** A*(Y) + (rows)ᵀ y + Eᵀ ν (ν may be null). */
    static double[] adjoint(LmiProblem p, double[][] yb, double[] yr, double[] ne) {
        double[] out = new double[p.n];
        for (int k = 0; k < p.blocks.size(); k++) {
            Block b = p.blocks.get(k);
            int j = 0;
            double[] t = new double[4];
            for (; j + 4 <= b.vars.length; j += 4) {
                DenseKernels.innerSparse4(b, j, yb[k], t);
                for (int q = 0; q < 4; q++) {
                    out[b.vars[j + q]] += t[q];
                }
            }
            for (; j < b.vars.length; j++) {
                out[b.vars[j]] += innerSparse(b.coefs[j], yb[k], b.dim);
            }
        }
        for (int r = 0; r < p.rows.size(); r++) {
            Row row = p.rows.get(r);
            for (int j = 0; j < row.idx.length; j++) {
                out[row.idx[j]] += row.val[j] * yr[r];
            }
        }
        if (ne != null) {
            for (int e = 0; e < p.equalities.size(); e++) {
                Row row = p.equalities.get(e);
                for (int j = 0; j < row.idx.length; j++) {
                    out[row.idx[j]] += row.val[j] * ne[e];
                }
            }
        }
        return out;
    }

    /** c0 + cᵀx − Σ w_k log det S_k. */
    static double primalObjective(LmiProblem p, Iterate it) {
        double v = p.c0;
        for (int i = 0; i < p.n; i++) {
            v += p.c[i] * it.x[i];
        }
        for (int k = 0; k < p.blocks.size(); k++) {
            Block b = p.blocks.get(k);
            if (b.logDetWeight > 0) {
                v -= b.logDetWeight * DenseKernels.logDet(it.sMat[k], b.dim);
            }
        }
        return v;
    }

    /** −⟨F₀, Y⟩ − Σ a0 y + hᵀν (the part of the dual objective that is linear in the duals). */
    static double dualLinearObjective(LmiProblem p, Iterate it) {
        double v = 0;
        for (int k = 0; k < p.blocks.size(); k++) {
            Block b = p.blocks.get(k);
            v -= innerSparse(b.constant, it.yMat[k], b.dim);
        }
        for (int r = 0; r < p.rows.size(); r++) {
            v -= p.rows.get(r).constant * it.y[r];
        }
        for (int e = 0; e < p.equalities.size(); e++) {
            v -= p.equalities.get(e).constant * it.nu[e];
        }
        return v;
    }

    /** c0 + the linear part + Σ (w log det Y_k + w d_k (1 − log w)) over log-det blocks (Toh 1999). */
    static double dualObjective(LmiProblem p, Iterate it) {
        double v = p.c0 + dualLinearObjective(p, it);
        for (int k = 0; k < p.blocks.size(); k++) {
            Block b = p.blocks.get(k);
            if (b.logDetWeight > 0) {
                double w = b.logDetWeight;
                v += w * DenseKernels.logDet(it.yMat[k], b.dim) + w * b.dim * (1 - Math.log(w));
            }
        }
        return v;
    }
}
