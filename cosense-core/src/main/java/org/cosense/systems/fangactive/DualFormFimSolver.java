package org.cosense.systems.fangactive;

import java.util.ArrayList;
import java.util.List;

import org.cosense.bounds.AffineFisherInformation;
import org.cosense.optim.Affine;
import org.cosense.optim.AffineMatrix;
import org.cosense.optim.Constraint;
import org.cosense.optim.ConvexProgram;
import org.cosense.optim.ScalarVar;
import org.cosense.optim.Solution;
import org.cosense.optim.SolverOptions;
import org.cosense.optim.Status;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * {@link FimProgramSolver} that hands the toolkit's interior-point solver the Lagrange dual of the
 * {@link FimProgram} and reads X_l back as the multiplier of the dual's LMIs — the same optimum as
 * {@link OptimFimSolver} with a far smaller Newton system.
 *
 * <h2>Why</h2>
 * In the LMI ("SDPA dual") form the solver iterates on, the program's variables are the entries of
 * the X_l: 256 real unknowns for a 16×16 Hermitian Theta, 512 for the R-step, and the dense Schur
 * complement of that size dominates every AO iteration. The FimProgram has few affine constraints
 * instead (p(p+1)/2 + p^2 + 1 = 27 per block for p = 4, plus the rows), so in the standard primal form
 * <pre>
 *   minimize   kappa
 *   over       X_l ⪰ 0 (Hermitian n_l×n_l),  S_l ⪰ 0 (2p×2p real),  kappa, rho_l, sigma_j ≥ 0
 *   subject to (a) [S_l]_pq − tr(M^(l)_pq X_l) = [F0_l]_pq              (p ≤ q < p_l)
 *              (b) [S_l]_{p, p_l+q} = δ_pq                              (S_l = [F_l(X_l) I; I U_l])
 *              (c) kappa − rho_l − Σ_i w_{l,i} [S_l]_{p_l+i, p_l+i} = 0   (kappa ≥ Σ w_i [U_l]_ii)
 *              (d) Σ_l tr(A_{j,l} X_l) + sigma_j = −b_j                 (sigma_j only for the ≤ rows)
 * </pre>
 * its dual is an LMI in only m = Σ_l 27 + #rows multipliers y:
 * <pre>
 *   maximize   Σ_pq [F0_l]_pq y^a_lpq + Σ_p y^b_lpp − Σ_j b_j y^d_j
 *   subject to Σ_pq y^a_lpq M_pq − Σ_j y^d_j A_{j,l} ⪰ 0                 (dual of X_l; Hermitian, embedded)
 *              −Σ_pq y^a_lpq E_pq − Σ_pq y^b_lpq E_{p,p+q} + y^c_l Σ_i w_i E_{p+i,p+i} ⪰ 0   (dual of S_l)
 *              1 − Σ_l y^c_l ≥ 0,  y^c_l ≥ 0,  y^d_j ≤ 0 for the ≤ rows     (duals of kappa, rho, sigma)
 * </pre>
 * The interior-point method is primal–dual, so the multiplier Z_l of the first LMI is the optimal
 * X_l (real embedding [[Re X, −Im X], [Im X, Re X]]; its Hermitian projection is taken, which keeps
 * feasibility and value). For the SDR Theta-step (N = 16) the Newton system shrinks from 266 to 44
 * unknowns, for the R-step (M = 16, L = 2) from 533 to 57. Infeasible programs show up as an
 * unbounded dual and are reported INFEASIBLE.
 */
public final class DualFormFimSolver implements FimProgramSolver {
    private final SolverOptions options;

    public DualFormFimSolver(SolverOptions options) {
        this.options = options;
    }

    /**
     * Relative gap 1e-8 and residuals 1e-7: in this form the multiplier residual A(Z) − b stalls near
     * 1e-7 once mu reaches 1e-11 (the rank-one optima make the Newton system ill-conditioned), while the
     * value is already within 1e-8; the AO re-evaluates and repairs every point anyway.
     */
    public static SolverOptions recommendedOptions() {
        return new SolverOptions(100, 1e-8, 1e-14, 1e-7, 1e-9);
    }

    public DualFormFimSolver() {
        this(recommendedOptions());
    }

    /** Accumulates Σ_k y_k C_k entrywise for a symmetric real matrix of the dual. */
    private static final class Lmi {
        final int size;
        final List<List<ScalarVar>> vars = new ArrayList<>();
        final List<List<Double>> coefs = new ArrayList<>();

        Lmi(int size) {
            this.size = size;
            for (int i = 0; i < size * size; i++) {
                vars.add(new ArrayList<>());
                coefs.add(new ArrayList<>());
            }
        }

        /** Entry (i, j), i ≤ j, += c y (set() mirrors it to (j, i)). */
        void add(int i, int j, ScalarVar y, double c) {
            if (c == 0) {
                return;
            }
            int a = Math.min(i, j);
            int b = Math.max(i, j);
            vars.get(a * size + b).add(y);
            coefs.get(a * size + b).add(c);
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

        AffineMatrix build() {
            AffineMatrix f = AffineMatrix.zeros(size);
            for (int i = 0; i < size; i++) {
                for (int j = i; j < size; j++) {
                    List<ScalarVar> v = vars.get(i * size + j);
                    if (v.isEmpty()) {
                        continue;
                    }
                    Affine[] t = new Affine[v.size()];
                    for (int k = 0; k < t.length; k++) {
                        t[k] = v.get(k).times(coefs.get(i * size + j).get(k));
                    }
                    f.set(i, j, Affine.sum(t));
                }
            }
            return f;
        }
    }

