package org.cosense.systems.fangactive;

import java.util.List;

import org.ejml.data.ZMatrixRMaj;

/**
 * The answer of a {@link FimProgramSolver}.
 *
 * @param status     outcome
 * @param x          X_l per block (Hermitian); null unless status is OPTIMAL or INACCURATE
 * @param value      the program objective kappa = max_l Σ_i w_i [F_l(X_l)^{-1}]_ii at x (NaN without x)
 * @param iterations solver iterations (diagnostic)
 * @param message    a short human-readable note (empty when OPTIMAL)
 */
public record FimSolution(Status status, List<ZMatrixRMaj> x, double value, int iterations, String message) {
    public enum Status {
        /** Converged to the requested accuracy. */
        OPTIMAL,
        /** Stopped early (iteration limit, stall) with a usable, nearly feasible point. */
        INACCURATE,
        /** The program is (numerically) infeasible. */
        INFEASIBLE,
        /** Numerical failure; no point. */
        FAILED
    }

    public FimSolution {
        x = x == null ? null : x.stream().map(ZMatrixRMaj::copy).toList();
        message = message == null ? "" : message;
    }

    public boolean hasPoint() {
        return x != null && (status == Status.OPTIMAL || status == Status.INACCURATE);
    }
}
