package org.cosense.systems.mengvehicle;

import java.util.List;

/**
 * A multi-vehicle sensing schedule: slots of associations with shares τ_n (Σ τ_n = 1), every
 * association active for its whole slot, and the CRLB of every vehicle by (29).
 *
 * @param slots the associations of each slot
 * @param tau   τ_n
 * @param crlb  CRLB_k per vehicle (m²)
 */
public record SlotSchedule(List<List<Association>> slots, double[] tau, double[] crlb) {
    public SlotSchedule {
        slots = slots.stream().map(List::copyOf).toList();
        tau = tau.clone();
        crlb = crlb.clone();
    }

    /** N. */
    public int slotCount() {
        return slots.size();
    }

    /** max_k CRLB_k, the objective of (P3). */
    public double maxCrlb() {
        double m = 0;
        for (double c : crlb) {
            m = Math.max(m, c);
        }
        return m;
    }

    /** The slot shares of vehicle k per BS: Σ_n x_{b,k}[n] τ_n. */
    public double[] shares(int k, int bsCount) {
        double[] s = new double[bsCount];
        for (int n = 0; n < slots.size(); n++) {
            for (Association a : slots.get(n)) {
                if (a.vehicle() == k) {
                    s[a.bs()] += tau[n];
                }
            }
        }
        return s;
    }

    /** The CRLB of every vehicle by (29) for given slots and shares. */
    static double[] crlbs(List<List<Association>> slots, double[] tau, VehicleLinks[] links) {
        double[] c = new double[links.length];
        for (int k = 0; k < links.length; k++) {
            double[] w = new double[links[k].bsCount()];
            for (int n = 0; n < slots.size(); n++) {
                for (Association a : slots.get(n)) {
                    if (a.vehicle() == k) {
                        w[a.bs()] += tau[n];
                    }
                }
            }
            c[k] = DwellCrlb.of(w, links[k].rho(), links[k].azimuth());
        }
        return c;
    }
}
