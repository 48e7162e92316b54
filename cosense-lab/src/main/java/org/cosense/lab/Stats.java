package org.cosense.lab;

import java.util.Arrays;

/**
 * Aggregation of Monte Carlo outputs {@code results[point][trial][metric]} (as returned by
 * {@link MonteCarlo#run}): means, RMSE with a 95% confidence interval, percentiles, and series
 * ready to plot. Intervals use Student's t with n − 1 degrees of freedom: with the few trials of a
 * quick run (or a handful of realizations) the normal 1.96 would understate them, e.g. by 6.5x
 * at n = 2 (t = 12.71) and 1.4x at n = 5 (t = 2.78).
 *
 * <p>Non-finite trial values are not dropped: one failed trial (NaN) or one unbounded error
 * (infinity) makes the aggregate non-finite, so a failure shows in the CSV instead of being
 * averaged away. Filter explicitly (and say so in the caption) if that is not wanted.
 */
public final class Stats {
    private Stats() {
    }

    /** A point estimate with its 95% confidence interval and the number of trials behind it. */
    public record Estimate(double value, double lo, double hi, int n) {
    }

    /** Metric {@code m} of every trial at one sweep point: {@code trials[t][m]}. */
    public static double[] metric(double[][] trials, int m) {
        double[] v = new double[trials.length];
        for (int t = 0; t < trials.length; t++) {
            if (m < 0 || m >= trials[t].length) {
                throw new IllegalArgumentException("metric " + m + " out of range: trial " + t + " has "
                        + trials[t].length + " metrics");
            }
            v[t] = trials[t][m];
        }
        return v;
    }

    /** Metric {@code m} of every trial at every point: {@code out[point][trial]}. */
    public static double[][] metric(double[][][] results, int m) {
        double[][] out = new double[results.length][];
        for (int p = 0; p < results.length; p++) {
            out[p] = metric(results[p], m);
        }
        return out;
    }

    public static double mean(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Sample standard deviation (n − 1 in the denominator); NaN for fewer than two values. */
    public static double sd(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    /** The two-sided 95% factor of an interval from n values: t_{0.975, n−1}; NaN for n &lt; 2. */
    public static double t95(int n) {
        return n < 2 ? Double.NaN : StudentT.quantile(0.975, n - 1);
    }

    /** Mean with the 95% interval mean ± t_{0.975, n−1}·sd/√n (NaN bounds for n &lt; 2). */
    public static Estimate meanCi(double[] v) {
        double m = mean(v);
        double h = t95(v.length) * sd(v) / Math.sqrt(v.length);
        return new Estimate(m, m - h, m + h, v.length);
    }

    /** RMSE of the errors {@code e} (estimate − truth), with its 95% interval; see {@link #rmseOfSquared}. */
    public static Estimate rmse(double[] errors) {
        double[] sq = new double[errors.length];
        for (int i = 0; i < errors.length; i++) {
            sq[i] = errors[i] * errors[i];
        }
        return rmseOfSquared(sq);
    }

    /**
     * RMSE from squared errors (e.g. a squared position error summed over coordinates), with a
     * 95% interval on the MSE: mse ± t_{0.975, n−1}·sd/√n, the lower end clamped at 0, then
     * square roots. The interval is NaN for fewer than two trials.
     */
    public static Estimate rmseOfSquared(double[] squaredErrors) {
        Estimate mse = meanCi(squaredErrors);
        return new Estimate(Math.sqrt(mse.value()), Math.sqrt(Math.max(0, mse.lo())), Math.sqrt(mse.hi()), mse.n());
    }

    /**
     * The p-th percentile (0 ≤ p ≤ 100), linearly interpolated between order statistics (the
     * default of NumPy and R type 7). NaN values sort last.
     */
    public static double percentile(double[] v, double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile p = " + p + " is not allowed: must be in [0, 100]");
        }
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        double pos = p / 100 * (s.length - 1);
        int i = (int) Math.floor(pos);
        if (i >= s.length - 1) {
            return s[s.length - 1];
        }
        double f = pos - i;
        // equal neighbours (also two infinities, where the interpolation would give NaN) need none
        return f == 0 || s[i] == s[i + 1] ? s[i] : s[i] + f * (s[i + 1] - s[i]);
    }

    public static double median(double[] v) {
        return percentile(v, 50);
    }

    public static double p90(double[] v) {
        return percentile(v, 90);
    }

    /** Per-point RMSE of error metric {@code m} of {@code results[point][trial][metric]}. */
    public static Estimate[] rmse(double[][][] results, int m) {
        return Arrays.stream(metric(results, m)).map(Stats::rmse).toArray(Estimate[]::new);
    }

    /** Per-point RMSE of squared-error metric {@code m}. */
    public static Estimate[] rmseOfSquared(double[][][] results, int m) {
        return Arrays.stream(metric(results, m)).map(Stats::rmseOfSquared).toArray(Estimate[]::new);
    }

    /** Per-point mean of metric {@code m}, with intervals. */
    public static Estimate[] meanCi(double[][][] results, int m) {
        return Arrays.stream(metric(results, m)).map(Stats::meanCi).toArray(Estimate[]::new);
    }

    /** Per-point mean of metric {@code m}. */
    public static double[] mean(double[][][] results, int m) {
        return Arrays.stream(metric(results, m)).mapToDouble(Stats::mean).toArray();
    }

    /** Per-point percentile of metric {@code m}. */
    public static double[] percentile(double[][][] results, int m, double p) {
        return Arrays.stream(metric(results, m)).mapToDouble(v -> percentile(v, p)).toArray();
    }

    /** A series carrying the estimates, their 95% intervals and trial counts. */
    public static Series series(String name, double[] x, Estimate[] est, Series.Style style) {
        if (x.length != est.length) {
            throw new IllegalArgumentException("series " + name + ": " + x.length + " x values but " + est.length + " estimates");
        }
        int n = x.length;
        double[] y = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        int[] trials = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = est[i].value();
            lo[i] = est[i].lo();
            hi[i] = est[i].hi();
            trials[i] = est[i].n();
        }
        return new Series(name, x.clone(), y, lo, hi, trials, style);
    }
}
