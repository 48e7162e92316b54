package org.cosense.lab;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Tick labels as a paper prints them: plain decimals between 0.001 and 10000 ({@code 0.05},
 * {@code 250}), powers of ten elsewhere in the short form {@code 2e-5}, {@code 1.5e-5}; never a
 * run of zeros such as {@code 0.0000282}.
 */
final class TickLabels {
    private TickLabels() {
    }

    /** {@code v} with at most {@code digits} significant digits, trailing zeros dropped. */
    static String of(double v, int digits) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal r = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        double a = Math.abs(r.doubleValue());
        if (a >= 1e-3 && a < 1e4) {
            return r.toPlainString();
        }
        String unscaled = r.unscaledValue().abs().toString();
        int exponent = unscaled.length() - 1 - r.scale();
        String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
        return (r.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
    }

    /** The label of 10^k: {@code 0.001} … {@code 1000}, else {@code 1e-5}. */
    static String powerOfTen(int k) {
        return Math.abs(k) <= 3 ? BigDecimal.ONE.scaleByPowerOfTen(k).toPlainString() : "1e" + k;
    }
}
