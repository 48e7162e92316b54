package org.cosense.systems.zhanghybrid;

import java.util.Optional;
import java.util.OptionalDouble;
import org.cosense.estimation.atomic.AnmSolution;

/**
 * The angle estimates of one IRS k from {@link JointAngleAnm}: its AOA (at its M sensors, from the
 * K observations Y_jk, j = 1..K) and its AOD (at its N elements, from Y_kj', j' = 1..K), both θ in
 * radians from broadside (u = sin θ). The AOD is absent, with the reason, when Z_k has rank one
 * [zhanghybrid C15].
 *
 * @param rankCase          the pre-processing case of Z_k (which sets how its AOD is estimated)
 * @param rank              numerical rank of Z_k
 * @param aoa               θ^A_k
 * @param aod               θ^D_k, when identifiable
 * @param aodNote           how the AOD was obtained, or why not
 * @param aoaSolution       the joint ANM solution behind the AOA (ADMM status, iterations, residuals)
 * @param aodSolution       the joint ANM solution behind a full-rank AOD
 * @param trustRegion       the trust-region result behind a partial-rank AOD
 */
public record IrsAngleEstimate(int irs, RankCase rankCase, int rank, double aoa, OptionalDouble aod, String aodNote,
                               AnmSolution aoaSolution, Optional<AnmSolution> aodSolution, Optional<AodTrustRegion.Result> trustRegion) {

    /**
     * Inverse-variance fusion of AOA and AOD into one angle of IRS k [zhanghybrid S3.13]:
     * θ = (J_A θ^A + J_D θ^D) / (J_A + J_D), the AOA alone when there is no AOD.
     */
    public double fused(double aoaInformation, double aodInformation) {
        if (aod.isEmpty()) {
            return aoa;
        }
        return (aoaInformation * aoa + aodInformation * aod.getAsDouble()) / (aoaInformation + aodInformation);
    }
}
