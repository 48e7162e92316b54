package org.cosense.systems.wangmultistatic;

import org.cosense.optim.Status;
import org.ejml.data.ZMatrixRMaj;

/** Outcome of {@link LosBeamformingSdp#solve}: an optimum with beamformers, or an infeasible rate requirement. */
public sealed interface BeamformingResult {

    /**
     * The SDP optimum and the beamformers extracted from it; {@code rates} and {@code power} are evaluated on the
     * returned beamformers (not on the relaxation).
     *
     * @param objective      the SDP optimum (weight · a_b^T R a_b^*) of the relaxation
     * @param covariances    Q_i of the relaxation after rank reduction
     * @param beamformers    W_i (N_t×L) from the top-L eigenpairs
     * @param ranks          numerical rank of each Q_i after rank reduction
     * @param truncated      how many Q_i had rank above L and were truncated
     * @param rates          R_k of the returned beamformers
     * @param power          sum_i ||W_i||_F^2
     * @param achieved       objective of the returned beamformers
     * @param status         solver status of the main solve
     */
    record Optimal(double objective, TransmitCovariances covariances, ZMatrixRMaj[] beamformers, int[] ranks, int truncated,
            double[] rates, double power, double achieved, Status status) implements BeamformingResult {
    }

    /**
     * No beamformer meets every rate with the power budget. {@code requiredPower} is the least power that meets all
     * rates (phase 1); infinite when no power suffices. Common for high R_th, never an
     * exception [wangmultistatic P10].
     */
    record Infeasible(double requiredPower, double powerBudget, Status phaseOneStatus) implements BeamformingResult {
        /** requiredPower / P_T, in dB: how far the instance is from feasible. */
        public double shortfallDb() {
            return 10 * Math.log10(requiredPower / powerBudget);
        }
    }
}
