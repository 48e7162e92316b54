package org.cosense.systems.zhanghybrid;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cosense.InvalidInputException;
import org.cosense.array.Ula;
import org.cosense.estimation.atomic.AnmAdmm;
import org.cosense.estimation.atomic.AnmObservation;
import org.cosense.estimation.atomic.AnmRegularization;
import org.cosense.estimation.atomic.AnmSolution;
import org.cosense.estimation.atomic.ToeplitzFrequencies;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.ThinSvd;
import org.ejml.data.ZMatrixRMaj;

/**
 * Joint weighted atomic-norm estimation of the AOAs and AODs of K semi-passive IRSs
 * [zhanghybrid S3.10] to [zhanghybrid S3.13]. Input: the reflected-signal matrices Z_j (N × T, the signal leaving
 * IRS j's N elements) and the sensor observations Y_jk (M × T at IRS k's M sensors, from IRS j's
 * stream), modelled as Y_jk = g_jk a_M(ψ_k) a_N^T(ψ_j) Z_j + noise with a_n(ψ) = [e^{jψ i}]_{i<n},
 * ψ = π sin θ. (A centre-referenced steering changes g_jk by a phase only, which every step below
 * absorbs.) Pre-processing by the rank r of Z_j (singular values above 1e-9 of the largest,
 * {@link RankCase#numericalRank} [zhanghybrid A9]):
 * <ul>
 * <li>{@link RankCase#FULL} (r = N) with condition number s_1/s_N at most {@link #MAX_CASE_ONE_CONDITION}:
 * Ỹ_jk = Y_jk Z_j^† = g a_M a_N^T + coloured noise (M × N);</li>
 * <li>{@link RankCase#PARTIAL} (1 &lt; r &lt; N), and {@link RankCase#FULL} with a larger condition number:
 * Ŷ_jk = Y_jk V_r = g a_M ((U_r Σ_r)^T a_N)^T + white noise (M × r) [zhanghybrid A28], [zhanghybrid P13];</li>
 * <li>{@link RankCase#RANK_ONE}: y_jk = Y_jk v_1 = g σ_1 (a_N^T u_1) a_M + white noise (M × 1).</li>
 * </ul>
 * AOA of IRS k: one joint ANM over its K observations (P3), shared T(u) (M × M), second block T(v_j)
 * for a j pre-processed by Z_j^†, a free Hermitian block for the others, weights w_j = ||Ỹ_jk||² / Σ_i ||Ỹ_ik||²
 * [zhanghybrid A23], solved by {@link AnmAdmm}; θ from root-MUSIC on T(u) with one source.
 * AOD of IRS j: pre-processed by Z_j^† — the same joint ANM on the transposes Ỹ_jk^T (N × M, shared T(u) of size
 * N, Toeplitz second blocks), so a_N appears unconjugated [zhanghybrid P6]; by V_r — the
 * trust region of {@link AodTrustRegion} on the projections onto the estimated AOAs; rank one —
 * none (the AOD is absorbed into the unknown gain) [zhanghybrid C15].
 * Regularization: τ = {@link AnmRegularization#liChi} at the weighted average noise power per entry
 * after pre-processing, σ² · mean_i(1/s_i²) over the singular values s_i of a full-rank Z_j (σ² in cases 2 and 3), and the
 * largest observation width [zhanghybrid A24], [zhanghybrid P5].
 */
public final class JointAngleAnm {
    private final int m;
    private final int n;
    private final AnmAdmm admm;

    public JointAngleAnm(int sensors, int elements, AnmAdmm admm) {
        InvalidInputException.require(sensors >= 2, "sensors M", sensors, "must be at least 2");
        InvalidInputException.require(elements >= 2, "elements N", elements, "must be at least 2");
        this.m = sensors;
        this.n = elements;
        this.admm = admm;
    }

    public static JointAngleAnm of(int sensors, int elements) {
        return new JointAngleAnm(sensors, elements, AnmAdmm.defaults());
    }

    /**
     * Largest condition number s_1/s_N of a full-rank Z_j that the case-1 pre-processing Y Z_j^† (21) is applied to
     * [zhanghybrid A29]. Z_j^† multiplies the noise of the direction of s_i by 1/s_i; a worse-conditioned Z_j is
     * pre-processed like case 2, by its orthonormal right factor, which keeps the noise white [zhanghybrid P13].
     */
    public static final double MAX_CASE_ONE_CONDITION = 1e3;

