package org.cosense.optim;

import java.util.ArrayList;
import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.bounds.AffineFisherInformation;
import org.cosense.bounds.Crb;
import org.cosense.bounds.CrbResult;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.HermitianEigen;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * A min–max of weighted traces of inverse affine matrices over L Hermitian PSD blocks, with linear rows:
 * <pre>
 *   minimize    max_l Σ_i w_{l,i} [F_l(X_l)^{-1}]_ii
 *   variables   X_l ∈ H^{n_l} (complex Hermitian n_l×n_l, l = 1..L),  X_l ⪰ 0,  F_l(X_l) ≻ 0
 *   subject to  g_j(X) = Σ_l tr(A_{j,l} X_l) + b_j ≤ 0 or = 0   (the {@link LinearConstraint}s)
 *   with        [F_l(X)]_pq = [F0_l]_pq + tr(M^(l)_pq X)   ({@link AffineFisherInformation}: p×p real symmetric)
 * </pre>
 * Convex: F_l is affine and X ↦ tr(Ω X^{-1}) is convex on X ≻ 0 (w ≥ 0). Its epigraph form, with the
 * Schur complement U_l ⪰ F_l^{-1} ⇔ [[F_l, I], [I, U_l]] ⪰ 0, is an SDP:
 * <pre>
 *   minimize kappa  s.t.  [F_l(X_l) I; I U_l] ⪰ 0,  kappa − Σ_i w_{l,i} [U_l]_ii ≥ 0,  X_l ⪰ 0,  g_j(X) ≤ 0 / = 0.
 * </pre>
 * With L = 1 this is min tr(Ω F(X)^{-1}) (an A-optimal design in X, e.g. an SDR of a reflection design);
 * with several blocks a worst-case design over L sensors (e.g. transmit covariances for L targets).
 * Two solvers: {@link DualTraceInverseSolver} through {@link #standardForm()} and the dual LMI, and
 * {@link DirectTraceInverseSolver}. Callers should scale rows and variables to O(1), so that absolute
 * tolerances around 1e-8 are meaningful. The optimum is attained when the feasible set is bounded
 * (trace or diagonal bounds and X ⪰ 0).
 *
 * @param fims        F_l, one per block; n_l = fims.get(l).variableDimension()
 * @param weights     w_l (diag Ω_l, ≥ 0), one per block, length p
 * @param constraints g_j
 * @param start       optional (may be null): a feasible point, possibly on the boundary (e.g. an
 *                    incumbent), with F_l(X_l) ≻ 0; a solver may use it for a warm start or ignore it
 */
public record TraceInverseProgram(List<AffineFisherInformation> fims, List<double[]> weights, List<LinearConstraint> constraints,
        List<ZMatrixRMaj> start) {

    public TraceInverseProgram {
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
        return Crb.weightedTrace(fims.get(l).evaluate(x), weights.get(l));
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
            v = Math.max(v, -HermitianEigen.decompose(xl).minEigenvalue());
        }
        return v;
    }

    /** A copy with another start point. */
    public TraceInverseProgram withStart(List<ZMatrixRMaj> s) {
        return new TraceInverseProgram(fims, weights, constraints, s);
    }

    /** Blocks of zeros of the right sizes (a helper for building constraints). */
    public static List<ZMatrixRMaj> zeros(int[] n) {
        List<ZMatrixRMaj> z = new ArrayList<>();
        for (int nl : n) {
            z.add(new ZMatrixRMaj(nl, nl));
        }
        return z;
    }

    /**
     * The epigraph SDP of the class comment in standard form ({@link StandardFormSdp}), for the dual route:
     * <pre>
     *   minimize   kappa
     *   over       S_l ⪰ 0 (2p×2p real),  rho_l ≥ 0,  sigma_j ≥ 0 (≤ rows only),  kappa ≥ 0,  X_l ⪰ 0 (Hermitian)
     *   subject to (a) [S_l]_pq − tr(M^(l)_pq X_l) = [F0_l]_pq                (p ≤ q < k)
     *              (b) [S_l]_{p, k+q} = δ_pq                                  (S_l = [F_l(X_l) I; I U_l])
     *              (c) kappa − rho_l − Σ_i w_{l,i} [S_l]_{k+i, k+i} = 0        (kappa ≥ Σ_i w_i [U_l]_ii)
     *              (d) Σ_l tr(A_{j,l} X_l) + sigma_j = −b_j                   (sigma_j only on the ≤ rows)
     * </pre>
     * k(k+1)/2 + k^2 + 1 rows per block (27 for k = 4) plus one per constraint: its dual LMI has that many
     * unknowns, whatever the block sizes n_l. kappa ≥ 0 holds at every feasible point (U_l ⪰ F_l^{-1} ≻ 0, w ≥ 0).
     */
    public StandardForm standardForm() {
        StandardFormSdp.Builder sdp = StandardFormSdp.builder();
        int blocks = blockCount();
        List<StandardFormSdp.Block> s = new ArrayList<>();
        List<StandardFormSdp.Scalar> rho = new ArrayList<>();
        for (int l = 0; l < blocks; l++) {
            s.add(sdp.symmetricPsd("S" + l, 2 * fims.get(l).parameterCount()));
            rho.add(sdp.nonnegative("rho" + l));
        }
        List<StandardFormSdp.Scalar> sigma = new ArrayList<>();
        for (int j = 0; j < constraints.size(); j++) {
            sigma.add(constraints.get(j).kind() == LinearConstraint.Kind.AT_MOST_ZERO ? sdp.nonnegative("sigma" + j) : null);
        }
        StandardFormSdp.Scalar kappa = sdp.nonnegative("kappa");
        sdp.minimize(kappa, 1);
        List<StandardFormSdp.Block> x = new ArrayList<>();
        for (int l = 0; l < blocks; l++) {
            x.add(sdp.hermitianPsd("X" + l, fims.get(l).variableDimension()));
        }
        for (int l = 0; l < blocks; l++) {
            AffineFisherInformation fim = fims.get(l);
            int k = fim.parameterCount();
            for (int a = 0; a < k; a++) {
                for (int b = a; b < k; b++) {
                    sdp.row(fim.constant().get(a, b)).plusEntry(s.get(l), a, b, 1).plus(x.get(l), fim.coefficient(a, b), -1).add();
                }
            }
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    sdp.row(a == b ? 1 : 0).plusEntry(s.get(l), a, k + b, 1).add();
                }
            }
            DMatrixRMaj weightRow = new DMatrixRMaj(2 * k, 2 * k);
            for (int i = 0; i < k; i++) {
                weightRow.set(k + i, k + i, -weights.get(l)[i]);
            }
            sdp.row(0).plus(kappa, 1).plus(rho.get(l), -1).plus(s.get(l), weightRow, 1).add();
        }
        for (int j = 0; j < constraints.size(); j++) {
            LinearConstraint c = constraints.get(j);
            StandardFormSdp.RowBuilder row = sdp.row(-c.offset());
            for (int l = 0; l < blocks; l++) {
                if (c.coefficients().get(l) != null) {
                    row.plus(x.get(l), c.coefficients().get(l), 1);
                }
            }
            if (sigma.get(j) != null) {
                row.plus(sigma.get(j), 1);
            }
            row.add();
        }
        return new StandardForm(sdp.build(), List.copyOf(x));
    }

    /** {@link #standardForm()}'s program and its blocks X_l (the other blocks and scalars are auxiliary). */
    public record StandardForm(StandardFormSdp sdp, List<StandardFormSdp.Block> x) {
    }
}
