package org.cosense.systems.wangmultistatic;

import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.bounds.Crb;
import org.cosense.bounds.CrbResult;
import org.cosense.bounds.FisherInformation;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Cooperative bounds over a set G of receivers ([wangmultistatic S3.6]).
 * <ul>
 * <li>{@link #paper}: U = tr((Σ_{k∈G} J_k)^{-1}) of (17)–(18), the inverse of the summed PAPER FIMs,
 * evaluated in the cancellation-free form U = (1 + κ₁)/((κ₁ − κ₂²) X), X = Σ χ_k Υ_k (35)–(36)
 * ([wangmultistatic P1]). It is what the paper's figures plot.</li>
 * <li>{@link #sumOfInverses}: U_sum = Σ tr(J_k^{-1}), the bound on the summed per-receiver MSEs of
 * their own (different) parameters — the correct reading of (17) ([wangmultistatic E3]).</li>
 * <li>{@link #positionFim}: the FIM of a common parameter ψ (e.g. (x₀, y₀, v)) by the chain rule,
 * J_ψ = Σ G_k^T J_k G_k, G_k = ∂(τ_k, f̃_k)/∂ψ.</li>
 * </ul>
 * An empty or uninformative set gives +∞, never a large finite number.
 */
public final class CooperativeCrb {
    private CooperativeCrb() {
    }

    /** U of (18) for receivers with factors g_k and Υ_k(W), through the κ reduction (35)–(36). */
    public static double paper(PaperFim model, double[] gains, double[] upsilons) {
        InvalidInputException.require(gains.length == upsilons.length, "Υ_k count", upsilons.length,
                "must equal the receiver count " + gains.length);
        double x = 0;
        for (int k = 0; k < gains.length; k++) {
            InvalidInputException.require(upsilons[k] >= 0, "Υ_k(W)", k, upsilons[k], "must be >= 0");
            x += model.chi(gains[k]) * upsilons[k];
        }
        if (!(x > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double k1 = model.kappa1();
        double k2 = model.kappa2();
        // κ₁ − κ₂² = κ₁ (1 − r²) > 0 by Cauchy–Schwarz on the pulse ([wangmultistatic C4]).
        return (1 + k1) / (k1 * (1 - model.pulse().correlationSquared()) * x);
    }

    /** (18) as printed: (I + X)/(I X − S²) from the summed entries; cancels for large ι/χ, for tests. */
    public static double printed(PaperFim model, double[] gains, double[] upsilons) {
        double i = 0;
        double x = 0;
        double s = 0;
        for (int k = 0; k < gains.length; k++) {
            i += model.iota(gains[k]) * upsilons[k];
            x += model.chi(gains[k]) * upsilons[k];
            s += model.varsigma(gains[k]) * upsilons[k];
        }
        return (i + x) / (i * x - s * s);
    }

    /** tr((Σ_k J_k)^{-1}) of (17) for any per-receiver FIMs; +∞ if the sum is singular or G is empty. */
    public static double inverseOfSum(List<DMatrixRMaj> fims) {
        if (fims.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        return trace(Crb.of(FisherInformation.sum(fims)));
    }

    /** U_sum = Σ_k tr(J_k^{-1}) ([wangmultistatic E3]); +∞ if any J_k is singular or G is empty. */
    public static double sumOfInverses(List<DMatrixRMaj> fims) {
        if (fims.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        double u = 0;
        for (DMatrixRMaj j : fims) {
            u += trace(Crb.of(j));
        }
        return u;
    }

    /**
     * J_ψ = Σ_k G_k^T J_k G_k: the FIM of common parameters ψ observed through every receiver's own
     * (τ_k, f̃_k) = h_k(ψ), with G_k = ∂h_k/∂ψ (2×q). Receivers have independent noise, so their
     * informations on ψ add.
     */
    public static DMatrixRMaj positionFim(List<DMatrixRMaj> fims, List<DMatrixRMaj> jacobians) {
        InvalidInputException.require(!fims.isEmpty(), "receivers", "[]", "must not be empty");
        InvalidInputException.require(fims.size() == jacobians.size(), "Jacobian count", jacobians.size(),
                "must equal the FIM count " + fims.size());
        DMatrixRMaj total = null;
        for (int k = 0; k < fims.size(); k++) {
            DMatrixRMaj t = FisherInformation.transform(fims.get(k), jacobians.get(k));
            if (total == null) {
                total = t;
            } else {
                InvalidInputException.require(t.numRows == total.numRows, "Jacobian columns", k, t.numRows,
                        "must be " + total.numRows + " for every receiver");
                CommonOps_DDRM.addEquals(total, t);
            }
        }
        return total;
    }

    /** CRB on ψ from {@link #positionFim}; unidentifiable (e.g. one receiver, three unknowns) is reported so. */
    public static CrbResult positionCrb(List<DMatrixRMaj> fims, List<DMatrixRMaj> jacobians) {
        return Crb.of(positionFim(fims, jacobians));
    }

    private static double trace(CrbResult crb) {
        if (!crb.identifiable()) {
            return Double.POSITIVE_INFINITY;
        }
        return CommonOps_DDRM.trace(crb.covariance());
    }
}
