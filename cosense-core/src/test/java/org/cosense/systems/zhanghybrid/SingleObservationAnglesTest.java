package org.cosense.systems.zhanghybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cosense.estimation.doa.Capon;
import org.cosense.estimation.doa.DoaEstimator;
import org.cosense.estimation.doa.Esprit;
import org.cosense.estimation.doa.Music1D;
import org.cosense.math.RandomStream;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

class SingleObservationAnglesTest {
    /**
     * Noiseless path (1,1) plus a small white perturbation: MUSIC and ESPRIT within 0.01° on both sides; Capon on the
     * AOA side only, because R_D is formed from M = 8 rows for N = 10 elements and is singular (no diagonal loading).
     */
    @Test
    void baselinesFindTheAoaAndAodOfOneObservation() {
        RandomStream rng = new RandomStream(21);
        int m = JointAngleAnmTest.M;
        int n = JointAngleAnmTest.N;
        ZMatrixRMaj z = JointAngleAnmTest.reflected(n, rng);
        double[] theta = {Math.toRadians(-18)};
        ZMatrixRMaj y = JointAngleAnmTest.observations(List.of(z), theta, rng)[0][0];
        ZMatrixRMaj yt = SingleObservationAngles.preprocess(z, y);
        double[] e = new double[yt.data.length];
        rng.complexGaussian(e, 0, e.length / 2, 1e-10);
        for (int i = 0; i < e.length; i++) {
            yt.data[i] += e[i];
        }
        for (int side = 0; side < 2; side++) {
            int size = side == 0 ? m : n;
            ZMatrixRMaj r = side == 0 ? SingleObservationAngles.aoaCovariance(yt) : SingleObservationAngles.aodCovariance(yt);
            List<DoaEstimator> ests = side == 0
                    ? List.of(new Music1D(SingleObservationAngles.array(size)), new Esprit(SingleObservationAngles.array(size), Esprit.Fit.LEAST_SQUARES),
                            new Capon(SingleObservationAngles.array(size)))
                    : List.of(new Music1D(SingleObservationAngles.array(size)), new Esprit(SingleObservationAngles.array(size), Esprit.Fit.LEAST_SQUARES));
            for (DoaEstimator est : ests) {
                assertEquals(-18, Math.toDegrees(SingleObservationAngles.angle(est, r)), 1e-2, est.getClass().getSimpleName() + " side " + side);
            }
        }
    }
}
