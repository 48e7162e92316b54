package org.cosense.systems.wangmultistatic;

import org.cosense.InvalidInputException;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.HermitianEigen;
import org.ejml.data.ZMatrixRMaj;

/**
 * Achievable rate of each RE's communication stream (19)-(21), in bit/s/Hz [wangmultistatic S3.7].
 *
 * <p>Interference set I_k: the other communication streams, plus the sensing stream s_0 when RE k is NOT selected
 * for sensing (a selected RE knows s_0 and cancels it). The printed (21) for b_k = 0 drops the sum over the other
 * streams [wangmultistatic E10]; the code uses the corrected form.
 */
public final class CommunicationRates {
    private CommunicationRates() {
    }

    /**
     * R_k = log2 det(Psi_k + H Q_k H^H) - log2 det Psi_k, Psi_k = sigma^2 I + sum_{i in I_k} H Q_i H^H, the
     * covariance form (41) of (20).
     *
     * @param h        H_{b,k}, N_r×N_t (any channel, not only LoS)
     * @param q        the transmit covariances
     * @param k        the RE (0-based)
     * @param selected b_k
     * @param noise    sigma^2 (W)
     */
    public static double logDetRate(ZMatrixRMaj h, TransmitCovariances q, int k, boolean selected, double noise) {
        check(q, k, noise);
        ZMatrixRMaj psi = psi(h, q, k, selected, noise);
        ZMatrixRMaj withSignal = ComplexLinalg.add(psi, received(h, q.communication(k)));
        return (logDet(withSignal) - logDet(psi)) / Math.log(2);
    }

    /**
     * The SCA surrogate of R_k around Q̄, (43)–(44) with the corrections of [wangmultistatic E10] (H_{b,k} and the
     * interference covariance Ψ_k of RE k itself): log det Ψ_k is concave in Q, so its first-order expansion at Q̄ bounds
     * it from above and
     * <pre>
     *   R̃_k(Q; Q̄) = [log det(Ψ_k(Q) + H Q_k H^H) − log det Ψ_k(Q̄) − tr(Ψ_k(Q̄)^{-1} (Ψ_k(Q) − Ψ_k(Q̄)))] / ln 2
     * </pre>
     * is concave in Q, never above R_k(Q), and equal to it with the same gradient at Q = Q̄ [wangmultistatic C14]. The
     * LoS beamforming of this package does not need it (there the rate rows are linear); it is the building block of an
     * SCA over general channels.
     */
    public static double surrogateRate(ZMatrixRMaj h, TransmitCovariances q, TransmitCovariances around, int k, boolean selected,
            double noise) {
        check(q, k, noise);
        check(around, k, noise);
        ZMatrixRMaj psi = psi(h, q, k, selected, noise);
        ZMatrixRMaj psiBar = psi(h, around, k, selected, noise);
        ZMatrixRMaj withSignal = ComplexLinalg.add(psi, received(h, q.communication(k)));
        double linear = ComplexLinalg.traceOfProduct(ComplexLinalg.inverse(psiBar), ComplexLinalg.subtract(psi, psiBar)).re();
        return (logDet(withSignal) - logDet(psiBar) - linear) / Math.log(2);
    }

    /** Ψ_k = σ² I + Σ_{i ∈ I_k} H Q_i H^H. */
    private static ZMatrixRMaj psi(ZMatrixRMaj h, TransmitCovariances q, int k, boolean selected, double noise) {
        ZMatrixRMaj psi = ComplexLinalg.scale(noise, ComplexLinalg.identity(h.numRows));
        for (int i = 0; i <= q.receivers(); i++) {
            if (interferes(i, k, selected)) {
                psi = ComplexLinalg.add(psi, received(h, q.stream(i)));
            }
        }
        return psi;
    }

    /**
     * The rank-one LoS closed form: with q_ik = a_t^T Q_i a_t^* and gamma = eta N_r / sigma^2,
     * R_k = log2((1 + gamma sum_{I_k U {k}} q_ik) / (1 + gamma sum_{I_k} q_ik)) [wangmultistatic S3.7]; equals
     * {@link #logDetRate} on LoS links [wangmultistatic C12].
     */
    public static double rankOneRate(LosLink link, TransmitCovariances q, int k, boolean selected, double noise) {
        check(q, k, noise);
        double gamma = snrGain(link, noise);
        double interference = 0;
        for (int i = 0; i <= q.receivers(); i++) {
            if (interferes(i, k, selected)) {
                interference += link.deliveredPower(q.stream(i));
            }
        }
        double signal = link.deliveredPower(q.communication(k));
        return Math.log1p(gamma * signal / (1 + gamma * interference)) / Math.log(2);
    }

    /** gamma_k = eta_{b,k} N_r / sigma^2: the receive SNR per watt delivered along a_t. */
    public static double snrGain(LosLink link, double noise) {
        return link.gain() * link.receiveAntennas() / noise;
    }

    /** Rates of all REs for a selection b (rank-one LoS links, one per RE). */
    public static double[] rankOneRates(LosLink[] links, TransmitCovariances q, boolean[] selected, double noise) {
        InvalidInputException.require(links.length == q.receivers() && selected.length == q.receivers(), "links",
                links.length, "one link and one selection flag per RE (" + q.receivers() + ")");
        double[] r = new double[links.length];
        for (int k = 0; k < links.length; k++) {
            r[k] = rankOneRate(links[k], q, k, selected[k], noise);
        }
        return r;
    }

    /**
     * Stream i (0 = sensing, k + 1 = RE k) interferes at RE k: all other communication streams, s_0 unless b_k = 1;
     * so cancelling s_0 never lowers R_k and R_k ignores the other flags [wangmultistatic C13].
     */
    static boolean interferes(int stream, int k, boolean selected) {
        if (stream == k + 1) {
            return false;
        }
        return stream != 0 || !selected;
    }

    private static ZMatrixRMaj received(ZMatrixRMaj h, ZMatrixRMaj q) {
        return ComplexLinalg.hermitianPart(ComplexLinalg.product(h, q, ComplexLinalg.conjugateTranspose(h)));
    }

    private static double logDet(ZMatrixRMaj psd) {
        double s = 0;
        for (double v : HermitianEigen.decompose(psd).values()) {
            s += Math.log(v);
        }
        return s;
    }

    private static void check(TransmitCovariances q, int k, double noise) {
        InvalidInputException.require(k >= 0 && k < q.receivers(), "k", k, "an RE index in [0, " + q.receivers() + ")");
        InvalidInputException.require(noise > 0, "noise", noise, "a positive noise power sigma^2 (W)");
    }
}
