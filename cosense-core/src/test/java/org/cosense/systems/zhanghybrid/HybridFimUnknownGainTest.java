package org.cosense.systems.zhanghybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.array.CentroidUla;
import org.cosense.bounds.FisherInformation;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.NumericalDerivative;
import org.cosense.math.RandomStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * [zhanghybrid P14]: the AOD information of one path when its complex gain is unknown, against the generic Fisher engine on
 * the model Y = g a_M(θ_A) a_N^T(θ_D) Z differentiated numerically in (θ_D, Re g, Im g).
 */
class HybridFimUnknownGainTest {
    static final int M = 3;
    static final int N = 6;
    static final int T = 8;

    /** Y = g a_M(θ_A) a_N^T(θ_D) Z, interleaved, centre-referenced steering; p = (θ_D, Re g, Im g). */
    static double[] mean(double[] p, double thetaA, ZMatrixRMaj z) {
        ZMatrixRMaj aM = ComplexLinalg.columnVector(CentroidUla.response(Math.sin(thetaA), M));
        ZMatrixRMaj aN = ComplexLinalg.columnVector(CentroidUla.response(Math.sin(p[0]), N));
        ZMatrixRMaj y = ComplexLinalg.scale(p[1], p[2], ComplexLinalg.mult(aM, ComplexLinalg.mult(ComplexLinalg.transpose(aN), z)));
        return y.data.clone();
    }

    /** Z whose rows are scaled by 10^(−decades i/(N−1)): R = Z Z^H far from white for decades > 0. */
    static ZMatrixRMaj reflected(double decades, RandomStream rng) {
        ZMatrixRMaj z = new ZMatrixRMaj(N, T);
        rng.complexGaussian(z.data, 0, N * T, 1);
        for (int i = 0; i < N; i++) {
            double s = Math.pow(10, -decades * i / (N - 1));
            for (int c = 0; c < T; c++) {
                z.set(i, c, z.getReal(i, c) * s, z.getImag(i, c) * s);
            }
        }
        return z;
    }

    @Test
    void unknownGainAodInformationIsTheSchurComplementOfTheGenericFim() {
        double sigma2 = 0.01;
        double thetaA = -0.3;
        double thetaD = 0.4;
        double gr = 0.7;
        double gi = -0.4;
        double[] ratio = new double[2];
        for (int c = 0; c < 2; c++) {
            ZMatrixRMaj z = reflected(c == 0 ? 0 : 2, new RandomStream(3 + c));
            ZMatrixRMaj jac = NumericalDerivative.jacobian(p -> mean(p, thetaA, z), new double[] {thetaD, gr, gi});
            DMatrixRMaj j = FisherInformation.ofWhiteNoise(jac, sigma2);
            // Schur complement of the gain block: J_θθ − J_θg J_gg^{-1} J_gθ
            double a = j.get(1, 1);
            double b = j.get(1, 2);
            double d = j.get(2, 2);
            double det = a * d - b * b;
            double u = j.get(0, 1);
            double v = j.get(0, 2);
            double schur = j.get(0, 0) - (u * (d * u - b * v) + v * (a * v - b * u)) / det;
            ZMatrixRMaj r = ComplexLinalg.multTransB(z, z);
            double scale = 2 * (gr * gr + gi * gi) * M / sigma2;
            assertEquals(1, scale * HybridFim.beamSlopeEnergy(r, thetaD) / j.get(0, 0), 1e-6, "known gain, case " + c);
            assertEquals(1, scale * HybridFim.beamSlopeEnergyUnknownGain(r, thetaD) / schur, 1e-6, "unknown gain, case " + c);
            ratio[c] = HybridFim.beamSlopeEnergy(r, thetaD) / HybridFim.beamSlopeEnergyUnknownGain(r, thetaD);
        }
        // a random white-ish Z loses little; rows spread over two decades lose much more
        assertTrue(ratio[0] < ratio[1], "ratios " + ratio[0] + ", " + ratio[1]);
        assertTrue(ratio[1] > 1.5, "ratio " + ratio[1]);
    }
}
