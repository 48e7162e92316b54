package org.cosense.systems.zhanghybrid;

import java.util.ArrayList;
import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.estimation.delay.CyclicDelayEstimator;
import org.cosense.estimation.doa.Capon;
import org.cosense.estimation.doa.DoaEstimator;
import org.cosense.estimation.doa.Esprit;
import org.cosense.estimation.doa.Music1D;
import org.cosense.math.ComplexLinalg;
import org.cosense.signal.CyclicWaveform;
import org.ejml.data.ZMatrixRMaj;

/**
 * The delay and angle estimators of Section IV run on one simulated frame ({@link CascadedObservations}):
 * matched-filter delays of the K² paths (20), the proposed joint atomic norm on the delay-aligned observations
 * ({@link JointAngleAnm}), and the classical baselines of fig6 ([zhanghybrid S3.14]) on the single observation of path
 * (j, j) pre-processed by (21) with the rank-r pseudo-inverse of Z_j ([zhanghybrid A9]).
 */
public final class FrameAngles {
    /** The angle estimators compared in fig6. */
    public enum Estimator {
        ANM("anm"), MUSIC("music"), ESPRIT("esprit"), CAPON("capon");

        private final String series;

        Estimator(String series) {
            this.series = series;
        }

        public String series() {
            return series;
        }
    }

    /** The AOA and AOD estimates (rad) of one IRS by one classical estimator; NaN where it finds no source. */
    public record Angles(double aoa, double aod) {
    }

    private FrameAngles() {
    }

    /** τ^_jk (s) of every path by the matched filter (20), {@link CyclicDelayEstimator}. */
    public static double[][] estimatedDelays(CascadedObservations o) {
        int k = o.scene().irsCount();
        double[][] tau = new double[k][k];
        for (int j = 0; j < k; j++) {
            ZMatrixRMaj z = o.reflectedSignal(j);
            for (int i = 0; i < k; i++) {
                tau[j][i] = CyclicDelayEstimator.estimate(o.observation(j, i), z, o.parameters().bandwidthHz()).delay();
            }
        }
        return tau;
    }

    /** The true τ_jk (delay-aligned data). */
    public static double[][] trueDelays(CascadedObservations o) {
        int k = o.scene().irsCount();
        double[][] tau = new double[k][k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                tau[j][i] = o.delay(j, i);
            }
        }
        return tau;
    }

    /**
     * The proposed estimator: Y_jk advanced by τ_jk (a cyclic shift, unitary, so the noise stays white) is
     * g_jk a_M a_N^T Z_j + noise, the input of {@link JointAngleAnm#estimate}; one estimate per IRS.
     */
    public static List<IrsAngleEstimate> anm(CascadedObservations o, double[][] delays, JointAngleAnm estimator) {
        return estimator.estimate(templates(o), aligned(o, delays), o.parameters().noiseWatts());
    }

    /** The estimate of IRS {@code irs} alone ({@link JointAngleAnm#estimate(List, ZMatrixRMaj[][], double, int)}). */
    public static IrsAngleEstimate anm(CascadedObservations o, double[][] delays, JointAngleAnm estimator, int irs) {
        return estimator.estimate(templates(o), aligned(o, delays), o.parameters().noiseWatts(), irs);
    }

    /** Z_j of every IRS, the templates. */
    public static List<ZMatrixRMaj> templates(CascadedObservations o) {
        List<ZMatrixRMaj> z = new ArrayList<>();
        for (int j = 0; j < o.scene().irsCount(); j++) {
            z.add(o.reflectedSignal(j));
        }
        return z;
    }

    /** Y_jk advanced by τ_jk: g_jk a_M a_N^T Z_j + white noise when τ_jk is the true delay. */
    public static ZMatrixRMaj[][] aligned(CascadedObservations o, double[][] delays) {
        int k = o.scene().irsCount();
        InvalidInputException.require(delays.length == k, "delays", delays.length, "must have one row per IRS (" + k + ")");
        double fs = o.parameters().bandwidthHz();
        ZMatrixRMaj[][] y = new ZMatrixRMaj[k][k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                y[j][i] = CyclicWaveform.delay(o.observation(j, i), -delays[j][i] * fs);
            }
        }
        return y;
    }

    /** A classical 1D estimator of the kind {@code which} (not ANM) on an n-element half-wavelength ULA. */
    public static DoaEstimator classical(Estimator which, int n) {
        return switch (which) {
            case MUSIC -> new Music1D(SingleObservationAngles.array(n));
            case ESPRIT -> new Esprit(SingleObservationAngles.array(n), Esprit.Fit.LEAST_SQUARES);
            case CAPON -> new Capon(SingleObservationAngles.array(n));
            case ANM -> throw new InvalidInputException("estimator", "anm", "is not a covariance-based 1D estimator");
        };
    }

    /**
     * AOA and AOD of IRS j by a classical estimator on path (j, j) alone, aligned with {@code tau}. AOD: Ỹ = Y_jj Z_j(τ)^†
     * (21) with the rank-r pseudo-inverse, R_D = Ỹ^T conj(Ỹ) / M. AOA: R_A = Ỹ Ỹ^H / N in a well-conditioned rank case 1;
     * in cases 2 and 3, and for a full-rank Z_j whose condition number exceeds {@link JointAngleAnm#MAX_CASE_ONE_CONDITION},
     * from the whitened Ŷ = Y_jj(aligned) V_r (the input of {@link JointAngleAnm}), R_A = Ŷ Ŷ^H / r, because Σ_r^{-1}
     * would amplify the noise of the weak directions of Z_j [zhanghybrid A28], [zhanghybrid P13]. An estimator that cannot run on its
     * covariance (Capon on a singular R) finds no source: NaN.
     */
    public static Angles classical(Estimator which, CascadedObservations o, int j, double tau) {
        ZMatrixRMaj yt = o.preprocessed(j, j, tau);
        HybridParameters p = o.parameters();
        ZMatrixRMaj z = o.reflectedSignal(j);
        JointAngleAnm.Preprocessed pre = JointAngleAnm.preprocess(z);
        ZMatrixRMaj ra;
        if (pre.route() == JointAngleAnm.Route.PSEUDO_INVERSE) {
            ra = SingleObservationAngles.aoaCovariance(yt);
        } else {
            ZMatrixRMaj aligned = CyclicWaveform.delay(o.observation(j, j), -tau * p.bandwidthHz());
            ra = SingleObservationAngles.aoaCovariance(ComplexLinalg.mult(aligned, pre.right()));
        }
        return new Angles(angle(classical(which, p.sensors()), ra),
                angle(classical(which, p.elements()), SingleObservationAngles.aodCovariance(yt)));
    }

    private static double angle(DoaEstimator e, ZMatrixRMaj r) {
        try {
            return SingleObservationAngles.angle(e, r);
        } catch (RuntimeException singular) {
            return Double.NaN;
        }
    }
}
