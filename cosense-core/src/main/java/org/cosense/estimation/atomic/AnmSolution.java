package org.cosense.estimation.atomic;

import java.util.List;
import org.cosense.math.HermitianToeplitz;
import org.ejml.data.ZMatrixRMaj;

/**
 * A solution of an atomic-norm problem: the shared Toeplitz generator u (interleaved, first column
 * of T(u)), per observation the denoised X_j and the second block (W_j, or T(v_j)), the objective
 * f = Σ_j w_j [½||Y_j − X_j||² + (τ/2)(u_0 + tr block_j)], and how the solver ended.
 *
 * @param converged      the solver met its stopping rule (ADMM: both relative residuals ≤ tolerance;
 *                       interior point: status optimal or near-optimal)
 * @param iterations     iterations used
 * @param primalResidual ADMM: ||Q − Z||_F / max(||Q||_F, ||Z||_F); interior point: its primal residual
 * @param dualResidual   ADMM: ρ||A*(Z − Z_prev)|| / ||A* Λ||; interior point: its dual residual
 * @param tau            the regularization weight used
 * @param solver         "admm" or "interior-point"
 */
public record AnmSolution(double[] u, List<ZMatrixRMaj> x, List<ZMatrixRMaj> secondBlock, double objective, boolean converged,
                          int iterations, double primalResidual, double dualResidual, double tau, String solver) {

    public AnmSolution {
        u = u.clone();
        x = List.copyOf(x);
        secondBlock = List.copyOf(secondBlock);
    }

    @Override
    public double[] u() {
        return u.clone();
    }

    /** T(u), M × M. */
    public ZMatrixRMaj toeplitz() {
        return HermitianToeplitz.matrix(u);
    }

    /** f = Σ_j w_j [½||Y_j − X_j||² + (τ/2)(u_0 + tr B_j)] of a candidate (u, X_j, B_j). */
    static double objective(List<AnmObservation> obs, double tau, double u0, List<ZMatrixRMaj> x, List<ZMatrixRMaj> b) {
        double f = 0;
        for (int j = 0; j < obs.size(); j++) {
            double fit = 0;
            double[] y = obs.get(j).y().data;
            double[] xd = x.get(j).data;
            for (int i = 0; i < y.length; i++) {
                fit += (y[i] - xd[i]) * (y[i] - xd[i]);
            }
            double tr = 0;
            ZMatrixRMaj bj = b.get(j);
            for (int i = 0; i < bj.numRows; i++) {
                tr += bj.getReal(i, i);
            }
            f += obs.get(j).weight() * (0.5 * fit + 0.5 * tau * (u0 + tr));
        }
        return f;
    }
}
