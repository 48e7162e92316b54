package org.cosense.systems.fangactive;

import org.cosense.bounds.AffineFisherInformation;
import org.cosense.bounds.GaussianModel;
import org.cosense.optim.TraceAffineForm;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * One of the paper's two receive architectures. Per IRS slot: the 4×4 FIM of
 * xi = [theta, phi, Re beta, Im beta] for a design (R_s, psi), its affine structure in R_s for fixed
 * psi (3.10), the lifted FIM in Theta = psi psi^H for fixed R_s (3.11.1), the IRS amplification
 * power, and the Gaussian signal model itself (for the generic Fisher-information engine).
 *
 * <p>psi is an interleaved (re, im) {@code double[]} of length 2N; R_s is M×M Hermitian PSD.
 */
public interface SensingMode {
    /** The closed-form FIM (Prop. 1 / Prop. 2, corrected). */
    DMatrixRMaj fim(IrsSlot slot, double[] psi, ZMatrixRMaj rs);

    /** F(R) = F_0 + Σ_pq tr(M_pq R) E_pq for the fixed reflection psi (3.10). */
    AffineFisherInformation affineInCovariance(IrsSlot slot, double[] psi);

    /** The lifted FIM (3.11.1) at a Hermitian PSD Theta (equals {@link #fim} at Theta = psi psi^H). */
    DMatrixRMaj liftedFim(IrsSlot slot, ZMatrixRMaj rs, ZMatrixRMaj theta);

    /** The IRS amplification power (8) or (34), averaged over noise and slot. */
    double irsPower(IrsSlot slot, double[] psi, ZMatrixRMaj rs);

    /** The same power in the lifted variable ((23a)–(23d) or (47)). */
    double liftedIrsPower(IrsSlot slot, ZMatrixRMaj rs, ZMatrixRMaj theta);

    /** P(R) = tr(K R) + c for the fixed reflection psi. */
    TraceAffineForm powerAffine(IrsSlot slot, double[] psi);

    /**
     * The observation of the slot as a Gaussian model in xi, built from the physical signal model
     * with the known transmit block S (M×T_L, so T_L = S's column count; slot.snapshots() is not used).
     */
    GaussianModel signalModel(IrsSlot slot, double[] psi, ZMatrixRMaj s);

    /**
     * Prop. 1 / Prop. 2 and the IRS power for many reflections at one fixed R_s (the randomization loop of
     * the Psi-step), with this receiver's parts (noise inverse, covariance part, echo power).
     */
    ReflectionScorer scorer(IrsSlot slot, ZMatrixRMaj rs);

    /** CRB_l = tr(F^{-1}); +∞ when the FIM is singular (Crb's scaled identifiability check). */
    default double crb(IrsSlot slot, double[] psi, ZMatrixRMaj rs) {
        return FangBounds.traceCrb(fim(slot, psi, rs));
    }
}
