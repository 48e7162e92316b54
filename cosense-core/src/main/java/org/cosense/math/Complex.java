package org.cosense.math;

/**
 * An immutable complex scalar for path coefficients and other scalars outside hot loops
 * (vectors and matrices use interleaved {@code double[]} / EJML {@code ZMatrixRMaj}).
 */
public record Complex(double re, double im) {
    public static final Complex ZERO = new Complex(0, 0);
    public static final Complex ONE = new Complex(1, 0);

    /** r e^{j phi}. */
    public static Complex polar(double r, double phi) {
        return new Complex(r * Math.cos(phi), r * Math.sin(phi));
    }

    public Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    public Complex minus(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    public Complex times(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    public Complex times(double s) {
        return new Complex(re * s, im * s);
    }

    public Complex conj() {
        return new Complex(re, -im);
    }

    public double abs() {
        return Math.hypot(re, im);
    }

    /** |z|^2. */
    public double abs2() {
        return re * re + im * im;
    }

    public double arg() {
        return Math.atan2(im, re);
    }
}
