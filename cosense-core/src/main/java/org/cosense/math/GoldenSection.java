package org.cosense.math;

import java.util.function.DoubleUnaryOperator;

/**
 * Golden-section search for a minimum of a unimodal function on a bracket, used to polish the best
 * point of a coarse scan (beam-scan peaks, the extremes of an angular span).
 */
public final class GoldenSection {
    private static final double RATIO = (Math.sqrt(5) - 1) / 2;

    private GoldenSection() {
    }

    /**
     * The final state of a search: the bracket [lo, hi] of width at most the tolerance, and its two
     * interior points with their values.
     */
    public record Result(double lo, double hi, double x1, double f1, double x2, double f2) {
        /** The smaller of the two last interior values. */
        public double minValue() {
            return Math.min(f1, f2);
        }

        public double midpoint() {
            return 0.5 * (lo + hi);
        }
    }

    /** Shrinks [a, b] by the golden ratio until it is at most {@code width} wide. */
    public static Result minimize(DoubleUnaryOperator f, double a, double b, double width) {
        double lo = a;
        double hi = b;
        double x1 = hi - RATIO * (hi - lo);
        double x2 = lo + RATIO * (hi - lo);
        double f1 = f.applyAsDouble(x1);
        double f2 = f.applyAsDouble(x2);
        while (hi - lo > width) {
            if (f1 < f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - RATIO * (hi - lo);
                f1 = f.applyAsDouble(x1);
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + RATIO * (hi - lo);
                f2 = f.applyAsDouble(x2);
            }
        }
        return new Result(lo, hi, x1, f1, x2, f2);
    }
}
