package org.cosense.optim;

import java.util.List;

import org.ejml.data.ZMatrixRMaj;

/**
 * The answer of a {@link TraceInverseSolver}.
 *
 * @param status     the underlying solver's outcome (a point exists where {@link Status#hasPoint()})
 * @param x          X_l per block (Hermitian); null without a point
 * @param value      the program objective kappa = max_l Σ_i w_i [F_l(X_l)^{-1}]_ii at x (NaN without x)
 * @param iterations solver iterations (diagnostic)
 * @param message    a short human-readable note: gap and residuals when not OPTIMAL (empty when OPTIMAL)
 */
public record TraceInverseSolution(Status status, List<ZMatrixRMaj> x, double value, int iterations, String message) {
    public TraceInverseSolution {
        x = x == null ? null : x.stream().map(ZMatrixRMaj::copy).toList();
        message = message == null ? "" : message;
    }

    public boolean hasPoint() {
        return x != null && status.hasPoint();
    }
}
