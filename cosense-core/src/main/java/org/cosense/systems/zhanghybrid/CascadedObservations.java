package org.cosense.systems.zhanghybrid;

import java.util.ArrayList;
import java.util.List;

import org.cosense.array.CentroidUla;
import org.cosense.channel.PathLoss;
import org.cosense.math.Complex;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.cosense.math.HermitianEigen;
import org.cosense.signal.CyclicWaveform;
import org.ejml.data.ZMatrixRMaj;

/**
 * A seeded simulation of what the sensors of every IRS record, the input of the delay and angle estimators:
 * per path (j, k) the delay-aligned, group-separated observation (7')
 * <pre>
 *   Y_jk = g_jk a_M(θ_k) a_N^T(θ_j) Z_j(τ_jk) + N_jk,   Z_j = C_j S_j (N × T),   N_jk ~ CN(0, σ² I)
 * </pre>
 * with ideal orthogonal groups (IRS j reflects only its own group, no cross terms, [zhanghybrid A3]), the known
 * BS–IRS delays τ_0j already removed, g_jk of radar magnitude (3) and a uniform random phase, and the streams
 * S_j i.i.d. CN(0, 1) samples at f_s = B, cyclic over the frame, so that any delay is exact ({@link CyclicWaveform};
 * [zhanghybrid A12]). Noise blocks of different paths are independent. Steering is centre-referenced [zhanghybrid E5];
 * the departure factor is a_N^T (not conjugated) [zhanghybrid E6].
 *
 * <p>Draw order: per IRS j the D × T streams; then per path (j, k), row-major, the gain phase and the M × T noise.
 */
public final class CascadedObservations {
    private final HybridScene scene;
    private final HybridParameters prm;
    private final ReflectedSignals signals;
    private final List<ZMatrixRMaj> reflected;
    private final ZMatrixRMaj[][] observations;
    private final Complex[][] gains;

    private CascadedObservations(HybridScene scene, HybridParameters prm, ReflectedSignals signals, List<ZMatrixRMaj> reflected,
            ZMatrixRMaj[][] observations, Complex[][] gains) {
        this.scene = scene;
        this.prm = prm;
        this.signals = signals;
        this.reflected = reflected;
        this.observations = observations;
        this.gains = gains;
    }

