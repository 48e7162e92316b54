package org.cosense.channel;

import org.cosense.InvalidInputException;
import org.cosense.math.RandomStream;
import org.ejml.data.ZMatrixRMaj;

/**
 * A narrowband Rician MIMO channel between a transmit array (steering b, m elements) and a receive
 * array (steering a, n elements), n×m:
 * <pre>
 *   G = sqrt(powerGain) [ sqrt(K/(K+1)) a b^T + sqrt(1/(K+1)) G~ ],  [G~]_ij i.i.d. CN(0, 1),
 * </pre>
 * Fang et al. ([fangactive S3.13]). K = +∞ gives the pure LoS channel (rank one). The LoS part uses
 * plain transposes: both steering vectors point from their array towards the other end ([fangactive S2.3]).
 *
 * @param kFactor   Rician K-factor (linear power ratio LoS/NLoS), ≥ 0 or +∞
 * @param powerGain large-scale power gain (path loss), > 0
 */
public record RicianChannel(double kFactor, double powerGain) {
    public RicianChannel {
        InvalidInputException.require(kFactor >= 0 && !Double.isNaN(kFactor), "Rician K-factor", kFactor, "must be ≥ 0 or +∞");
        InvalidInputException.positive("channel power gain", powerGain);
    }

    /** K given in dB (5 dB → 3.1623). */
    public static RicianChannel ofDb(double kFactorDb, double powerGain) {
        InvalidInputException.require(!Double.isNaN(kFactorDb), "Rician K-factor (dB)", kFactorDb, "must be a number");
        return new RicianChannel(Math.pow(10, kFactorDb / 10), powerGain);
    }

    /** Amplitude weight of the LoS part, sqrt(K/(K+1)) (1 for K = +∞). */
    public double losWeight() {
        return Double.isInfinite(kFactor) ? 1 : Math.sqrt(kFactor / (kFactor + 1));
    }

    /** Amplitude weight of the NLoS part, sqrt(1/(K+1)) (0 for K = +∞). */
    public double nlosWeight() {
        return Double.isInfinite(kFactor) ? 0 : Math.sqrt(1 / (kFactor + 1));
    }

    /** a b^T (n×m) of two interleaved vectors. */
    public static ZMatrixRMaj outerTranspose(double[] a, double[] b) {
        int n = a.length / 2;
        int m = b.length / 2;
        ZMatrixRMaj g = new ZMatrixRMaj(n, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                g.set(i, j, a[2 * i] * b[2 * j] - a[2 * i + 1] * b[2 * j + 1], a[2 * i] * b[2 * j + 1] + a[2 * i + 1] * b[2 * j]);
            }
        }
        return g;
    }

    /** G from given steering vectors and a given NLoS matrix (n×m). */
    public ZMatrixRMaj compose(double[] rxSteering, double[] txSteering, ZMatrixRMaj nlos) {
        ZMatrixRMaj g = outerTranspose(rxSteering, txSteering);
        InvalidInputException.require(nlos.numRows == g.numRows && nlos.numCols == g.numCols, "NLoS matrix shape",
                nlos.numRows + "x" + nlos.numCols, "must be " + g.numRows + "x" + g.numCols);
        double amp = Math.sqrt(powerGain);
        double wl = amp * losWeight();
        double wn = amp * nlosWeight();
        for (int k = 0; k < g.getDataLength(); k++) {
            g.data[k] = wl * g.data[k] + (wn == 0 ? 0 : wn * nlos.data[k]);
        }
        return g;
    }

    /**
     * A realization: G~ drawn column by column (transmit element j's column, entries i = 0..n−1, in
     * order) from {@code rng}. Column order makes the draws nested in the transmit array size: the
     * channel to the first m' < m elements is the same matrix's first m' columns, so a sweep over
     * the number of BS antennas shares its random numbers ([fangactive S3.13], common random numbers).
     */
    public ZMatrixRMaj draw(double[] rxSteering, double[] txSteering, RandomStream rng) {
        int n = rxSteering.length / 2;
        int m = txSteering.length / 2;
        ZMatrixRMaj nlos = new ZMatrixRMaj(n, m);
        double[] col = new double[2 * n];
        for (int j = 0; j < m; j++) {
            rng.complexGaussian(col, 0, n, 1.0);
            for (int i = 0; i < n; i++) {
                nlos.set(i, j, col[2 * i], col[2 * i + 1]);
            }
        }
        return compose(rxSteering, txSteering, nlos);
    }
}
