package org.cosense.estimation.doa;

import org.cosense.math.NumpyLegacyRandom;
import org.ejml.data.ZMatrixRMaj;

/**
 * The sample covariances of doatools' Monte Carlo (ula_mc.json), drawn exactly as doatools 9469db2
 * draws them, so that our estimators run on the same trials as doatools' did.
 *
 * <p>{@code np.random.seed(seed)} once per setting; then per trial {@code get_narrowband_snapshots}
 * with two {@code ComplexStochasticSignal}s: first the sources S (K × T), then the noise (N × T).
 * Each is {@code sqrt(C) * randcn(shape)}, and {@code randcn} draws the IMAGINARY parts first
 * ({@code 1j * randn(shape)}), then the real parts ({@code += randn(shape)}), both row-major, and
 * scales by √½. Steering: element m at x = m·d with d = λ/2 = 0.5, phase 2π·(x·sin θ), the first
 * element the reference. Y = A S + N and R = Y Yᴴ / T.
 */
final class DoatoolsTrials {
    static final int ELEMENTS = 10;
    static final int SNAPSHOTS = 100;
    private static final double SQRT_HALF = Math.sqrt(0.5);

    private final NumpyLegacyRandom rng;
    private final double[][] aRe;
    private final double[][] aIm;
    private final double sourceScale;
    private final double noiseScale;

    /** One setting: its seed, the source angles (rad), the source power p and the noise power σ² = p / SNR. */
    DoatoolsTrials(long seed, double[] thetaRad, double sourcePower, double noisePower) {
        this.rng = new NumpyLegacyRandom(seed);
        int k = thetaRad.length;
        aRe = new double[ELEMENTS][k];
        aIm = new double[ELEMENTS][k];
        for (int m = 0; m < ELEMENTS; m++) {
            for (int j = 0; j < k; j++) {
                double phase = 2 * Math.PI * ((m * 0.5) * StrictMath.sin(thetaRad[j]));
                aRe[m][j] = StrictMath.cos(phase);
                aIm[m][j] = StrictMath.sin(phase);
            }
        }
        sourceScale = Math.sqrt(sourcePower);
        noiseScale = Math.sqrt(noisePower);
    }

    /** σ² = 10^(−SNR/10) for unit source power, as ula_mc.json defines SNR (p/σ² per element and snapshot). */
    static double noisePower(double snrDb) {
        return Math.pow(10, -snrDb / 10);
    }

    /** The next trial's R (10 × 10). */
    ZMatrixRMaj nextCovariance() {
        int k = aRe[0].length;
        double[][][] s = randcn(k, sourceScale);
        double[][][] n = randcn(ELEMENTS, noiseScale);
        double[][] yRe = new double[ELEMENTS][SNAPSHOTS];
        double[][] yIm = new double[ELEMENTS][SNAPSHOTS];
        for (int m = 0; m < ELEMENTS; m++) {
            for (int t = 0; t < SNAPSHOTS; t++) {
                double re = 0;
                double im = 0;
                for (int j = 0; j < k; j++) {
                    re += aRe[m][j] * s[0][j][t] - aIm[m][j] * s[1][j][t];
                    im += aRe[m][j] * s[1][j][t] + aIm[m][j] * s[0][j][t];
                }
                yRe[m][t] = re + n[0][m][t];
                yIm[m][t] = im + n[1][m][t];
            }
        }
        ZMatrixRMaj r = new ZMatrixRMaj(ELEMENTS, ELEMENTS);
        for (int i = 0; i < ELEMENTS; i++) {
            for (int j = i; j < ELEMENTS; j++) {
                double re = 0;
                double im = 0;
                for (int t = 0; t < SNAPSHOTS; t++) {
                    re += yRe[i][t] * yRe[j][t] + yIm[i][t] * yIm[j][t];
                    im += yIm[i][t] * yRe[j][t] - yRe[i][t] * yIm[j][t];
                }
                r.set(i, j, re / SNAPSHOTS, im / SNAPSHOTS);
                r.set(j, i, re / SNAPSHOTS, -im / SNAPSHOTS);
            }
        }
        return r;
    }

    /** {@code scale * randcn((rows, T))}: [0] real parts, [1] imaginary parts; the imaginary parts are drawn first. */
    private double[][][] randcn(int rows, double scale) {
        double[][][] z = new double[2][rows][SNAPSHOTS];
        for (int part : new int[] {1, 0}) {
            for (int i = 0; i < rows; i++) {
                for (int t = 0; t < SNAPSHOTS; t++) {
                    z[part][i][t] = scale * (rng.standardNormal() * SQRT_HALF);
                }
            }
        }
        return z;
    }
}