    /** How an observation of Z_j is pre-processed and which estimator its AOD gets. */
    enum Route {
        /** Y Z^†, Toeplitz second blocks, AOD by the joint ANM on the transposes (case 1, well conditioned). */
        PSEUDO_INVERSE,
        /** Y V_r, free second blocks, AOD by the trust region on h(θ) = (U_r Σ_r)^T a_N(θ) (case 2, or an ill-conditioned case 1). */
        ROW_SPACE,
        /** Y v_1, AOA only (case 3). */
        RANK_ONE
    }

    /** The pre-processed form of one Z_j: its case, rank and condition number s_1/s_r, and the route it takes. */
    record Preprocessed(RankCase rankCase, int rank, double condition, Route route, ZMatrixRMaj right, ZMatrixRMaj ur, double noiseGain) {
    }

    /** Rank case of Z_j (N × T), by the system's one rule {@link RankCase#of(ZMatrixRMaj)}. */
    public static RankCase rankCase(ZMatrixRMaj zj) {
        return RankCase.of(zj);
    }

    static Preprocessed preprocess(ZMatrixRMaj zj) {
        ThinSvd svd = ThinSvd.decompose(zj);
        double[] s = svd.singularValues();
        InvalidInputException.require(s.length > 0 && s[0] > 0, "reflected signal Z", "zero", "must be nonzero");
        int r = RankCase.numericalRank(s);
        RankCase c = RankCase.of(r, zj.numRows);
        double condition = s[0] / s[r - 1];
        ZMatrixRMaj u = ComplexLinalg.columns(svd.u(), 0, r);
        ZMatrixRMaj v = ComplexLinalg.columns(svd.v(), 0, r);
        if (c != RankCase.FULL || condition > MAX_CASE_ONE_CONDITION) {
            // Right factor V_r: Y V_r = g a_M (a_N^T U_r Σ_r) + N V_r keeps the noise white (V_r has orthonormal columns).
            // Σ_r^{-1} would amplify it by 1/s_i in directions whose s_i are many decades below s_1 [zhanghybrid A28];
            // the AOD model absorbs Σ_r instead: h(θ) = (U_r Σ_r)^T a_N(θ). A full-rank but ill-conditioned Z_j takes
            // this route too: its Z^† would leave an observation of pure noise that the energy weights favour [zhanghybrid P13].
            ZMatrixRMaj us = u.copy();
            for (int c2 = 0; c2 < r; c2++) {
                for (int i = 0; i < us.numRows; i++) {
                    us.set(i, c2, us.getReal(i, c2) * s[c2], us.getImag(i, c2) * s[c2]);
                }
            }
            return new Preprocessed(c, r, condition, c == RankCase.RANK_ONE ? Route.RANK_ONE : Route.ROW_SPACE, v, us, 1.0);
        }
        double gain = 0;
        for (int i = 0; i < r; i++) {
            gain += 1 / (s[i] * s[i]);
        }
        gain /= r;
        return new Preprocessed(c, r, condition, Route.PSEUDO_INVERSE, pseudoInverse(s, u, v), u, gain);
    }

    /** Z^† = V Σ^{-1} U^H of a full-rank Z_j (T × N), the right factor of (21), whatever its conditioning. */
    static ZMatrixRMaj pseudoInverse(ZMatrixRMaj zj) {
        ThinSvd svd = ThinSvd.decompose(zj);
        double[] s = svd.singularValues();
        int r = RankCase.numericalRank(s);
        InvalidInputException.require(r == zj.numRows, "rank of Z", r, "must be full (N = " + zj.numRows + ")");
        return pseudoInverse(s, ComplexLinalg.columns(svd.u(), 0, r), ComplexLinalg.columns(svd.v(), 0, r));
    }

    private static ZMatrixRMaj pseudoInverse(double[] s, ZMatrixRMaj u, ZMatrixRMaj v) {
        ZMatrixRMaj vs = v.copy();
        for (int c2 = 0; c2 < u.numCols; c2++) {
            for (int i = 0; i < vs.numRows; i++) {
                vs.set(i, c2, vs.getReal(i, c2) / s[c2], vs.getImag(i, c2) / s[c2]);
            }
        }
        return ComplexLinalg.multTransB(vs, u);
    }

