package org.cosense.systems.wangmultistatic;

import org.cosense.InvalidInputException;
import org.ejml.data.ZMatrixRMaj;

/**
 * One transmit-beamforming instance of (23)-(27) for a fixed selection b, with rank-one LoS communication links
 * [wangmultistatic S3.9]: maximize the sensing power delivered towards the target, a_b(theta)^T R a_b(theta)^*,
 * subject to R_k ≥ R_th at every RE and sum_{i=0..K} tr Q_i ≤ P_T (the sensing stream counts, [wangmultistatic E11]).
 *
 * <p>Why this objective: for a fixed b the PAPER-mode bound (18) reduces to U = c / (X), X = (sum_{k in G} chi_k)
 * N_r a_b^T R a_b^* with a positive constant c (35)-(36) [wangmultistatic S3.6], so minimizing U is maximizing the
 * linear function a_b^T (sum_i Q_i) a_b^* of the lifted variables; the positive factor {@code sensingWeight} (the
 * sum of chi_k N_r, or the mono-static chi when G is empty) only scales the optimum [wangmultistatic S3.10].
 *
 * @param links            one LoS link H_{b,k} per RE
 * @param sensingSteering  a_b(theta), N_t×1, the transmit steering towards the target
 * @param selected         b_k: RE k cancels the sensing stream s_0
 * @param rateThreshold    R_th, bit/s/Hz (≥ 0)
 * @param powerBudget      P_T, W (> 0)
 * @param noise            sigma^2, W (> 0)
 * @param sensingWeight    positive factor multiplying a_b^T R a_b^* in the objective
 */
public record BeamformingProblem(LosLink[] links, ZMatrixRMaj sensingSteering, boolean[] selected, double rateThreshold,
        double powerBudget, double noise, double sensingWeight) {
    public BeamformingProblem {
        InvalidInputException.require(links != null && links.length >= 1, "links", links == null ? null : links.length, "at least one RE");
        InvalidInputException.require(sensingSteering != null && sensingSteering.numCols == 1, "sensingSteering",
                sensingSteering, "an N_t×1 steering vector");
        for (int k = 0; k < links.length; k++) {
            InvalidInputException.require(links[k].transmitAntennas() == sensingSteering.numRows, "links", k,
                    links[k].transmitAntennas(), "N_t = " + sensingSteering.numRows + " transmit antennas");
        }
        InvalidInputException.require(selected != null && selected.length == links.length, "selected",
                selected == null ? null : selected.length, "one flag per RE (" + links.length + ")");
        InvalidInputException.require(rateThreshold >= 0 && Double.isFinite(rateThreshold), "rateThreshold", rateThreshold, "finite, ≥ 0 bit/s/Hz");
        InvalidInputException.require(powerBudget > 0 && Double.isFinite(powerBudget), "powerBudget", powerBudget, "finite, > 0 W");
        InvalidInputException.require(noise > 0, "noise", noise, "> 0 W");
        InvalidInputException.require(sensingWeight > 0 && Double.isFinite(sensingWeight), "sensingWeight", sensingWeight, "finite, > 0");
        links = links.clone();
        selected = selected.clone();
    }

    public int receivers() {
        return links.length;
    }

    public int transmitAntennas() {
        return sensingSteering.numRows;
    }

    /** 2^{R_th} - 1, the SINR every RE needs. */
    public double requiredSinr() {
        return Math.pow(2, rateThreshold) - 1;
    }

    /** The objective at given covariances: weight · a_b^T R a_b^*. */
    public double objective(TransmitCovariances q) {
        return sensingWeight * LosLink.quadraticForm(org.cosense.math.ComplexLinalg.conjugate(sensingSteering), q.total());
    }
}
