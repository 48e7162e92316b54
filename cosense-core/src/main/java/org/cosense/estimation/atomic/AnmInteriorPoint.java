package org.cosense.estimation.atomic;

import java.util.List;
import org.cosense.InvalidInputException;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.HermitianEigen;
import org.cosense.math.HermitianToeplitz;
import org.cosense.optim.Affine;
import org.cosense.optim.ConvexProgram;
import org.cosense.optim.HermitianAffineMatrix;
import org.cosense.optim.HermitianVar;
import org.cosense.optim.ScalarVar;
import org.cosense.optim.Solution;
import org.cosense.optim.SolverOptions;
import org.ejml.data.ZMatrixRMaj;

/**
 * The single-observation multiple-snapshot atomic-norm problem
 * min ½||Y − X||² + (τ/2)(u_0 + tr W) s.t. [[T(u), X], [X^H, W]] ⪰ 0 as an SDP solved by the
 * toolkit's interior-point method ({@link ConvexProgram}), in its reduced form: for fixed T(u) the
 * minimizing X and W are X = T (T + τI)^{-1} Y and W = X^H T^{-1} X, which leaves
 * <pre>  min (τ/2)(u_0 + tr Z)  s.t.  [[T(u) + τI, Y], [Y^H, Z]] ⪰ 0,  T(u) ⪰ 0</pre>
 * over u and a Hermitian Z (L' × L', Y replaced by an M-column square root of Y Y^H when L > M),
 * linear in the variables. X = Y − τ (T + τI)^{-1} Y and W = Y^H (T + τI)^{-1} T (T + τI)^{-1} Y
 * are read back and the objective evaluated on them. The reference the ADMM is measured against.
 */
public final class AnmInteriorPoint {
    private final SolverOptions options;

    public AnmInteriorPoint(SolverOptions options) {
        this.options = options;
    }

    public static AnmInteriorPoint defaults() {
        return new AnmInteriorPoint(SolverOptions.defaults());
    }

    public AnmSolution solve(ZMatrixRMaj y, double tau) {
        AnmObservation obs = AnmObservation.snapshots(y);
        InvalidInputException.require(tau > 0 && Double.isFinite(tau), "regularization tau", tau, "must be positive and finite");
        int m = y.numRows;
        ZMatrixRMaj yr = y;
        if (y.numCols > m) {
            HermitianEigen e = HermitianEigen.decompose(ComplexLinalg.multTransB(y, y));
            double[] l = e.values();
            yr = e.vectors();
            for (int c = 0; c < m; c++) {
                double s = Math.sqrt(Math.max(l[c], 0));
                for (int r = 0; r < m; r++) {
                    yr.set(r, c, yr.getReal(r, c) * s, yr.getImag(r, c) * s);
                }
            }
        }
        int lr = yr.numCols;
        ConvexProgram.Builder b = ConvexProgram.builder();
        ScalarVar u0 = b.scalar("u0");
        ScalarVar[] ure = new ScalarVar[m];
        ScalarVar[] uim = new ScalarVar[m];
        for (int l = 1; l < m; l++) {
            ure[l] = b.scalar("re u" + l);
            uim[l] = b.scalar("im u" + l);
        }
        HermitianVar z = b.hermitian("Z", lr);
        HermitianAffineMatrix big = HermitianAffineMatrix.zeros(m + lr);
        HermitianAffineMatrix t = HermitianAffineMatrix.zeros(m);
        for (int r = 0; r < m; r++) {
            for (int c = 0; c <= r; c++) {
                int l = r - c;
                Affine re = l == 0 ? u0.affine() : ure[l].affine();
                Affine im = l == 0 ? Affine.constant(0) : uim[l].affine();
                // entry (c, r) above the diagonal is conj(u_l): set(i<=j) writes H_ij.
                Affine imUpper = im.negate();
                t.set(c, r, re, imUpper);
                big.set(c, r, l == 0 ? re.plus(tau) : re, imUpper);
            }
        }
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < lr; c++) {
                big.set(r, m + c, Affine.constant(yr.getReal(r, c)), Affine.constant(yr.getImag(r, c)));
            }
        }
        for (int r = 0; r < lr; r++) {
            for (int c = r; c < lr; c++) {
                big.set(m + r, m + c, z.re(r, c), z.im(r, c));
            }
        }
        b.lmi("schur", big);
        b.lmi("toeplitz", t);
        b.minimize(u0.affine().plus(z.trace()).times(tau / 2));
        Solution s = b.build().solve(options);
        double[] u = new double[2 * m];
        if (s.status().hasPoint()) {
            u[0] = s.value(u0);
            for (int l = 1; l < m; l++) {
                u[2 * l] = s.value(ure[l]);
                u[2 * l + 1] = s.value(uim[l]);
            }
        }
        ZMatrixRMaj tm = HermitianToeplitz.matrix(u);
        ZMatrixRMaj bm = ComplexLinalg.mult(ComplexLinalg.inverse(ComplexLinalg.plusIdentity(tm, tau)), y);
        ZMatrixRMaj x = ComplexLinalg.subtract(y, ComplexLinalg.scale(tau, bm));
        ZMatrixRMaj w = ComplexLinalg.hermitianPart(ComplexLinalg.mult(ComplexLinalg.conjugateTranspose(bm), ComplexLinalg.mult(tm, bm)));
        boolean ok = s.status() == org.cosense.optim.Status.OPTIMAL || s.status() == org.cosense.optim.Status.NEAR_OPTIMAL;
        return new AnmSolution(u, List.of(x), List.of(w), AnmSolution.objective(List.of(obs), tau, u[0], List.of(x), List.of(w)), ok,
                s.iterations(), s.primalResidual(), s.dualResidual(), tau, "interior-point");
    }
}
