package org.cosense.systems.mengvehicle;

/**
 * The position CRLB of a vehicle from ranges of associated BSs, (17)/(22):
 * <pre>
 *   J(τ) = Σ_b τ_b ρ_b e_b e_bᵀ,  e_b = (cos φ_b, sin φ_b),
 *   CRLB(τ) = tr J⁻¹ = Σ_b τ_b ρ_b / Σ_{i&lt;j} τ_i τ_j ρ_i ρ_j sin²(φ_i − φ_j)     [m²]
 * </pre>
 * (tr J / det J with det J by Cauchy–Binet). The weights are scaled by their maximum before the sums,
 * so that ρ spanning many decades does not underflow [mengvehicle P2]. A singular J (fewer than two
 * associated BSs, or collinear azimuths) gives +∞ [mengvehicle P1].
 */
public final class DwellCrlb {
    private DwellCrlb() {
    }

    /** Relative size of det J below which J counts as singular. */
    public static final double SINGULAR = 1e-13;

    public static double of(double[] tau, double[] rho, double[] phi) {
        int n = tau.length;
        double scale = 0;
        for (int b = 0; b < n; b++) {
            scale = Math.max(scale, tau[b] * rho[b]);
        }
        if (!(scale > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double tr = 0;
        double det = 0;
        for (int i = 0; i < n; i++) {
            double wi = tau[i] * rho[i] / scale;
            if (wi == 0) {
                continue;
            }
            tr += wi;
            for (int j = i + 1; j < n; j++) {
                double wj = tau[j] * rho[j] / scale;
                if (wj != 0) {
                    double s = Math.sin(phi[i] - phi[j]);
                    det += wi * wj * s * s;
                }
            }
        }
        if (!(det > SINGULAR * tr * tr)) {
            return Double.POSITIVE_INFINITY;
        }
        return tr / det / scale;
    }

    /**
     * The 2×2 FIM Σ_b w_b e_b e_bᵀ as {J11, J12, J22}, w_b = τ_b ρ_b.
     */
    public static double[] fim(double[] tau, double[] rho, double[] phi) {
        double a = 0;
        double c = 0;
        double d = 0;
        for (int b = 0; b < tau.length; b++) {
            double w = tau[b] * rho[b];
            double co = Math.cos(phi[b]);
            double si = Math.sin(phi[b]);
            a += w * co * co;
            c += w * co * si;
            d += w * si * si;
        }
        return new double[] {a, c, d};
    }

    /**
     * Best time split of a fixed pair (i, j), unit total time: τ_i ∝ ρ_i^{-1/2} and
     * CRLB = (ρ_i^{-1/2} + ρ_j^{-1/2})² / sin²(φ_i − φ_j) (Lagrange on (1/sin²)(1/(τ_i ρ_i) + 1/(τ_j ρ_j))).
     */
    public static double pairOptimum(double rhoI, double rhoJ, double phiI, double phiJ) {
        double s = Math.sin(phiI - phiJ);
        double s2 = s * s;
        if (!(s2 > 1e-13)) {
            return Double.POSITIVE_INFINITY;
        }
        double a = 1 / Math.sqrt(rhoI) + 1 / Math.sqrt(rhoJ);
        return a * a / s2;
    }

    /** τ_i of {@link #pairOptimum}: ρ_i^{-1/2} / (ρ_i^{-1/2} + ρ_j^{-1/2}). */
    public static double pairShare(double rhoI, double rhoJ) {
        double a = 1 / Math.sqrt(rhoI);
        return a / (a + 1 / Math.sqrt(rhoJ));
    }

    /**
     * Lemma 1 (23) and its generalization: CRLB(τ) ≥ 4 / Σ_b τ_b ρ_b (tr J⁻¹ ≥ 4 / tr J for a 2×2
     * J ≻ 0); with equal ρ̄ and Σ τ = 1 this is 4/ρ̄, attained iff Σ_b τ_b e^{j2φ_b} = 0.
     */
    public static double lemma1Bound(double[] tau, double[] rho) {
        double s = 0;
        for (int b = 0; b < tau.length; b++) {
            s += tau[b] * rho[b];
        }
        return 4 / s;
    }

    /** |Σ_b τ_b e^{j2φ_b}|: zero is Lemma 1's equality condition (34). */
    public static double lemma1Imbalance(double[] tau, double[] phi) {
        double c = 0;
        double s = 0;
        for (int b = 0; b < tau.length; b++) {
            c += tau[b] * Math.cos(2 * phi[b]);
            s += tau[b] * Math.sin(2 * phi[b]);
        }
        return Math.hypot(c, s);
    }

    /** Proposition 3 (25): with equal ρ the best pair loses at most the factor 2(1 − 1/B) against all B BSs. */
    public static double proposition3Factor(int bsCount) {
        return 2 * (1 - 1.0 / bsCount);
    }
}
