package org.cosense.localization;

import org.cosense.InvalidInputException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Weighted least squares for K unknowns observed through all K² pairwise sums
 * ρ_jk = d_j + d_k + e_jk with independent errors of known variances — stage 1 of Zhang et al.
 * (58)–(59): K² cascaded path lengths IRS j → target → IRS k give the K segment lengths d_k
 * [zhanghybrid S5]:
 * <pre>
 *   ρ = H d + e,  row (j, k) of H = e_j^T + e_k^T,   d^ = (H^T C^{-1} H)^{-1} H^T C^{-1} ρ,   cov(d^) = (H^T C^{-1} H)^{-1}
 * </pre>
 * Both ρ_jk and ρ_kj enter as separate measurements [zhanghybrid P10]. H has full column rank for
 * every K ≥ 1 (the diagonal rows alone determine d).
 *
 * @param estimate   d^ (K)
 * @param covariance (H^T C^{-1} H)^{-1} (K × K)
 */
public record PairwiseSumFusion(double[] estimate, DMatrixRMaj covariance) {

    /**
     * @param sums      ρ_jk, K × K (any unit)
     * @param variances var(ρ_jk) &gt; 0, K × K
     */
    public static PairwiseSumFusion of(double[][] sums, double[][] variances) {
        int k = sums.length;
        InvalidInputException.require(k >= 1 && variances.length == k, "pairwise sums", k + "x?", "must be K x K with matching variances");
        DMatrixRMaj info = new DMatrixRMaj(k, k);
        double[] rhs = new double[k];
        for (int j = 0; j < k; j++) {
            InvalidInputException.require(sums[j].length == k && variances[j].length == k, "pairwise sums row", j + 1, sums[j].length,
                    "must have K = " + k + " entries");
            for (int i = 0; i < k; i++) {
                double v = variances[j][i];
                InvalidInputException.require(v > 0 && Double.isFinite(v), "pairwise sum variance", j * k + i + 1, v,
                        "must be positive and finite");
                InvalidInputException.finite("pairwise sum", sums[j][i]);
                double w = 1 / v;
                // h = e_j + e_i
                info.add(j, j, w);
                info.add(i, i, w);
                info.add(j, i, w);
                info.add(i, j, w);
                rhs[j] += w * sums[j][i];
                rhs[i] += w * sums[j][i];
            }
        }
        DMatrixRMaj cov = new DMatrixRMaj(k, k);
        if (!CommonOps_DDRM.invertSPD(info.copy(), cov)) {
            CommonOps_DDRM.invert(info, cov);
        }
        double[] d = new double[k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                d[a] += cov.get(a, b) * rhs[b];
            }
        }
        return new PairwiseSumFusion(d, cov);
    }
}
