package org.cosense.bounds;

import java.util.List;

import org.cosense.InvalidInputException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_ZDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Fisher information of real parameters θ ∈ R^p from circular complex Gaussian observations
 * y ~ CN(m(θ), C(θ)) — the Slepian–Bangs formula
 * <pre>
 *   F_ij = 2 Re{ ∂m^H/∂θ_i C^{-1} ∂m/∂θ_j } + tr( C^{-1} ∂C/∂θ_i C^{-1} ∂C/∂θ_j ).
 * </pre>
 * Results are real symmetric p×p {@link DMatrixRMaj}. Independent observation blocks (snapshots,
 * receivers) add: {@link #sum}. The Jacobian J = ∂m/∂θ is n×p complex, column i = ∂m/∂θ_i.
 *
 * <p>Computed through the Cholesky factor C = L L^H: with W = L^{-1} J and
 * M_i = L^{-1} ∂C_i L^{-H}, F = 2 Re{W^H W} + [⟨M_i, M_j⟩_F], a sum of Gram matrices, so the
 * result is symmetric positive semidefinite by construction (no C^{-1} is formed).
 */
public final class FisherInformation {
    private FisherInformation() {
    }

    /** White noise C = σ² I with σ² known: F = (2/σ²) Re{J^H J}. No n×n matrix is formed. */
    public static DMatrixRMaj ofWhiteNoise(ZMatrixRMaj meanJacobian, double noiseVariance) {
        InvalidInputException.positive("noiseVariance", noiseVariance);
        return realGram(meanJacobian.data, meanJacobian.numRows, meanJacobian.numCols, 2 / noiseVariance);
    }

    /** Parameter-free covariance C: F = 2 Re{J^H C^{-1} J}. */
    public static DMatrixRMaj ofJacobian(ZMatrixRMaj meanJacobian, ZMatrixRMaj covariance) {
        return of(meanJacobian, covariance, List.of());
    }

    /** Zero-mean observations: F_ij = tr(C^{-1} ∂C_i C^{-1} ∂C_j). */
    public static DMatrixRMaj ofCovariance(ZMatrixRMaj covariance, List<ZMatrixRMaj> covarianceDerivatives) {
        return of(new ZMatrixRMaj(covariance.numRows, covarianceDerivatives.size()), covariance, covarianceDerivatives);
    }

    /**
     * The full Slepian–Bangs FIM. {@code covarianceDerivatives} is either empty (C does not depend
     * on θ) or has one n×n Hermitian matrix per parameter.
     */
    public static DMatrixRMaj of(ZMatrixRMaj meanJacobian, ZMatrixRMaj covariance, List<ZMatrixRMaj> covarianceDerivatives) {
        int n = covariance.numRows;
        int p = meanJacobian.numCols;
        InvalidInputException.require(covariance.numCols == n, "covariance shape", n + "x" + covariance.numCols, "must be square");
        InvalidInputException.require(meanJacobian.numRows == n, "meanJacobian rows", meanJacobian.numRows,
                "must equal the covariance dimension " + n);
        InvalidInputException.require(covarianceDerivatives.isEmpty() || covarianceDerivatives.size() == p,
                "covarianceDerivatives.size()", covarianceDerivatives.size(), "must be 0 or the parameter count " + p);
        ZMatrixRMaj l = cholesky(covariance);
        ZMatrixRMaj w = meanJacobian.copy();
        solveLower(l, w);
        DMatrixRMaj f = realGram(w.data, n, p, 2.0);
        if (!covarianceDerivatives.isEmpty()) {
            double[][] m = new double[p][];
            for (int i = 0; i < p; i++) {
                ZMatrixRMaj dc = covarianceDerivatives.get(i);
                InvalidInputException.require(dc.numRows == n && dc.numCols == n, "covarianceDerivatives[" + i + "] shape",
                        dc.numRows + "x" + dc.numCols, "must be " + n + "x" + n);
                // M_i = L^{-1} (L^{-1} ∂C_i)^H, Hermitian because ∂C_i is.
                ZMatrixRMaj x = dc.copy();
                solveLower(l, x);
                ZMatrixRMaj xh = new ZMatrixRMaj(n, n);
                org.ejml.dense.row.CommonOps_ZDRM.transposeConjugate(x, xh);
                solveLower(l, xh);
                m[i] = xh.data;
            }
            // tr(M_i M_j) = Σ_ab M_i[a,b] M_j[b,a] = Σ_ab Re(M_i[a,b] conj(M_j[a,b])) for Hermitian M_j.
            for (int i = 0; i < p; i++) {
                for (int j = i; j < p; j++) {
                    double s = 0;
                    double[] a = m[i];
                    double[] b = m[j];
                    for (int k = 0; k < 2 * n * n; k++) {
                        s += a[k] * b[k];
                    }
                    f.add(i, j, s);
                    if (j != i) {
                        f.add(j, i, s);
                    }
                }
            }
        }
        return f;
    }

    /** The FIM of a model at θ, with its own (analytic or numerical) derivatives. */
    public static DMatrixRMaj of(GaussianModel model, double[] theta) {
        InvalidInputException.require(theta.length == model.parameterCount(), "theta.length", theta.length,
                "must equal the model's parameter count " + model.parameterCount());
        ZMatrixRMaj c = model.covariance(theta);
        ZMatrixRMaj j = model.meanJacobian(theta);
        List<ZMatrixRMaj> dc = model.covarianceIsConstant() ? List.of() : model.covarianceDerivatives(theta);
        return of(j, c, dc);
    }

    /** Independent observation blocks (each with the same θ): the FIMs add. */
    public static DMatrixRMaj of(List<? extends GaussianModel> independentBlocks, double[] theta) {
        InvalidInputException.require(!independentBlocks.isEmpty(), "independentBlocks", "[]", "must not be empty");
        DMatrixRMaj f = new DMatrixRMaj(theta.length, theta.length);
        for (GaussianModel m : independentBlocks) {
            CommonOps_DDRM.addEquals(f, of(m, theta));
        }
        return f;
    }

    /** Sum of FIMs of independent observations of the same parameters. */
    public static DMatrixRMaj sum(List<DMatrixRMaj> fims) {
        InvalidInputException.require(!fims.isEmpty(), "fims", "[]", "must not be empty");
        DMatrixRMaj f = fims.get(0).copy();
        for (int i = 1; i < fims.size(); i++) {
            InvalidInputException.require(fims.get(i).numRows == f.numRows && fims.get(i).numCols == f.numCols,
                    "fims[" + i + "] shape", fims.get(i).numRows + "x" + fims.get(i).numCols, "must be " + f.numRows + "x" + f.numCols);
            CommonOps_DDRM.addEquals(f, fims.get(i));
        }
        return f;
    }

    /** Sum of FIMs (varargs form of {@link #sum(List)}). */
    public static DMatrixRMaj sum(DMatrixRMaj... fims) {
        return sum(List.of(fims));
    }

    /**
     * FIM of new parameters φ when θ = h(φ): F_φ = H^T F_θ H with H = ∂θ/∂φ (p×q). (For the
     * opposite direction, bounds on derived quantities g(θ), see {@link Crb#transform}.)
     */
    public static DMatrixRMaj transform(DMatrixRMaj fimTheta, DMatrixRMaj dThetaDPhi) {
        InvalidInputException.require(dThetaDPhi.numRows == fimTheta.numRows, "dThetaDPhi rows", dThetaDPhi.numRows,
                "must equal the FIM size " + fimTheta.numRows);
        DMatrixRMaj fh = new DMatrixRMaj(fimTheta.numRows, dThetaDPhi.numCols);
        CommonOps_DDRM.mult(fimTheta, dThetaDPhi, fh);
        DMatrixRMaj out = new DMatrixRMaj(dThetaDPhi.numCols, dThetaDPhi.numCols);
        CommonOps_DDRM.multTransA(dThetaDPhi, fh, out);
        return symmetrize(out);
    }

    /** scale · Re{W^H W} for an n×p interleaved row-major W. */
    private static DMatrixRMaj realGram(double[] w, int n, int p, double scale) {
        DMatrixRMaj f = new DMatrixRMaj(p, p);
        for (int r = 0; r < n; r++) {
            int row = 2 * r * p;
            for (int i = 0; i < p; i++) {
                double ar = w[row + 2 * i];
                double ai = w[row + 2 * i + 1];
                for (int j = i; j < p; j++) {
                    f.data[i * p + j] += ar * w[row + 2 * j] + ai * w[row + 2 * j + 1];
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double v = scale * f.data[i * p + j];
                f.data[i * p + j] = v;
                f.data[j * p + i] = v;
            }
        }
        return f;
    }

    private static ZMatrixRMaj cholesky(ZMatrixRMaj c) {
        int n = c.numRows;
        CholeskyDecomposition_F64<ZMatrixRMaj> chol = DecompositionFactory_ZDRM.chol(n, true);
        if (!chol.decompose(c.copy())) {
            throw new InvalidInputException("covariance", n + "x" + n + " matrix", "must be positive definite (Cholesky failed)");
        }
        ZMatrixRMaj l = chol.getT(null);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                l.set(i, j, 0, 0);
            }
        }
        return l;
    }

    /** B ← L^{-1} B by forward substitution, L lower triangular n×n, B n×q (interleaved). */
    private static void solveLower(ZMatrixRMaj l, ZMatrixRMaj b) {
        int n = l.numRows;
        int q = b.numCols;
        double[] ld = l.data;
        double[] bd = b.data;
        for (int i = 0; i < n; i++) {
            int bi = 2 * i * q;
            for (int k = 0; k < i; k++) {
                double lr = ld[2 * (i * n + k)];
                double li = ld[2 * (i * n + k) + 1];
                if (lr == 0 && li == 0) {
                    continue;
                }
                int bk = 2 * k * q;
                for (int c = 0; c < 2 * q; c += 2) {
                    double xr = bd[bk + c];
                    double xi = bd[bk + c + 1];
                    bd[bi + c] -= lr * xr - li * xi;
                    bd[bi + c + 1] -= lr * xi + li * xr;
                }
            }
            double dr = ld[2 * (i * n + i)];
            double di = ld[2 * (i * n + i) + 1];
            double den = dr * dr + di * di;
            for (int c = 0; c < 2 * q; c += 2) {
                double xr = bd[bi + c];
                double xi = bd[bi + c + 1];
                bd[bi + c] = (xr * dr + xi * di) / den;
                bd[bi + c + 1] = (xi * dr - xr * di) / den;
            }
        }
    }

    static DMatrixRMaj symmetrize(DMatrixRMaj a) {
        int p = a.numRows;
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                double v = 0.5 * (a.get(i, j) + a.get(j, i));
                a.set(i, j, v);
                a.set(j, i, v);
            }
        }
        return a;
    }
}
