package org.cosense.optim;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cosense.InvalidInputException;
import org.cosense.optim.LmiProblem.Block;
import org.cosense.optim.LmiProblem.Row;
import org.cosense.optim.LmiProblem.Sparse;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * A convex program over real vectors and real-symmetric / complex-Hermitian PSD matrices, with
 * linear equalities and inequalities, LMIs, and the smooth convex terms tr(Ω F(x)⁻¹) (F affine),
 * convex quadratics, maxima of such terms (all by epigraphs), −w log det G(x) in the
 * objective and one constraint log det G(x) ≥ level; solved by a primal–dual interior-point
 * method ({@link #solve()}).
 *
 * <pre>{@code
 * var p = ConvexProgram.builder();
 * HermitianVar r = p.hermitianPsd("R", 16);
 * AffineMatrix f = AffineMatrix.zeros(4);            // F(R)_pq = tr(M_pq R)
 * for (int a = 0; a < 4; a++) for (int b = a; b < 4; b++) f.set(a, b, r.traceWith(mpq[a][b]));
 * p.le(r.trace(), pt);                               // tr R ≤ P_t
 * p.minimize(p.traceInverse(f));                     // tr(F(R)⁻¹)
 * Solution s = p.build().solve();
 * ZMatrixRMaj rOpt = s.value(r);
 * }</pre>
 *
 * <p>How the terms are lowered (all exact for a convex program): tr(Ω F⁻¹) ≤ tr U with
 * [[F, L], [Lᵀ, U]] ⪰ 0 (Ω = L Lᵀ, Schur complement); Σ e_i² ≤ t with [[I, e], [eᵀ, t]] ⪰ 0;
 * max_i a_i ≤ t with rows t − a_i ≥ 0. The returned epigraph expressions are upper bounds of
 * the terms, tight at the optimum only where the program pushes them down: they may therefore
 * appear only with nonnegative coefficients in {@link Builder#minimize} and on the small side
 * of {@link Builder#le}; anything else (which would make the program nonconvex) is rejected.
 */
public final class ConvexProgram {

    final LmiProblem lowered;
    final int variableCount;
    private final Map<Object, Integer> psdBlock;        // variable → its cone block
    private final BitSet hermitianBlocks;
    /** Block of the log-det constraint log det G(x) ≥ level (−1: none), see {@link LogDetConstraint}. */
    final int logDetBlock;
    final double logDetLevel;

    private ConvexProgram(LmiProblem lowered, Map<Object, Integer> psdBlock, BitSet hermitianBlocks, int logDetBlock,
            double logDetLevel) {
        this.lowered = lowered;
        this.variableCount = lowered.n;
        this.psdBlock = psdBlock;
        this.hermitianBlocks = hermitianBlocks;
        this.logDetBlock = logDetBlock;
        this.logDetLevel = logDetLevel;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Number of real variables after lowering (parameters of all blocks plus auxiliaries). */
    public int variableCount() {
        return lowered.n;
    }

    /** Sizes of the LMI blocks after lowering (a Hermitian k×k block counts as 2k). */
    public int[] blockSizes() {
        int[] d = new int[lowered.blocks.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = lowered.blocks.get(k).dim;
        }
        return d;
    }

    /** Number of scalar inequality rows after lowering. */
    public int inequalityCount() {
        return lowered.rows.size();
    }

    public Solution solve() {
        return solve(SolverOptions.defaults());
    }

    public Solution solve(SolverOptions options) {
        return solve(options, null);
    }

    /**
     * One solve of a {@link WarmStart} sequence: started from the previous solve's centred point when it fits
     * ({@code warm} null: a solve on its own). A program with a log-det constraint ignores {@code warm}.
     */
    public Solution solve(SolverOptions options, WarmStart warm) {
        long t0 = System.nanoTime();
        if (logDetBlock >= 0) {
            LogDetConstraint.Outcome o = LogDetConstraint.solve(lowered, logDetBlock, logDetLevel, options);
            return new Solution(this, o.result(), (System.nanoTime() - t0) * 1e-9, o.multiplier(), o.innerSolves());
        }
        InteriorPointSolver.Result r = InteriorPointSolver.solve(lowered, options, warm);
        return new Solution(this, r, (System.nanoTime() - t0) * 1e-9);
    }

    Integer blockOf(Object variable) {
        return psdBlock.get(variable);
    }

    boolean isHermitianBlock(int k) {
        return hermitianBlocks.get(k);
    }

    // ====================================================================== builder

    /** Declares variables, constraints and the objective; {@link #build()} lowers them. */
    public static final class Builder {
        private int n;
        private final List<String> names = new ArrayList<>();
        private final BitSet epigraph = new BitSet();
        private final List<Row> rows = new ArrayList<>();
        private final List<Row> equalities = new ArrayList<>();
        private final List<AffineMatrix> lmis = new ArrayList<>();
        private final List<String> lmiNames = new ArrayList<>();
        private final List<Double> lmiLogDet = new ArrayList<>();
        private final Map<Object, Integer> psdBlock = new HashMap<>();
        private final BitSet hermitianBlocks = new BitSet();
        private Affine objective = Affine.constant(0);
        private boolean built;
        private int logDetBlock = -1;
        private double logDetLevel;

        private Builder() {
        }

        private int allocate(String name, int count) {
            InvalidInputException.require(name != null && !name.isBlank(), "variable name", name, "must be non-empty");
            int off = n;
            n += count;
            for (int i = 0; i < count; i++) {
                names.add(name);
            }
            return off;
        }

        /** A free real scalar. */
        public ScalarVar scalar(String name) {
            return new ScalarVar(name, allocate(name, 1));
        }

        /** A real scalar x ≥ 0. */
        public ScalarVar nonnegative(String name) {
            ScalarVar v = scalar(name);
            addRow(v.affine(), name + " >= 0");
            return v;
        }

        /** A free real vector. */
        public VectorVar vector(String name, int size) {
            InvalidInputException.positive(name + " size", size);
            return new VectorVar(name, allocate(name, size), size, false);
        }

        /** A real vector x ≥ 0 (elementwise). */
        public VectorVar nonnegativeVector(String name, int size) {
            InvalidInputException.positive(name + " size", size);
            VectorVar v = new VectorVar(name, allocate(name, size), size, true);
            for (int i = 0; i < size; i++) {
                addRow(v.get(i), name + "[" + i + "] >= 0");
            }
            return v;
        }

        /** A real symmetric k×k matrix X ⪰ 0. */
        public SymmetricVar symmetricPsd(String name, int k) {
            InvalidInputException.positive(name + " size", k);
            SymmetricVar v = new SymmetricVar(name, allocate(name, SymmetricVar.parameterCount(k)), k, true);
            psdBlock.put(v, lmis.size());
            addBlock(name + " psd", v.asMatrix(), 0);
            return v;
        }

        /** A free real symmetric k×k matrix. */
        public SymmetricVar symmetric(String name, int k) {
            InvalidInputException.positive(name + " size", k);
            return new SymmetricVar(name, allocate(name, SymmetricVar.parameterCount(k)), k, false);
        }

        /** A complex Hermitian k×k matrix X ⪰ 0 (k² real parameters). */
        public HermitianVar hermitianPsd(String name, int k) {
            InvalidInputException.positive(name + " size", k);
            HermitianVar v = new HermitianVar(name, allocate(name, HermitianVar.parameterCount(k)), k, true);
            psdBlock.put(v, lmis.size());
            hermitianBlocks.set(lmis.size());
            addBlock(name + " psd", v.embedded(), 0);
            return v;
        }

        /** A free complex Hermitian k×k matrix. */
        public HermitianVar hermitian(String name, int k) {
            InvalidInputException.positive(name + " size", k);
            return new HermitianVar(name, allocate(name, HermitianVar.parameterCount(k)), k, false);
        }

        // ---------------------------------------------------------------- constraints

        /** lhs ≤ rhs. */
        public Constraint le(Affine lhs, double rhs) {
            return le(lhs, Affine.constant(rhs));
        }

        /** lhs ≤ rhs. */
        public Constraint le(Affine lhs, Affine rhs) {
            Affine g = rhs.minus(lhs);   // ≥ 0
            requireConvexUse(g.negate(), "le: the left side");
            return addRow(g, "le#" + rows.size());
        }

        /** lhs ≥ rhs. */
        public Constraint ge(Affine lhs, double rhs) {
            return le(Affine.constant(rhs), lhs);
        }

        /** lhs ≥ rhs. */
        public Constraint ge(Affine lhs, Affine rhs) {
            return le(rhs, lhs);
        }

        /** lhs = rhs. */
        public Constraint eq(Affine lhs, double rhs) {
            return eq(lhs, Affine.constant(rhs));
        }

        /** lhs = rhs. */
        public Constraint eq(Affine lhs, Affine rhs) {
            Affine g = lhs.minus(rhs);
            requireNoEpigraph(g, "eq");
            equalities.add(new Row(g.idx, g.coef, g.constant));
            return new Constraint("eq#" + (equalities.size() - 1), Constraint.Kind.EQUALITY, equalities.size() - 1);
        }

        /** The linear matrix inequality F(x) ⪰ 0 (real symmetric). */
        public Constraint lmi(String name, AffineMatrix f) {
            for (int i = 0; i < f.size(); i++) {
                for (int j = i; j < f.size(); j++) {
                    requireNoEpigraph(f.get(i, j), "lmi " + name);
                }
            }
            return addBlock(name, f, 0);
        }

        /**
         * The Hermitian LMI H(x) ⪰ 0 (complex Hermitian entries affine in x), imposed as its real embedding
         * [[Re H, −Im H], [Im H, Re H]] ⪰ 0; its multiplier is {@link Solution#hermitianDual(Constraint)}.
         */
        public Constraint lmi(String name, HermitianAffineMatrix h) {
            for (int i = 0; i < h.size(); i++) {
                for (int j = i; j < h.size(); j++) {
                    requireNoEpigraph(h.re(i, j), "lmi " + name);
                    requireNoEpigraph(h.im(i, j), "lmi " + name);
                }
            }
            hermitianBlocks.set(lmis.size());
            return addBlock(name, h.embedded(), 0);
        }

        // ---------------------------------------------------------------- convex terms

        /** An upper bound u ≥ tr(F(x)⁻¹) (F ≻ 0 implied), tight at the optimum. */
        public Affine traceInverse(AffineMatrix f) {
            DMatrixRMaj id = new DMatrixRMaj(f.size(), f.size());
            for (int i = 0; i < f.size(); i++) {
                id.set(i, i, 1);
            }
            return traceInverse(f, id);
        }

        /**
         * An upper bound u ≥ tr(Ω F(x)⁻¹) for a symmetric Ω ⪰ 0: Ω = L Lᵀ and
         * [[F, L], [Lᵀ, U]] ⪰ 0 ⇔ U ⪰ Lᵀ F⁻¹ L (Schur), u = tr U.
         */
        public Affine traceInverse(AffineMatrix f, DMatrixRMaj omega) {
            int k = f.size();
            InvalidInputException.require(omega.numRows == k && omega.numCols == k, "omega",
                omega.numRows + "x" + omega.numCols, "must be " + k + "x" + k + " like F");
            for (int i = 0; i < k; i++) {
                for (int j = i; j < k; j++) {
                    requireNoEpigraph(f.get(i, j), "traceInverse: F");
                }
            }
            DMatrixRMaj l = psdFactor(omega, "omega");
            int r = l.numCols;
            SymmetricVar u = symmetric("traceInverse#" + lmis.size() + ".U", r);
            for (int i = 0; i < SymmetricVar.parameterCount(r); i++) {
                epigraph.set(u.offset + i);
            }
            AffineMatrix big = AffineMatrix.zeros(k + r);
            big.setBlock(0, 0, f);
            big.setBlock(0, k, l);
            big.setBlock(k, k, u.asMatrix());
            addBlock("traceInverse#" + lmis.size(), big, 0);
            return u.trace();
        }

        /** An upper bound t ≥ Σ_i e_i² (convex quadratic), via [[I, e], [eᵀ, t]] ⪰ 0. */
        public Affine sumOfSquares(Affine... e) {
            InvalidInputException.require(e.length > 0, "terms", 0, "need at least one");
            for (Affine a : e) {
                requireNoEpigraph(a, "sumOfSquares");
            }
            ScalarVar t = scalar("sumOfSquares#" + lmis.size());
            epigraph.set(t.index);
            int q = e.length;
            AffineMatrix m = AffineMatrix.identity(q + 1);
            for (int i = 0; i < q; i++) {
                m.set(i, q, e[i]);
            }
            m.set(q, q, t.affine());
            addBlock("sumOfSquares#" + lmis.size(), m, 0);
            return t.affine();
        }

        /** An upper bound t ≥ zᵀ Q z for a symmetric Q ⪰ 0 and affine z. */
        public Affine quadratic(Affine[] z, DMatrixRMaj q) {
            InvalidInputException.require(q.numRows == z.length && q.numCols == z.length, "Q",
                q.numRows + "x" + q.numCols, "must be " + z.length + "x" + z.length);
            DMatrixRMaj l = psdFactor(q, "Q");   // Q = L Lᵀ, zᵀQz = ‖Lᵀ z‖²
            Affine[] e = new Affine[l.numCols];
            for (int c = 0; c < l.numCols; c++) {
                Affine s = Affine.constant(0);
                for (int i = 0; i < z.length; i++) {
                    if (l.get(i, c) != 0) {
                        s = s.plus(z[i].times(l.get(i, c)));
                    }
                }
                e[c] = s;
            }
            if (e.length == 0) {
                return Affine.constant(0);
            }
            return sumOfSquares(e);
        }

        /** An upper bound t ≥ max_i a_i (each a_i affine or an epigraph bound). */
        public Affine max(Affine... terms) {
            InvalidInputException.require(terms.length > 0, "terms", 0, "need at least one");
            ScalarVar t = scalar("max#" + rows.size());
            for (Affine a : terms) {
                requireConvexUse(a, "max: a term");
                addRow(t.affine().minus(a), "max row");
            }
            epigraph.set(t.index);
            return t.affine();
        }

        // ---------------------------------------------------------------- objective

        /** Minimize f (replaces any previous linear objective; log-det terms are kept). */
        public void minimize(Affine f) {
            requireConvexUse(f, "minimize");
            objective = f;
        }

        /** Adds −w log det G(x) to the objective (G ≻ 0 implied), w > 0. */
        public Constraint addNegLogDet(AffineMatrix g, double weight) {
            InvalidInputException.positive("weight", weight);
            for (int i = 0; i < g.size(); i++) {
                for (int j = i; j < g.size(); j++) {
                    requireNoEpigraph(g.get(i, j), "addNegLogDet");
                }
            }
            return addBlock("logdet#" + lmis.size(), g, weight);
        }

        /** Adds −w log det X for a Hermitian X: −(w/2) log det of its real embedding. */
        public Constraint addNegLogDet(HermitianVar x, double weight) {
            InvalidInputException.positive("weight", weight);
            return addBlock("logdet#" + lmis.size(), x.embedded(), weight / 2);
        }

        public Constraint addNegLogDet(SymmetricVar x, double weight) {
            return addNegLogDet(x.asMatrix(), weight);
        }

        /**
         * The constraint log det G(x) ≥ level (G ≻ 0 implied), i.e. −log det G(x) ≤ −level: a convex
         * constraint, solved by the Lagrangian method of {@link LogDetConstraint} (a sequence of programs
         * with −λ log det G in the objective). At most one per program; its multiplier λ ≥ 0 is
         * {@link Solution#dual(Constraint)}.
         */
        public Constraint logDetAtLeast(AffineMatrix g, double level) {
            InvalidInputException.finite("log-det level", level);
            InvalidInputException.require(logDetBlock < 0, "log-det constraints", 2,
                "at most one log det G(x) ≥ level constraint per program is supported");
            for (int i = 0; i < g.size(); i++) {
                for (int j = i; j < g.size(); j++) {
                    requireNoEpigraph(g.get(i, j), "logDetAtLeast");
                }
            }
            Constraint c = addBlock("logdet-constraint#" + lmis.size(), g, 0);
            logDetBlock = c.index;
            logDetLevel = level;
            return new Constraint(c.name(), Constraint.Kind.LOG_DET, c.index);
        }

        /** log det X ≥ level for a Hermitian X (its real embedding has log det = 2 log det X). */
        public Constraint logDetAtLeast(HermitianVar x, double level) {
            return logDetAtLeast(x.embedded(), 2 * level);
        }

        public Constraint logDetAtLeast(SymmetricVar x, double level) {
            return logDetAtLeast(x.asMatrix(), level);
        }

        public ConvexProgram build() {
            if (built) {
                throw new IllegalStateException("build() may be called once per builder");
            }
            built = true;
            double[] c = new double[n];
            for (int i = 0; i < objective.idx.length; i++) {
                c[objective.idx[i]] += objective.coef[i];
            }
            List<Block> blocks = new ArrayList<>();
            for (int k = 0; k < lmis.size(); k++) {
                blocks.add(lower(lmiNames.get(k), lmis.get(k), lmiLogDet.get(k)));
            }
            LmiProblem lp = new LmiProblem(n, c, objective.constant, blocks, rows, equalities);
            return new ConvexProgram(lp, psdBlock, hermitianBlocks, logDetBlock, logDetLevel);
        }

        // ---------------------------------------------------------------- internals

        private Constraint addRow(Affine g, String name) {
            rows.add(new Row(g.idx, g.coef, g.constant));
            return new Constraint(name, Constraint.Kind.ROW, rows.size() - 1);
        }

        private Constraint addBlock(String name, AffineMatrix f, double logDetWeight) {
            lmis.add(f);
            lmiNames.add(name);
            lmiLogDet.add(logDetWeight);
            return new Constraint(name, Constraint.Kind.LMI, lmis.size() - 1);
        }

        private void requireConvexUse(Affine f, String where) {
            for (int i = 0; i < f.idx.length; i++) {
                if (epigraph.get(f.idx[i]) && f.coef[i] < 0) {
                    throw new InvalidInputException(where, names.get(f.idx[i]) + " with a negative sign",
                        "a convex term must enter with a non-negative sign, or the program would not be convex");
                }
            }
        }

        private void requireNoEpigraph(Affine f, String where) {
            for (int i = 0; i < f.idx.length; i++) {
                if (epigraph.get(f.idx[i]) && f.coef[i] != 0) {
                    throw new InvalidInputException(where, "the convex term " + names.get(f.idx[i]),
                        "only affine expressions may appear here");
                }
            }
        }

        private static DMatrixRMaj psdFactor(DMatrixRMaj q, String name) {
            int k = q.numRows;
            DMatrixRMaj sym = new DMatrixRMaj(k, k);
            double scale = 0;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    double v = 0.5 * (q.get(i, j) + q.get(j, i));
                    InvalidInputException.finite(name + "[" + i + "," + j + "]", v);
                    sym.set(i, j, v);
                    scale = Math.max(scale, Math.abs(v));
                }
            }
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
            if (!eig.decompose(sym.copy())) {
                throw new InvalidInputException(name, k + "x" + k + " matrix", "its eigendecomposition must succeed");
            }
            List<double[]> cols = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                double lam = eig.getEigenvalue(i).real;
                InvalidInputException.require(lam >= -1e-12 * Math.max(scale, 1e-300), name + " eigenvalue", lam,
                    "must be >= 0 (the matrix must be positive semidefinite)");
                if (lam > 1e-14 * scale) {
                    DMatrixRMaj v = eig.getEigenVector(i);
                    double[] col = new double[k];
                    for (int r = 0; r < k; r++) {
                        col[r] = Math.sqrt(lam) * v.get(r, 0);
                    }
                    cols.add(col);
                }
            }
            // diagonal Ω stays diagonal (keeps the LMI sparse and the duals readable)
            boolean diagonal = true;
            for (int i = 0; i < k && diagonal; i++) {
                for (int j = 0; j < k; j++) {
                    if (i != j && sym.get(i, j) != 0) {
                        diagonal = false;
                        break;
                    }
                }
            }
            if (diagonal) {
                cols.clear();
                for (int i = 0; i < k; i++) {
                    if (sym.get(i, i) > 0) {
                        double[] col = new double[k];
                        col[i] = Math.sqrt(sym.get(i, i));
                        cols.add(col);
                    }
                }
            }
            DMatrixRMaj l = new DMatrixRMaj(k, cols.size());
            for (int c = 0; c < cols.size(); c++) {
                for (int r = 0; r < k; r++) {
                    l.set(r, c, cols.get(c)[r]);
                }
            }
            return l;
        }

        private static Block lower(String name, AffineMatrix f, double logDetWeight) {
            int d = f.size();
            int maxIndex = -1;
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    Affine e = f.get(i, j);
                    for (int t = 0; t < e.idx.length; t++) {
                        maxIndex = Math.max(maxIndex, e.idx[t]);
                    }
                }
            }
            SparseBuilder[] perVar = new SparseBuilder[maxIndex + 1];   // by variable, taken in increasing order
            SparseBuilder cst = new SparseBuilder();
            int used = 0;
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    Affine e = f.get(i, j);
                    if (e.constant != 0) {
                        cst.add(i, j, e.constant);
                    }
                    for (int t = 0; t < e.idx.length; t++) {
                        if (e.coef[t] != 0) {
                            int v = e.idx[t];
                            if (perVar[v] == null) {
                                perVar[v] = new SparseBuilder();
                                used++;
                            }
                            perVar[v].add(i, j, e.coef[t]);
                        }
                    }
                }
            }
            int[] vars = new int[used];
            Sparse[] coefs = new Sparse[used];
            int q = 0;
            for (int v = 0; v < perVar.length; v++) {
                if (perVar[v] != null) {
                    vars[q] = v;
                    coefs[q++] = perVar[v].build();
                }
            }
            return new Block(name, d, logDetWeight, cst.build(), vars, coefs);
        }
    }

    /** Collects the upper-triangle entries of a symmetric sparse matrix, mirrored on build. */
    private static final class SparseBuilder {
        private int[] ii = new int[8];
        private int[] jj = new int[8];
        private double[] v = new double[8];
        private int size;

        void add(int i, int j, double val) {
            if (size == v.length) {
                ii = Arrays.copyOf(ii, 2 * size);
                jj = Arrays.copyOf(jj, 2 * size);
                v = Arrays.copyOf(v, 2 * size);
            }
            ii[size] = i;
            jj[size] = j;
            v[size++] = val;
        }

        Sparse build() {
            int cnt = 0;
            for (int t = 0; t < size; t++) {
                cnt += ii[t] == jj[t] ? 1 : 2;
            }
            int[] r = new int[cnt];
            int[] c = new int[cnt];
            double[] val = new double[cnt];
            int q = 0;
            for (int t = 0; t < size; t++) {
                int i = ii[t];
                int j = jj[t];
                r[q] = i;
                c[q] = j;
                val[q++] = v[t];
                if (i != j) {
                    r[q] = j;
                    c[q] = i;
                    val[q++] = v[t];
                }
            }
            return new Sparse(r, c, val);
        }
    }
}
