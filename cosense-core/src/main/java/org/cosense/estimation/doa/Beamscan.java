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
     * Indices of up to K largest LOCAL maxima of the scan power over {@code grid} (strongest first).
     * Spatial frequency is periodic with period 2, so when the grid holds both -1 and +1 (the same
     * direction up to sign for even arrays, E9) the sequence is treated as circular and only one of
     * the two end points can be a peak. Fewer than K indices are returned if fewer peaks exist.
     */
    public static int[] localPeaks(double[] grid, double[] power, int k) {
        check(grid, power);
        int n = power.length;
        boolean wraps = n > 2 && Math.abs(grid[0] + 2 - grid[n - 1]) < 1e-12;
        int m = wraps ? n - 1 : n; // circular sequence over indices 1..n-1 (index 0 duplicates n-1)
        java.util.List<Integer> peaks = new java.util.ArrayList<>();
        for (int q = 0; q < m; q++) {
            int i = wraps ? q + 1 : q;
            double v = wraps && i == n - 1 ? Math.max(power[n - 1], power[0]) : power[i];
            int left = wraps ? (q == 0 ? n - 1 : i - 1) : i - 1;
            int right = wraps ? (q == m - 1 ? 1 : i + 1) : i + 1;
            boolean okLeft = left < 0 || v > value(power, left, wraps, n);
            boolean okRight = right >= n || v >= value(power, right, wraps, n);
            if (okLeft && okRight) {
                peaks.add(wraps && i == n - 1 && power[0] > power[n - 1] ? 0 : i);
            }
        }
        peaks.sort((a, b) -> Double.compare(power[b], power[a]));
        return peaks.stream().limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static double value(double[] power, int i, boolean wraps, int n) {
        return wraps && (i == 0 || i == n - 1) ? Math.max(power[0], power[n - 1]) : power[i];
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
