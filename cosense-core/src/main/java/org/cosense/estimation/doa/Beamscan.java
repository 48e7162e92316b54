package org.cosense.estimation.doa;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cosense.InvalidInputException;
import org.cosense.array.Upa;
import org.ejml.data.ZMatrixRMaj;

/**
 * On-grid beam scanning (Hua et al. (41)–(46)): a codebook of beams pointing at grid values; the
 * estimates are the grid values whose beams received the most echo power (the K strongest local
 * maxima). Resolution is the grid step, so at high SNR the error floors at the deterministic distance
 * to the nearest grid point ([hua3d P9]).
 *
 * <p>As a {@link DoaEstimator} on a UPA's covariance R the beam power is the Bartlett spectrum
 * a^H R a / N on the grid. An IRS cannot form R (it has no receiver): there the power of each beam is
 * measured, and {@link #detect} picks the sources from those measured powers with the same rule.
 *
 * <p>A local maximum is a detection only if it passes the {@link Detection} rule (above a noise
 * threshold, within a dynamic range of the strongest); sources that share a beam, or are too weak, are
 * reported as not found.
 */
public final class Beamscan implements DoaEstimator {

    /**
     * Which local maxima of the scan count as sources.
     *
     * @param dynamicRangeDb a local maximum more than this far below the strongest is not a detection
     *                       ({@code Double.POSITIVE_INFINITY}: no limit)
     * @param minimumPower   a local maximum below this power is not a detection (0: no limit)
     */
    public record Detection(double dynamicRangeDb, double minimumPower) {
        public static final Detection EVERY_PEAK = new Detection(Double.POSITIVE_INFINITY, 0);

        public Detection {
            InvalidInputException.require(dynamicRangeDb > 0, "detection dynamic range (dB)", dynamicRangeDb, "must be positive");
            InvalidInputException.require(minimumPower >= 0, "detection threshold", minimumPower, "must not be negative");
        }

        /**
         * A threshold on measured power for one complex sample in CN(0, noiseVariance) noise: noise alone
         * exceeds gamma noiseVariance with probability e^{-gamma}, so gamma = ln(1 / falseAlarm).
         */
        public static Detection aboveNoise(double noiseVariance, double falseAlarm) {
            InvalidInputException.require(falseAlarm > 0 && falseAlarm < 1, "false-alarm probability", falseAlarm, "must be in (0, 1)");
            return new Detection(Double.POSITIVE_INFINITY, noiseVariance * Math.log(1 / falseAlarm));
        }

        /** The same rule with a dynamic range below the strongest peak as well. */
        public Detection withDynamicRange(double db) {
            return new Detection(db, minimumPower);
        }

        /** True when {@code power} passes both limits, given the {@code strongest} peak's power. */
        public boolean accepts(double power, double strongest) {
            return power >= minimumPower && power >= strongest * Math.pow(10, -dynamicRangeDb / 10);
        }
    }

    private final Upa upa;
    private final double[] gridMu;
    private final double[] gridNu;
    private final Detection detection;

    /** A 2D beam scan of a UPA over the grid gridMu × gridNu. */
    public Beamscan(Upa upa, double[] gridMu, double[] gridNu, Detection detection) {
        InvalidInputException.require(gridMu.length >= 2 && gridNu.length >= 2, "beam-scan grid size",
                gridMu.length + " x " + gridNu.length, "must be at least 2 per dimension");
        this.upa = upa;
        this.gridMu = gridMu.clone();
        this.gridNu = gridNu.clone();
        this.detection = detection;
    }

    @Override
    public int parameterDimension() {
        return 2;
    }

    /** Bartlett spectrum a^H R a / N on the grid, then {@link #detect}. */
    @Override
    public DoaResult estimateFromCovariance(ZMatrixRMaj r, int k) {
        int n = upa.size();
        InvalidInputException.require(r.numRows == n && r.numCols == n, "covariance shape", r.numRows + "x" + r.numCols,
                "must be N x N with N = " + n);
        InvalidInputException.require(k >= 1, "number of sources K", k, "must be at least 1");
        double[][] power = new double[gridMu.length][gridNu.length];
        for (int i = 0; i < gridMu.length; i++) {
            for (int j = 0; j < gridNu.length; j++) {
                double[] a = upa.steering(gridMu[i], gridNu[j]);
                double s = 0;
                for (int p = 0; p < n; p++) {
                    double re = 0;
                    double im = 0;
                    int row = 2 * p * n;
                    for (int q = 0; q < n; q++) {
                        double rr = r.data[row + 2 * q];
                        double ri = r.data[row + 2 * q + 1];
                        re += rr * a[2 * q] - ri * a[2 * q + 1];
                        im += rr * a[2 * q + 1] + ri * a[2 * q];
                    }
                    s += a[2 * p] * re + a[2 * p + 1] * im;
                }
                power[i][j] = s / n;
            }
        }
        return detect(gridMu, gridNu, power, k, detection);
    }

