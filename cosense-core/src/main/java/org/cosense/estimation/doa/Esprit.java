package org.cosense.estimation.doa;

import org.cosense.array.Ula;
import org.cosense.math.Complex;
import org.cosense.math.ComplexEigenvalues;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.TridiagonalHermitianEigen;
import org.ejml.data.ZMatrixRMaj;

/**
 * ESPRIT on a ULA (Roy and Kailath 1989) with the two maximally overlapping subarrays (elements
 * 0..n−2 and 1..n−1, unweighted rows). With E_s the K principal eigenvectors of R and E_1, E_2 its
 * first and last n − 1 rows, the rotation Ψ solves E_1 Ψ ≈ E_2 in least squares (LS:
 * Ψ = (E_1^H E_1)^{-1} E_1^H E_2, well conditioned since E_1^H E_1 = I minus one row's outer product) or in total least squares (TLS: Ψ = −V_12 V_22^{-1} from the eigenvectors of the
 * K smallest eigenvalues of [E_1 E_2]^H [E_1 E_2]); its eigenvalues are e^{j 2π d u_k}. Estimates
 * in u, in the eigenvalue order of Ψ; u outside [−1, 1] is dropped (unresolved).
 */
public final class Esprit implements DoaEstimator {
    /** How the shift-invariance equation is solved. */
    public enum Fit {
        LEAST_SQUARES, TOTAL_LEAST_SQUARES
    }

    private final Ula ula;
    private final Fit fit;

    public Esprit(Ula ula, Fit fit) {
        UlaEstimators.checkArray(ula);
        this.ula = ula;
        this.fit = fit;
    }

    @Override
    public int parameterDimension() {
        return 1;
    }

    @Override
    public DoaResult estimateFromCovariance(ZMatrixRMaj covariance, int k) {
        UlaEstimators.checkInput(ula, covariance, k, ula.m() - 1);
        return UlaEstimators.result(k, fromSignalSubspace(TridiagonalHermitianEigen.decompose(covariance).dominantVectors(k)));
    }

    /** u of the rotation of a signal subspace E_s (n × K). */
    public double[] fromSignalSubspace(ZMatrixRMaj es) {
        int n = es.numRows;
        int k = es.numCols;
        ZMatrixRMaj e1 = new ZMatrixRMaj(n - 1, k);
        ZMatrixRMaj e2 = new ZMatrixRMaj(n - 1, k);
        for (int i = 0; i < n - 1; i++) {
            for (int c = 0; c < k; c++) {
                e1.set(i, c, es.getReal(i, c), es.getImag(i, c));
                e2.set(i, c, es.getReal(i + 1, c), es.getImag(i + 1, c));
            }
        }
        ZMatrixRMaj psi = fit == Fit.LEAST_SQUARES
                ? ComplexLinalg.mult(ComplexLinalg.inverse(ComplexLinalg.multTransA(e1, e1)), ComplexLinalg.multTransA(e1, e2))
                : tls(e1, e2, k);
        Complex[] lambda = ComplexEigenvalues.of(psi);
        double omega = 2 * Math.PI * ula.d();
        return java.util.Arrays.stream(lambda).mapToDouble(z -> z.arg() / omega).filter(u -> Math.abs(u) <= 1).toArray();
    }

    private static ZMatrixRMaj tls(ZMatrixRMaj e1, ZMatrixRMaj e2, int k) {
        ZMatrixRMaj c = new ZMatrixRMaj(e1.numRows, 2 * k);
        for (int i = 0; i < e1.numRows; i++) {
            for (int j = 0; j < k; j++) {
                c.set(i, j, e1.getReal(i, j), e1.getImag(i, j));
                c.set(i, k + j, e2.getReal(i, j), e2.getImag(i, j));
            }
        }
        ZMatrixRMaj v = TridiagonalHermitianEigen.decompose(ComplexLinalg.multTransA(c, c)).vectors(0, k);
        ZMatrixRMaj v12 = new ZMatrixRMaj(k, k);
        ZMatrixRMaj v22 = new ZMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                v12.set(i, j, v.getReal(i, j), v.getImag(i, j));
                v22.set(i, j, v.getReal(k + i, j), v.getImag(k + i, j));
            }
        }
        return ComplexLinalg.scale(-1, ComplexLinalg.mult(v12, ComplexLinalg.inverse(v22)));
    }
}