    /** One frame of every path. */
    public static CascadedObservations draw(HybridScene scene, HybridParameters prm, ReflectedSignals signals, RandomStream rng) {
        int k = scene.irsCount();
        int t = prm.frameSamples();
        int m = prm.sensors();
        int d = prm.streams();
        List<ZMatrixRMaj> z = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            ZMatrixRMaj s = new ZMatrixRMaj(d, t);
            rng.complexGaussian(s.data, 0, d * t, 1.0);
            z.add(ComplexLinalg.mult(signals.reflection(j), s));
        }
        ZMatrixRMaj[][] y = new ZMatrixRMaj[k][k];
        Complex[][] g = new Complex[k][k];
        ZMatrixRMaj[] beam = new ZMatrixRMaj[k];
        for (int j = 0; j < k; j++) {
            double[] an = CentroidUla.response(Math.sin(scene.angle(j)), prm.elements());
            beam[j] = ComplexLinalg.mult(ComplexLinalg.transpose(ComplexLinalg.columnVector(an)), z.get(j));
        }
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                double amp = PathLoss.radarAmplitude(prm.wavelength(), prm.rcs(), scene.distance(j), scene.distance(i));
                g[j][i] = Complex.polar(amp, rng.nextPhase());
                // a_N^T Z_j(τ) = (a_N^T Z_j)(τ): 1 × T
                ZMatrixRMaj row = CyclicWaveform.delay(beam[j], scene.cascadedDelay(j, i) * prm.bandwidthHz());
                double[] am = CentroidUla.response(Math.sin(scene.angle(i)), m);
                ZMatrixRMaj yji = new ZMatrixRMaj(m, t);
                rng.complexGaussian(yji.data, 0, m * t, prm.noiseWatts());
                double gr = g[j][i].re();
                double gi = g[j][i].im();
                for (int r = 0; r < m; r++) {
                    double ar = gr * am[2 * r] - gi * am[2 * r + 1];
                    double ai = gr * am[2 * r + 1] + gi * am[2 * r];
                    for (int c = 0; c < t; c++) {
                        double vr = row.data[2 * c];
                        double vi = row.data[2 * c + 1];
                        yji.data[2 * (r * t + c)] += ar * vr - ai * vi;
                        yji.data[2 * (r * t + c) + 1] += ar * vi + ai * vr;
                    }
                }
                y[j][i] = yji;
            }
        }
        return new CascadedObservations(scene, prm, signals, z, y, g);
    }

    public HybridScene scene() {
        return scene;
    }

    public HybridParameters parameters() {
        return prm;
    }

    public ReflectedSignals signals() {
        return signals;
    }

    /** Z_j = C_j S_j, the undelayed reflected signal of IRS j (N × T): the matched filter's template. */
    public ZMatrixRMaj reflectedSignal(int j) {
        return reflected.get(j).copy();
    }

    /** Z_j(τ) (τ in seconds). */
    public ZMatrixRMaj reflectedSignal(int j, double tau) {
        return CyclicWaveform.delay(reflected.get(j), tau * prm.bandwidthHz());
    }

    /** Y_jk (M × T): group j received by the sensors of IRS k. */
    public ZMatrixRMaj observation(int j, int k) {
        return observations[j][k].copy();
    }

    /** The true cascaded delay τ_jk (s). */
    public double delay(int j, int k) {
        return scene.cascadedDelay(j, k);
    }

    /** g_jk. */
    public Complex gain(int j, int k) {
        return gains[j][k];
    }

    /** The rank case of Z_j (Section IV). */
    public RankCase rankCase(int j) {
        return signals.rankCase(j);
    }

    /** Z_j Z_j^H of this frame. */
    public ZMatrixRMaj covariance(int j) {
        return ComplexLinalg.multTransB(reflected.get(j), reflected.get(j));
    }

    /** Ż_j Ż_j^H of this frame (Parseval), for the delay FIM (12) of the realized waveform. */
    public ZMatrixRMaj derivativeCovariance(int j) {
        return CyclicWaveform.derivativeGram(reflected.get(j), prm.bandwidthHz());
    }

    /** The FIM of this frame's waveforms (R~_j and Ṙ_j realized, not their expectations). */
    public HybridFim fim() {
        List<ZMatrixRMaj> r = new ArrayList<>();
        List<ZMatrixRMaj> rd = new ArrayList<>();
        for (int j = 0; j < scene.irsCount(); j++) {
            r.add(covariance(j));
            rd.add(derivativeCovariance(j));
        }
        return new HybridFim(scene, prm, r, rd);
    }

    /**
     * The pre-processing (21) of Section IV-A: Y~_jk = Y_jk Z_j(τ)^† (M × N), with τ the delay to align with (the estimate
     * τ^_jk, or the truth for delay-aligned data). In case 1 (rank Z_j = N) Y~_jk = g a_M(θ_k) a_N^T(θ_j) + N_jk Z_j^†:
     * the input of the joint atomic norm. The pseudo-inverse keeps the singular values of Z_j above
     * {@link RankCase#TOLERANCE} of the largest, the same rank as {@link #rankCase}.
     */
    public ZMatrixRMaj preprocessed(int j, int k, double tau) {
        return ComplexLinalg.mult(observations[j][k], ComplexLinalg.pseudoInverse(reflectedSignal(j, tau), RankCase.TOLERANCE));
    }

    /**
     * The row-space observation (47) for case 2 (and (54) for r = 1): with Z_j Z_j^H = U_r Σ_r² U_r^H on its rank r (a cyclic
     * delay leaves it unchanged), Y^_jk = Y_jk Z_j(τ)^H U_r Σ_r^{-2} = g a_M(θ_k) (U_r^T a_N(θ_j))^T + noise (M × r), with the
     * same U_r as {@link #rowSpaceBasis}, so that the AOD fit h(θ) = U_r^T a_N(θ) matches the data.
     */
    public ZMatrixRMaj rowSpaceObservation(int j, int k, double tau) {
        ZMatrixRMaj u = rowSpaceBasis(j);
        double[] s2 = rowSpaceEnergies(j);
        ZMatrixRMaj y = ComplexLinalg.mult(ComplexLinalg.multTransB(observations[j][k], reflectedSignal(j, tau)), u);
        int r = s2.length;
        for (int row = 0; row < y.numRows; row++) {
            for (int c = 0; c < r; c++) {
                int i = 2 * (row * r + c);
                y.data[i] /= s2[c];
                y.data[i + 1] /= s2[c];
            }
        }
        return y;
    }

    /** U_r (N × r): the dominant eigenvectors of Z_j Z_j^H on the rank of Z_j, largest first. */
    public ZMatrixRMaj rowSpaceBasis(int j) {
        return HermitianEigen.decompose(covariance(j)).dominantVectors(ReflectedSignals.rank(reflected.get(j)));
    }

    /** Σ_r²: the r largest eigenvalues of Z_j Z_j^H, descending. */
    private double[] rowSpaceEnergies(int j) {
        double[] all = HermitianEigen.decompose(covariance(j)).valuesDescending();
        return java.util.Arrays.copyOf(all, ReflectedSignals.rank(reflected.get(j)));
    }

    /** The noise covariance of each row of Y~_jk = Y_jk Z_j^† in case 1: σ² (Z_j Z_j^H)^{-1} (N × N) [zhanghybrid P5]. */
    public ZMatrixRMaj preprocessedNoiseCovariance(int j) {
        return ComplexLinalg.scale(prm.noiseWatts(), ComplexLinalg.pseudoInverse(covariance(j), RankCase.TOLERANCE
                * RankCase.TOLERANCE));
    }
}
