package org.cosense.systems.fangactive;

import java.util.ArrayList;
import java.util.List;
import org.cosense.bounds.AffineFisherInformation;
import org.cosense.optim.Affine;
import org.cosense.optim.AffineMatrix;
import org.cosense.optim.ConvexProgram;
import org.cosense.optim.HermitianVar;
import org.cosense.optim.ScalarVar;
import org.cosense.optim.Solution;
import org.cosense.optim.SolverOptions;
import org.cosense.optim.Status;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * {@link FimProgramSolver} on the toolkit's interior-point solver: each block's weighted trace of the
 * inverse FIM becomes the Schur LMI of {@code traceInverse}, the max over blocks an epigraph
 * variable kappa, and the linear constraints rows over the Hermitian PSD blocks (spec fangactive
 * 3.10, 3.11.3). The programs arrive scaled to O(1), so the solver's default tolerances apply.
 */
public final class OptimFimSolver implements FimProgramSolver {
    private final SolverOptions options;

    public OptimFimSolver(SolverOptions options) {
        this.options = options;
    }

    public OptimFimSolver() {
        this(SolverOptions.defaults());
    }

    @Override
    public FimSolution solve(FimProgram prog) {
        ConvexProgram.Builder p = ConvexProgram.builder();
        ScalarVar kappa = p.scalar("kappa");
        int blocks = prog.blockCount();
        List<HermitianVar> xs = new ArrayList<>();
        for (int l = 0; l < blocks; l++) {
            AffineFisherInformation fim = prog.fims().get(l);
            HermitianVar x = p.hermitianPsd("X" + l, fim.variableDimension());
            xs.add(x);
            int k = fim.parameterCount();
            AffineMatrix f = AffineMatrix.zeros(k);
            for (int a = 0; a < k; a++) {
                for (int b = a; b < k; b++) {
                    f.set(a, b, x.traceWith(fim.coefficient(a, b)).plus(Affine.constant(fim.constant().get(a, b))));
                }
            }
            double[] w = prog.weights().get(l);
            DMatrixRMaj omega = new DMatrixRMaj(k, k);
            for (int i = 0; i < k; i++) {
                omega.set(i, i, w[i]);
            }
            p.le(p.traceInverse(f, omega), kappa.affine());
        }
        for (LinearConstraint c : prog.constraints()) {
            Affine g = Affine.constant(c.offset());
            for (int l = 0; l < blocks; l++) {
                ZMatrixRMaj a = c.coefficients().get(l);
                if (a != null) {
                    g = g.plus(xs.get(l).traceWith(a));
                }
            }
            if (c.kind() == LinearConstraint.Kind.EQUAL_ZERO) {
                p.eq(g, 0);
            } else {
                p.le(g, 0);
            }
        }
        p.minimize(kappa.affine());
        Solution s = p.build().solve(options);
        Status st = s.status();
        if (st == Status.INFEASIBLE) {
            return new FimSolution(FimSolution.Status.INFEASIBLE, null, Double.NaN, s.iterations(), "infeasible");
        }
        // accepted: OPTIMAL, and (as INACCURATE) a stall within 10x of the tolerances or the iteration limit's last point
        if (st != Status.OPTIMAL && st != Status.NEAR_OPTIMAL && st != Status.ITERATION_LIMIT) {
            return new FimSolution(FimSolution.Status.FAILED, null, Double.NaN, s.iterations(), st.toString());
        }
        List<ZMatrixRMaj> x = new ArrayList<>();
        for (HermitianVar v : xs) {
            x.add(s.value(v));
        }
        return new FimSolution(st == Status.OPTIMAL ? FimSolution.Status.OPTIMAL : FimSolution.Status.INACCURATE, x,
                prog.objective(x), s.iterations(), st == Status.OPTIMAL ? "" : st + "; relative gap " + s.relativeGap());
    }
}