    /**
     * Angles of every IRS. {@code z.get(j)} = Z_j (N × T_j), {@code y[j][k]} = Y_jk (M × T_j), noise power
     * σ² per sensor sample (> 0; it sets τ). Returns one estimate per IRS, in order.
     */
    public List<IrsAngleEstimate> estimate(List<ZMatrixRMaj> z, ZMatrixRMaj[][] y, double noisePower) {
        return estimateSome(z, y, noisePower, -1);
    }

    /**
     * The angles of IRS {@code irs} (0-based) alone, from the same data: its AOA, and its AOD (in the partial-rank case
     * that needs every IRS's AOA, which are then solved too). Equal to {@code estimate(z, y, noisePower).get(irs)}.
     */
    public IrsAngleEstimate estimate(List<ZMatrixRMaj> z, ZMatrixRMaj[][] y, double noisePower, int irs) {
        InvalidInputException.require(irs >= 0 && irs < z.size(), "IRS index", irs, "must be between 0 and " + (z.size() - 1));
        return estimateSome(z, y, noisePower, irs).get(0);
    }

    private List<IrsAngleEstimate> estimateSome(List<ZMatrixRMaj> z, ZMatrixRMaj[][] y, double noisePower, int only) {
        int kk = z.size();
        InvalidInputException.require(kk >= 1, "IRSs", kk, "need at least one");
        InvalidInputException.require(y.length == kk, "observation rows", y.length, "must equal the number of IRSs " + kk);
        InvalidInputException.positive("noise power", noisePower);
        List<Preprocessed> pre = new ArrayList<>();
        for (int j = 0; j < kk; j++) {
            ZMatrixRMaj zj = z.get(j);
            InvalidInputException.require(zj.numRows == n, "Z rows", j + 1, zj.numRows, "must equal N = " + n);
            InvalidInputException.require(y[j].length == kk, "observations from IRS", j + 1, y[j].length, "must be one per IRS (" + kk + ")");
            for (int k = 0; k < kk; k++) {
                InvalidInputException.require(y[j][k].numRows == m && y[j][k].numCols == zj.numCols, "Y shape", j + 1,
                        y[j][k].numRows + "x" + y[j][k].numCols, "must be M x T = " + m + "x" + zj.numCols);
            }
            pre.add(preprocess(zj));
        }
        // Pre-processed observations.
        ZMatrixRMaj[][] yt = new ZMatrixRMaj[kk][kk];
        for (int j = 0; j < kk; j++) {
            for (int k = 0; k < kk; k++) {
                yt[j][k] = ComplexLinalg.mult(y[j][k], pre.get(j).right());
            }
        }
        // AOAs.
        double[] aoa = new double[kk];
        AnmSolution[] aoaSol = new AnmSolution[kk];
        boolean allAoas = only < 0 || pre.get(only).route() == Route.ROW_SPACE;
        for (int k = 0; k < kk; k++) {
            if (!allAoas && k != only) {
                continue;
            }
            List<ZMatrixRMaj> obs = new ArrayList<>();
            List<Boolean> toeplitz = new ArrayList<>();
            List<Double> gains = new ArrayList<>();
            for (int j = 0; j < kk; j++) {
                obs.add(yt[j][k]);
                toeplitz.add(pre.get(j).route() == Route.PSEUDO_INVERSE);
                gains.add(pre.get(j).noiseGain());
            }
            aoaSol[k] = jointAnm(obs, toeplitz, gains, noisePower);
            aoa[k] = Math.asin(clamp(ToeplitzFrequencies.rootMusic(aoaSol[k].toeplitz(), 1)[0]));
        }
        List<IrsAngleEstimate> out = new ArrayList<>();
        for (int j = 0; j < kk; j++) {
            if (only >= 0 && j != only) {
                continue;
            }
            Preprocessed p = pre.get(j);
            switch (p.route()) {
                case PSEUDO_INVERSE -> {
                    List<ZMatrixRMaj> obs = new ArrayList<>();
                    List<Boolean> toeplitz = new ArrayList<>();
                    List<Double> gains = new ArrayList<>();
                    for (int k = 0; k < kk; k++) {
                        obs.add(ComplexLinalg.transpose(yt[j][k]));
                        toeplitz.add(true);
                        gains.add(p.noiseGain());
                    }
                    AnmSolution s = jointAnm(obs, toeplitz, gains, noisePower);
                    double aod = Math.asin(clamp(ToeplitzFrequencies.rootMusic(s.toeplitz(), 1)[0]));
                    out.add(new IrsAngleEstimate(j, p.rankCase(), p.rank(), aoa[j], OptionalDouble.of(aod),
                            "joint ANM on the transposed observations (full rank)", aoaSol[j], Optional.of(s), Optional.empty()));
                }
                case ROW_SPACE -> {
                    List<double[]> zeta = new ArrayList<>();
                    double[] w = new double[kk];
                    double total = 0;
                    Ula sensors = Ula.halfWavelength(m);
                    for (int k = 0; k < kk; k++) {
                        double[] a = sensors.steering(Math.sin(aoa[k]));
                        ZMatrixRMaj yk = yt[j][k];
                        double[] zk = new double[2 * yk.numCols];
                        for (int c = 0; c < yk.numCols; c++) {
                            double re = 0;
                            double im = 0;
                            for (int i = 0; i < m; i++) {
                                double yr = yk.getReal(i, c);
                                double yi = yk.getImag(i, c);
                                re += a[2 * i] * yr + a[2 * i + 1] * yi;
                                im += a[2 * i] * yi - a[2 * i + 1] * yr;
                            }
                            zk[2 * c] = re / m;
                            zk[2 * c + 1] = im / m;
                        }
                        zeta.add(zk);
                        w[k] = ComplexLinalg.normF(yk) * ComplexLinalg.normF(yk);
                        total += w[k];
                    }
                    for (int k = 0; k < kk; k++) {
                        w[k] /= total;
                    }
                    AodTrustRegion.Result r = new AodTrustRegion(p.ur(), zeta, w).minimize();
                    out.add(new IrsAngleEstimate(j, p.rankCase(), p.rank(), aoa[j], OptionalDouble.of(r.theta()),
                            "trust region on the AOA-projected observations (" + (p.rankCase() == RankCase.FULL
                                    ? String.format("rank N, ill-conditioned: s_1/s_N = %.3g > %.0f", p.condition(), MAX_CASE_ONE_CONDITION)
                                    : "rank " + p.rank() + " < N") + ")", aoaSol[j], Optional.empty(), Optional.of(r)));
                }
                default -> out.add(new IrsAngleEstimate(j, p.rankCase(), p.rank(), aoa[j], OptionalDouble.empty(),
                        "not identifiable: rank Z = 1 folds the AOD into the unknown path gain", aoaSol[j], Optional.empty(), Optional.empty()));
            }
        }
        return out;
    }

