package org.cosense.estimation.delay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.cosense.signal.CyclicWaveform;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The cyclic matched filter on noiseless data ([zhanghybrid C17]). */
class CyclicDelayEstimatorTest {
    static ZMatrixRMaj random(RandomStream rng, int rows, int cols) {
        ZMatrixRMaj z = new ZMatrixRMaj(rows, cols);
        rng.complexGaussian(z.data, 0, rows * cols, 1);
        return z;
    }

    /** Y = h w^T Z(τ): an unknown rank-one signature. */
    static ZMatrixRMaj observe(RandomStream rng, ZMatrixRMaj z, double delaySamples, int m) {
        ZMatrixRMaj hw = ComplexLinalg.mult(random(rng, m, 1), random(rng, 1, z.numRows));
        return ComplexLinalg.mult(hw, CyclicWaveform.delay(z, delaySamples));
    }

    @Test
    void noiselessIntegerAndFractionalDelaysAreExact() {
        RandomStream rng = new RandomStream(3);
        double fs = 20e6;
        ZMatrixRMaj z = random(rng, 4, 128);
        for (double d : new double[] {0, 7, 31, 127, 7.3, 12.61803, 90.05}) {
            CyclicDelayEstimator.Estimate e = CyclicDelayEstimator.estimate(observe(rng, z, d, 3), z, fs);
            double err = e.delay() * fs - d;
            err -= 128 * Math.rint(err / 128); // delays are cyclic over the frame
            assertEquals(0, err, 1e-6, "delay " + d);
        }
    }

    @Test
    void delayIsTheShiftOfTheWaveform() {
        RandomStream rng = new RandomStream(4);
        ZMatrixRMaj z = random(rng, 2, 64);
        ZMatrixRMaj s = CyclicWaveform.delay(z, 5);
        for (int r = 0; r < 2; r++) {
            for (int n = 0; n < 64; n++) {
                assertEquals(z.getReal(r, (n - 5 + 64) % 64), s.getReal(r, n), 1e-12);
                assertEquals(z.getImag(r, (n - 5 + 64) % 64), s.getImag(r, n), 1e-12);
            }
        }
    }
}
