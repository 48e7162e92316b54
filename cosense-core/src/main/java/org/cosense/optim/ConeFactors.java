package org.cosense.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The factors of the current iterate's cone blocks: S_k = L Lᵀ, S_k⁻¹ and Y_k = L Lᵀ, and the
 * longest steps along a direction that keep every block and row inside its cone.
 */
final class ConeFactors {
    private final int[] dims;
    final double[][] sInv;
    final double[][] sChol;
    final double[][] yChol;
    private final java.util.Map<Integer, EigenDecomposition_F64<DMatrixRMaj>> eigs = new java.util.HashMap<>();

    private final SolverOptions.StepLength stepLength;
    /** Per block: the complex form of a block that embeds a Hermitian matrix ({@link SolverOptions.HermitianBlocks#NATIVE}), else null. */
    final HermitianBlock[] hermitian;

    ConeFactors(int[] dims, SolverOptions.StepLength stepLength) {
        this(dims, stepLength, new HermitianBlock[dims.length]);
    }

    /** A Hermitian block keeps its factors and S⁻¹ itself (complex); its entries of {@link #sInv}, {@link #sChol}, {@link #yChol} are unused. */
    ConeFactors(int[] dims, SolverOptions.StepLength stepLength, HermitianBlock[] hermitian) {
        this.dims = dims;
        this.stepLength = stepLength;
        this.hermitian = hermitian;
        int nb = dims.length;
        sInv = new double[nb][];
        sChol = new double[nb][];
        yChol = new double[nb][];
        for (int k = 0; k < nb; k++) {
            int d2 = dims[k] * dims[k];
            sInv[k] = new double[d2];
            sChol[k] = new double[d2];
            yChol[k] = new double[d2];
        }
    }

    /** Factors the blocks of {@code it}; false if a slack or dual block is not positive definite. */
    boolean factor(Iterate it) {
        for (int k = 0; k < dims.length; k++) {
            int d = dims[k];
            if (hermitian[k] != null) {
                if (!hermitian[k].factor(it.sMat[k], it.yMat[k])) {
                    return false;
                }
                continue;
            }
            System.arraycopy(it.sMat[k], 0, sChol[k], 0, d * d);
            if (!DenseKernels.cholesky(sChol[k], d)) {
                return false;
            }
            DenseKernels.inverseFromCholesky(sChol[k], d, sInv[k]);
            System.arraycopy(it.yMat[k], 0, yChol[k], 0, d * d);
            if (!DenseKernels.cholesky(yChol[k], d)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The step along a direction when only steps up to {@code cap} matter (the corrector takes min(1, 0.95 α)): the largest
     * α as {@link #primalStep(Iterate, Direction)} when it is below {@code cap}, otherwise some value ≥ cap (possibly ∞). With the
     * bisection step length a block is first tested by a Cholesky factorization of S + cap·ΔS (a third of the flops of the
     * congruence and tridiagonalization): when it succeeds the block allows more than cap and needs no eigenvalue.
     */
    double primalStep(Iterate it, Direction d, double cap) {
        return stepUpTo(it.sMat, d.dS, it.s, d.ds, true, cap);
    }

    /** As {@link #primalStep(Iterate, Direction, double)} for Y + αΔY ⪰ 0 and y + αΔy ≥ 0. */
    double dualStep(Iterate it, Direction d, double cap) {
        return stepUpTo(it.yMat, d.dY, it.y, d.dy, false, cap);
    }

    private double stepUpTo(double[][] mats, double[][] dMats, double[] rows, double[] dRows, boolean primal, double cap) {
        double a = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rows.length; r++) {
            if (dRows[r] < 0) {
                a = Math.min(a, -rows[r] / dRows[r]);
            }
        }
        for (int k = 0; k < dims.length; k++) {
            int dk = dims[k];
            if (stepLength == SolverOptions.StepLength.BISECTION && hermitian[k] != null) {
                if (hermitian[k].definiteAfter(mats[k], dMats[k], cap)) {
                    continue;
                }
            } else if (stepLength == SolverOptions.StepLength.BISECTION && dk > 1) {
                double[] t = new double[dk * dk];
                double[] m = mats[k];
                double[] dm = dMats[k];
                for (int i = 0; i < t.length; i++) {
                    t[i] = m[i] + cap * dm[i];
                }
                if (DenseKernels.cholesky(t, dk)) {
                    continue;   // this block allows a step beyond cap (∞ stands for "more than cap")
                }
            }
            a = Math.min(a, maxStep(k, primal, dMats[k]));
        }
        return a;
    }

    /** Largest α with S + αΔS ⪰ 0 and s + αΔs ≥ 0 (∞ if the direction never leaves the cone). */
    double primalStep(Iterate it, Direction d) {
        double a = Double.POSITIVE_INFINITY;
        for (int k = 0; k < dims.length; k++) {
            a = Math.min(a, maxStep(k, true, d.dS[k]));
        }
        for (int r = 0; r < it.s.length; r++) {
            if (d.ds[r] < 0) {
                a = Math.min(a, -it.s[r] / d.ds[r]);
            }
        }
        return a;
    }

    /** Largest α with Y + αΔY ⪰ 0 and y + αΔy ≥ 0. */
    double dualStep(Iterate it, Direction d) {
        double a = Double.POSITIVE_INFINITY;
        for (int k = 0; k < dims.length; k++) {
            a = Math.min(a, maxStep(k, false, d.dY[k]));
        }
        for (int r = 0; r < it.y.length; r++) {
            if (d.dy[r] < 0) {
                a = Math.min(a, -it.y[r] / d.dy[r]);
            }
        }
        return a;
    }

    /**
     * Largest α with L Lᵀ + α Δ ⪰ 0 for block k's slack ({@code primal}) or dual factor L: −1/λ_min(L⁻¹ Δ L⁻ᵀ) (∞ if
     * Δ ⪰ 0 in that metric).
     */
    private double maxStep(int k, boolean primal, double[] delta) {
        int d = dims[k];
        HermitianBlock h = hermitian[k];
        if (h != null) {
            double lmin = stepLength == SolverOptions.StepLength.BISECTION ? h.minEigenvalueOfCongruence(primal, delta)
                    : DenseKernels.minEigenvalue(eigs.computeIfAbsent(d, q -> DecompositionFactory_DDRM.eig(q, false, true)),
                            h.congruenceEmbedded(primal, delta), d);
            return lmin < 0 ? -1 / lmin : Double.POSITIVE_INFINITY;
        }
        double[] chol = primal ? sChol[k] : yChol[k];
        double[] b = stepLength == SolverOptions.StepLength.BISECTION ? DenseKernels.congruenceInverseByRows(chol, delta, d)
                : DenseKernels.congruenceInverse(chol, delta, d);
        double lmin;
        if (d == 1) {
            lmin = b[0];
        } else if (stepLength == SolverOptions.StepLength.BISECTION) {
            lmin = DenseKernels.minEigenvalueBisection(b, d);
        } else {
            lmin = DenseKernels.minEigenvalue(eigs.computeIfAbsent(d, q -> DecompositionFactory_DDRM.eig(q, false, true)), b, d);
        }
        return lmin < 0 ? -1 / lmin : Double.POSITIVE_INFINITY;
    }

}
