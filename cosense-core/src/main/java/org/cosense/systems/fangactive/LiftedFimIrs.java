package org.cosense.systems.fangactive;

import org.cosense.math.Complex;
import org.cosense.math.ComplexLinalg;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * The sensing-at-IRSs FIM as a function of the lifted reflection Theta (Lemma 2, (79)–(87); spec
 * fangactive 3.11.1) for a fixed transmit covariance, with W̄ frozen (the sensor-side traces below are
 * then constants). With D̄ = ā ā^H and Z̄ the sensor array's derivative operators:
 * <pre>
 *   Q̄_rv = tr(Z̄_r^H W̄ Z̄_v D̄) tr(R1 Θ^T) + tr(Z̄_r^H W̄ D̄) tr(Z_v R1 Θ^T)
 *        + tr(W̄ Z̄_v D̄) tr(R1 Z_r^H Θ^T) + tr(W̄ D̄) tr(Z_v R1 Z_r^H Θ^T),
 *   Q̄_rb = tr(Z̄_r^H W̄ D̄) tr(R1 Θ^T) + tr(W̄ D̄) tr(R1 Z_r^H Θ^T),  Q̄_bb = tr(W̄ D̄) tr(R1 Θ^T),
 * </pre>
 * linear in Θ, plus the covariance part (41) with factors 1, 2, 4 ([fangactive E3]) evaluated with the actual
 * (tr Θ)^2 and the frozen traces.
 *
 * @param r1          R1 = A G R_s G^H A^H (N×N)
 * @param zTheta      Z_theta of the reflecting array
 * @param zPhi        Z_phi of the reflecting array
 * @param sensorZZ    [tr(Z̄_r^H W̄ Z̄_v D̄)]_rv, 2×2 complex
 * @param sensorZLeft [tr(Z̄_r^H W̄ D̄)]_r, 2×1 complex
 * @param sensorZRight [tr(W̄ Z̄_v D̄)]_v, 2×1 complex
 * @param sensorW     tr(W̄ D̄) (real)
 * @param covBB       [tr(W̄ B̄_r W̄ B̄_v)]_rv, 2×2 real
 * @param covBD       [tr(W̄ B̄_r W̄ D̄)]_r, 2×1 real
 * @param covDD       tr(W̄ D̄ W̄ D̄)
 * @param beta        beta_l
 * @param irsNoise    sigma_r^2
 * @param snapshots   T_L
 */
public record LiftedFimIrs(ZMatrixRMaj r1, ZMatrixRMaj zTheta, ZMatrixRMaj zPhi, ZMatrixRMaj sensorZZ, ZMatrixRMaj sensorZLeft,
        ZMatrixRMaj sensorZRight, double sensorW, DMatrixRMaj covBB, DMatrixRMaj covBD, double covDD, Complex beta,
        double irsNoise, double snapshots) {

    private static Complex get(ZMatrixRMaj m, int i, int j) {
        return new Complex(m.getReal(i, j), m.getImag(i, j));
    }

    public DMatrixRMaj evaluate(ZMatrixRMaj theta) {
        ZMatrixRMaj[] z = {zTheta, zPhi};
        ZMatrixRMaj[] zh = {ComplexLinalg.conjugateTranspose(zTheta), ComplexLinalg.conjugateTranspose(zPhi)};
        Complex u0 = LiftedFimBs.trT(r1, theta);
        double t = snapshots;
        double f2 = 2 * t;
        double tt = ComplexLinalg.complexTrace(theta).re();
        double s4 = irsNoise * irsNoise * tt * tt;
        double b2 = beta.abs2();
        double[] br = {beta.re(), beta.im()};
        DMatrixRMaj f = new DMatrixRMaj(4, 4);
        for (int r = 0; r < 2; r++) {
            for (int v = 0; v < 2; v++) {
                Complex q = get(sensorZZ, r, v).times(u0)
                        .plus(get(sensorZLeft, r, 0).times(LiftedFimBs.trT(ComplexLinalg.product(z[v], r1), theta)))
                        .plus(get(sensorZRight, v, 0).times(LiftedFimBs.trT(ComplexLinalg.product(r1, zh[r]), theta)))
                        .plus(LiftedFimBs.trT(ComplexLinalg.product(z[v], r1, zh[r]), theta).times(sensorW));
                f.set(r, v, t * s4 * b2 * b2 * covBB.get(r, v) + f2 * b2 * q.re());
            }
            Complex qb = get(sensorZLeft, r, 0).times(u0).plus(LiftedFimBs.trT(ComplexLinalg.product(r1, zh[r]), theta).times(sensorW));
            Complex bq = beta.conj().times(qb);
            double cov = 2 * t * s4 * b2 * covBD.get(r, 0);
            f.set(r, 2, cov * br[0] + f2 * bq.re());
            f.set(r, 3, cov * br[1] - f2 * bq.im());
            f.set(2, r, f.get(r, 2));
            f.set(3, r, f.get(r, 3));
        }
        double bb = f2 * sensorW * u0.re();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                f.set(2 + i, 2 + j, 4 * t * s4 * covDD * br[i] * br[j] + (i == j ? bb : 0));
            }
        }
        return f;
    }
}
