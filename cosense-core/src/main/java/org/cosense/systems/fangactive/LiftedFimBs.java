package org.cosense.systems.fangactive;

import org.cosense.math.Complex;
import org.cosense.math.ComplexLinalg;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * The sensing-at-BS FIM as a function of the lifted reflection Theta (Lemma 1, (55)–(63); spec
 * fangactive 3.11.1) for a fixed transmit covariance, with R_w^{-1} frozen (so R2 is constant):
 * <pre>
 *   Q_rv = tr(R1 Θ^T) tr(Z_r^H R2 Z_v Θ) + tr(Z_v R1 Θ^T) tr(Z_r^H R2 Θ)
 *        + tr(R1 Z_r^H Θ^T) tr(R2 Z_v Θ) + tr(Z_v R1 Z_r^H Θ^T) tr(R2 Θ),
 *   Q_rb = tr(R1 Θ^T) tr(Z_r^H R2 Θ) + tr(R1 Z_r^H Θ^T) tr(R2 Θ),   Q_bb = tr(R1 Θ^T) tr(R2 Θ),
 *   F_rv = 2 T_L |β|^2 Re Q_rv,  F_rb = 2 T_L Re{β^* Q_rb [1, j]},  F_bb = 2 T_L Q_bb I_2.
 * </pre>
 * Plain data for the Theta-step (SCA/SDR): every entry is a sum of products of two linear forms in Θ.
 *
 * @param r1        R1 = A G R_s G^H A^H (N×N), A = diag(a) ([fangactive E6])
 * @param r2        R2 = A^H G^* W G^T A (N×N), W = R_w^{-1} frozen
 * @param zTheta    Z_theta of the reflecting array (N×N diagonal)
 * @param zPhi      Z_phi
 * @param beta      beta_l
 * @param snapshots T_L
 */
public record LiftedFimBs(ZMatrixRMaj r1, ZMatrixRMaj r2, ZMatrixRMaj zTheta, ZMatrixRMaj zPhi, Complex beta, double snapshots) {

    /** tr(X Θ^T) = Σ_ij X_ij Θ_ij. */
    static Complex trT(ZMatrixRMaj x, ZMatrixRMaj th) {
        double re = 0;
        double im = 0;
        for (int k = 0; k < x.getDataLength(); k += 2) {
            re += x.data[k] * th.data[k] - x.data[k + 1] * th.data[k + 1];
            im += x.data[k] * th.data[k + 1] + x.data[k + 1] * th.data[k];
        }
        return new Complex(re, im);
    }

    public DMatrixRMaj evaluate(ZMatrixRMaj theta) {
        ZMatrixRMaj[] z = {zTheta, zPhi};
        ZMatrixRMaj[] zh = {ComplexLinalg.conjugateTranspose(zTheta), ComplexLinalg.conjugateTranspose(zPhi)};
        Complex u0 = trT(r1, theta);
        Complex v0 = ComplexLinalg.traceOfProduct(r2, theta);
        double f2 = 2 * snapshots;
        DMatrixRMaj f = new DMatrixRMaj(4, 4);
        for (int r = 0; r < 2; r++) {
            for (int v = 0; v < 2; v++) {
                Complex q = u0.times(ComplexLinalg.traceOfProduct(ComplexLinalg.product(zh[r], r2, z[v]), theta))
                        .plus(trT(ComplexLinalg.product(z[v], r1), theta).times(ComplexLinalg.traceOfProduct(ComplexLinalg.product(zh[r], r2), theta)))
                        .plus(trT(ComplexLinalg.product(r1, zh[r]), theta).times(ComplexLinalg.traceOfProduct(ComplexLinalg.product(r2, z[v]), theta)))
                        .plus(trT(ComplexLinalg.product(z[v], r1, zh[r]), theta).times(v0));
                f.set(r, v, f2 * beta.abs2() * q.re());
            }
            Complex qb = u0.times(ComplexLinalg.traceOfProduct(ComplexLinalg.product(zh[r], r2), theta)).plus(trT(ComplexLinalg.product(r1, zh[r]), theta).times(v0));
            Complex bq = beta.conj().times(qb);
            f.set(r, 2, f2 * bq.re());
            f.set(r, 3, -f2 * bq.im());
            f.set(2, r, f.get(r, 2));
            f.set(3, r, f.get(r, 3));
        }
        double bb = f2 * u0.times(v0).re();
        f.set(2, 2, bb);
        f.set(3, 3, bb);
        return f;
    }
}
