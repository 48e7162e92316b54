package org.cosense.optim;

import java.util.List;

/**
 * The lowered form every {@link ConvexProgram} is solved in (the "dual" or LMI standard form of
 * SDPA/CSDP): real variables x ∈ R^n and
 * <pre>
 *   minimize    c^T x + c0 − Σ_{k ∈ logdet} w_k log det S_k
 *   subject to  S_k = F_k0 + Σ_i x_i F_ki ⪰ 0     (real symmetric blocks k)
 *               s_r = a_r0 + a_r^T x ≥ 0           (linear rows)
 *               E x = h                             (equalities)
 * </pre>
 * Package-private: the public face is {@link ConvexProgram}; this is what the interior-point
 * method and the SDPA exporter read. Immutable after construction.
 */
final class LmiProblem {

    /** A symmetric sparse matrix stored as its full entry list (both (a,b) and (b,a)). */
    static final class Sparse {
        final int[] row;
        final int[] col;
        final double[] val;

        Sparse(int[] row, int[] col, double[] val) {
            this.row = row;
            this.col = col;
            this.val = val;
        }

        int nnz() {
            return val.length;
        }

        double frobenius() {
            double s = 0;
            for (double v : val) {
                s += v * v;
            }
            return Math.sqrt(s);
        }
    }

    /**
     * One LMI block: {@code vars[j]} enters with the coefficient matrix {@code coefs[j]}.
     * {@code logDetWeight > 0} marks a block whose −w log det is part of the objective.
     */
    static final class Block {
        final String name;
        final int dim;
        final double logDetWeight;
        final Sparse constant;
        final int[] vars;
        final Sparse[] coefs;
        /** Per coefficient: the row-major positions row·dim + col of its entries, in the stored order. */
        final int[][] positions;

        Block(String name, int dim, double logDetWeight, Sparse constant, int[] vars, Sparse[] coefs) {
            this.name = name;
            this.dim = dim;
            this.logDetWeight = logDetWeight;
            this.constant = constant;
            this.vars = vars;
            this.coefs = coefs;
            positions = new int[coefs.length][];
            for (int j = 0; j < coefs.length; j++) {
                Sparse a = coefs[j];
                positions[j] = new int[a.nnz()];
                for (int e = 0; e < a.nnz(); e++) {
                    positions[j][e] = a.row[e] * dim + a.col[e];
                }
            }
        }
    }

    /** A sparse affine row a0 + Σ val[j] x[idx[j]]. */
    static final class Row {
        final int[] idx;
        final double[] val;
        final double constant;

        Row(int[] idx, double[] val, double constant) {
            this.idx = idx;
            this.val = val;
            this.constant = constant;
        }

        double eval(double[] x) {
            double s = constant;
            for (int j = 0; j < idx.length; j++) {
                s += val[j] * x[idx[j]];
            }
            return s;
        }

        double evalLinear(double[] x) {
            double s = 0;
            for (int j = 0; j < idx.length; j++) {
                s += val[j] * x[idx[j]];
            }
            return s;
        }
    }

    final int n;
    final double[] c;
    final double c0;
    final List<Block> blocks;
    /** Rows a0 + a^T x ≥ 0. */
    final List<Row> rows;
    /** Rows e^T x + e0 = 0 (so h = −e0). */
    final List<Row> equalities;

    LmiProblem(int n, double[] c, double c0, List<Block> blocks, List<Row> rows, List<Row> equalities) {
        this.n = n;
        this.c = c;
        this.c0 = c0;
        this.blocks = List.copyOf(blocks);
        this.rows = List.copyOf(rows);
        this.equalities = List.copyOf(equalities);
    }

    boolean hasLogDet() {
        for (Block b : blocks) {
            if (b.logDetWeight > 0) {
                return true;
            }
        }
        return false;
    }
}
