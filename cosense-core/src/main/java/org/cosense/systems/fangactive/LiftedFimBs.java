package org.cosense.systems.fangactive;

import org.cosense.math.Complex;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.DiagonalScaling;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * The sensing-at-BS FIM as a function of the lifted reflection Theta (Lemma 1, (55)–(63);
 * [fangactive S3.11]) for a fixed transmit covariance, with R_w^{-1} frozen (so R2 is constant):
 * <pre>
 *   Q_rv = tr(R1 Θ^T) tr(Z_r^H R2 Z_v Θ) + tr(Z_v R1 Θ^T) tr(Z_r^H R2 Θ)
 *        + tr(R1 Z_r^H Θ^T) tr(R2 Z_v Θ) + tr(Z_v R1 Z_r^H Θ^T) tr(R2 Θ),
 *   Q_rb = tr(R1 Θ^T) tr(Z_r^H R2 Θ) + tr(R1 Z_r^H Θ^T) tr(R2 Θ),   Q_bb = tr(R1 Θ^T) tr(R2 Θ),
 *   F_rv = 2 T_L |β|^2 Re Q_rv,  F_rb = 2 T_L Re{β^* Q_rb [1, j]},  F_bb = 2 T_L Q_bb I_2.
 * </pre>
 * Plain data for the Theta-step (SCA/SDR): every entry is a sum of products of two linear forms in Θ. The matrices of
 * those forms (Z_v R1, R1 Z_r^H, Z_v R1 Z_r^H, Z_r^H R2 Z_v, Z_r^H R2, R2 Z_v) do not depend on Θ: they are formed once,
 * as the row and column scalings by the diagonal Z_θ, Z_φ they are ({@link DiagonalScaling}: the same doubles as the
 * dense products), and the R1 ones, which depend only on the slot and R_s, can be shared by all Θ0 of a Psi-step
 * ({@link R1Forms}; [fangactive S3.15.9]).
 */
public final class LiftedFimBs {
    private final ZMatrixRMaj r1;
    private final ZMatrixRMaj r2;
    private final ZMatrixRMaj zTheta;
    private final ZMatrixRMaj zPhi;
    private final Complex beta;
    private final double snapshots;
    final R1Forms r1Forms;
    /** Z_r^H R2 (index r). */
    final ZMatrixRMaj[] zhR2 = new ZMatrixRMaj[2];
    /** R2 Z_v (index v). */
    final ZMatrixRMaj[] r2Z = new ZMatrixRMaj[2];
    /** Z_r^H R2 Z_v (index [r][v]). */
    final ZMatrixRMaj[][] zhR2Z = new ZMatrixRMaj[2][2];

    /**
     * @param r1        R1 = A G R_s G^H A^H (N×N), A = diag(a) ([fangactive E6])
     * @param r2        R2 = A^H G^* W G^T A (N×N), W = R_w^{-1} frozen
     * @param zTheta    Z_theta of the reflecting array (N×N diagonal)
     * @param zPhi      Z_phi
     * @param beta      beta_l
     * @param snapshots T_L
     */
    public LiftedFimBs(ZMatrixRMaj r1, ZMatrixRMaj r2, ZMatrixRMaj zTheta, ZMatrixRMaj zPhi, Complex beta, double snapshots) {
        this(new R1Forms(r1, zTheta, zPhi), r2, beta, snapshots);
    }

    /** With the R1 forms of the slot and R_s already formed. */
    LiftedFimBs(R1Forms r1Forms, ZMatrixRMaj r2, Complex beta, double snapshots) {
        this.r1Forms = r1Forms;
        this.r1 = r1Forms.r1;
        this.r2 = r2;
        this.zTheta = r1Forms.z[0];
        this.zPhi = r1Forms.z[1];
        this.beta = beta;
        this.snapshots = snapshots;
        for (int r = 0; r < 2; r++) {
            zhR2[r] = DiagonalScaling.rows(r1Forms.zhDiagonal[r], r2);
            r2Z[r] = DiagonalScaling.columns(r2, r1Forms.zDiagonal[r]);
        }
        for (int r = 0; r < 2; r++) {
            for (int v = 0; v < 2; v++) {
                zhR2Z[r][v] = DiagonalScaling.columns(zhR2[r], r1Forms.zDiagonal[v]); // (Z_r^H R2) Z_v
            }
        }
    }

