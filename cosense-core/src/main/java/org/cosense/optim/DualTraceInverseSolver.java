package org.cosense.optim;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.ZMatrixRMaj;

/**
 * {@link TraceInverseSolver} through the standard form and its dual LMI ({@link TraceInverseProgram#standardForm()},
 * {@link DualLmiSolver}): the same optimum as {@link DirectTraceInverseSolver} with a far smaller Newton
 * system. For a 16×16 block and k = 4 the system shrinks from 266 unknowns (the entries of X and U) to 44
 * (the rows); for two 16×16 blocks and three rows from 533 to 57.
 *
 * <p>Statuses pass through from the interior-point solve of the dual: a point is returned for every
 * status that has one (OPTIMAL, NEAR_OPTIMAL, ITERATION_LIMIT, NUMERICAL_ERROR), with the gap and
 * residual in the message; an unbounded dual is reported INFEASIBLE.
 */
public final class DualTraceInverseSolver implements TraceInverseSolver {
    private final DualLmiSolver solver;
    private final SolverOptions options;

    public DualTraceInverseSolver(SolverOptions options) {
        this.solver = new DualLmiSolver(options);
        this.options = options;
    }

    /** The interior-point tolerances of this solver. */
    public SolverOptions options() {
        return options;
    }

    public DualTraceInverseSolver() {
        this(DualLmiSolver.recommendedOptions());
    }

    @Override
    public TraceInverseSolution solve(TraceInverseProgram program) {
        return solve(program, null);
    }

    @Override
    public TraceInverseSolution solve(TraceInverseProgram program, WarmStart warm) {
        TraceInverseProgram.StandardForm form = program.standardForm();
        StandardFormSolution sol = solver.solve(form.sdp(), warm);
        if (!sol.hasPoint()) {
            return new TraceInverseSolution(sol.status(), null, Double.NaN, sol.iterations(), "dual route: " + sol.summary());
        }
        List<ZMatrixRMaj> xs = new ArrayList<>();
        for (StandardFormSdp.Block b : form.x()) {
            xs.add(sol.hermitian(b));
        }
        return new TraceInverseSolution(sol.status(), xs, program.objective(xs), sol.iterations(),
                sol.status() == Status.OPTIMAL ? "" : sol.summary());
    }
}
