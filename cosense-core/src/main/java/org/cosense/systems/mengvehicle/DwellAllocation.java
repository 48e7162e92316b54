package org.cosense.systems.mengvehicle;

/**
 * A dwell-time allocation of one vehicle: shares τ_b (Σ τ_b = 1) and its CRLB (22).
 *
 * @param tau  τ_b per BS
 * @param crlb CRLB(τ) in m²
 */
public record DwellAllocation(double[] tau, double crlb) {
    public DwellAllocation {
        tau = tau.clone();
    }

    /** BSs with τ_b ≥ threshold: the associated BSs [mengvehicle E8]. */
    public int[] associated(double threshold) {
        return java.util.stream.IntStream.range(0, tau.length).filter(b -> tau[b] >= threshold).toArray();
    }

    /** The smallest share among the associated BSs. */
    public double minAssociatedShare(double threshold) {
        double m = Double.POSITIVE_INFINITY;
        for (double t : tau) {
            if (t >= threshold) {
                m = Math.min(m, t);
            }
        }
        return m;
    }
}
