package org.cosense.systems.fangactive;

import java.util.ArrayList;
import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.bounds.AffineFisherInformation;
import org.cosense.bounds.Crb;
import org.cosense.bounds.CrbResult;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * The one convex program every step of the fangactive design needs (spec fangactive 3.10, 3.11.3):
 * a min–max of weighted Fisher-information traces over L Hermitian PSD blocks.
 *
 * <h2>Mathematical program</h2>
 * <pre>
 *   minimize    kappa
 *   variables   X_l ∈ H^{n_l} (complex Hermitian n_l×n_l, l = 1..L),  U_l ∈ S^p (real symmetric),  kappa ∈ R
 *   subject to  [ F_l(X_l)   I_p ]
 *               [ I_p        U_l ] ⪰ 0                (2p×2p real symmetric, one per l; Schur: U_l ⪰ F_l^{-1})
 *               kappa − Σ_i w_{l,i} [U_l]_ii ≥ 0       (one per l)
 *               X_l ⪰ 0                              (Hermitian PSD, one per l)
 *               g_j(X) = Σ_l tr(A_{j,l} X_l) + b_j ≤ 0 or = 0   (the {@link LinearConstraint}s)
 *   with        [F_l(X)]_pq = [F0_l]_pq + tr(M^(l)_pq X)         ({@link AffineFisherInformation}, p = 4 here)
 * </pre>
 * equivalently minimize max_l Σ_i w_{l,i} [F_l(X_l)^{-1}]_ii over X_l ⪰ 0 with F_l(X_l) ≻ 0 and the
 * g_j. All data are real or Hermitian; tr(A X) = Σ_ij (Re A_ij Re X_ij + Im A_ij Im X_ij). Convex:
 * F_l is affine and X ↦ tr(Ω X^{-1}) is convex on X ≻ 0 (w ≥ 0). With L = 1 this is
 * min tr(Ω F(X)^{-1}) (the SDR Theta-subproblem), with L = #IRSs the R-step.
 *
 * <h2>Instances built in this package</h2>
 * <ul>
 *   <li><b>R-step</b> ({@link RStep}, (P2.1)/(P5.1)): L = #IRSs blocks, n_l = M, X_l = R_l / P_t;
 *       F_l = the Prop. 1/2 FIM affine in R (beta coordinates scaled by |beta_l|, w = (1, 1, |beta|^2,
 *       |beta|^2), times a common normalization so that kappa ≈ 1 at {@link #start}); constraints:
 *       Σ_l tr X_l − L ≤ 0 (18b), and per active IRS tr((P_t/P_s) K_l X_l) + (c_l − P_s)/P_s ≤ 0
 *       ((18a)/(42a)); none of the latter for the passive benchmark.</li>
 *   <li><b>SDR Theta-step</b> ({@link PsiStep}, (SDR3.l.3.i)/(SDR6.l.3.i)): L = 1, n = N,
 *       X = Theta / a_max^2 (passive: X = Theta); F = the SCA surrogate {@link ScaSurrogate} (affine in
 *       Theta), same beta scaling, normalized so that the objective is ≈ 1 at {@link #start};
 *       constraints: [X]_nn − 1 ≤ 0, n = 1..N (26b), and tr((a_max^2/P_s) K X) + (c − P_s)/P_s ≤ 0 (the
 *       linearized (25) or the exact (47)); passive: [X]_nn − 1 = 0 and no power constraint.</li>
 * </ul>
 * Every row and variable is pre-scaled to O(1) (pitfall P1), so a solver may use absolute tolerances
 * around 1e-8. The optimum is attained (bounded feasible set: trace or diagonal bounds and X ⪰ 0).
 *
 * @param fims        F_l, one per block; n_l = fims.get(l).variableDimension()
 * @param weights     w_l (diag Ω_l, ≥ 0), one per block, length p
 * @param constraints g_j
 * @param start       optional (may be null): a feasible point, possibly on the boundary (e.g. the
 *                    incumbent), with F_l(X_l) ≻ 0; a solver may use it for a warm start or ignore it
 */
public record FimProgram(List<AffineFisherInformation> fims, List<double[]> weights, List<LinearConstraint> constraints,
        List<ZMatrixRMaj> start) {

    public FimProgram {
        fims = List.copyOf(fims);
        weights = weights.stream().map(double[]::clone).toList();
        constraints = List.copyOf(constraints);
        InvalidInputException.require(!fims.isEmpty(), "block count", 0, "must be ≥ 1");
        InvalidInputException.require(weights.size() == fims.size(), "weights count", weights.size(), "must equal the block count " + fims.size());
        for (int l = 0; l < fims.size(); l++) {
            InvalidInputException.require(weights.get(l).length == fims.get(l).parameterCount(), "weights[" + l + "].length",
                    weights.get(l).length, "must equal the parameter count " + fims.get(l).parameterCount());
            for (double w : weights.get(l)) {
                InvalidInputException.require(w >= 0 && Double.isFinite(w), "weight", w, "must be finite and ≥ 0");
            }
        }
        for (LinearConstraint c : constraints) {
            InvalidInputException.require(c.blockCount() == fims.size(), "constraint block count", c.blockCount(),
                    "must equal the block count " + fims.size());
            for (int l = 0; l < fims.size(); l++) {
                ZMatrixRMaj a = c.coefficients().get(l);
                InvalidInputException.require(a == null || a.numRows == fims.get(l).variableDimension(), "constraint matrix size",
                        a == null ? 0 : a.numRows, "must equal n_" + l + " = " + fims.get(l).variableDimension());
            }
        }
        if (start != null) {
            InvalidInputException.require(start.size() == fims.size(), "start block count", start.size(), "must be " + fims.size());
            start = start.stream().map(ZMatrixRMaj::copy).toList();
        }
    }

    public int blockCount() {
        return fims.size();
    }

    /** n_l. */
    public int[] blockSizes() {
        int[] n = new int[blockCount()];
        for (int l = 0; l < n.length; l++) {
            n[l] = fims.get(l).variableDimension();
        }
        return n;
    }

    /** Σ_i w_{l,i} [F_l(X_l)^{-1}]_ii; +∞ when F_l(X_l) is singular or not positive definite. */
    public double blockObjective(int l, ZMatrixRMaj x) {
        DMatrixRMaj f = fims.get(l).evaluate(x);
        CrbResult c = Crb.of(f);
        if (!c.identifiable()) {
            return Double.POSITIVE_INFINITY;
        }
        double s = 0;
        for (int i = 0; i < f.numRows; i++) {
            double v = c.variance(i);
            if (v <= 0) {
                return Double.POSITIVE_INFINITY; // F not positive definite
            }
            s += weights.get(l)[i] * v;
        }
        return s;
    }

    /** max_l of {@link #blockObjective}: the program's objective at X. */
    public double objective(List<ZMatrixRMaj> x) {
        double worst = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < blockCount(); l++) {
            worst = Math.max(worst, blockObjective(l, x.get(l)));
        }
        return worst;
    }

    /** The largest constraint violation at X (0 when feasible), PSD violations included as −λ_min. */
    public double maxViolation(List<ZMatrixRMaj> x) {
        double v = 0;
        for (LinearConstraint c : constraints) {
            v = Math.max(v, c.violation(x));
        }
        for (ZMatrixRMaj xl : x) {
            v = Math.max(v, -org.cosense.math.HermitianEigen.decompose(xl).minEigenvalue());
        }
        return v;
    }

    /** A copy with another start point. */
    public FimProgram withStart(List<ZMatrixRMaj> s) {
        return new FimProgram(fims, weights, constraints, s);
    }

    /** Blocks of zeros of the right sizes (a helper for building constraints). */
    public static List<ZMatrixRMaj> zeros(int[] n) {
        List<ZMatrixRMaj> z = new ArrayList<>();
        for (int nl : n) {
            z.add(new ZMatrixRMaj(nl, nl));
        }
        return z;
    }
}
