package org.cosense.systems.hua3d;

import org.cosense.array.Upa;
import org.cosense.math.Complex;
import org.cosense.math.ComplexLinalg;
import org.cosense.signal.ProbingCodebook;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * Stage-I Fisher information for eta^I = [mu_B2T, nu_B2T, Re beta, Im beta] (Hua et al. Lemma 1,
 * errata [hua3d E4] applied: (21) is the cross term f_munu and carries the factor T1).
 *
 * <p>{@link #lemma1} uses the cheap form (20a)–(25a) of [hua3d S3.3] with g0 = W^T a, g_mu = W^T a_mu,
 * g_nu = W^T a_nu: O(N T1) and valid for ANY probing matrix, in particular the DFT codebook with
 * T1 < N that the paper simulates (which is not white, [hua3d S3.4]). {@link #theorem1} is the
 * closed form (95)–(99) for white probing R_w = (P/N) I, which that codebook cannot realize.
 */
public final class StageOneBounds {
    private StageOneBounds() {
    }

    /** Lemma 1 via (20a)–(25a): the FIM of the probing actually used (4 × 4). */
    public static DMatrixRMaj lemma1(Upa upa, ZMatrixRMaj w, Complex beta, double mu, double nu, double noiseVariance) {
        int n = upa.size();
        double[] g0 = ProbingCodebook.transposeTimes(w, upa.steering(mu, nu));
        double[] gm = ProbingCodebook.transposeTimes(w, upa.steeringDerivativeMu(mu, nu));
        double[] gn = ProbingCodebook.transposeTimes(w, upa.steeringDerivativeNu(mu, nu));
        double b2 = beta.abs2();
        double s = 2.0 / noiseVariance;
        double g00 = norm2(g0);
        double fmm = s * b2 * (upa.derivativeNorm2Mu() * g00 + n * norm2(gm));
        double fnn = s * b2 * (upa.derivativeNorm2Nu() * g00 + n * norm2(gn));
        double[] mn = dotH(gm, gn);
        double fmn = s * b2 * n * mn[0];
        // f_mu,beta = (2/s2) Re{ conj(beta) [1, j] N g_mu^H g0 }
        double[] m0 = dotH(gm, g0);
        double[] n0 = dotH(gn, g0);
        Complex cb = beta.conj();
        Complex zm = cb.times(new Complex(m0[0], m0[1])).times(n);
        Complex zn = cb.times(new Complex(n0[0], n0[1])).times(n);
        double fmR = s * zm.re();
        double fmI = s * (-zm.im()); // Re{ j z } = -Im z
        double fnR = s * zn.re();
        double fnI = s * (-zn.im());
        double fbb = s * n * g00;
        return new DMatrixRMaj(4, 4, true,
                fmm, fmn, fmR, fmI,
                fmn, fnn, fnR, fnI,
                fmR, fnR, fbb, 0,
                fmI, fnI, 0, fbb);
    }

    /**
     * The receive-only (conditional-model) bound for [mu, nu]: the echo waveform x = beta a^T W is
     * treated as an unknown deterministic T1-vector, so the transmit-side direction dependence of
     * W^T a(mu, nu) carries no information. This is the asymptote of MUSIC, which uses only the
     * receive subspace (Stoica–Nehorai); with centroid referencing P⊥_a a_mu = a_mu and
     * F = (2 |beta|^2 ||W^T a||^2 / sigma^2) diag(||a_mu||^2, ||a_nu||^2) (2 × 2).
     * Lemma 1 exceeds it by the transmit terms N ||g_mu||^2 of (20a), (23a).
     */
    public static DMatrixRMaj receiveOnly(Upa upa, ZMatrixRMaj w, Complex beta, double mu, double nu, double noiseVariance) {
        double[] g0 = ProbingCodebook.transposeTimes(w, upa.steering(mu, nu));
        double s = 2 * beta.abs2() * norm2(g0) / noiseVariance;
        return new DMatrixRMaj(2, 2, true, s * upa.derivativeNorm2Mu(), 0, 0, s * upa.derivativeNorm2Nu());
    }

    /** Theorem 1 (95)–(99): the FIM for white probing R_w = (P/N) I with T1 snapshots (diagonal). */
    public static DMatrixRMaj theorem1(Upa upa, int t1, double power, Complex beta, double noiseVariance) {
        int ny = upa.ny();
        int nz = upa.nz();
        double b2 = beta.abs2();
        double pi2 = Math.PI * Math.PI;
        double fmm = b2 * t1 * power * pi2 * nz * ny * ((double) ny * ny - 1) / (3 * noiseVariance);
        double fnn = b2 * t1 * power * pi2 * ny * nz * ((double) nz * nz - 1) / (3 * noiseVariance);
        double fbb = 2.0 * t1 * upa.size() * power / noiseVariance;
        return new DMatrixRMaj(4, 4, true,
                fmm, 0, 0, 0,
                0, fnn, 0, 0,
                0, 0, fbb, 0,
                0, 0, 0, fbb);
    }

    /** CRB_white(mu) = 3 sigma^2 / (|beta|^2 T1 P pi^2 N (ny^2 - 1)) (95'). */
    public static double crbWhiteMu(Upa upa, int t1, double power, Complex beta, double noiseVariance) {
        return 3 * noiseVariance / (beta.abs2() * t1 * power * Math.PI * Math.PI * upa.size() * ((double) upa.ny() * upa.ny() - 1));
    }

    /** CRB_white(nu) (98'). */
    public static double crbWhiteNu(Upa upa, int t1, double power, Complex beta, double noiseVariance) {
        return 3 * noiseVariance / (beta.abs2() * t1 * power * Math.PI * Math.PI * upa.size() * ((double) upa.nz() * upa.nz() - 1));
    }

    private static double norm2(double[] x) {
        return ComplexLinalg.squaredNorm(x);
    }

    /** x^H y as [re, im]. */
    private static double[] dotH(double[] x, double[] y) {
        return ComplexLinalg.dotConj(x, y);
    }
}
