package org.cosense.systems.zhanghybrid;

import java.util.List;
import org.cosense.InvalidInputException;
import org.ejml.data.ZMatrixRMaj;

/**
 * The AOD of IRS j in the partial-rank case [zhanghybrid S3.12], eqs. (49)–(53): with the thin SVD
 * Z_j = U_r Σ_r V_r^H and the pre-processed observations Ŷ_jk (M × r), projecting on IRS k's
 * estimated AOA gives ζ_k = (a_M^H(ψ̂_k) Ŷ_jk / M)^T = g h(θ) + noise, h(θ) = U_r^T a_N(π sin θ).
 * Eliminating g by least squares leaves the non-convex criterion
 * <pre>  F(θ) = −Σ_k w_k |h(θ)^H ζ_k|² / ||h(θ)||²  /  Σ_k w_k ||ζ_k||²   ∈ [−1, 0]</pre>
 * (normalized so that its scale does not depend on the signal power), minimized from every local
 * minimum of a grid of 4N values of sin θ by a one-dimensional trust region with analytic first and
 * second derivatives: step s = −F'/F'' if F'' > 0 and |F'/F''| ≤ Δ, else −Δ sign(F'); ratio
 * ρ = actual / predicted decrease; Δ ← Δ/4 if ρ &lt; 1/4, min(2Δ, Δ_max) if ρ > 3/4 at the boundary;
 * the step is accepted iff ρ > 0.1; Δ_0 = π/(2N), Δ_max = π/N; stop when |F'| ≤ 1e-10 (F normalized),
 * when the step falls below 1e-14 rad, or after 100 iterations; converged means |F'| ≤ 1e-8
 * [zhanghybrid A25]; the lowest of the refined minima is the estimate [zhanghybrid P15].
 */
public final class AodTrustRegion {
    private final ZMatrixRMaj ur;        // U_r, N × r
    private final List<double[]> zeta;   // ζ_k interleaved, length 2r
    private final double[] weights;
    private final double scale;

    /** One step of the iteration history: θ and F(θ) after an accepted step. */
    public record Result(double theta, double value, double gradient, int iterations, boolean converged) {
    }

    public AodTrustRegion(ZMatrixRMaj ur, List<double[]> zeta, double[] weights) {
        InvalidInputException.require(zeta.size() == weights.length && !zeta.isEmpty(), "projected observations", zeta.size(),
                "need one weight each, at least one");
        this.ur = ur;
        this.zeta = List.copyOf(zeta);
        this.weights = weights.clone();
        double s = 0;
        for (int k = 0; k < weights.length; k++) {
            double[] z = zeta.get(k);
            InvalidInputException.require(z.length == 2 * ur.numCols, "projected observation length", z.length, "must be 2r = " + 2 * ur.numCols);
            double n2 = 0;
            for (double v : z) {
                n2 += v * v;
            }
            s += weights[k] * n2;
        }
        this.scale = s > 0 ? s : 1;
    }

    /** {F, F', F''} at θ (radians). */
    public double[] evaluate(double theta) {
        int n = ur.numRows;
        int r = ur.numCols;
        double c = Math.cos(theta);
        double sn = Math.sin(theta);
        double psi = Math.PI * sn;
        // h = U^T a, h' = U^T a', h'' = U^T a''; a_i = e^{jψ i}, a_i' = jπ i cosθ a_i,
        // a_i'' = (−(π i cosθ)² − jπ i sinθ) a_i.
        double[] h = new double[2 * r];
        double[] h1 = new double[2 * r];
        double[] h2 = new double[2 * r];
        for (int i = 0; i < n; i++) {
            double ar = Math.cos(psi * i);
            double ai = Math.sin(psi * i);
            double w = Math.PI * i * c;
            double d1r = -w * ai;
            double d1i = w * ar;
            double kr = -w * w;
            double ki = -Math.PI * i * sn;
            double d2r = kr * ar - ki * ai;
            double d2i = kr * ai + ki * ar;
            for (int q = 0; q < r; q++) {
                double xr = ur.getReal(i, q);
                double xi = ur.getImag(i, q);
                h[2 * q] += xr * ar - xi * ai;
                h[2 * q + 1] += xr * ai + xi * ar;
                h1[2 * q] += xr * d1r - xi * d1i;
                h1[2 * q + 1] += xr * d1i + xi * d1r;
                h2[2 * q] += xr * d2r - xi * d2i;
                h2[2 * q + 1] += xr * d2i + xi * d2r;
            }
        }
        double qv = dotRe(h, h);
        double q1 = 2 * dotRe(h, h1);
        double q2 = 2 * (dotRe(h1, h1) + dotRe(h, h2));
        double f = 0;
        double f1 = 0;
        double f2 = 0;
        for (int k = 0; k < weights.length; k++) {
            double[] z = zeta.get(k);
            double[] p = dot(h, z);
            double[] p1 = dot(h1, z);
            double[] p2 = dot(h2, z);
            double pp = p[0] * p[0] + p[1] * p[1];
            double pp1 = 2 * (p[0] * p1[0] + p[1] * p1[1]);
            double pp2 = 2 * (p1[0] * p1[0] + p1[1] * p1[1] + p[0] * p2[0] + p[1] * p2[1]);
            double g = pp / qv;
            double g1 = (pp1 * qv - pp * q1) / (qv * qv);
            double g2 = ((pp2 * qv - pp * q2) * qv - 2 * q1 * (pp1 * qv - pp * q1)) / (qv * qv * qv);
            f -= weights[k] * g;
            f1 -= weights[k] * g1;
            f2 -= weights[k] * g2;
        }
        return new double[] {f / scale, f1 / scale, f2 / scale};
    }

