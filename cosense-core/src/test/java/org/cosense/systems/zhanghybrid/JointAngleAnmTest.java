package org.cosense.systems.zhanghybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cosense.array.Ula;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The joint AOA/AOD ANM of zhanghybrid on synthetic Z_j and noiseless Y_jk built from known angles. */
class JointAngleAnmTest {
    static final int M = 8;
    static final int N = 10;
    static final int T = 12;

    static ZMatrixRMaj random(int rows, int cols, RandomStream rng) {
        ZMatrixRMaj a = new ZMatrixRMaj(rows, cols);
        rng.complexGaussian(a.data, 0, rows * cols, 1);
        return a;
    }

    /** Z_j of rank r (N × T). */
    static ZMatrixRMaj reflected(int rank, RandomStream rng) {
        return rank == N ? random(N, T, rng) : ComplexLinalg.mult(random(N, rank, rng), random(rank, T, rng));
    }

    /** Y_jk = g_jk a_M(ψ_k) a_N^T(ψ_j) Z_j. */
    static ZMatrixRMaj[][] observations(List<ZMatrixRMaj> z, double[] theta, RandomStream rng) {
        int k = z.size();
        ZMatrixRMaj[][] y = new ZMatrixRMaj[k][k];
        for (int j = 0; j < k; j++) {
            ZMatrixRMaj aN = ComplexLinalg.columnVector(Ula.halfWavelength(N).steering(Math.sin(theta[j])));
            ZMatrixRMaj row = ComplexLinalg.mult(ComplexLinalg.transpose(aN), z.get(j));
            for (int kk = 0; kk < k; kk++) {
                ZMatrixRMaj aM = ComplexLinalg.columnVector(Ula.halfWavelength(M).steering(Math.sin(theta[kk])));
                double amp = 0.5 + rng.nextDouble();
                double ph = rng.nextPhase();
                y[j][kk] = ComplexLinalg.scale(amp * Math.cos(ph), amp * Math.sin(ph), ComplexLinalg.mult(aM, row));
            }
        }
        return y;
    }

    /** [zhanghybrid C14, C15]: all three rank cases at once, noiseless → exact angles; no AOD from a rank-one Z. */
    @Test
    void noiselessObservationsGiveExactAnglesInAllThreeRankCases() {
        RandomStream rng = new RandomStream(11);
        List<ZMatrixRMaj> z = List.of(reflected(N, rng), reflected(4, rng), reflected(1, rng));
        double[] theta = {Math.toRadians(20), Math.toRadians(-35), Math.toRadians(5)};
        List<IrsAngleEstimate> est = JointAngleAnm.of(M, N).estimate(z, observations(z, theta, rng), 1e-10);
        assertEquals(RankCase.FULL, est.get(0).rankCase());
        assertEquals(RankCase.PARTIAL, est.get(1).rankCase());
        assertEquals(4, est.get(1).rank());
        assertEquals(RankCase.RANK_ONE, est.get(2).rankCase());
        for (int k = 0; k < 3; k++) {
            IrsAngleEstimate e = est.get(k);
            assertTrue(e.aoaSolution().converged(), "IRS " + k + " AOA ADMM");
            assertEquals(Math.toDegrees(theta[k]), Math.toDegrees(e.aoa()), 1e-4, "AOA of IRS " + k);
        }
        assertTrue(est.get(0).aodSolution().orElseThrow().converged());
        assertEquals(Math.toDegrees(theta[0]), Math.toDegrees(est.get(0).aod().orElseThrow()), 1e-4, "AOD of IRS 0 (full rank)");
        AodTrustRegion.Result tr = est.get(1).trustRegion().orElseThrow();
        assertTrue(tr.converged());
        assertEquals(Math.toDegrees(theta[1]), Math.toDegrees(est.get(1).aod().orElseThrow()), 1e-4, "AOD of IRS 1 (partial rank)");
        assertTrue(est.get(2).aod().isEmpty());
        assertTrue(est.get(2).aodNote().contains("not identifiable"));
        // Fusion with no AOD is the AOA.
        assertEquals(est.get(2).aoa(), est.get(2).fused(1, 1));
    }

