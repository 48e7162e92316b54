package org.cosense.bounds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.cosense.InvalidInputException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Cramér–Rao bound: the inverse of a Fisher information matrix, with an identifiability check.
 *
 * <p>Parameters of one model differ in scale by many orders (angles ~1 rad, path gains ~1e-8), so
 * the raw FIM's condition number says nothing about identifiability. The check therefore uses the
 * diagonally scaled S = D^{-1/2} F D^{-1/2}, D = diag(F) — unit diagonal, invariant to the units
 * of each parameter: a parameter with F_ii = 0 is unidentifiable outright, and otherwise the model
 * is singular when λ_min(S)/λ_max(S) ≤ tolerance (default 1e-12; λ of S are accurate to ~1e-16
 * absolute, and λ_max(S) ∈ [1, p]). The bound is computed from the same scaled eigensystem,
 * F^{-1} = D^{-1/2} S^{-1} D^{-1/2}.
 */
public final class Crb {
    /** Default threshold on λ_min/λ_max of the scaled FIM. */
    public static final double DEFAULT_TOLERANCE = 1e-12;

    private Crb() {
    }

    /** CRB = F^{-1} with the default tolerance. */
    public static CrbResult of(DMatrixRMaj fim) {
        return of(fim, DEFAULT_TOLERANCE);
    }

