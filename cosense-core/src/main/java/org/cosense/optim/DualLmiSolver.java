package org.cosense.optim;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * Solves a {@link StandardFormSdp} through its Lagrange dual, an LMI in one multiplier per row, and
 * reads the primal blocks back as the multipliers of the dual's LMIs.
 *
 * <h2>Why</h2>
 * {@link ConvexProgram} iterates on the LMI ("SDPA dual") form, whose unknowns are the entries of the
 * matrix variables: a 16×16 Hermitian block alone is 256 real unknowns and the dense Schur complement of
 * that size dominates each Newton step. A standard-form program with m rows has a dual with m unknowns:
 * <pre>
 *   maximize    Σ_j r_j y_j
 *   subject to  C_b − Σ_j y_j A_jb ⪰ 0     (one LMI per block; a Hermitian block as its real embedding
 *                                          ½ [[Re, −Im], [Im, Re]], so that ⟨½ emb(A), Z⟩ = tr(A X))
 *               c_i − Σ_j a_ji y_j ≥ 0     (x_i ≥ 0)   or   = 0   (x_i free)
 * </pre>
 * The interior-point method is primal–dual, so the multiplier Z_b of block b's LMI is the optimal X_b
 * (for a Hermitian block X = (Z11 + Z22)/2 + j (Z21 − Z12)/2, its Hermitian projection; this keeps
 * feasibility and value), and the multiplier of scalar i's row is x_i. A primal infeasible program shows
 * up as an unbounded dual.
 */
public final class DualLmiSolver {
    private final SolverOptions options;

    public DualLmiSolver(SolverOptions options) {
        this.options = options;
    }

    public DualLmiSolver() {
        this(recommendedOptions());
    }

    /**
     * Relative gap 1e-8 and residuals 1e-7: in this form the multiplier residual A(Z) − b stalls near
     * 1e-7 once mu reaches 1e-11 when the optimum has low rank (an ill-conditioned Newton system), while
     * the value is already within 1e-8.
     */
    public static SolverOptions recommendedOptions() {
        return new SolverOptions(100, 1e-8, 1e-14, 1e-7, 1e-9);
    }

    /** The dual as a {@link ConvexProgram}, with the constraints whose multipliers are the primal variables. */
    public record Dual(ConvexProgram program, List<Constraint> blockLmis, List<Constraint> scalarRows) {
    }

    /** Builds the dual of the class comment. */
    public static Dual dual(StandardFormSdp sdp) {
        ConvexProgram.Builder p = ConvexProgram.builder();
        int m = sdp.rows.size();
        ScalarVar[] y = new ScalarVar[m];
        List<Affine> objective = new ArrayList<>();   // Σ r_j y_j (maximized)
        for (int j = 0; j < m; j++) {
            y[j] = p.scalar("y" + j);
            double r = sdp.rows.get(j).rhs();
            if (r != 0) {
                objective.add(y[j].times(r));
            }
        }
        List<LmiAccumulator> lmis = new ArrayList<>();
        for (StandardFormSdp.Block b : sdp.blocks) {
            LmiAccumulator acc = new LmiAccumulator(b.hermitian() ? 2 * b.size() : b.size());
            Object c = sdp.blockObjective.get(b.index());
            if (c instanceof ZMatrixRMaj z) {
                acc.addEmbedded(z, null, 0.5);
            } else if (c instanceof DMatrixRMaj d) {
                acc.addSymmetric(d, null, 1);
            }
            lmis.add(acc);
        }
        Affine[] scalarRow = new Affine[sdp.scalars.size()];
        for (StandardFormSdp.Scalar s : sdp.scalars) {
            scalarRow[s.index()] = Affine.constant(sdp.scalarObjective[s.index()]);
        }
        for (int j = 0; j < m; j++) {
            StandardFormSdp.Row row = sdp.rows.get(j);
            for (StandardFormSdp.HermitianTerm t : row.hermitian()) {
                lmis.get(t.block().index()).addEmbedded(t.a(), y[j], -0.5 * t.factor());
            }
            for (StandardFormSdp.SymmetricTerm t : row.symmetric()) {
                lmis.get(t.block().index()).addSymmetric(t.a(), y[j], -t.factor());
            }
            for (StandardFormSdp.ScalarTerm t : row.scalars()) {
                int i = t.scalar().index();
                scalarRow[i] = scalarRow[i].minus(y[j].times(t.coefficient()));
            }
        }
        List<Constraint> blockLmis = new ArrayList<>();
        for (StandardFormSdp.Block b : sdp.blocks) {
            blockLmis.add(p.lmi("dual of " + b.name(), lmis.get(b.index()).build()));
        }
        List<Constraint> scalarRows = new ArrayList<>();
        for (StandardFormSdp.Scalar s : sdp.scalars) {
            scalarRows.add(s.nonnegative() ? p.ge(scalarRow[s.index()], 0) : p.eq(scalarRow[s.index()], 0));
        }
        p.minimize(Affine.sum(objective.toArray(new Affine[0])).negate());
        return new Dual(p.build(), List.copyOf(blockLmis), List.copyOf(scalarRows));
    }

