package org.cosense.systems.zhanghybrid;

import org.cosense.InvalidInputException;
import org.cosense.array.Ula;
import org.cosense.estimation.doa.DoaEstimator;
import org.cosense.estimation.doa.DoaResult;
import org.cosense.estimation.doa.UlaEstimators;
import org.cosense.math.ComplexLinalg;
import org.ejml.data.ZMatrixRMaj;

/**
 * The classical baselines of fig6 on ONE pre-processed observation Ỹ = Y_jk Z_j^† (M × N, full-rank
 * case) [zhanghybrid S3.14]: the AOA from R_A = Ỹ Ỹ^H / N (columns as snapshots) and the AOD from
 * R_D = Ỹ^T conj(Ỹ) / M (rows as snapshots, transposed so that a_N and not its conjugate spans the
 * signal subspace), each by any 1D {@link DoaEstimator} on a half-wavelength ULA with one source.
 */
public final class SingleObservationAngles {
    private SingleObservationAngles() {
    }

    /** Ỹ = Y Z^† for a full-rank Z (N × T) and Y (M × T). */
    public static ZMatrixRMaj preprocess(ZMatrixRMaj z, ZMatrixRMaj y) {
        InvalidInputException.require(y.numCols == z.numCols, "Y columns", y.numCols, "must equal Z's " + z.numCols);
        return ComplexLinalg.mult(y, JointAngleAnm.pseudoInverse(z));
    }

    /** R_A = Ỹ Ỹ^H / N (M × M). */
    public static ZMatrixRMaj aoaCovariance(ZMatrixRMaj yTilde) {
        return ComplexLinalg.scale(1.0 / yTilde.numCols, ComplexLinalg.multTransB(yTilde, yTilde));
    }

    /** R_D = Ỹ^T conj(Ỹ) / M (N × N). */
    public static ZMatrixRMaj aodCovariance(ZMatrixRMaj yTilde) {
        ZMatrixRMaj t = ComplexLinalg.transpose(yTilde);
        return ComplexLinalg.scale(1.0 / yTilde.numRows, ComplexLinalg.multTransB(t, t));
    }

    /** θ (rad) of the one source an estimator finds in R, or NaN when it finds none. */
    public static double angle(DoaEstimator estimator, ZMatrixRMaj covariance) {
        DoaResult r = estimator.estimateFromCovariance(covariance, 1);
        return r.resolved() ? UlaEstimators.angles(r)[0] : Double.NaN;
    }

    /** The ULA the estimators of an n-element array must be built on. */
    public static Ula array(int n) {
        return Ula.halfWavelength(n);
    }
}
