package org.cosense.systems.mengvehicle;

import java.util.List;

import org.cosense.bounds.AffineFisherInformation;
import org.cosense.optim.DualTraceInverseSolver;
import org.cosense.optim.LinearConstraint;
import org.cosense.optim.TraceInverseProgram;
import org.cosense.optim.TraceInverseSolution;
import org.cosense.optim.TraceInverseSolver;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * (P2) as the interior-point solver's trace-inverse program: the shares are the diagonal of a B×B
 * Hermitian X ⪰ 0 (so τ_b = X_bb ≥ 0), F(X) = Σ_b (ρ_b/ρ_max) X_bb e_b e_bᵀ, tr X ≤ 1. Off-diagonal
 * entries do not enter F. ρ is scaled by its maximum so the program is O(1); the CRLB is the
 * objective divided by ρ_max. The reference the exact solver is checked and benchmarked against.
 */
public final class DwellProgram {
    private DwellProgram() {
    }

    public static TraceInverseProgram program(double[] rho, double[] phi) {
        int n = rho.length;
        double scale = 0;
        for (double r : rho) {
            scale = Math.max(scale, r);
        }
        ZMatrixRMaj[] m = new ZMatrixRMaj[4];
        for (int q = 0; q < 4; q++) {
            m[q] = new ZMatrixRMaj(n, n);
        }
        for (int b = 0; b < n; b++) {
            double w = rho[b] / scale;
            double c = Math.cos(phi[b]);
            double s = Math.sin(phi[b]);
            m[0].set(b, b, w * c * c, 0);
            m[1].set(b, b, w * c * s, 0);
            m[2].set(b, b, w * c * s, 0);
            m[3].set(b, b, w * s * s, 0);
        }
        AffineFisherInformation fim = new AffineFisherInformation(new DMatrixRMaj(2, 2), m);
        return new TraceInverseProgram(List.of(fim), List.of(new double[] {1, 1}), List.of(LinearConstraint.traceSum(new int[] {n}, 1)), null);
    }

    /** Solves (P2) through {@code solver}; shares from the diagonal, CRLB re-evaluated by (22). */
    public static DwellAllocation solve(double[] rho, double[] phi, TraceInverseSolver solver) {
        TraceInverseSolution sol = solver.solve(program(rho, phi));
        if (!sol.hasPoint()) {
            throw new IllegalStateException("interior-point solve of (P2) failed: " + sol.status() + " " + sol.message());
        }
        int n = rho.length;
        double[] tau = new double[n];
        double sum = 0;
        for (int b = 0; b < n; b++) {
            tau[b] = Math.max(0, sol.x().get(0).getReal(b, b));
            sum += tau[b];
        }
        for (int b = 0; b < n; b++) {
            tau[b] /= sum;
        }
        return new DwellAllocation(tau, DwellCrlb.of(tau, rho, phi));
    }

    public static DwellAllocation solve(double[] rho, double[] phi) {
        return solve(rho, phi, new DualTraceInverseSolver());
    }
}
