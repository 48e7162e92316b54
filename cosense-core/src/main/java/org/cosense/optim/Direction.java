package org.cosense.optim;

import static org.cosense.optim.DenseKernels.addSparse;
import static org.cosense.optim.DenseKernels.innerSparseT;

import org.cosense.optim.LmiProblem.Block;
import org.cosense.optim.LmiProblem.Row;

/**
 * A search direction (Δx, ΔS, Δs; ΔY, Δy, Δν): the HKM direction (Helmberg–Rendl–Vanderbei–Wolkowicz,
 * Kojima–Shindoh–Hara, Monteiro) for the centring target S Y = τ I, with Mehrotra's second-order
 * correction when a predictor is given.
 */
final class Direction {
    final double[] dx;
    final double[] dnu;
    final double[][] dS;
    final double[][] dY;
    final double[] ds;
    final double[] dy;

    private Direction(double[] dx, double[] dnu, double[][] dS, double[][] dY, double[] ds, double[] dy) {
        this.dx = dx;
        this.dnu = dnu;
        this.dS = dS;
        this.dY = dY;
        this.ds = ds;
        this.dy = dy;
    }

    /**
     * S_k⁻¹ R_p,k Y_k per block: the same for the predictor and the corrector of one iteration (the residuals and factors
     * do not change between them), so the solver forms it once and passes it to both. A Hermitian block keeps its own
     * (complex) copy and gets null here; {@link HermitianBlock} forms its part of the direction on complex matrices.
     */
    static double[][] residualTerm(LmiProblem p, Iterate it, Residuals res, ConeFactors cones) {
        int nb = p.blocks.size();
        double[][] out = new double[nb][];
        for (int k = 0; k < nb; k++) {
            int d = p.blocks.get(k).dim;
            if (cones.hermitian[k] != null) {
                cones.hermitian[k].formResidualTerm(res.rpBlock[k]);   // kept by the block
                continue;
            }
            double[] t1 = DenseKernels.mult(cones.sInv[k], res.rpBlock[k], d);
            out[k] = DenseKernels.mult(t1, it.yMat[k], d);
        }
        return out;
    }

    /**
     * The HKM direction for the target S Y = target·I (ordinary cones) or w I (log-det cones),
     * with Mehrotra's second-order term −S⁻¹ ΔS_a ΔY_a when {@code pred} is given; {@code residualTerm} is
     * {@link #residualTerm}.
     */
    static Direction hkm(LmiProblem p, Iterate it, Residuals res, ConeFactors cones, NewtonSystem nw,
            double target, Direction pred, double[][] residualTerm) {
        int nb = p.blocks.size();
        int m = p.rows.size();
        int n = p.n;
        // K_k = S⁻¹T − Y − S⁻¹ ΔSa ΔYa ; rhs g = A*(K − S⁻¹ R_p Y) − r_d
        double[][] kMat = new double[nb][];
        double[] g = new double[n];
        for (int k = 0; k < nb; k++) {
            Block b = p.blocks.get(k);
            int d = b.dim;
            double t = b.logDetWeight > 0 ? b.logDetWeight : target;
            if (cones.hermitian[k] != null) {
                cones.hermitian[k].addRightHandSide(t, pred == null ? null : pred.dS[k], pred == null ? null : pred.dY[k], b.vars, g);
                continue;
            }
            double[] km = new double[d * d];
            double[] si = cones.sInv[k];
            for (int i = 0; i < d * d; i++) {
                km[i] = t * si[i] - it.yMat[k][i];
            }
            if (pred != null) {
                double[] prod = DenseKernels.mult(pred.dS[k], pred.dY[k], d);
                double[] corr = DenseKernels.mult(si, prod, d);
                for (int i = 0; i < d * d; i++) {
                    km[i] -= corr[i];
                }
            }
            kMat[k] = km;
            double[] rhs = km.clone();
            double[] t2 = residualTerm[k];
            for (int i = 0; i < d * d; i++) {
                rhs[i] -= t2[i];
            }
            for (int j = 0; j < b.vars.length; j++) {
                g[b.vars[j]] += innerSparseT(b.coefs[j], rhs, d);
            }
        }
        double[] kRow = new double[m];
        for (int r = 0; r < m; r++) {
            double kr = target / it.s[r] - it.y[r];
            if (pred != null) {
                kr -= pred.ds[r] * pred.dy[r] / it.s[r];
            }
            kRow[r] = kr;
            double rr = kr - it.y[r] / it.s[r] * res.rpRow[r];
            Row row = p.rows.get(r);
            for (int j = 0; j < row.idx.length; j++) {
                g[row.idx[j]] += row.val[j] * rr;
            }
        }
        for (int i = 0; i < n; i++) {
            g[i] -= res.rd[i];
        }
        NewtonSystem.Step step = nw.solve(g, res.re);
        double[] dx = step.dx();
        // ΔS = R_p + F_lin(Δx), ΔY = K − S⁻¹ ΔS Y (symmetrized: the HKM choice)
        double[][] dS = new double[nb][];
        double[][] dY = new double[nb][];
        for (int k = 0; k < nb; k++) {
            Block b = p.blocks.get(k);
            int d = b.dim;
            if (cones.hermitian[k] != null) {
                dS[k] = new double[d * d];
                dY[k] = new double[d * d];
                cones.hermitian[k].directions(res.rpBlock[k], b.vars, dx, dS[k], dY[k]);
                continue;
            }
            double[] dSk = res.rpBlock[k].clone();
            for (int j = 0; j < b.vars.length; j++) {
                double v = dx[b.vars[j]];
                if (v != 0) {
                    addSparse(dSk, d, b.coefs[j], v);
                }
            }
            double[] t1 = DenseKernels.mult(cones.sInv[k], dSk, d);
            double[] t2 = DenseKernels.mult(t1, it.yMat[k], d);
            double[] dYk = new double[d * d];
            for (int i = 0; i < d * d; i++) {
                dYk[i] = kMat[k][i] - t2[i];
            }
            DenseKernels.symmetrize(dYk, d);
            dS[k] = dSk;
            dY[k] = dYk;
        }
        double[] ds = new double[m];
        double[] dy = new double[m];
        for (int r = 0; r < m; r++) {
            double dsr = p.rows.get(r).evalLinear(dx) + res.rpRow[r];
            ds[r] = dsr;
            dy[r] = kRow[r] - it.y[r] / it.s[r] * dsr;
        }
        return new Direction(dx, step.dnu(), dS, dY, ds, dy);
    }
}
