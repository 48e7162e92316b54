package org.cosense.optim;

/** Outcome of {@link ConvexProgram#solve()}. */
public enum Status {
    /** Primal and dual feasible to tolerance and relative duality gap below tolerance. */
    OPTIMAL,
    /**
     * The method stalled before meeting the tolerances but within a factor of 10 of each (CSDP's "partial success"):
     * the point and its residuals are reported; a caller that accepts it says so.
     */
    NEAR_OPTIMAL,
    /** No point satisfies the constraints: a Farkas certificate (the dual ray) was found. */
    INFEASIBLE,
    /** Feasible, and the objective decreases without bound along a feasible ray. */
    UNBOUNDED,
    /** The iteration limit was reached first; the last iterate and its residuals are reported. */
    ITERATION_LIMIT,
    /** The method stalled (steps collapsed or the Newton system broke down) before converging. */
    NUMERICAL_ERROR;

    /** Whether a primal point (values of the variables) is reported. */
    public boolean hasPoint() {
        return this == OPTIMAL || this == NEAR_OPTIMAL || this == ITERATION_LIMIT || this == NUMERICAL_ERROR;
    }
}