    public StandardFormSolution solve(StandardFormSdp sdp) {
        return solve(sdp, null);
    }

    /** One solve of a {@link WarmStart} sequence of programs of one structure ({@code warm} null: a solve on its own). */
    public StandardFormSolution solve(StandardFormSdp sdp, WarmStart warm) {
        Dual dual = dual(sdp);
        Solution sol = dual.program().solve(options, warm);
        Status st = sol.status();
        double residual = Math.max(sol.primalResidual(), sol.dualResidual());
        if (st == Status.UNBOUNDED || st == Status.INFEASIBLE) {
            // an unbounded dual certifies an infeasible primal, an infeasible dual an unbounded (or infeasible) primal
            Status primal = st == Status.UNBOUNDED ? Status.INFEASIBLE : Status.UNBOUNDED;
            return new StandardFormSolution(primal, null, null, Double.NaN, Double.NaN, sol.relativeGap(), residual, sol.iterations());
        }
        List<Object> blocks = new ArrayList<>();
        double value = 0;
        for (StandardFormSdp.Block b : sdp.blocks) {
            DMatrixRMaj z = sol.dualMatrix(dual.blockLmis().get(b.index()));
            Object c = sdp.blockObjective.get(b.index());
            if (b.hermitian()) {
                ZMatrixRMaj x = hermitianFromEmbedding(z);
                blocks.add(x);
                if (c != null) {
                    value += traceProduct((ZMatrixRMaj) c, x);
                }
            } else {
                blocks.add(z);
                if (c != null) {
                    value += org.ejml.dense.row.CommonOps_DDRM.dot((DMatrixRMaj) c, z);
                }
            }
        }
        double[] x = new double[sdp.scalars.size()];
        for (StandardFormSdp.Scalar s : sdp.scalars) {
            // the dual's Lagrangian has −x_i (c_i − Σ_j a_ji y_j) for the row (≥ 0) or the equality (= 0) of
            // scalar i, whose stationarity in y_j is the primal row j: the multiplier is x_i
            x[s.index()] = sol.dual(dual.scalarRows().get(s.index()));
            value += sdp.scalarObjective[s.index()] * x[s.index()];
        }
        return new StandardFormSolution(st, blocks, x, value, -sol.objective(), sol.relativeGap(), residual, sol.iterations());
    }

