package org.cosense.systems.wangmultistatic;

import org.cosense.InvalidInputException;

/**
 * The cooperation cost Omega(G) of (22), in metres [wangmultistatic S3.8]: each selected RE k is priced
 * v_k = rho d_{0,k} + (1 - rho) (mean distance to the other selected REs), d_{0,k} the distance from RE k to the
 * prior target position [wangmultistatic E13]. For |G| = 1 the mean over no partners is taken as 0
 * [wangmultistatic A5]; Omega of the empty set is 0.
 */
public final class CooperationCost {
    private final double[][] receivers;
    private final double[] target;
    private final double rho;

    /**
     * @param receivers RE positions p_k = (x, y), metres
     * @param target    prior target position p_0
     * @param rho       weight of the distance-to-target term, in [0, 1] (paper: 0.5)
     */
    public CooperationCost(double[][] receivers, double[] target, double rho) {
        InvalidInputException.require(receivers != null && receivers.length >= 1, "receivers",
                receivers == null ? null : receivers.length, "at least one RE position");
        InvalidInputException.require(target != null && target.length == 2, "target", target, "a 2D position");
        InvalidInputException.require(rho >= 0 && rho <= 1, "rho", rho, "in [0, 1]");
        this.receivers = receivers.clone();
        this.target = target.clone();
        this.rho = rho;
    }

    /** d_{0,k} = |p_k - p_0|. */
    public double distanceToTarget(int k) {
        return Math.hypot(receivers[k][0] - target[0], receivers[k][1] - target[1]);
    }

    /** d_{k,k'} = |p_k - p_k'|. */
    public double distance(int k, int kk) {
        return Math.hypot(receivers[k][0] - receivers[kk][0], receivers[k][1] - receivers[kk][1]);
    }

    public int receiverCount() {
        return receivers.length;
    }

    public double rho() {
        return rho;
    }

    /** The price v_k of RE k inside the selected set (22). */
    public double price(int k, int[] selected) {
        double partners = 0;
        for (int kk : selected) {
            if (kk != k) {
                partners += distance(k, kk);
            }
        }
        double mean = selected.length > 1 ? partners / (selected.length - 1) : 0;
        return rho * distanceToTarget(k) + (1 - rho) * mean;
    }

    /** Omega(G) = sum_{k in G} v_k (22); every price is recomputed for the set [wangmultistatic P12] [wangmultistatic C15]. */
    public double of(int[] selected) {
        double total = 0;
        for (int k : selected) {
            InvalidInputException.require(k >= 0 && k < receivers.length, "selected", k, "RE indices in [0, " + receivers.length + ")");
            total += price(k, selected);
        }
        return total;
    }
}