    /** One IRS alone gives exactly its entry of the estimate of all IRSs, in every rank case (noisy data). */
    @Test
    void oneIrsEqualsItsEntryOfAll() {
        RandomStream rng = new RandomStream(31);
        List<ZMatrixRMaj> z = List.of(reflected(N, rng), reflected(3, rng), reflected(1, rng));
        double[] theta = {Math.toRadians(-12), Math.toRadians(25), Math.toRadians(40)};
        ZMatrixRMaj[][] y = observations(z, theta, rng);
        for (ZMatrixRMaj[] row : y) {
            for (ZMatrixRMaj yy : row) {
                double[] e = new double[yy.data.length];
                rng.complexGaussian(e, 0, e.length / 2, 1e-3);
                for (int i = 0; i < e.length; i++) {
                    yy.data[i] += e[i];
                }
            }
        }
        JointAngleAnm anm = JointAngleAnm.of(M, N);
        List<IrsAngleEstimate> all = anm.estimate(z, y, 1e-3);
        for (int j = 0; j < 3; j++) {
            IrsAngleEstimate one = anm.estimate(z, y, 1e-3, j);
            assertEquals(all.get(j).rankCase(), one.rankCase());
            assertEquals(all.get(j).aoa(), one.aoa());
            assertEquals(all.get(j).aod(), one.aod());
        }
    }

    /** [zhanghybrid C14]: the joint estimate equals any single observation's in the noiseless case. */
    @Test
    void jointAndSingleObservationAgreeWhenNoiseless() {
        RandomStream rng = new RandomStream(12);
        List<ZMatrixRMaj> z = List.of(reflected(N, rng), reflected(N, rng));
        double[] theta = {Math.toRadians(-12), Math.toRadians(40)};
        ZMatrixRMaj[][] y = observations(z, theta, rng);
        List<IrsAngleEstimate> joint = JointAngleAnm.of(M, N).estimate(z, y, 1e-10);
        List<IrsAngleEstimate> single = JointAngleAnm.of(M, N).estimate(List.of(z.get(0)), new ZMatrixRMaj[][] {{y[0][0]}}, 1e-10);
        assertEquals(single.get(0).aoa(), joint.get(0).aoa(), 1e-6);
        assertEquals(single.get(0).aod().orElseThrow(), joint.get(0).aod().orElseThrow(), 1e-6);
    }

    /** [zhanghybrid C16, C15]: a stationary point with F not above the grid start; rank one makes F flat. */
    @Test
    void trustRegionEndsAtAStationaryPointAndRankOneIsFlat() {
        RandomStream rng = new RandomStream(13);
        ZMatrixRMaj u = ComplexLinalg.columns(org.cosense.math.ThinSvd.decompose(random(N, 3, rng)).u(), 0, 3);
        double theta = Math.toRadians(27);
        double[] a = Ula.halfWavelength(N).steering(Math.sin(theta));
        double[] zeta = new double[6];
        for (int q = 0; q < 3; q++) {
            for (int i = 0; i < N; i++) {
                zeta[2 * q] += u.getReal(i, q) * a[2 * i] - u.getImag(i, q) * a[2 * i + 1];
                zeta[2 * q + 1] += u.getReal(i, q) * a[2 * i + 1] + u.getImag(i, q) * a[2 * i];
            }
        }
        double[] noise = new double[6];
        rng.complexGaussian(noise, 0, 3, 0.01);
        for (int i = 0; i < 6; i++) {
            zeta[i] += noise[i];
        }
        AodTrustRegion f = new AodTrustRegion(u, List.of(zeta), new double[] {1});
        AodTrustRegion.Result r = f.minimize();
        assertTrue(r.converged());
        assertTrue(Math.abs(f.evaluate(r.theta())[1]) < 1e-8, "F' = " + f.evaluate(r.theta())[1]);
        assertTrue(f.evaluate(r.theta())[2] > 0);
        assertTrue(Math.abs(r.theta() - theta) < Math.toRadians(2));
        // Analytic derivatives against central differences.
        double h = 1e-5;
        double t0 = 0.3;
        assertEquals((f.evaluate(t0 + h)[0] - f.evaluate(t0 - h)[0]) / (2 * h), f.evaluate(t0)[1], 1e-6);
        assertEquals((f.evaluate(t0 + h)[1] - f.evaluate(t0 - h)[1]) / (2 * h), f.evaluate(t0)[2], 1e-5);
        // Rank one: h(θ) is a scalar, |h^H ζ|² / |h|² = |ζ|² for every θ.
        ZMatrixRMaj u1 = ComplexLinalg.columns(u, 0, 1);
        AodTrustRegion flat = new AodTrustRegion(u1, List.of(new double[] {0.3, -0.7}), new double[] {1});
        for (double t = -1.2; t <= 1.2; t += 0.3) {
            assertEquals(-1, flat.evaluate(t)[0], 1e-12);
        }
    }

