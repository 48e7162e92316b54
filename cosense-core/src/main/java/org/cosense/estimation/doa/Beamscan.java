package org.cosense.estimation.doa;

/**
 * On-grid beam scanning (Hua et al. (41)–(46)): a codebook of beams pointing at grid values; the
 * estimate is the grid value whose beam received the most echo power. Resolution is the grid step,
 * so at high SNR the error floors at the deterministic distance to the nearest grid point (P9).
 */
public final class Beamscan {
    private Beamscan() {
    }

    /** The grid value with the largest measured power (first one on ties). */
    public static double best(double[] grid, double[] power) {
        check(grid, power);
        int b = 0;
        for (int i = 1; i < power.length; i++) {
            if (power[i] > power[b]) {
                b = i;
            }
        }
        return grid[b];
    }

    /** Index of the largest power. */
    public static int bestIndex(double[] power) {
        int b = 0;
        for (int i = 1; i < power.length; i++) {
            if (power[i] > power[b]) {
                b = i;
            }
        }
        return b;
    }

    /**
     * Indices of the K largest LOCAL maxima of the scan power (strongest first); if fewer than K
     * distinct peaks exist, the strongest is repeated (spec 3.9: two targets on one beam).
     */
    public static int[] bestK(double[] power, int k) {
        int[] peaks = PeakFinder2D.highest1d(power, k);
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = i < peaks.length ? peaks[i] : (peaks.length > 0 ? peaks[0] : bestIndex(power));
        }
        return out;
    }

    /** The uniform scan grid g_i = -1 + 2 i / (count - 1), i = 0..count-1 (E9: codebook and estimator agree). */
    public static double[] grid(int count) {
        if (count < 2) {
            throw new org.cosense.InvalidInputException("beams per scan dimension = " + count + " is not allowed: must be at least 2");
        }
        double[] g = new double[count];
        for (int i = 0; i < count; i++) {
            g[i] = -1 + 2.0 * i / (count - 1);
        }
        return g;
    }

    private static void check(double[] grid, double[] power) {
        if (grid.length != power.length || grid.length == 0) {
            throw new IllegalArgumentException("grid and power must be non-empty and of equal length");
        }
    }
}