    /**
     * R1 = A G R_s G^H A^H with Z_θ, Z_φ and the Θ-independent forms Z_v R1, R1 Z_r^H, Z_v R1 Z_r^H of Lemma 1: fixed
     * for a slot and R_s.
     */
    static final class R1Forms {
        final ZMatrixRMaj r1;
        /** Z_θ, Z_φ and Z_θ^H, Z_φ^H. */
        final ZMatrixRMaj[] z;
        final ZMatrixRMaj[] zh;
        final double[][] zDiagonal = new double[2][];
        final double[][] zhDiagonal = new double[2][];
        /** Z_v R1 (index v). */
        final ZMatrixRMaj[] zR1 = new ZMatrixRMaj[2];
        /** R1 Z_r^H (index r). */
        final ZMatrixRMaj[] r1Zh = new ZMatrixRMaj[2];
        /** Z_v R1 Z_r^H (index [v][r]). */
        final ZMatrixRMaj[][] zR1Zh = new ZMatrixRMaj[2][2];
        /** The transposes R1^T, (Z_v R1)^T, (R1 Z_r^H)^T, (Z_v R1 Z_r^H)^T: tr(U Θ^T) = tr(U^T Θ) in the surrogate. */
        final ZMatrixRMaj r1T;
        final ZMatrixRMaj[] zR1T = new ZMatrixRMaj[2];
        final ZMatrixRMaj[] r1ZhT = new ZMatrixRMaj[2];
        final ZMatrixRMaj[][] zR1ZhT = new ZMatrixRMaj[2][2];

        R1Forms(ZMatrixRMaj r1, ZMatrixRMaj zTheta, ZMatrixRMaj zPhi) {
            this.r1 = r1;
            this.z = new ZMatrixRMaj[] {zTheta, zPhi};
            this.zh = new ZMatrixRMaj[] {ComplexLinalg.conjugateTranspose(zTheta), ComplexLinalg.conjugateTranspose(zPhi)};
            for (int r = 0; r < 2; r++) {
                zDiagonal[r] = DiagonalScaling.diagonalOf(z[r]);
                zhDiagonal[r] = DiagonalScaling.diagonalOf(zh[r]);
            }
            for (int r = 0; r < 2; r++) {
                zR1[r] = DiagonalScaling.rows(zDiagonal[r], r1);
                r1Zh[r] = DiagonalScaling.columns(r1, zhDiagonal[r]);
            }
            for (int v = 0; v < 2; v++) {
                for (int r = 0; r < 2; r++) {
                    zR1Zh[v][r] = DiagonalScaling.columns(zR1[v], zhDiagonal[r]); // (Z_v R1) Z_r^H
                    zR1ZhT[v][r] = ComplexLinalg.transpose(zR1Zh[v][r]);
                }
                zR1T[v] = ComplexLinalg.transpose(zR1[v]);
                r1ZhT[v] = ComplexLinalg.transpose(r1Zh[v]);
            }
            r1T = ComplexLinalg.transpose(r1);
        }
    }

    public ZMatrixRMaj r1() {
        return r1;
    }

    public ZMatrixRMaj r2() {
        return r2;
    }

    public ZMatrixRMaj zTheta() {
        return zTheta;
    }

    public ZMatrixRMaj zPhi() {
        return zPhi;
    }

    public Complex beta() {
        return beta;
    }

    public double snapshots() {
        return snapshots;
    }

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
        R1Forms p = r1Forms;
        Complex u0 = trT(r1, theta);
        Complex v0 = ComplexLinalg.traceOfProduct(r2, theta);
        // the linear forms of Q_rv, Q_rb at Θ, each evaluated once
        Complex[] zR1Theta = new Complex[2];  // tr(Z_v R1 Θ^T)
        Complex[] r2ZTheta = new Complex[2];  // tr(R2 Z_v Θ)
        for (int v = 0; v < 2; v++) {
            zR1Theta[v] = trT(p.zR1[v], theta);
            r2ZTheta[v] = ComplexLinalg.traceOfProduct(r2Z[v], theta);
        }
        double f2 = 2 * snapshots;
        DMatrixRMaj f = new DMatrixRMaj(4, 4);
        for (int r = 0; r < 2; r++) {
            Complex zhR2Theta = ComplexLinalg.traceOfProduct(zhR2[r], theta); // tr(Z_r^H R2 Θ)
            Complex r1ZhTheta = trT(p.r1Zh[r], theta);                         // tr(R1 Z_r^H Θ^T)
            for (int v = 0; v < 2; v++) {
                Complex q = u0.times(ComplexLinalg.traceOfProduct(zhR2Z[r][v], theta))
                        .plus(zR1Theta[v].times(zhR2Theta))
                        .plus(r1ZhTheta.times(r2ZTheta[v]))
                        .plus(trT(p.zR1Zh[v][r], theta).times(v0));
                f.set(r, v, f2 * beta.abs2() * q.re());
            }
            Complex qb = u0.times(zhR2Theta).plus(r1ZhTheta.times(v0));
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
