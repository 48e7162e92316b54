package org.cosense.systems.hua3d;

import java.util.List;
import org.cosense.array.Upa;
import org.cosense.math.Complex;
import org.cosense.math.ComplexLinalg;
import org.cosense.signal.IrsBeam;
import org.cosense.bounds.FisherInformation;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * Stage-II Fisher information of Hua et al. for the effective IRS frequencies.
 *
 * <p>Lemma 4 (Case 1), eta^II = [mu, nu, Re alpha, Im alpha], mean u_t = alpha (w_t^T qv)^2 (49),
 * covariance N sigma^2 I (50); with c_t = w_t^T qv, c_mu = w_t^T qv_mu, c_nu = w_t^T qv_nu, and
 * w^T Q_mu w = 2 c c_mu, (106)–(111) (index T1 + i, [hua3d E11]) become sums of products of these
 * scalars. Footnote 4: the FIM for [mu_I2T, nu_I2T, alpha] is the same (the BS–IRS arrival
 * frequencies are known).
 *
 * <p>Case 2: the paper's 6-parameter vector (55)–(59) gives a singular FIM ([hua3d E12]), so
 * {@link #case2} treats the BS–target DoA as known from stage I and uses
 * [mu, nu, Re(alphat b), Im(alphat b)] with mean (alphat b) c_t. {@link #case2AsPrinted} keeps the
 * paper's 6 parameters to show the singularity.
 */
public final class StageTwoBounds {
    private StageTwoBounds() {
    }

    /** c_t, c_mu, c_nu for each beam (full Nr vectors), as interleaved arrays [3][2T]. */
    static double[][] beamProducts(Upa irs, List<double[]> beams, double mu, double nu) {
        double[] qv = irs.steering(mu, nu);
        double[] qm = irs.steeringDerivativeMu(mu, nu);
        double[] qn = irs.steeringDerivativeNu(mu, nu);
        int t = beams.size();
        double[][] out = new double[3][2 * t];
        for (int i = 0; i < t; i++) {
            double[] w = beams.get(i);
            put(out[0], i, IrsBeam.dotT(w, qv));
            put(out[1], i, IrsBeam.dotT(w, qm));
            put(out[2], i, IrsBeam.dotT(w, qn));
        }
        return out;
    }

    private static void put(double[] a, int i, Complex z) {
        a[2 * i] = z.re();
        a[2 * i + 1] = z.im();
    }

    /** Lemma 4 FIM (4 × 4) for IRS beams {@code beams} (each a full Nr vector), post-filter noise N_BS sigma^2. */
    public static DMatrixRMaj lemma4(Upa irs, List<double[]> beams, Complex alpha, double mu, double nu,
            double noiseVariance, int nBs) {
        double[][] c = beamProducts(irs, beams, mu, nu);
        int t = beams.size();
        // Jacobian rows per sample: du/dmu = alpha 2 c c_mu, du/dnu = alpha 2 c c_nu, du/dRe = c^2, du/dIm = j c^2
        double[] jac = new double[2 * t * 4];
        for (int i = 0; i < t; i++) {
            Complex ci = new Complex(c[0][2 * i], c[0][2 * i + 1]);
            Complex cm = new Complex(c[1][2 * i], c[1][2 * i + 1]);
            Complex cn = new Complex(c[2][2 * i], c[2][2 * i + 1]);
            Complex c2 = ci.times(ci);
            set(jac, i, 0, alpha.times(ci.times(cm)).times(2));
            set(jac, i, 1, alpha.times(ci.times(cn)).times(2));
            set(jac, i, 2, c2);
            set(jac, i, 3, new Complex(-c2.im(), c2.re()));
        }
        return whiteFim(jac, t, 4, nBs * noiseVariance);
    }

    /** Case-2 FIM with the BS–target DoA known: [mu, nu, Re g, Im g], g = alphat b, mean g c_t. */
    public static DMatrixRMaj case2(Upa irs, List<double[]> beams, Complex gain, double mu, double nu,
            double noiseVariance, int nBs) {
        double[][] c = beamProducts(irs, beams, mu, nu);
        int t = beams.size();
        double[] jac = new double[2 * t * 4];
        for (int i = 0; i < t; i++) {
            Complex ci = new Complex(c[0][2 * i], c[0][2 * i + 1]);
            set(jac, i, 0, gain.times(new Complex(c[1][2 * i], c[1][2 * i + 1])));
            set(jac, i, 1, gain.times(new Complex(c[2][2 * i], c[2][2 * i + 1])));
            set(jac, i, 2, ci);
            set(jac, i, 3, new Complex(-ci.im(), ci.re()));
        }
        return whiteFim(jac, t, 4, nBs * noiseVariance);
    }

    /**
     * The paper's Case-2 parametrization (55)–(59): [mu, nu, mu_B2T, nu_B2T, Re alphat, Im alphat] with
     * mean alphat b(mu_B2T, nu_B2T) c_t(mu, nu), b = a_D^H a(mu_B2T, nu_B2T). Singular (rank 4, [hua3d E12]).
     */
    public static DMatrixRMaj case2AsPrinted(Upa irs, Upa bs, List<double[]> beams, Complex alphaTilde,
            double mu, double nu, double muB2t, double nuB2t, double muD, double nuD, double noiseVariance) {
        double[][] c = beamProducts(irs, beams, mu, nu);
        double[] aD = bs.steering(muD, nuD);
        Complex b = dotH(aD, bs.steering(muB2t, nuB2t));
        Complex bm = dotH(aD, bs.steeringDerivativeMu(muB2t, nuB2t));
        Complex bn = dotH(aD, bs.steeringDerivativeNu(muB2t, nuB2t));
        int t = beams.size();
        double[] jac = new double[2 * t * 6];
        Complex g = alphaTilde.times(b);
        for (int i = 0; i < t; i++) {
            Complex ci = new Complex(c[0][2 * i], c[0][2 * i + 1]);
            set6(jac, i, 0, g.times(new Complex(c[1][2 * i], c[1][2 * i + 1])));
            set6(jac, i, 1, g.times(new Complex(c[2][2 * i], c[2][2 * i + 1])));
            set6(jac, i, 2, alphaTilde.times(bm).times(ci));
            set6(jac, i, 3, alphaTilde.times(bn).times(ci));
            Complex bc = b.times(ci);
            set6(jac, i, 4, bc);
            set6(jac, i, 5, new Complex(-bc.im(), bc.re()));
        }
        return whiteFim(jac, t, 6, bs.size() * noiseVariance);
    }

    private static Complex dotH(double[] x, double[] y) {
        double[] d = ComplexLinalg.dotConj(x, y);
        return new Complex(d[0], d[1]);
    }

    private static void set(double[] jac, int row, int col, Complex z) {
        jac[2 * (row * 4 + col)] = z.re();
        jac[2 * (row * 4 + col) + 1] = z.im();
    }

    private static void set6(double[] jac, int row, int col, Complex z) {
        jac[2 * (row * 6 + col)] = z.re();
        jac[2 * (row * 6 + col) + 1] = z.im();
    }

    /** F = (2 / variance) Re{J^H J} for an interleaved row-major T × p complex Jacobian (generic engine). */
    static DMatrixRMaj whiteFim(double[] jac, int t, int p, double variance) {
        ZMatrixRMaj j = new ZMatrixRMaj(t, p);
        System.arraycopy(jac, 0, j.data, 0, jac.length);
        return FisherInformation.ofWhiteNoise(j, variance);
    }
}
