package org.cosense.optim;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * The answer of {@link DualLmiSolver} for a {@link StandardFormSdp}: the primal point read back from the
 * dual LMI's multipliers, with the status and accuracy of the interior-point solve of the dual.
 *
 * @param status         the dual solve's status, seen from the primal: {@link Status#INFEASIBLE} when the
 *                       dual is unbounded, {@link Status#UNBOUNDED} when the dual is infeasible
 * @param blocks         X_b per block, {@link ZMatrixRMaj} (Hermitian) or {@link DMatrixRMaj}; null without a point
 * @param scalars        x_i; null without a point
 * @param objective      Σ tr(C_b X_b) + c·x at the point (NaN without a point)
 * @param dualObjective  the dual's value r·y (a lower bound of the optimum when y is dual feasible)
 * @param relativeGap    the dual solve's relative duality gap
 * @param residual       the larger of the dual solve's primal and dual residuals
 * @param iterations     interior-point iterations
 */
public record StandardFormSolution(Status status, List<Object> blocks, double[] scalars, double objective, double dualObjective,
        double relativeGap, double residual, int iterations) {

    public boolean hasPoint() {
        return blocks != null && status.hasPoint();
    }

    /** X_b of a Hermitian block. */
    public ZMatrixRMaj hermitian(StandardFormSdp.Block b) {
        return (ZMatrixRMaj) blocks.get(b.index());
    }

    /** X_b of a real symmetric block. */
    public DMatrixRMaj symmetric(StandardFormSdp.Block b) {
        return (DMatrixRMaj) blocks.get(b.index());
    }

    public double value(StandardFormSdp.Scalar x) {
        return scalars[x.index()];
    }

    /** One line for logs and results: status, gap and residual. */
    public String summary() {
        return String.format("%s; relative gap %.1e, residual %.1e, %d iterations", status, relativeGap, residual, iterations);
    }
}
