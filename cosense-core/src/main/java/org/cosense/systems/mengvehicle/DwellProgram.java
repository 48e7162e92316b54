package org.cosense.systems.mengvehicle;

import org.cosense.optim.AffineMatrix;
import org.cosense.optim.ConvexProgram;
import org.cosense.optim.Solution;
import org.cosense.optim.VectorVar;

/**
 * (P2) for the interior-point solver: minimize tr F(τ)⁻¹ over τ ≥ 0, Σ τ = 1, with
 * F(τ) = Σ_b τ_b (ρ_b / s) e_b e_bᵀ, written with the {@link ConvexProgram} builder's traceInverse term.
 * s = 1 / CRLB of the best pair, so the objective is O(1) and absolute tolerances mean something.
 * The reference the exact solver is tested and benchmarked against.
 */
public final class DwellProgram {
    private DwellProgram() {
    }

    public static ConvexProgram program(double[] rho, double[] phi, VectorVar[] shares) {
        int n = rho.length;
        double s = 1 / DwellTimeSolver.bestPair(rho, phi).crlb();
        ConvexProgram.Builder p = ConvexProgram.builder();
        VectorVar tau = p.nonnegativeVector("tau", n);
        p.eq(tau.sum(), 1);
        double[] a = new double[n];
        double[] c = new double[n];
        double[] d = new double[n];
        for (int b = 0; b < n; b++) {
            double w = rho[b] / s;
            a[b] = w * Math.cos(phi[b]) * Math.cos(phi[b]);
            c[b] = w * Math.cos(phi[b]) * Math.sin(phi[b]);
            d[b] = w * Math.sin(phi[b]) * Math.sin(phi[b]);
        }
        AffineMatrix f = AffineMatrix.zeros(2);
        f.set(0, 0, tau.dot(a));
        f.set(0, 1, tau.dot(c));
        f.set(1, 0, tau.dot(c));
        f.set(1, 1, tau.dot(d));
        p.minimize(p.traceInverse(f));
        shares[0] = tau;
        return p.build();
    }

    /** Solves (P2) by interior point; shares clipped at 0 and renormalized, CRLB re-evaluated by (22). */
    public static DwellAllocation solve(double[] rho, double[] phi) {
        VectorVar[] tau = new VectorVar[1];
        Solution sol = program(rho, phi, tau).solve();
        if (!sol.status().hasPoint()) {
            throw new IllegalStateException("interior-point solve of (P2) failed: " + sol.status());
        }
        double[] t = sol.value(tau[0]);
        double sum = 0;
        for (int b = 0; b < t.length; b++) {
            t[b] = Math.max(0, t[b]);
            sum += t[b];
        }
        for (int b = 0; b < t.length; b++) {
            t[b] /= sum;
        }
        return new DwellAllocation(t, DwellCrlb.of(t, rho, phi));
    }
}