    /**
     * The K strongest detected sources of a 2D scan from its beam powers, power[i][j] for the beam at
     * (gridMu[i], gridNu[j]); the estimates are grid values. A grid axis that holds both -1 and +1 is
     * circular with the two end points one beam (u(g + 2) = ±u(g), [hua3d E9]): they count as one grid point,
     * reported at the end with the larger measured power, whose neighbours are the grid points next to
     * either end. Fewer than K estimates when fewer local maxima pass the detection rule.
     */
    public static DoaResult detect(double[] gridMu, double[] gridNu, double[][] power, int k, Detection detection) {
        boolean wrapMu = wraps(gridMu);
        boolean wrapNu = wraps(gridNu);
        int m0 = wrapMu ? 1 : 0; // index 0 merged into the last index on a circular axis
        int n0 = wrapNu ? 1 : 0;
        int rows = gridMu.length - m0;
        int cols = gridNu.length - n0;
        double[][] v = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                v[i][j] = mergedPower(power, i + m0, j + n0, wrapMu, wrapNu);
            }
        }
        List<PeakFinder2D.Peak> peaks = PeakFinder2D.highest(v, wrapMu, wrapNu, null, k);
        List<double[]> found = new ArrayList<>();
        for (PeakFinder2D.Peak p : peaks) {
            if (!detection.accepts(p.value(), peaks.get(0).value())) {
                continue;
            }
            int i = endWithMorePower(power, p.i() + m0, p.j() + n0, wrapMu, true);
            int j = endWithMorePower(power, i, p.j() + n0, wrapNu, false);
            found.add(new double[] {gridMu[i], gridNu[j]});
        }
        double[] flat = new double[gridMu.length * gridNu.length];
        for (int i = 0; i < gridMu.length; i++) {
            System.arraycopy(power[i], 0, flat, i * gridNu.length, gridNu.length);
        }
        return new DoaResult(k, 2, found, Optional.of(new DoaResult.Spectrum(new double[][] {gridMu.clone(), gridNu.clone()}, flat)));
    }

    /** True when the grid runs from -1 to +1: a circular axis of spatial frequency. */
    private static boolean wraps(double[] grid) {
        int n = grid.length;
        return n > 2 && Math.abs(grid[0] + 2 - grid[n - 1]) < 1e-12;
    }

    private static double mergedPower(double[][] power, int i, int j, boolean wrapMu, boolean wrapNu) {
        int li = power.length - 1;
        int lj = power[0].length - 1;
        double v = power[i][j];
        boolean endI = wrapMu && i == li;
        boolean endJ = wrapNu && j == lj;
        if (endI) {
            v = Math.max(v, power[0][j]);
        }
        if (endJ) {
            v = Math.max(v, power[i][0]);
        }
        if (endI && endJ) {
            v = Math.max(v, power[0][0]);
        }
        return v;
    }

    /** On a circular axis, the last index or 0 (the same beam), whichever measured more power. */
    private static int endWithMorePower(double[][] power, int i, int j, boolean wrap, boolean alongMu) {
        if (alongMu) {
            int last = power.length - 1;
            return wrap && i == last && power[0][j] > power[last][j] ? 0 : i;
        }
        int last = power[0].length - 1;
        return wrap && j == last && power[i][0] > power[i][last] ? 0 : j;
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
     * direction up to sign for even arrays, [hua3d E9]) the sequence is treated as circular and only one of
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
        double f = org.cosense.math.GoldenSection.minimize(cost, bestF - (hi - lo) / n, bestF + (hi - lo) / n, 1e-10).midpoint();
        return cost.applyAsDouble(f) <= bestC ? f : bestF;
    }

    /** The uniform scan grid g_i = -1 + 2 i / (count - 1), i = 0..count-1 ([hua3d E9]: codebook and estimator agree). */
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
