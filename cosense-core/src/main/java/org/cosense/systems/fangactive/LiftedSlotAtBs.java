package org.cosense.systems.fangactive;

import org.cosense.bounds.AffineFisherInformation;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.DiagonalScaling;
import org.cosense.optim.TraceAffineForm;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * Sensing at the BS for one slot at a fixed R_s as a function of Θ ([fangactive S3.11]): the parts of Lemma 1 and of
 * the lifted power (23a)–(23d) that depend only on the slot and R_s — G R_s G^H, R1 = A G R_s G^H A^H with its forms
 * Z_v R1, R1 Z_r^H, Z_v R1 Z_r^H, and A^H G^* — are formed once, so a Θ0 costs the frozen noise inverse W and
 * R2 = A^H G^* W G^T A only. Products with the diagonal A = diag(a), Diag(Θ0), Z_θ, Z_φ are the scalings they are
 * ({@link DiagonalScaling}); every result has the bits of {@link SensingAtBs#lifted}, {@link SensingAtBs#liftedIrsPower},
 * {@link ScaSurrogate#of(SensingMode, IrsSlot, ZMatrixRMaj, ZMatrixRMaj)} and {@link ScaSurrogate#power}, which are
 * built on this class ([fangactive S3.15.9]).
 */
final class LiftedSlotAtBs implements LiftedSlot {
    private final IrsSlot slot;
    /** G^T (M×N) and G^* (N×M). */
    private final ZMatrixRMaj gT;
    private final ZMatrixRMaj gConj;
    /** A^H G^*, the left factors of R2. */
    private final ZMatrixRMaj aHgConj;
    /** G R_s G^H (N×N). */
    private final ZMatrixRMaj grg;
    /** A (G R_s G^H) A^H: R1 in the association of (23a). */
    private final ZMatrixRMaj r1Power;
    /** R1 = A G R_s G^H A^H (left to right, as Lemma 1 writes it) and its Θ-independent forms. */
    private final LiftedFimBs.R1Forms r1;

    LiftedSlotAtBs(IrsSlot slot, ZMatrixRMaj rs) {
        SensingAtBs.requireCovariance(slot, rs);
        this.slot = slot;
        ZMatrixRMaj g = slot.channel();
        ZMatrixRMaj a = ComplexLinalg.diagonal(slot.steering());
        this.gT = ComplexLinalg.transpose(g);
        this.gConj = ComplexLinalg.conjugate(g);
        this.aHgConj = ComplexLinalg.product(ComplexLinalg.conjugateTranspose(a), gConj);
        this.grg = ComplexLinalg.product(g, rs, ComplexLinalg.conjugateTranspose(g));
        this.r1Power = ComplexLinalg.product(a, grg, ComplexLinalg.conjugateTranspose(a));
        this.r1 = new LiftedFimBs.R1Forms(ComplexLinalg.product(a, g, rs, ComplexLinalg.conjugateTranspose(g), ComplexLinalg.conjugateTranspose(a)),
                slot.reflector().zTheta(slot.theta(), slot.phi()), slot.reflector().zPhi(slot.theta(), slot.phi()));
    }

    /** Lemma 1's lifted form with W = (σ_r^2 G^T Diag(Θ0) G^* + σ_b^2 I)^{-1} frozen at Θ0; R2 = ((A^H G^*) W G^T) A. */
    LiftedFimBs lifted(ZMatrixRMaj theta0) {
        ZMatrixRMaj gtDiag = DiagonalScaling.columns(gT, DiagonalScaling.diagonalOf(theta0)); // G^T Diag(Θ0)
        ZMatrixRMaj w = ComplexLinalg.inverse(ComplexLinalg.plusIdentity(ComplexLinalg.scale(slot.irsNoise(), ComplexLinalg.mult(gtDiag, gConj)),
                slot.bsNoise()));
        ZMatrixRMaj r2 = DiagonalScaling.columns(ComplexLinalg.product(aHgConj, w, gT), slot.steering());
        return new LiftedFimBs(r1, r2, slot.beta(), slot.snapshots());
    }

    @Override
    public DMatrixRMaj liftedFim(ZMatrixRMaj theta) {
        return lifted(theta).evaluate(theta);
    }

    @Override
    public double liftedIrsPower(ZMatrixRMaj theta) {
        return SensingAtBs.liftedIrsPower(slot, grg, r1Power, theta);
    }

    @Override
    public double firstPassPower(ZMatrixRMaj theta) {
        return SensingAtIrs.firstPassPower(slot, grg, theta);
    }

    @Override
    public AffineFisherInformation surrogate(ZMatrixRMaj theta0) {
        return ScaSurrogate.of(lifted(theta0), theta0);
    }

    @Override
    public TraceAffineForm power(ZMatrixRMaj theta0) {
        return ScaSurrogate.powerAtBs(slot, grg, r1.r1T, theta0);
    }
}
