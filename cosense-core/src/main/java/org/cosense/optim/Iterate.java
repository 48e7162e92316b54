package org.cosense.optim;

import static org.cosense.optim.DenseKernels.sq;

import org.cosense.optim.LmiProblem.Block;
import org.cosense.optim.LmiProblem.Row;

/**
 * A primal–dual point (x, S, s; Y, y, ν) of the interior-point method: the variables x, the
 * block slacks S_k = F_k(x) (kept separately: the method is infeasible-start) and row slacks s,
 * and the dual Y_k ⪰ 0, y ≥ 0 and free equality multipliers ν. Blocks are d×d row-major.
 */
final class Iterate {
    final double[] x;
    final double[][] sMat;
    final double[][] yMat;
    final double[] s;
    final double[] y;
    final double[] nu;
    /** side of each block */
    private final int[] dims;

    private Iterate(int[] dims, double[] x, double[][] sMat, double[][] yMat, double[] s, double[] y, double[] nu) {
        this.dims = dims;
        this.x = x;
        this.sMat = sMat;
        this.yMat = yMat;
        this.s = s;
        this.y = y;
        this.nu = nu;
    }

    /** CSDP's start: x = 0, S = 10β I, Y = 10α I with α, β from the data norms (Y = w/S on log-det blocks). */
    static Iterate start(LmiProblem p) {
        int n = p.n;
        int nb = p.blocks.size();
        int m = p.rows.size();
        int[] dims = new int[nb];
        double[][] sMat = new double[nb][];
        double[][] yMat = new double[nb][];
        for (int k = 0; k < nb; k++) {
            int d = p.blocks.get(k).dim;
            dims[k] = d;
            sMat[k] = new double[d * d];
            yMat[k] = new double[d * d];
        }
        Iterate it = new Iterate(dims, new double[n], sMat, yMat, new double[m], new double[m], new double[p.equalities.size()]);

        int total = m;
        for (Block b : p.blocks) {
            total += b.dim;
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
            Block b = p.blocks.get(k);
            int d = b.dim;
            double yk = b.logDetWeight > 0 ? b.logDetWeight / s0 : y0;
            for (int i = 0; i < d; i++) {
                sMat[k][i * d + i] = s0;
                yMat[k][i * d + i] = yk;
            }
        }
        for (int r = 0; r < m; r++) {
            it.s[r] = s0;
            it.y[r] = y0;
        }
        return it;
    }

    /**
     * Whether this point can start {@code p}: the same numbers of variables, rows and equalities and the same block sizes,
     * and no log-det block (whose dual is tied to its slack, Y = w S⁻¹).
     */
    boolean fits(LmiProblem p) {
        if (p.n != x.length || p.rows.size() != s.length || p.equalities.size() != nu.length || p.blocks.size() != sMat.length) {
            return false;
        }
        for (int k = 0; k < sMat.length; k++) {
            if (p.blocks.get(k).dim != dims[k] || p.blocks.get(k).logDetWeight != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether block k's slack and dual are exact real embeddings [[A, −B], [B, A]] of complex matrices. */
    boolean isEmbedding(int k) {
        return isEmbedding(sMat[k], dims[k]) && isEmbedding(yMat[k], dims[k]);
    }

    private static boolean isEmbedding(double[] m, int d) {
        if (d % 2 != 0) {
            return false;
        }
        int n = d / 2;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                if (m[r * d + c] != m[(n + r) * d + n + c] || m[(n + r) * d + c] != -m[r * d + n + c]) {
                    return false;
                }
            }
        }
        return true;
    }

    Iterate copy() {
        double[][] sm = new double[sMat.length][];
        double[][] ym = new double[yMat.length][];
        for (int k = 0; k < sMat.length; k++) {
            sm[k] = sMat[k].clone();
            ym[k] = yMat[k].clone();
        }
        return new Iterate(dims, x.clone(), sm, ym, s.clone(), y.clone(), nu.clone());
    }

    /** Overwrites this point with {@code other} (same shapes). */
    void restore(Iterate other) {
        System.arraycopy(other.x, 0, x, 0, x.length);
        for (int k = 0; k < sMat.length; k++) {
            System.arraycopy(other.sMat[k], 0, sMat[k], 0, sMat[k].length);
            System.arraycopy(other.yMat[k], 0, yMat[k], 0, yMat[k].length);
        }
        System.arraycopy(other.s, 0, s, 0, s.length);
        System.arraycopy(other.y, 0, y, 0, y.length);
        System.arraycopy(other.nu, 0, nu, 0, nu.length);
    }

    /** x += α_p Δx, S += α_p ΔS, s += α_p Δs; Y += α_d ΔY, y += α_d Δy, ν += α_d Δν (blocks re-symmetrized). */
    void step(Direction d, double ap, double ad) {
        for (int i = 0; i < x.length; i++) {
            x[i] += ap * d.dx[i];
        }
        for (int k = 0; k < sMat.length; k++) {
            double[] sk = sMat[k];
            double[] yk = yMat[k];
            for (int i = 0; i < sk.length; i++) {
                sk[i] += ap * d.dS[k][i];
                yk[i] += ad * d.dY[k][i];
            }
            DenseKernels.symmetrize(sk, dims[k]);
            DenseKernels.symmetrize(yk, dims[k]);
        }
        for (int r = 0; r < s.length; r++) {
            s[r] += ap * d.ds[r];
            y[r] += ad * d.dy[r];
        }
        for (int e = 0; e < nu.length; e++) {
            nu[e] += ad * d.dnu[e];
        }
    }

    /** Every slack and dual block positive definite, every row slack and dual positive. */
    boolean interior() {
        for (int k = 0; k < sMat.length; k++) {
            int dd = dims[k];
            double[] t = sMat[k].clone();
            if (!DenseKernels.cholesky(t, dd)) {
                return false;
            }
            t = yMat[k].clone();
            if (!DenseKernels.cholesky(t, dd)) {
                return false;
            }
        }
        for (int r = 0; r < s.length; r++) {
            if (!(s[r] > 0 && y[r] > 0)) {
                return false;
            }
        }
        return true;
    }
}
