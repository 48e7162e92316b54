package org.cosense.systems.mengvehicle;

/**
 * Exact solver of the single-vehicle dwell-time problem (P2): min_τ CRLB(τ) over the simplex.
 *
 * <p>(P2) is convex (J(τ) is affine and tr J⁻¹ is convex on J ≻ 0: an A-optimal design) and some
 * optimum uses at most three BSs (J* lies on the boundary of the convex hull of the three-dimensional
 * generators ρ_b e_b e_bᵀ) [mengvehicle S3]. So the optimum is the best of: every pair in closed form
 * ({@link DwellCrlb#pairOptimum}) and every triple's interior stationary point, found by damped Newton
 * on the triple's simplex face from its centroid (a triple whose minimum lies on its boundary is
 * covered by a pair). Since (P2) is convex, the KKT conditions decide optimality: at an optimum every BS has
 * ρ_b e_bᵀ J⁻² e_b ≤ CRLB, with equality on the support. So the best pair is returned at once when it passes that test
 * (most layouts), and a triple is solved only when none of its pairs passes the test against its third BS and Lemma 1's
 * bound 4/max ρ does not exclude it.
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
        double[] c = new double[n];
        double[] sn = new double[n];
        for (int b = 0; b < n; b++) {
            c[b] = Math.cos(phi[b]);
            sn[b] = Math.sin(phi[b]);
        }
        // Every pair in closed form, with the KKT quantities of its optimum: M = J⁻² (symmetric 2×2) and its CRLB.
        int pairs = n * (n - 1) / 2;
        double[] crlb = new double[pairs];
        double[][] m = new double[pairs][];
        double best = Double.POSITIVE_INFINITY;
        int bi = -1;
        int bj = -1;
        int bp = -1;
        for (int i = 0, q = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++, q++) {
                crlb[q] = DwellCrlb.pairOptimum(rho[i], rho[j], phi[i], phi[j]);
                if (Double.isFinite(crlb[q])) {
                    double ti = DwellCrlb.pairShare(rho[i], rho[j]);
                    m[q] = inverseSquare(ti * rho[i], c[i], sn[i], (1 - ti) * rho[j], c[j], sn[j]);
                }
                if (crlb[q] < best) {
                    best = crlb[q];
                    bi = i;
                    bj = j;
                    bp = q;
                }
            }
        }
        double[] tau = new double[n];
        if (bi >= 0) {
            tau[bi] = DwellCrlb.pairShare(rho[bi], rho[bj]);
            tau[bj] = 1 - tau[bi];
        }
        if (!triples || bi < 0) {
            return new DwellAllocation(tau, best);
        }
        // KKT: the pair is optimal over the whole simplex iff no BS has ρ_b e_bᵀ J⁻² e_b above CRLB (the problem is convex).
        if (kktHolds(m[bp], best, rho, c, sn, -1)) {
            return new DwellAllocation(tau, best);
        }
        double rhoMax = 0;
        for (double r : rho) {
            rhoMax = Math.max(rhoMax, r);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                for (int k = j + 1; k < n; k++) {
                    // Lemma 1's bound 4/max ρ cannot beat the incumbent.
                    if (4 / Math.max(rho[i], Math.max(rho[j], rho[k])) >= best) {
                        continue;
                    }
                    // The triple's optimum is interior only if each of its pairs is beaten by the third BS (KKT within the triple).
                    if (pairOptimalWith(m, crlb, n, i, j, k, rho, c, sn) || pairOptimalWith(m, crlb, n, i, k, j, rho, c, sn)
                            || pairOptimalWith(m, crlb, n, j, k, i, rho, c, sn)) {
                        continue;
                    }
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
        return new DwellAllocation(tau, best);
    }

    private static int pairIndex(int i, int j, int n) {
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        return a * n - a * (a + 1) / 2 + (b - a - 1);
    }

    /** Whether the optimum of pair (i, j) satisfies the KKT conditions against BS k (then the triple's optimum is that pair). */
    private static boolean pairOptimalWith(double[][] m, double[] crlb, int n, int i, int j, int k, double[] rho, double[] c, double[] s) {
        int q = pairIndex(i, j, n);
        if (m[q] == null) {
            return false;
        }
        return rho[k] * quad(m[q], c[k], s[k]) <= crlb[q] * (1 + 1e-12);
    }

    private static boolean kktHolds(double[] m, double crlb, double[] rho, double[] c, double[] s, int skip) {
        for (int b = 0; b < rho.length; b++) {
            if (b != skip && rho[b] * quad(m, c[b], s[b]) > crlb * (1 + 1e-12)) {
                return false;
            }
        }
        return true;
    }

    private static double quad(double[] m, double c, double s) {
        return m[0] * c * c + 2 * m[1] * c * s + m[2] * s * s;
    }

    /** J⁻² for J = w_i e_i e_iᵀ + w_j e_j e_jᵀ, as {a, b, d} of [[a, b], [b, d]]. */
    private static double[] inverseSquare(double wi, double ci, double si, double wj, double cj, double sj) {
        double a = wi * ci * ci + wj * cj * cj;
        double b = wi * ci * si + wj * cj * sj;
        double d = wi * si * si + wj * sj * sj;
        double det = a * d - b * b;
        double ia = d / det;
        double ib = -b / det;
        double id = a / det;
        return new double[] {ia * ia + ib * ib, ia * ib + ib * id, ib * ib + id * id};
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