    /** CRB = F^{-1}, singular when λ_min/λ_max of the scaled FIM ≤ {@code tolerance}. */
    public static CrbResult of(DMatrixRMaj fim, double tolerance) {
        int p = fim.numRows;
        InvalidInputException.require(fim.numCols == p, "fim shape", p + "x" + fim.numCols, "must be square");
        InvalidInputException.require(tolerance > 0 && tolerance < 1, "tolerance", tolerance, "must be in (0, 1)");
        for (int k = 0; k < fim.getNumElements(); k++) {
            if (!Double.isFinite(fim.data[k])) {
                throw new IllegalArgumentException("Fisher information has a non-finite entry: " + fim.data[k]);
            }
        }
        List<Integer> blind = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            (fim.get(i, i) > 0 ? seen : blind).add(i);
        }
        // Scaled FIM over the parameters with positive information.
        int q = seen.size();
        double[] sd = new double[q];
        DMatrixRMaj s = new DMatrixRMaj(q, q);
        for (int a = 0; a < q; a++) {
            sd[a] = Math.sqrt(fim.get(seen.get(a), seen.get(a)));
        }
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                double v = 0.5 * (fim.get(seen.get(a), seen.get(b)) + fim.get(seen.get(b), seen.get(a)));
                s.set(a, b, v / (sd[a] * sd[b]));
            }
        }
        double[] lambda = new double[q];
        DMatrixRMaj w = new DMatrixRMaj(q, q);
        if (q > 0) {
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(q, true, true);
            if (!eig.decompose(s.copy())) {
                throw new ArithmeticException("eigen decomposition of the scaled FIM did not converge");
            }
            Integer[] order = new Integer[q];
            double[] raw = new double[q];
            for (int k = 0; k < q; k++) {
                order[k] = k;
                raw[k] = eig.getEigenvalue(k).real;
            }
            Arrays.sort(order, (x, y) -> Double.compare(raw[x], raw[y]));
            for (int k = 0; k < q; k++) {
                lambda[k] = raw[order[k]];
                DMatrixRMaj v = eig.getEigenVector(order[k]);
                double nrm = CommonOps_DDRM.elementSum(elementSquare(v));
                for (int r = 0; r < q; r++) {
                    w.set(r, k, v.get(r) / Math.sqrt(nrm));
                }
            }
        }
        double lmax = q > 0 ? lambda[q - 1] : 0;
        int rank = 0;
        for (double l : lambda) {
            if (l > tolerance * lmax) {
                rank++;
            }
        }
        double cond = q > 0 && lambda[0] > 0 && blind.isEmpty() ? lmax / lambda[0] : Double.POSITIVE_INFINITY;
        if (!blind.isEmpty()) {
            return new CrbResult(false, null, Double.POSITIVE_INFINITY, rank,
                    "no Fisher information about parameter(s) " + blind + ": the observations do not depend on them");
        }
        if (rank < p) {
            return new CrbResult(false, null, Double.POSITIVE_INFINITY, rank, String.format(Locale.ROOT,
                    "Fisher information is singular (rank %d of %d, scaled λ_min/λ_max = %.3g ≤ %.3g): "
                            + "moving θ along %s leaves the observations' distribution unchanged to first order",
                    rank, p, lmax > 0 ? lambda[0] / lmax : 0.0, tolerance, nullDirection(w, sd)));
        }
        // F^{-1} = D^{-1/2} W Λ^{-1} W^T D^{-1/2}
        DMatrixRMaj cov = new DMatrixRMaj(p, p);
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double v = 0;
                for (int k = 0; k < p; k++) {
                    v += w.get(i, k) * w.get(j, k) / lambda[k];
                }
                v /= sd[i] * sd[j];
                cov.set(i, j, v);
                cov.set(j, i, v);
            }
        }
        return new CrbResult(true, cov, cond, rank, "");
    }

    /**
     * The weighted trace Σ_i w_i [F^-1]_ii of the bound (a scalar design objective such as tr(Ω F^-1)); +∞ when F is
     * not identifiable or not positive definite (a non-positive variance), so a minimizer never prefers such a point.
     */
    public static double weightedTrace(DMatrixRMaj fim, double[] weights) {
        CrbResult c = of(fim);
        if (!c.identifiable()) {
            return Double.POSITIVE_INFINITY;
        }
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
            double v = c.variance(i);
            if (v <= 0) {
                return Double.POSITIVE_INFINITY;
            }
            s += weights[i] * v;
        }
        return s;
    }

    /**
     * Bound on derived parameters g(θ) (e.g. a position from angles and ranges): G CRB G^T with
     * G = ∂g/∂θ (q×p). The condition number, rank and reason stay those of the underlying FIM; an
     * unidentifiable input stays unidentifiable (+∞), conservatively, even where some g might be.
     */
    public static CrbResult transform(CrbResult crb, DMatrixRMaj jacobian) {
        if (!crb.identifiable()) {
            return new CrbResult(false, null, crb.conditionNumber(), crb.rank(), "derived from an unidentifiable model: " + crb.reason());
        }
        DMatrixRMaj c = crb.covariance();
        InvalidInputException.require(jacobian.numCols == c.numRows, "jacobian cols", jacobian.numCols,
                "must equal the parameter count " + c.numRows);
        DMatrixRMaj gc = new DMatrixRMaj(jacobian.numRows, c.numCols);
        CommonOps_DDRM.mult(jacobian, c, gc);
        DMatrixRMaj out = new DMatrixRMaj(jacobian.numRows, jacobian.numRows);
        CommonOps_DDRM.multTransB(gc, jacobian, out);
        return new CrbResult(true, FisherInformation.symmetrize(out), crb.conditionNumber(), crb.rank(), crb.reason());
    }

    private static DMatrixRMaj elementSquare(DMatrixRMaj v) {
        DMatrixRMaj out = v.copy();
        CommonOps_DDRM.elementMult(out, v);
        return out;
    }

    /** The null vector of F in θ's own units, x = D^{-1/2} w_min, scaled to max |x_k| = 1. */
    private static String nullDirection(DMatrixRMaj w, double[] sd) {
        int q = sd.length;
        double[] x = new double[q];
        double max = 0;
        for (int k = 0; k < q; k++) {
            x[k] = w.get(k, 0) / sd[k];
            max = Math.max(max, Math.abs(x[k]));
        }
        StringBuilder b = new StringBuilder("(");
        for (int k = 0; k < q; k++) {
            double v = x[k] / max;
            b.append(k > 0 ? ", " : "").append(Math.abs(v) < 1e-6 ? "0" : String.format(Locale.ROOT, "%.3g", v));
        }
        return b.append(')').toString();
    }
}
