package org.cosense.optim;

import java.util.ArrayList;
import java.util.List;

import org.cosense.InvalidInputException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * A semidefinite program in standard (primal) form over complex Hermitian and real symmetric PSD blocks
 * and real scalars:
 * <pre>
 *   minimize    Σ_b tr(C_b X_b) + Σ_i c_i x_i
 *   subject to  Σ_b tr(A_jb X_b) + Σ_i a_ji x_i = r_j      (j = 1..m, the rows)
 *               X_b ⪰ 0  (Hermitian n_b×n_b, or real symmetric),   x_i ≥ 0 or free
 * </pre>
 * with Hermitian (or symmetric) C_b and A_jb. This is the form to use when the program has few rows and
 * large blocks: {@link DualLmiSolver} solves its Lagrange dual, an LMI in only m multipliers, and reads
 * the X_b back as the multipliers of the dual's LMIs. Examples: the min–max trace-inverse programs of
 * {@link TraceInverseProgram} (about 27 rows per 16×16 block), a beamforming SDP with K SINR rows and a
 * power row over K + 1 Hermitian blocks.
 *
 * <p>Build with {@link #builder()}: declare the variables first, then the rows (each a sum of
 * coefficient·variable terms and a right-hand side). An inequality row is an equality with a
 * nonnegative slack scalar, declared like any other scalar.
 */
public final class StandardFormSdp {
    /** A PSD block variable X_b (Hermitian or real symmetric), with its objective coefficient C_b (null: 0). */
    public record Block(int index, String name, int size, boolean hermitian) {
    }

    /** A real scalar variable x_i, ≥ 0 or free. */
    public record Scalar(int index, String name, boolean nonnegative) {
    }

    /** A term factor · A of a row or of the objective on a Hermitian block (A Hermitian n×n). */
    record HermitianTerm(Block block, ZMatrixRMaj a, double factor) {
    }

    /** A term factor · A on a real symmetric block (A symmetric). */
    record SymmetricTerm(Block block, DMatrixRMaj a, double factor) {
    }

    /** A term a · x_i. */
    record ScalarTerm(Scalar scalar, double coefficient) {
    }

    /** One row Σ terms = rhs. */
    record Row(List<HermitianTerm> hermitian, List<SymmetricTerm> symmetric, List<ScalarTerm> scalars, double rhs) {
    }

    final List<Block> blocks;
    final List<Scalar> scalars;
    final List<Row> rows;
    final List<Object> blockObjective;   // ZMatrixRMaj, DMatrixRMaj or null per block
    final double[] scalarObjective;

