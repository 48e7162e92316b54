package org.cosense.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * Result of {@link ConvexProgram#solve()}: status, objective values, duality gap, residuals,
 * iteration count, the primal point and the dual multipliers.
 *
 * <p>Values exist only where {@link Status#hasPoint()}: for {@link Status#INFEASIBLE} and
 * {@link Status#UNBOUNDED} the accessors of the primal point throw, so an infeasible problem can
 * never be mistaken for a number. For INFEASIBLE the duals are the Farkas certificate,
 * normalized to dual objective 1.
 *
 * <p>Dual conventions (Lagrangian c0 + cᵀx − Σ⟨Y_k, F_k(x)⟩ − Σ y_r g_r(x) − νᵀ(E x − h)):
 * an inequality g(x) ≥ 0 (or {@code le}/{@code ge}) has y ≥ 0; an LMI has Y ⪰ 0 with
 * ⟨Y, F(x)⟩ = 0 at the optimum; the PSD constraint of a Hermitian variable X has the Hermitian
 * multiplier Z ⪰ 0 with tr(Z X) = 0 and ∂/∂X of the Lagrangian written with tr(M X) forms.
 */
public final class Solution {
    private final ConvexProgram program;
    private final InteriorPointSolver.Result r;
    private final double seconds;

    private final double logDetMultiplier;
    private final int innerSolves;

    Solution(ConvexProgram program, InteriorPointSolver.Result r, double seconds) {
        this(program, r, seconds, Double.NaN, 1);
    }

    Solution(ConvexProgram program, InteriorPointSolver.Result r, double seconds, double logDetMultiplier, int innerSolves) {
        this.program = program;
        this.r = r;
        this.seconds = seconds;
        this.logDetMultiplier = logDetMultiplier;
        this.innerSolves = innerSolves;
    }

    /** Interior-point solves behind this solution (more than 1 with a log-det constraint). */
    public int innerSolves() {
        return innerSolves;
    }

    public Status status() {
        return r.status;
    }

    /** Primal objective value (including log-det terms). Throws unless a point exists. */
    public double objective() {
        requirePoint();
        return r.primalObjective;
    }

    /** Dual objective value (a lower bound of the optimum when the duals are feasible). */
    public double dualObjective() {
        return r.dualObjective;
    }

    /** Primal minus dual objective. */
    public double gap() {
        return r.gap;
    }

    /** |gap| / max(|primal|, |dual|). */
    public double relativeGap() {
        return r.relativeGap;
    }

    /** ‖F(x) − S‖ / (1 + ‖F₀‖), max with the relative equality residual. */
    public double primalResidual() {
        return r.primalResidual;
    }

    /** ‖c − A*(Y) − Eᵀν‖ / (1 + ‖c‖). */
    public double dualResidual() {
        return r.dualResidual;
    }

    public int iterations() {
        return r.iterations;
    }

    /** Wall-clock time of the solve. */
    public double seconds() {
        return seconds;
    }

    // ------------------------------------------------------------------ primal values

    public double value(ScalarVar v) {
        requirePoint();
        return r.x[v.index];
    }

    public double value(Affine e) {
        requirePoint();
        return e.eval(r.x);
    }

    public double[] value(VectorVar v) {
        requirePoint();
        double[] out = new double[v.size()];
        System.arraycopy(r.x, v.offset, out, 0, v.size());
        return out;
    }

    public DMatrixRMaj value(SymmetricVar v) {
        requirePoint();
        int k = v.size();
        DMatrixRMaj m = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double x = r.x[v.index(i, j)];
                m.set(i, j, x);
                m.set(j, i, x);
            }
        }
        return m;
    }

    public ZMatrixRMaj value(HermitianVar v) {
        requirePoint();
        int k = v.size();
        ZMatrixRMaj m = new ZMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            m.set(i, i, r.x[v.diagIndex(i)], 0);
            for (int j = i + 1; j < k; j++) {
                int q = v.reIndex(i, j);
                m.set(i, j, r.x[q], r.x[q + 1]);
                m.set(j, i, r.x[q], -r.x[q + 1]);
            }
        }
        return m;
    }

    // ------------------------------------------------------------------ duals

    /** Multiplier of a scalar inequality (≥ 0) or equality. */
    public double dual(Constraint c) {
        switch (c.kind) {
            case ROW:
                return r.rowDual[c.index];
            case EQUALITY:
                return r.eqDual[c.index];
            case LOG_DET:
                return logDetMultiplier; // λ ≥ 0 of log det G(x) ≥ level
            default:
                throw new IllegalArgumentException(c.name() + " is an LMI: use dualMatrix");
        }
    }

    /** Multiplier Y ⪰ 0 of an LMI (or of a log-det term's block: w G⁻¹ at the optimum). */
    public DMatrixRMaj dualMatrix(Constraint c) {
        if (c.kind != Constraint.Kind.LMI && c.kind != Constraint.Kind.LOG_DET) {
            throw new IllegalArgumentException(c.name() + " is scalar: use dual");
        }
        int d = program.lowered.blocks.get(c.index).dim;
        return DMatrixRMaj.wrap(d, d, r.y[c.index].clone());
    }

    /** Multiplier of the PSD constraint of a symmetric variable. */
    public DMatrixRMaj dual(SymmetricVar v) {
        Integer k = program.blockOf(v);
        if (k == null) {
            throw new IllegalArgumentException(v.name() + " is not a PSD variable");
        }
        int d = v.size();
        return DMatrixRMaj.wrap(d, d, r.y[k].clone());
    }

    /**
     * Multiplier Z ⪰ 0 of the PSD constraint of a Hermitian variable: the real 2k×2k dual
     * [[A, −B], [B, A]] of the embedding corresponds to Z = 2 (A + jB), since
     * ⟨E(X), E(Z')⟩ = 2 Re tr(X Z'ᴴ) (the trace doubling of [fangactive S3.10]).
     */
    public ZMatrixRMaj dual(HermitianVar v) {
        Integer kb = program.blockOf(v);
        if (kb == null) {
            throw new IllegalArgumentException(v.name() + " is not a PSD variable");
        }
        return hermitianMultiplier(kb, v.size());
    }

    /**
     * Multiplier Z ⪰ 0 of a Hermitian LMI H(x) ⪰ 0 ({@link ConvexProgram.Builder#lmi(String, HermitianAffineMatrix)}),
     * with the convention of {@link #dual(HermitianVar)}: Z = 2 (A + jB) from the embedding's [[A, −B], [B, A]].
     */
    public ZMatrixRMaj hermitianDual(Constraint c) {
        if (c.kind != Constraint.Kind.LMI || !program.isHermitianBlock(c.index)) {
            throw new IllegalArgumentException(c.name() + " is not a Hermitian LMI");
        }
        return hermitianMultiplier(c.index, program.lowered.blocks.get(c.index).dim / 2);
    }

    private ZMatrixRMaj hermitianMultiplier(int kb, int k) {
        int d = 2 * k;
        double[] y = r.y[kb];
        ZMatrixRMaj z = new ZMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                // average the two copies of A and of B (the embedding's redundancy)
                double a = 0.5 * (y[i * d + j] + y[(k + i) * d + k + j]);
                double b = 0.5 * (y[(k + i) * d + j] - y[i * d + k + j]);
                z.set(i, j, 2 * a, 2 * b);
            }
        }
        return z;
    }

    private void requirePoint() {
        if (!r.status.hasPoint()) {
            throw new IllegalStateException("no primal point: the program is " + r.status);
        }
    }

    @Override
    public String toString() {
        return String.format("%s: objective %.12g, dual %.12g, rel. gap %.2e, residuals %.2e/%.2e, %d iterations, %.3f s",
            r.status, r.primalObjective, r.dualObjective, r.relativeGap, r.primalResidual, r.dualResidual,
            r.iterations, seconds);
    }
}
