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

    /**
     * Off-grid refinement of a scan peak with the known beam pattern (a CoSense extension; the
     * papers stop at the grid point). The measured amplitudes m_i = sqrt(power_i) are fitted by
     * A · pattern(grid_i - f) in least squares over the samples within {@code halfWidth} of the best
     * beam; the amplitude A is solved in closed form and f by a dense search over
     * [grid_best - step, grid_best + step] followed by golden-section polishing to 1e-10.
     *
     * @param pattern expected echo amplitude versus the offset between beam and target frequency
     */
    public static double refine(double[] grid, double[] power, int best, double halfWidth,
            java.util.function.DoubleUnaryOperator pattern) {
        check(grid, power);
        double step = grid.length > 1 ? Math.abs(grid[1] - grid[0]) : 1;
        double[] m = new double[power.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.sqrt(Math.max(0, power[i]));
        }
        java.util.function.DoubleUnaryOperator cost = f -> {
            double mv = 0;
            double vv = 0;
            double mm = 0;
            for (int i = 0; i < grid.length; i++) {
                if (Math.abs(grid[i] - grid[best]) > halfWidth) {
                    continue;
                }
                double v = pattern.applyAsDouble(grid[i] - f);
                mv += m[i] * v;
                vv += v * v;
                mm += m[i] * m[i];
            }
            return vv == 0 ? mm : mm - mv * mv / vv;
        };
        double lo = grid[best] - step;
        double hi = grid[best] + step;
        int n = 400;
        double bestF = grid[best];
        double bestC = cost.applyAsDouble(bestF);
        for (int i = 0; i <= n; i++) {
            double f = lo + (hi - lo) * i / n;
            double c = cost.applyAsDouble(f);
            if (c < bestC) {
                bestC = c;
                bestF = f;
            }
        }
        double a = bestF - (hi - lo) / n;
        double b = bestF + (hi - lo) / n;
        double g = (Math.sqrt(5) - 1) / 2;
        double x1 = b - g * (b - a);
        double x2 = a + g * (b - a);
        double c1 = cost.applyAsDouble(x1);
        double c2 = cost.applyAsDouble(x2);
        while (b - a > 1e-10) {
            if (c1 < c2) {
                b = x2;
                x2 = x1;
                c2 = c1;
                x1 = b - g * (b - a);
                c1 = cost.applyAsDouble(x1);
            } else {
                a = x1;
                x1 = x2;
                c1 = c2;
                x2 = a + g * (b - a);
                c2 = cost.applyAsDouble(x2);
            }
        }
        double f = 0.5 * (a + b);
        return cost.applyAsDouble(f) <= bestC ? f : bestF;
    }

    /** The uniform scan grid g_i = -1 + 2 i / (count - 1), i = 0..count-1 (E9: codebook and estimator agree). */
    public static double[] grid(int count) {
        org.cosense.InvalidInputException.require(count >= 2, "beams per scan dimension", count, "must be at least 2");
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