    /** Z (N × T) with orthonormal singular vectors of a random matrix and singular values 10^(−e i/(N−1)), i = 0..N−1. */
    static ZMatrixRMaj conditioned(double decades, RandomStream rng) {
        org.cosense.math.ThinSvd svd = org.cosense.math.ThinSvd.decompose(random(N, T, rng));
        ZMatrixRMaj us = ComplexLinalg.columns(svd.u(), 0, N);
        for (int c = 0; c < N; c++) {
            double s = Math.pow(10, -decades * c / (N - 1));
            for (int i = 0; i < N; i++) {
                us.set(i, c, us.getReal(i, c) * s, us.getImag(i, c) * s);
            }
        }
        return ComplexLinalg.multTransB(us, ComplexLinalg.columns(svd.v(), 0, N));
    }

    /**
     * [zhanghybrid P13, A29]: a full-rank Z_j with condition number 10^7 (full rank by the rule of A9) must not take
     * over the joint estimate. Its pseudo-inverse (21) would leave an observation whose noise is 10^14 times σ² in its
     * weakest direction, and the energy weights would hand it the joint AOA problem of every IRS; it is pre-processed by
     * its orthonormal right factor instead, and its AOD comes from the trust region. Same data: with a well-conditioned
     * Z_3 the case-1 route (joint ANM on the transposes) is kept.
     */
    @Test
    void illConditionedFullRankIrsDoesNotTakeOverTheJointEstimate() {
        RandomStream rng = new RandomStream(41);
        List<ZMatrixRMaj> z = List.of(reflected(4, rng), reflected(3, rng), conditioned(7, rng));
        double[] theta = {Math.toRadians(-30), Math.toRadians(50), Math.toRadians(10)};
        ZMatrixRMaj[][] y = observations(z, theta, rng);
        double sigma2 = 1e-6;
        for (ZMatrixRMaj[] row : y) {
            for (ZMatrixRMaj yy : row) {
                double[] e = new double[yy.data.length];
                rng.complexGaussian(e, 0, e.length / 2, sigma2);
                for (int i = 0; i < e.length; i++) {
                    yy.data[i] += e[i];
                }
            }
        }
        List<IrsAngleEstimate> est = JointAngleAnm.of(M, N).estimate(z, y, sigma2);
        assertEquals(RankCase.FULL, est.get(2).rankCase());
        assertEquals(N, est.get(2).rank());
        for (int k = 0; k < 3; k++) {
            assertEquals(Math.toDegrees(theta[k]), Math.toDegrees(est.get(k).aoa()), 0.1, "AOA of IRS " + k);
            assertEquals(Math.toDegrees(theta[k]), Math.toDegrees(est.get(k).aod().orElseThrow()), 0.1, "AOD of IRS " + k);
        }
        assertTrue(est.get(2).trustRegion().isPresent(), est.get(2).aodNote());
        assertTrue(est.get(2).aodNote().contains("ill-conditioned"), est.get(2).aodNote());
        assertTrue(JointAngleAnm.preprocess(z.get(2)).condition() > JointAngleAnm.MAX_CASE_ONE_CONDITION);
        ZMatrixRMaj good = conditioned(1, new RandomStream(42));
        assertEquals(JointAngleAnm.Route.PSEUDO_INVERSE, JointAngleAnm.preprocess(good).route());
        assertEquals(JointAngleAnm.Route.ROW_SPACE, JointAngleAnm.preprocess(z.get(2)).route());
    }
}