    /** X = (Z11 + Z22)/2 + j (Z21 − Z12)/2 from a real 2n×2n Z: ⟨emb(A), Z⟩ = 2 tr(A X) for Hermitian A. */
    static ZMatrixRMaj hermitianFromEmbedding(DMatrixRMaj z) {
        int n = z.numRows / 2;
        ZMatrixRMaj x = new ZMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double re = 0.5 * (z.get(i, j) + z.get(n + i, n + j));
                double im = 0.5 * (z.get(n + i, j) - z.get(i, n + j));
                x.set(i, j, re, im);
            }
        }
        return org.cosense.math.ComplexLinalg.hermitianPart(x);
    }

    /** Re tr(A X). */
    static double traceProduct(ZMatrixRMaj a, ZMatrixRMaj x) {
        return org.cosense.bounds.AffineFisherInformation.traceProduct(a, x);
    }

    /**
     * Accumulates C + Σ_k y_k c_k A_k entrywise (upper triangle) for a symmetric real matrix of the dual. The terms are
     * kept in the order they are added (one flat list; grouped by entry, stably, when the matrix is built).
     */
    private static final class LmiAccumulator {
        final int size;
        final double[] constant;
        private int[] entry = new int[256];
        private ScalarVar[] var = new ScalarVar[256];
        private double[] coef = new double[256];
        private int count;

        LmiAccumulator(int size) {
            this.size = size;
            this.constant = new double[size * size];
        }

        /** Entry (i, j) += c y (y null: the constant part); (j, i) mirrors it. */
        void add(int i, int j, ScalarVar y, double c) {
            if (c == 0) {
                return;
            }
            int a = Math.min(i, j);
            int b = Math.max(i, j);
            if (y == null) {
                constant[a * size + b] += c;
                return;
            }
            if (count == coef.length) {
                entry = java.util.Arrays.copyOf(entry, 2 * count);
                var = java.util.Arrays.copyOf(var, 2 * count);
                coef = java.util.Arrays.copyOf(coef, 2 * count);
            }
            entry[count] = a * size + b;
            var[count] = y;
            coef[count++] = c;
        }

        /** += c y A for a real symmetric A (its symmetric part). */
        void addSymmetric(DMatrixRMaj a, ScalarVar y, double c) {
            for (int i = 0; i < a.numRows; i++) {
                for (int j = i; j < a.numRows; j++) {
                    double v = i == j ? a.get(i, i) : 0.5 * (a.get(i, j) + a.get(j, i));
                    add(i, j, y, c * v);
                }
            }
        }

        /** += c y emb(H) for Hermitian H (n×n) in the real 2n×2n embedding [[Re, −Im], [Im, Re]]. */
        void addEmbedded(ZMatrixRMaj h, ScalarVar y, double c) {
            int n = h.numRows;
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    double re = 0.5 * (h.getReal(i, j) + h.getReal(j, i));
                    double im = 0.5 * (h.getImag(j, i) - h.getImag(i, j)); // Im of the Hermitian part at (j, i)
                    add(i, j, y, c * re);
                    add(n + i, n + j, y, c * re);
                    // lower-left block (n + j, i) holds Im H_ji; upper-right (i, n + j) holds −Im H_ij = Im H_ji
                    add(i, n + j, y, c * im);
                    if (i != j) {
                        add(j, n + i, y, -c * im);
                    }
                }
            }
        }

        /**
         * Σ_k c_k y_k over the terms order[from..to) as {@link Affine#sum} of the terms gives it, built directly: the rows
         * are added in the order of their multipliers, so the indices arrive non-decreasing and a repeated one (two terms
         * of a row on one block) is merged by the same additions, in the same order. Out-of-order indices take the
         * general sum.
         */
        private Affine sum(int[] order, int from, int to) {
            int n = to - from;
            int[] idx = new int[n];
            double[] cs = new double[n];
            int k = 0;
            for (int t = from; t < to; t++) {
                int index = var[order[t]].index;
                double c = coef[order[t]];
                if (k > 0 && index < idx[k - 1]) {
                    Affine[] terms = new Affine[n];
                    for (int q = 0; q < n; q++) {
                        terms[q] = var[order[from + q]].times(coef[order[from + q]]);
                    }
                    return Affine.sum(terms);
                }
                if (k > 0 && index == idx[k - 1]) {
                    cs[k - 1] += c;
                } else {
                    idx[k] = index;
                    cs[k++] = c;
                }
            }
            return new Affine(k == n ? idx : java.util.Arrays.copyOf(idx, k), k == n ? cs : java.util.Arrays.copyOf(cs, k), 0);
        }

        AffineMatrix build() {
            int cells = size * size;
            int[] first = new int[cells + 1];   // terms of entry e: order[first[e] .. first[e + 1])
            for (int t = 0; t < count; t++) {
                first[entry[t] + 1]++;
            }
            for (int e = 0; e < cells; e++) {
                first[e + 1] += first[e];
            }
            int[] next = java.util.Arrays.copyOf(first, cells);
            int[] order = new int[count];
            for (int t = 0; t < count; t++) {
                order[next[entry[t]]++] = t;
            }
            AffineMatrix f = AffineMatrix.zeros(size);
            for (int i = 0; i < size; i++) {
                for (int j = i; j < size; j++) {
                    int e = i * size + j;
                    double c0 = constant[e];
                    if (first[e] == first[e + 1] && c0 == 0) {
                        continue;
                    }
                    Affine a = sum(order, first[e], first[e + 1]);
                    f.set(i, j, c0 == 0 ? a : a.plus(c0));
                }
            }
            return f;
        }
    }
}