    private StandardFormSdp(Builder b) {
        this.blocks = List.copyOf(b.blocks);
        this.scalars = List.copyOf(b.scalars);
        this.rows = List.copyOf(b.rows);
        this.blockObjective = new ArrayList<>(b.blockObjective);
        this.scalarObjective = b.scalarObjective.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int rowCount() {
        return rows.size();
    }

    public List<Block> blocks() {
        return blocks;
    }

    public List<Scalar> scalars() {
        return scalars;
    }

    /** Declares variables, then rows, then {@link #build()}. */
    public static final class Builder {
        private final List<Block> blocks = new ArrayList<>();
        private final List<Scalar> scalars = new ArrayList<>();
        private final List<Row> rows = new ArrayList<>();
        private final List<Object> blockObjective = new ArrayList<>();
        private final List<Double> scalarObjective = new ArrayList<>();

        private Builder() {
        }

        /** A complex Hermitian n×n block X ⪰ 0. */
        public Block hermitianPsd(String name, int n) {
            InvalidInputException.positive(name + " size", n);
            Block b = new Block(blocks.size(), name, n, true);
            blocks.add(b);
            blockObjective.add(null);
            return b;
        }

        /** A real symmetric n×n block X ⪰ 0. */
        public Block symmetricPsd(String name, int n) {
            InvalidInputException.positive(name + " size", n);
            Block b = new Block(blocks.size(), name, n, false);
            blocks.add(b);
            blockObjective.add(null);
            return b;
        }

        /** A real scalar x ≥ 0 (e.g. the slack of an inequality row). */
        public Scalar nonnegative(String name) {
            Scalar s = new Scalar(scalars.size(), name, true);
            scalars.add(s);
            scalarObjective.add(0.0);
            return s;
        }

        /** A free real scalar. */
        public Scalar free(String name) {
            Scalar s = new Scalar(scalars.size(), name, false);
            scalars.add(s);
            scalarObjective.add(0.0);
            return s;
        }

        /** Objective term tr(C X_b) for a Hermitian block (C Hermitian). */
        public Builder minimize(Block b, ZMatrixRMaj c) {
            InvalidInputException.require(b.hermitian(), b.name() + " objective", "complex matrix", "must be real (DMatrixRMaj): the block is real symmetric");
            requireShape(b, c.numRows, c.numCols);
            blockObjective.set(b.index(), c.copy());
            return this;
        }

        /** Objective term tr(C X_b) for a real symmetric block. */
        public Builder minimize(Block b, DMatrixRMaj c) {
            InvalidInputException.require(!b.hermitian(), b.name() + " objective", "real matrix", "must be complex (ZMatrixRMaj): the block is Hermitian");
            requireShape(b, c.numRows, c.numCols);
            blockObjective.set(b.index(), c.copy());
            return this;
        }

        /** Objective term c · x. */
        public Builder minimize(Scalar x, double c) {
            InvalidInputException.finite("objective coefficient of " + x.name(), c);
            scalarObjective.set(x.index(), c);
            return this;
        }

        /** Starts a row ... = rhs; add its terms and call {@link RowBuilder#add()}. */
        public RowBuilder row(double rhs) {
            InvalidInputException.finite("right-hand side", rhs);
            return new RowBuilder(this, rhs);
        }

        public StandardFormSdp build() {
            return new StandardFormSdp(this);
        }

        private static void requireShape(Block b, int r, int c) {
            InvalidInputException.require(r == b.size() && c == b.size(), b.name() + " coefficient shape", r + "x" + c,
                    "must be " + b.size() + "x" + b.size());
        }
    }

    /** The terms of one row (each block and scalar at most once). */
    public static final class RowBuilder {
        private final Builder owner;
        private final double rhs;
        private final List<HermitianTerm> hermitian = new ArrayList<>();
        private final List<SymmetricTerm> symmetric = new ArrayList<>();
        private final List<ScalarTerm> scalarTerms = new ArrayList<>();
        private final java.util.BitSet usedBlocks = new java.util.BitSet();
        private final java.util.BitSet usedScalars = new java.util.BitSet();

        private RowBuilder(Builder owner, double rhs) {
            this.owner = owner;
            this.rhs = rhs;
        }

        /** + factor · tr(A X_b), A Hermitian (its Hermitian part is used); the matrix is not copied. */
        public RowBuilder plus(Block b, ZMatrixRMaj a, double factor) {
            InvalidInputException.require(b.hermitian(), b.name() + " coefficient", "complex matrix", "must be real (DMatrixRMaj): the block is real symmetric");
            Builder.requireShape(b, a.numRows, a.numCols);
            use(b);
            hermitian.add(new HermitianTerm(b, a, factor));
            return this;
        }

        /** + factor · tr(A X_b) on a real symmetric block (A's symmetric part is used). */
        public RowBuilder plus(Block b, DMatrixRMaj a, double factor) {
            InvalidInputException.require(!b.hermitian(), b.name() + " coefficient", "real matrix", "must be complex (ZMatrixRMaj): the block is Hermitian");
            Builder.requireShape(b, a.numRows, a.numCols);
            use(b);
            symmetric.add(new SymmetricTerm(b, a, factor));
            return this;
        }

        /** + factor · X_b[i][j] (and its mirror: (X_ij + X_ji)/2) on a real symmetric block. */
        public RowBuilder plusEntry(Block b, int i, int j, double factor) {
            DMatrixRMaj e = new DMatrixRMaj(b.size(), b.size());
            if (i == j) {
                e.set(i, i, 1);
            } else {
                e.set(i, j, 0.5);
                e.set(j, i, 0.5);
            }
            return plus(b, e, factor);
        }

        /** + a · x. */
        public RowBuilder plus(Scalar x, double a) {
            InvalidInputException.finite("coefficient of " + x.name(), a);
            InvalidInputException.require(!usedScalars.get(x.index()), "row term", x.name(), "may appear once per row");
            usedScalars.set(x.index());
            scalarTerms.add(new ScalarTerm(x, a));
            return this;
        }

        /** Appends the row to the program. */
        public void add() {
            owner.rows.add(new Row(List.copyOf(hermitian), List.copyOf(symmetric), List.copyOf(scalarTerms), rhs));
        }

        private void use(Block b) {
            InvalidInputException.require(!usedBlocks.get(b.index()), "row term", b.name(), "may appear once per row");
            usedBlocks.set(b.index());
        }
    }
}
