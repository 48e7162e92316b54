package org.cosense.array;

import org.cosense.InvalidInputException;

/**
 * A uniform linear array of m elements with spacing {@code d} (wavelengths), first-element
 * referenced and steered in the direction cosine u = cos(omega) along the array axis:
 * [a(u)]_k = exp(j 2pi d k u), k = 0..m−1 (Fang et al., BS array; [fangactive S2.3]).
 * Vectors are interleaved (re, im) {@code double[]} of length 2m.
 */
public record Ula(int m, double d) {
    public Ula {
        InvalidInputException.positive("element count m", m);
        InvalidInputException.positive("element spacing d (wavelengths)", d);
    }

    public static Ula halfWavelength(int m) {
        return new Ula(m, 0.5);
    }

    public int size() {
        return m;
    }

    /** a(u), u = cos(omega) ∈ [−1, 1] (any real u is accepted: it is a phase slope). */
    public double[] steering(double u) {
        double[] out = new double[2 * m];
        for (int k = 0; k < m; k++) {
            double p = 2 * Math.PI * d * k * u;
            out[2 * k] = Math.cos(p);
            out[2 * k + 1] = Math.sin(p);
        }
        return out;
    }

    /** da/du = j 2pi d diag(0..m−1) a(u). */
    public double[] derivative(double u) {
        double[] rate = new double[m];
        for (int k = 0; k < m; k++) {
            rate[k] = 2 * Math.PI * d * k;
        }
        return AngleUpa.timesJ(rate, steering(u));
    }

    /** a as a function of the angle omega from the array axis: a(cos(omega)). */
    public double[] steeringAtAngle(double omega) {
        return steering(Math.cos(omega));
    }

    /** da/domega = −sin(omega) da/du. */
    public double[] derivativeAtAngle(double omega) {
        double[] du = derivative(Math.cos(omega));
        double s = -Math.sin(omega);
        for (int i = 0; i < du.length; i++) {
            du[i] *= s;
        }
        return du;
    }
}