    /**
     * The Lagrange dual of a FimProgram as a {@link ConvexProgram} (for benchmarks and SDPA export),
     * with the LMIs whose multipliers are the X_l.
     */
    public record Dual(ConvexProgram program, List<Constraint> xMultipliers) {
    }

    /** Builds the dual of the class comment. */
    public static Dual dual(FimProgram prog) {
        ConvexProgram.Builder p = ConvexProgram.builder();
        int blocks = prog.blockCount();
        List<Affine> objective = new ArrayList<>(); // Σ b_k y_k (maximized)
        List<Lmi> xDual = new ArrayList<>();
        ScalarVar[] yc = new ScalarVar[blocks];
        for (int l = 0; l < blocks; l++) {
            AffineFisherInformation fim = prog.fims().get(l);
            int k = fim.parameterCount();
            int n = fim.variableDimension();
            Lmi x = new Lmi(2 * n);
            Lmi s = new Lmi(2 * k);
            for (int a = 0; a < k; a++) {
                for (int b = a; b < k; b++) {
                    ScalarVar y = p.scalar("a" + l + "_" + a + b);
                    objective.add(y.times(fim.constant().get(a, b)));
                    // ⟨emb(M)/2, emb(X)⟩ = tr(M X): the X-dual gets + y (emb M)/2
                    x.addEmbedded(fim.coefficient(a, b), y, 0.5);
                    s.add(a, b, y, a == b ? -1 : -0.5);
                }
            }
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    ScalarVar y = p.scalar("b" + l + "_" + a + b);
                    if (a == b) {
                        objective.add(y.affine());
                    }
                    s.add(a, k + b, y, -0.5);
                }
            }
            yc[l] = p.nonnegative("c" + l); // the dual of rho_l ≥ 0
            double[] w = prog.weights().get(l);
            for (int i = 0; i < k; i++) {
                s.add(k + i, k + i, yc[l], w[i]);
            }
            p.lmi("S" + l, s.build());
            xDual.add(x);
        }
        int row = 0;
        for (LinearConstraint c : prog.constraints()) {
            ScalarVar y = p.scalar("d" + row++);
            if (c.kind() == LinearConstraint.Kind.AT_MOST_ZERO) {
                p.le(y.affine(), 0); // the dual of sigma_j ≥ 0
            }
            objective.add(y.times(-c.offset()));
            for (int l = 0; l < blocks; l++) {
                ZMatrixRMaj a = c.coefficients().get(l);
                if (a != null) {
                    xDual.get(l).addEmbedded(a, y, -0.5);
                }
            }
        }
        Affine sumC = Affine.constant(0);
        for (ScalarVar y : yc) {
            sumC = sumC.plus(y.affine());
        }
        p.le(sumC, 1); // the dual of kappa ≥ 0
        List<Constraint> xLmi = new ArrayList<>();
        for (int l = 0; l < blocks; l++) {
            xLmi.add(p.lmi("X" + l, xDual.get(l).build()));
        }
        p.minimize(Affine.sum(objective.toArray(new Affine[0])).negate());
        return new Dual(p.build(), List.copyOf(xLmi));
    }

    @Override
    public FimSolution solve(FimProgram prog) {
        Dual dual = dual(prog);
        List<Constraint> xLmi = dual.xMultipliers();
        int blocks = prog.blockCount();
        Solution sol = dual.program().solve(options);
        Status st = sol.status();
        if (st == Status.UNBOUNDED) {
            return new FimSolution(FimSolution.Status.INFEASIBLE, null, Double.NaN, sol.iterations(), "infeasible (dual unbounded)");
        }
        if (!st.hasPoint()) {
            // INFEASIBLE here is an infeasible dual: cannot happen for the bounded programs of this package
            return new FimSolution(FimSolution.Status.FAILED, null, Double.NaN, sol.iterations(), "dual form: " + st);
        }
        List<ZMatrixRMaj> xs = new ArrayList<>();
        for (int l = 0; l < blocks; l++) {
            xs.add(hermitianPart(sol.dualMatrix(xLmi.get(l))));
        }
        // NEAR_OPTIMAL (a stall within 10x of the tolerances) and the other statuses with a point are accepted as INACCURATE
        return new FimSolution(st == Status.OPTIMAL ? FimSolution.Status.OPTIMAL : FimSolution.Status.INACCURATE, xs, prog.objective(xs),
                sol.iterations(), st == Status.OPTIMAL ? "" : st + "; relative gap " + sol.relativeGap() + ", residual " + sol.dualResidual());
    }

    /** X = (Z11 + Z22)/2 + j (Z21 − Z12)/2 from a real 2n×2n Z: ⟨emb(A), Z⟩ = 2 tr(A X) for Hermitian A. */
    static ZMatrixRMaj hermitianPart(DMatrixRMaj z) {
        int n = z.numRows / 2;
        ZMatrixRMaj x = new ZMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double re = 0.5 * (z.get(i, j) + z.get(n + i, n + j));
                double im = 0.5 * (z.get(n + i, j) - z.get(i, n + j));
                x.set(i, j, re, im);
            }
        }
        return Cx.herm(x);
    }
}