    /**
     * Grid start then the trust region, from EVERY local minimum of the grid of 4N values of sin θ; the lowest F wins.
     * F is much narrower than the beam of the N-element array when Σ_r spreads over decades (h(θ)/||h(θ)|| turns fast
     * where a_N is nearly orthogonal to the strong directions), so the best grid point can lie in a side basin while
     * the global minimum sits between two grid points; a single refinement from it then stops in that side basin
     * [zhanghybrid P15].
     */
    public Result minimize() {
        int n = ur.numRows;
        int grid = 4 * n;
        double[] theta = new double[grid];
        double[] f = new double[grid];
        for (int g = 0; g < grid; g++) {
            theta[g] = Math.asin(-1 + (2.0 * g + 1) / grid);
            f[g] = evaluate(theta[g])[0];
        }
        Result best = null;
        for (int g = 0; g < grid; g++) {
            boolean localMinimum = (g == 0 || f[g] <= f[g - 1]) && (g == grid - 1 || f[g] <= f[g + 1]);
            if (!localMinimum) {
                continue;
            }
            Result r = refine(theta[g], Math.PI / (2 * n), Math.PI / n);
            if (best == null || r.value() < best.value()) {
                best = r;
            }
        }
        return best;
    }

    /** The trust-region iteration (51)–(53) from θ_0. */
    public Result refine(double theta0, double delta0, double deltaMax) {
        double theta = theta0;
        double delta = delta0;
        double[] v = evaluate(theta);
        int it = 0;
        boolean converged = false;
        while (it < 100) {
            it++;
            double s;
            if (v[2] > 0 && Math.abs(v[1] / v[2]) <= delta) {
                s = -v[1] / v[2];
            } else {
                s = -delta * Math.signum(v[1]);
            }
            if (Math.abs(v[1]) <= 1e-10 || Math.abs(s) < 1e-14) {
                converged = Math.abs(v[1]) <= 1e-8;
                break;
            }
            double predicted = -(v[1] * s + 0.5 * v[2] * s * s);
            double[] w = evaluate(theta + s);
            double ratio;
            if (predicted > 0 && predicted < 1e-13 * Math.max(1, Math.abs(v[0])) && v[2] > 0) {
                // Below the rounding of F the decrease ratio is noise: near a minimum with positive
                // curvature the Newton step is taken as is (F' keeps falling quadratically).
                ratio = 1;
            } else {
                ratio = predicted > 0 ? (v[0] - w[0]) / predicted : (w[0] < v[0] ? 1 : 0);
            }
            if (ratio < 0.25) {
                delta /= 4;
            } else if (ratio > 0.75 && Math.abs(Math.abs(s) - delta) < 1e-15 * Math.max(1, delta)) {
                delta = Math.min(2 * delta, deltaMax);
            }
            if (ratio > 0.1) {
                theta += s;
                v = w;
            }
            if (delta < 1e-14) {
                converged = Math.abs(v[1]) < 1e-8;
                break;
            }
        }
        return new Result(theta, v[0], v[1], it, converged);
    }

    private static double dotRe(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** a^H b. */
    private static double[] dot(double[] a, double[] b) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < a.length; i += 2) {
            re += a[i] * b[i] + a[i + 1] * b[i + 1];
            im += a[i] * b[i + 1] - a[i + 1] * b[i];
        }
        return new double[] {re, im};
    }
}
