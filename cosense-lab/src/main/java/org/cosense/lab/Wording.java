package org.cosense.lab;

/**
 * What the papers' qualitative words mean as numbers: the one table every {@link Check.Kind#PAPER} check uses.
 * The thresholds were fixed before any data were looked at and are never relaxed to make a claim pass; the
 * README's "Wording table" lists them. A claim that fails under its wording fails, and says why.
 */
public final class Wording {
    private Wording() {
    }

    /** "lower", "better", "outperforms": the ratio (other / reference) is below 1. */
    public static final double LOWER = 1.0;
    /** "much lower", "significantly lower", "far below": at least a factor 3 (about 5 dB, half a decade). */
    public static final double MUCH = 3.0;
    /** "very large", "orders of magnitude": at least a factor 10. */
    public static final double ORDER_OF_MAGNITUDE = 10.0;
    /** "similar", "comparable", "about the same": within a factor 2 (3 dB) either way. */
    public static final double SIMILAR = 2.0;
    /** "approaches", "attains", "close to" a bound: ratio within a factor 1.5 either way. */
    public static final double APPROACHES = 1.5;
    /** "≈", "coincide", "matches": within 1 dB (a factor 1.26) either way. */
    public static final double COINCIDES_DB = 1.0;
    /** "flat", "saturates", "no longer improves": relative change at most 10% over the stated range. */
    public static final double FLAT = 0.10;
    /** "negligible": at most 10% (−10 dB) of the quantity it is compared with. */
    public static final double NEGLIGIBLE = 0.10;
    /** "meter-level" accuracy: at most 1.5 m (rounds to 1 m). */
    public static final double METER_LEVEL_M = 1.5;
    /** "sub-meter": below 1 m. */
    public static final double SUB_METER_M = 1.0;

    /** {@code a} is "much lower" than {@code b}: a · MUCH ≤ b. */
    public static boolean muchLower(double a, double b) {
        return a * MUCH <= b;
    }

    /** {@code a} is lower than {@code b} by an order of magnitude. */
    public static boolean orderOfMagnitudeLower(double a, double b) {
        return a * ORDER_OF_MAGNITUDE <= b;
    }

    /** {@code a} and {@code b} are "similar": within a factor {@link #SIMILAR} either way. */
    public static boolean similar(double a, double b) {
        return withinFactor(a, b, SIMILAR);
    }

    /** An estimate's error {@code a} "approaches" the bound {@code b}: within a factor {@link #APPROACHES} either way. */
    public static boolean approaches(double a, double b) {
        return withinFactor(a, b, APPROACHES);
    }

    /** {@code a} and {@code b} "coincide": within {@link #COINCIDES_DB} dB (power ratio). */
    public static boolean coincides(double a, double b) {
        return withinFactor(a, b, Math.pow(10, COINCIDES_DB / 10));
    }

    /** The values are "flat": (max − min) / max ≤ {@link #FLAT}. */
    public static boolean flat(double... y) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi > 0 && (hi - lo) / hi <= FLAT;
    }

    /** {@code part} is "negligible" next to {@code whole}. */
    public static boolean negligible(double part, double whole) {
        return Math.abs(part) <= NEGLIGIBLE * Math.abs(whole);
    }

    public static boolean meterLevel(double meters) {
        return meters <= METER_LEVEL_M;
    }

    public static boolean subMeter(double meters) {
        return meters < SUB_METER_M;
    }

    static boolean withinFactor(double a, double b, double factor) {
        if (!(a > 0 && b > 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
            return false;
        }
        double r = a / b;
        return r <= factor && r >= 1 / factor;
    }
}
