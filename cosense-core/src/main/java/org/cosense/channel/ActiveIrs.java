package org.cosense.channel;

import org.cosense.InvalidInputException;
import org.cosense.math.RandomStream;

/**
 * The element model of an active IRS (Fang et al. (6)–(7); [fangactive S3.2]): element n multiplies
 * what it receives, its own thermal noise included, by psi_n: out = Psi (x + z), z ~ CN(0, sigma_r^2 I),
 * with the amplitude limit |psi_n| ≤ a_max (18d). A passive IRS ([fangactive S3.12], ASSUMED model) has
 * |psi_n| = 1 exactly and no amplifier noise.
 *
 * <p>Reflection vectors psi are interleaved (re, im) {@code double[]} of length 2N.
 *
 * @param maxAmplitude  a_max, the amplitude (not power) limit per element; 1 for a passive IRS
 * @param noiseVariance sigma_r^2 (W) per element and amplification; 0 for a passive IRS
 * @param passive       true: unit-modulus reflection, no noise
 */
public record ActiveIrs(double maxAmplitude, double noiseVariance, boolean passive) {
    /** Relative tolerance of the amplitude checks. */
    public static final double TOLERANCE = 1e-9;

    public ActiveIrs {
        InvalidInputException.positive("IRS amplitude limit a_max", maxAmplitude);
        InvalidInputException.require(noiseVariance >= 0 && Double.isFinite(noiseVariance), "IRS noise variance sigma_r^2 (W)",
                noiseVariance, "must be a finite number ≥ 0");
        InvalidInputException.require(!passive || (maxAmplitude == 1 && noiseVariance == 0), "passive IRS (a_max, sigma_r^2)",
                "(" + maxAmplitude + ", " + noiseVariance + ")", "must be (1, 0)");
    }

    public static ActiveIrs active(double maxAmplitude, double noiseVariance) {
        return new ActiveIrs(maxAmplitude, noiseVariance, false);
    }

    public static ActiveIrs passiveSurface() {
        return new ActiveIrs(1, 0, true);
    }

    /** Throws unless psi meets (18d) (or |psi_n| = 1 for a passive IRS). */
    public void requireFeasible(double[] psi) {
        for (int k = 0; k < psi.length / 2; k++) {
            double a = Math.hypot(psi[2 * k], psi[2 * k + 1]);
            if (passive) {
                InvalidInputException.require(Math.abs(a - 1) <= TOLERANCE, "|psi[" + k + "]|", a, "must be 1 (passive IRS)");
            } else {
                InvalidInputException.require(a <= maxAmplitude * (1 + TOLERANCE), "|psi[" + k + "]|", a,
                        "must be ≤ a_max = " + maxAmplitude);
            }
        }
    }

    /**
     * The nearest allowed reflection in the paper's sense (3.11.4): passive → exp(j arg psi_n);
     * active → a_max psi / max_n |psi_n| when some |psi_n| exceeds a_max, else psi unchanged.
     */
    public double[] project(double[] psi) {
        double[] out = psi.clone();
        int n = psi.length / 2;
        if (passive) {
            for (int k = 0; k < n; k++) {
                double a = Math.hypot(psi[2 * k], psi[2 * k + 1]);
                out[2 * k] = a > 0 ? psi[2 * k] / a : 1;
                out[2 * k + 1] = a > 0 ? psi[2 * k + 1] / a : 0;
            }
            return out;
        }
        double max = 0;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, Math.hypot(psi[2 * k], psi[2 * k + 1]));
        }
        if (max > maxAmplitude) {
            double s = maxAmplitude / max;
            for (int i = 0; i < out.length; i++) {
                out[i] *= s;
            }
        }
        return out;
    }

    /** One amplification (6): Psi (x + z) with z ~ CN(0, sigma_r^2 I) drawn from {@code rng}. */
    public double[] amplify(double[] psi, double[] x, RandomStream rng) {
        InvalidInputException.require(psi.length == x.length, "x.length", x.length / 2, "must equal N = " + psi.length / 2);
        double[] in = x.clone();
        if (noiseVariance > 0) {
            double[] z = new double[x.length];
            rng.complexGaussian(z, 0, x.length / 2, noiseVariance);
            for (int i = 0; i < in.length; i++) {
                in[i] += z[i];
            }
        }
        double[] out = new double[x.length];
        for (int k = 0; k < x.length / 2; k++) {
            out[2 * k] = psi[2 * k] * in[2 * k] - psi[2 * k + 1] * in[2 * k + 1];
            out[2 * k + 1] = psi[2 * k] * in[2 * k + 1] + psi[2 * k + 1] * in[2 * k];
        }
        return out;
    }

    /**
     * Random-phase reflection psi_n = amplitude · exp(j arg r_n), r ~ CN(0, I_N) drawn from {@code rng}
     * (Fang et al.'s transmit-BF-only benchmark, [fangactive S3.12]).
     */
    public static double[] randomPhases(int n, double amplitude, RandomStream rng) {
        InvalidInputException.positive("element count N", n);
        double[] r = new double[2 * n];
        rng.complexGaussian(r, 0, n, 1.0);
        double[] psi = new double[2 * n];
        for (int k = 0; k < n; k++) {
            double p = Math.atan2(r[2 * k + 1], r[2 * k]);
            psi[2 * k] = amplitude * Math.cos(p);
            psi[2 * k + 1] = amplitude * Math.sin(p);
        }
        return psi;
    }
}
