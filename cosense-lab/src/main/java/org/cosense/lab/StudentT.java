package org.cosense.lab;

/**
 * Quantiles of Student's t distribution, for confidence intervals of a mean from few trials.
 *
 * <p>The CDF comes from the regularized incomplete beta function,
 * P(|T| &gt; t) = I_x(ν/2, 1/2) with x = ν / (ν + t²), evaluated by its continued fraction
 * (modified Lentz); the quantile by bisection on x. Everything uses {@link StrictMath} and a fixed
 * number of bisection steps, so an interval is bit-identical on every JDK and platform (it is
 * written to the CSVs).
 */
public final class StudentT {
    private StudentT() {
    }

    /** The p-quantile (0.5 ≤ p &lt; 1) of Student's t with {@code df} ≥ 1 degrees of freedom. */
    public static double quantile(double p, int df) {
        if (!(p >= 0.5 && p < 1)) {
            throw new IllegalArgumentException("quantile p = " + p + " is not allowed: must be in [0.5, 1)");
        }
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom " + df + " is not allowed: must be at least 1");
        }
        if (p == 0.5) {
            return 0;
        }
        double tail = 2 * (1 - p);                  // two-sided tail mass P(|T| > t)
        double a = df / 2.0;
        // I_x(a, 1/2) increases from 0 at x = 0 to 1 at x = 1; t decreases as x grows.
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 200 && hi - lo > 0; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            if (regularizedBeta(mid, a, 0.5) < tail) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double x = 0.5 * (lo + hi);
        return StrictMath.sqrt(df * (1 - x) / x);
    }

    /** The regularized incomplete beta function I_x(a, b) for 0 ≤ x ≤ 1, a, b &gt; 0. */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * StrictMath.log(x) + b * StrictMath.log1p(-x);
        double front = StrictMath.exp(lnFront);
        // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use the symmetry
        // I_x(a, b) = 1 − I_{1−x}(b, a) on the other side.
        if (x < (a + 1) / (a + b + 2)) {
            return front * betaFraction(x, a, b) / a;
        }
        return 1 - front * betaFraction(1 - x, b, a) / b;
    }

    /** Continued fraction of the incomplete beta function (modified Lentz). */
    private static double betaFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        d = Math.abs(d) < tiny ? tiny : d;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 500; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-16) {
                break;
            }
        }
        return h;
    }

    /** ln Γ(z) for z &gt; 0 (Lanczos, g = 7, nine terms; relative error below 1e-15). */
    static double logGamma(double z) {
        if (z < 0.5) {
            // Reflection: Γ(z) Γ(1 − z) = π / sin(π z)
            return StrictMath.log(Math.PI / StrictMath.sin(Math.PI * z)) - logGamma(1 - z);
        }
        double[] c = {
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7
        };
        double zz = z - 1;
        double s = c[0];
        for (int i = 1; i < c.length; i++) {
            s += c[i] / (zz + i);
        }
        double t = zz + 7.5;
        return 0.5 * StrictMath.log(2 * Math.PI) + (zz + 0.5) * StrictMath.log(t) - t + StrictMath.log(s);
    }
}
