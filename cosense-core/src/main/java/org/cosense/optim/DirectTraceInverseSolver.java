package org.cosense.optim;

import java.util.ArrayList;
import java.util.List;

import org.cosense.bounds.AffineFisherInformation;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * {@link TraceInverseSolver} on the direct form: the program as a {@link ConvexProgram}, each block's
 * weighted trace of the inverse as the Schur LMI of {@code traceInverse}, the max over blocks an epigraph
 * variable kappa, the linear constraints as rows over the Hermitian PSD blocks. The unknowns are the
 * entries of the X_l (n_l^2 each): the reference for {@link DualTraceInverseSolver}, slower for large
 * blocks. Programs scaled to O(1) can use the solver's default tolerances.
 *
 * <p>A point is returned for OPTIMAL, NEAR_OPTIMAL (a stall within 10x of the tolerances, accepted because
 * callers re-evaluate the point with their exact models) and ITERATION_LIMIT, with its status.
 */
public final class DirectTraceInverseSolver implements TraceInverseSolver {
    private final SolverOptions options;

    public DirectTraceInverseSolver(SolverOptions options) {
        this.options = options;
    }

    public DirectTraceInverseSolver() {
        this(SolverOptions.defaults());
    }

    @Override
    public TraceInverseSolution solve(TraceInverseProgram prog) {
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
        if (st != Status.OPTIMAL && st != Status.NEAR_OPTIMAL && st != Status.ITERATION_LIMIT) {
            return new TraceInverseSolution(st, null, Double.NaN, s.iterations(), st.toString());
        }
        List<ZMatrixRMaj> x = new ArrayList<>();
        for (HermitianVar v : xs) {
            x.add(s.value(v));
        }
        return new TraceInverseSolution(st, x, prog.objective(x), s.iterations(),
                st == Status.OPTIMAL ? "" : st + "; relative gap " + s.relativeGap() + ", residuals " + s.primalResidual() + "/" + s.dualResidual());
    }
}
