package org.cosense.systems.mengvehicle;

/**
 * Exact solver of the single-vehicle dwell-time problem (P2): min_τ CRLB(τ) over the simplex.
 *
 * <p>(P2) is convex (J(τ) is affine and tr J⁻¹ is convex on J ≻ 0: an A-optimal design) and some
 * optimum uses at most three BSs (J* lies on the boundary of the convex hull of the three-dimensional
 * generators ρ_b e_b e_bᵀ) [mengvehicle S3]. So the optimum is the best of: every pair in closed form
 * ({@link DwellCrlb#pairOptimum}) and every triple's interior stationary point, found by damped Newton
 * on the triple's simplex face from its centroid (a triple whose minimum lies on its boundary is
 * covered by a pair). O(B³) small solves.
 */
public final class DwellTimeSolver {
    private DwellTimeSolver() {
    }

    public static DwellAllocation solve(double[] rho, double[] phi) {
        return solve(rho, phi, true);
    }

    /** The best pair only (the warm start of the polyblock and Algorithm 1's pair choice). */
    public static DwellAllocation bestPair(double[] rho, double[] phi) {
        return solve(rho, phi, false);
    }

    private static DwellAllocation solve(double[] rho, double[] phi, boolean triples) {
        int n = rho.length;
        double best = Double.POSITIVE_INFINITY;
        double[] tau = new double[n];
        int bi = -1;
        int bj = -1;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double c = DwellCrlb.pairOptimum(rho[i], rho[j], phi[i], phi[j]);
                if (c < best) {
                    best = c;
                    bi = i;
                    bj = j;
                }
            }
        }
        if (bi >= 0) {
            tau[bi] = DwellCrlb.pairShare(rho[bi], rho[bj]);
            tau[bj] = 1 - tau[bi];
        }
        if (triples) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    for (int k = j + 1; k < n; k++) {
                        double[] t = triple(new double[] {rho[i], rho[j], rho[k]}, new double[] {phi[i], phi[j], phi[k]});
                        if (t != null && t[3] < best) {
                            best = t[3];
                            java.util.Arrays.fill(tau, 0);
                            tau[i] = t[0];
                            tau[j] = t[1];
                            tau[k] = t[2];
                        }
                    }
                }
            }
        }
        return new DwellAllocation(tau, best);
    }

    /**
     * The minimum of CRLB over the interior of a triple's simplex: {τ1, τ2, τ3, CRLB}, or null when
     * the minimum lies on the boundary. Gradient ∂f/∂τ_a = −ρ_a e_aᵀ J⁻² e_a and Hessian
     * ∂²f/∂τ_a∂τ_b = 2 ρ_a ρ_b (e_aᵀ J⁻¹ e_b)(e_aᵀ J⁻² e_b), reduced to (τ1, τ2) with τ3 = 1 − τ1 − τ2.
     */
    static double[] triple(double[] rho, double[] phi) {
        double scale = Math.max(rho[0], Math.max(rho[1], rho[2]));
        double[] r = {rho[0] / scale, rho[1] / scale, rho[2] / scale};
        double[] t = {1.0 / 3, 1.0 / 3, 1.0 / 3};
        double f = DwellCrlb.of(t, r, phi);
        if (!Double.isFinite(f)) {
            return null;
        }
        double[][] e = new double[3][];
        for (int a = 0; a < 3; a++) {
            e[a] = new double[] {Math.cos(phi[a]), Math.sin(phi[a])};
        }
        for (int it = 0; it < 100; it++) {
            double[] j = DwellCrlb.fim(t, r, phi);
            double det = j[0] * j[2] - j[1] * j[1];
            double[] inv = {j[2] / det, -j[1] / det, j[0] / det};
            double[] inv2 = {inv[0] * inv[0] + inv[1] * inv[1], inv[0] * inv[1] + inv[1] * inv[2], inv[1] * inv[1] + inv[2] * inv[2]};
            double[] g = new double[3];
            double[][] h = new double[3][3];
            for (int a = 0; a < 3; a++) {
                g[a] = -r[a] * quad(inv2, e[a], e[a]);
                for (int b = 0; b < 3; b++) {
                    h[a][b] = 2 * r[a] * r[b] * quad(inv, e[a], e[b]) * quad(inv2, e[a], e[b]);
                }
            }
            double g1 = g[0] - g[2];
            double g2 = g[1] - g[2];
            double h11 = h[0][0] - 2 * h[0][2] + h[2][2];
            double h22 = h[1][1] - 2 * h[1][2] + h[2][2];
            double h12 = h[0][1] - h[0][2] - h[1][2] + h[2][2];
            double hd = h11 * h22 - h12 * h12;
            if (!(hd > 0) || !(h11 > 0)) {
                return null;
            }
            double d1 = -(h22 * g1 - h12 * g2) / hd;
            double d2 = -(h11 * g2 - h12 * g1) / hd;
            double decrement = -(g1 * d1 + g2 * d2);
            if (decrement < 1e-15 * f) {
                break;
            }
            double step = 1;
            double[] nt = new double[3];
            double nf = Double.POSITIVE_INFINITY;
            boolean accepted = false;
            for (int ls = 0; ls < 60 && !accepted; ls++) {
                nt[0] = t[0] + step * d1;
                nt[1] = t[1] + step * d2;
                nt[2] = 1 - nt[0] - nt[1];
                if (nt[0] > 0 && nt[1] > 0 && nt[2] > 0) {
                    nf = DwellCrlb.of(nt, r, phi);
                    accepted = nf <= f - 0.25 * step * decrement;
                }
                if (!accepted) {
                    step *= 0.5;
                }
            }
            if (!accepted) {
                break;
            }
            t = nt.clone();
            f = nf;
            if (Math.min(t[0], Math.min(t[1], t[2])) < 1e-9) {
                return null;
            }
        }
        if (Math.min(t[0], Math.min(t[1], t[2])) < 1e-9) {
            return null;
        }
        return new double[] {t[0], t[1], t[2], DwellCrlb.of(t, rho, phi)};
    }

    private static double quad(double[] m, double[] a, double[] b) {
        return a[0] * (m[0] * b[0] + m[1] * b[1]) + a[1] * (m[1] * b[0] + m[2] * b[1]);
    }
}
