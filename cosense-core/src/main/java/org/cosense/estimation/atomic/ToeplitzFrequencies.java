package org.cosense.estimation.atomic;

import org.cosense.InvalidInputException;
import org.cosense.array.Ula;
import org.cosense.estimation.doa.Esprit;
import org.cosense.estimation.doa.RootMusic;
import org.cosense.math.TridiagonalHermitianEigen;
import org.ejml.data.ZMatrixRMaj;

/**
 * The frequencies of a PSD Toeplitz matrix T = Σ_k p_k a(u_k) a(u_k)^H (Carathéodory–Fejér /
 * Vandermonde decomposition, exact when rank T = K &lt; M), read on a half-wavelength ULA
 * ({@link Ula} convention, u = sin θ): by root-MUSIC on the noise subspace of T (the M − K
 * eigenvectors of smallest eigenvalue), or by ESPRIT on its K principal eigenvectors. Also the
 * numerical rank: eigenvalues above 1e-3 of the largest [zhanghybrid S3.11].
 */
public final class ToeplitzFrequencies {
    /** Eigenvalues above this fraction of the largest count towards the numerical rank. */
    public static final double RANK_THRESHOLD = 1e-3;

    private ToeplitzFrequencies() {
    }

    /** u = sin θ of K sources by root-MUSIC on T (fewer when roots fall outside |u| ≤ 1). */
    public static double[] rootMusic(ZMatrixRMaj t, int k) {
        int m = check(t, k);
        return new RootMusic(Ula.halfWavelength(m)).fromNoiseSubspace(TridiagonalHermitianEigen.decompose(t).vectors(0, m - k), k);
    }

    /** u = sin θ of K sources by least-squares ESPRIT on T's principal K-subspace. */
    public static double[] esprit(ZMatrixRMaj t, int k) {
        int m = check(t, k);
        return new Esprit(Ula.halfWavelength(m), Esprit.Fit.LEAST_SQUARES).fromSignalSubspace(TridiagonalHermitianEigen.decompose(t).dominantVectors(k));
    }

    /** Number of eigenvalues of T above {@link #RANK_THRESHOLD} × the largest. */
    public static int numericalRank(ZMatrixRMaj t) {
        double[] l = TridiagonalHermitianEigen.decompose(t).values();
        double max = l[l.length - 1];
        if (max <= 0) {
            return 0;
        }
        int r = 0;
        for (double v : l) {
            if (v > RANK_THRESHOLD * max) {
                r++;
            }
        }
        return r;
    }

    private static int check(ZMatrixRMaj t, int k) {
        InvalidInputException.require(t.numRows == t.numCols && t.numRows >= 2, "Toeplitz matrix shape", t.numRows + "x" + t.numCols,
                "must be square, at least 2x2");
        InvalidInputException.require(k >= 1 && k < t.numRows, "sources K", k, "must be in [1, " + (t.numRows - 1) + "]");
        return t.numRows;
    }
}