    private AnmSolution jointAnm(List<ZMatrixRMaj> obs, List<Boolean> toeplitz, List<Double> noiseGains, double noisePower) {
        double total = 0;
        double[] e = new double[obs.size()];
        for (int j = 0; j < obs.size(); j++) {
            double f = ComplexLinalg.normF(obs.get(j));
            e[j] = f * f;
            total += e[j];
        }
        List<AnmObservation> list = new ArrayList<>();
        double sigmaBar = 0;
        int width = 1;
        for (int j = 0; j < obs.size(); j++) {
            double w = total > 0 ? e[j] / total : 1.0 / obs.size();
            w = Math.max(w, 1e-12);
            boolean tp = toeplitz.get(j) && obs.get(j).numCols >= 2;
            list.add(new AnmObservation(obs.get(j), w, tp ? AnmObservation.Block.TOEPLITZ : AnmObservation.Block.FREE));
            sigmaBar += w * noisePower * noiseGains.get(j);
            width = Math.max(width, obs.get(j).numCols);
        }
        double wsum = 0;
        for (AnmObservation o : list) {
            wsum += o.weight();
        }
        sigmaBar /= wsum;
        double tau = AnmRegularization.liChi(sigmaBar, obs.get(0).numRows, width);
        return admm.solve(list, tau);
    }

    private static double clamp(double u) {
        return Math.max(-1, Math.min(1, u));
    }
}
