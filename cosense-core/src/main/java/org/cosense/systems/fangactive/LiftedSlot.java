package org.cosense.systems.fangactive;

import org.cosense.bounds.AffineFisherInformation;
import org.cosense.optim.TraceAffineForm;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * One IRS slot at a fixed transmit covariance R_s as a function of the lifted reflection Θ: what the Psi-step's SCA
 * loop evaluates again and again ([fangactive S3.11]). Sensing at the BS keeps the parts that depend only on the slot and
 * R_s ({@link LiftedSlotAtBs}); the results are those of the {@link SensingMode}'s and {@link ScaSurrogate}'s methods.
 */
interface LiftedSlot {
    /** The lifted FIM at Θ, as {@link SensingMode#liftedFim}. */
    DMatrixRMaj liftedFim(ZMatrixRMaj theta);

    /** The exact lifted IRS power at Θ, as {@link SensingMode#liftedIrsPower}. */
    double liftedIrsPower(ZMatrixRMaj theta);

    /** The first-pass part of the lifted power, (47) at Θ: {@link SensingAtIrs#liftedIrsPower}. */
    double firstPassPower(ZMatrixRMaj theta);

    /** The SCA surrogate at Θ0, as {@link ScaSurrogate#of(SensingMode, IrsSlot, ZMatrixRMaj, ZMatrixRMaj)}. */
    AffineFisherInformation surrogate(ZMatrixRMaj theta0);

    /** The IRS power as an affine form at Θ0, as {@link ScaSurrogate#power}. */
    TraceAffineForm power(ZMatrixRMaj theta0);

    static LiftedSlot of(SensingMode mode, IrsSlot slot, ZMatrixRMaj rs) {
        if (mode instanceof SensingAtBs) {
            return new LiftedSlotAtBs(slot, rs);
        }
        return new LiftedSlot() {
            @Override
            public DMatrixRMaj liftedFim(ZMatrixRMaj theta) {
                return mode.liftedFim(slot, rs, theta);
            }

            @Override
            public double liftedIrsPower(ZMatrixRMaj theta) {
                return mode.liftedIrsPower(slot, rs, theta);
            }

            @Override
            public double firstPassPower(ZMatrixRMaj theta) {
                return SensingAtIrs.INSTANCE.liftedIrsPower(slot, rs, theta);
            }

            @Override
            public AffineFisherInformation surrogate(ZMatrixRMaj theta0) {
                return ScaSurrogate.of(mode, slot, rs, theta0);
            }

            @Override
            public TraceAffineForm power(ZMatrixRMaj theta0) {
                return ScaSurrogate.power(mode, slot, rs, theta0);
            }
        };
    }
}
