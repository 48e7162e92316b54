package org.cosense.math;

import org.cosense.InvalidInputException;

/**
 * Roots of a complex polynomial p(z) = c_0 z^n + c_1 z^(n−1) + … + c_n (coefficients highest
 * degree first, as numpy.roots): eigenvalues of the companion matrix by {@link ComplexEigenvalues},
 * each then polished by Newton steps on p itself as long as they reduce |p|. Leading zero
 * coefficients are dropped; trailing zeros give roots at 0.
 */
public final class PolynomialRoots {
    private static final int POLISH_STEPS = 3;

    private PolynomialRoots() {
    }

    /** Roots of p with coefficients (re[i], im[i]), highest degree first. */
    public static Complex[] of(double[] re, double[] im) {
        InvalidInputException.require(re.length == im.length, "coefficient imaginary parts", im.length, "must match the " + re.length + " real parts");
        for (int i = 0; i < re.length; i++) {
            if (!(Double.isFinite(re[i]) && Double.isFinite(im[i]))) {
                InvalidInputException.require(false, "coefficient", i + 1, re[i] + "+j" + im[i], "must be finite");
            }
        }
        int first = 0;
        while (first < re.length && re[first] == 0 && im[first] == 0) {
            first++;
        }
        InvalidInputException.require(first < re.length, "coefficients", "all zero", "need a nonzero coefficient");
        int last = re.length - 1;
        int zeros = 0;
        while (last > first && re[last] == 0 && im[last] == 0) {
            last--;
            zeros++;
        }
        int n = last - first;
        Complex[] out = new Complex[n + zeros];
        for (int i = 0; i < zeros; i++) {
            out[n + i] = Complex.ZERO;
        }
        if (n == 0) {
            return out;
        }
        // Monic coefficients a_i = c_i / c_0 (i = 1..n); companion: first row -a, ones below.
        double l0r = re[first];
        double l0i = im[first];
        double l0 = l0r * l0r + l0i * l0i;
        double[] ar = new double[n + 1];
        double[] ai = new double[n + 1];
        ar[0] = 1;
        for (int i = 1; i <= n; i++) {
            double cr = re[first + i];
            double ci = im[first + i];
            ar[i] = (cr * l0r + ci * l0i) / l0;
            ai[i] = (ci * l0r - cr * l0i) / l0;
        }
        double[] hr = new double[n * n];
        double[] hi = new double[n * n];
        for (int j = 0; j < n; j++) {
            hr[j] = -ar[j + 1];
            hi[j] = -ai[j + 1];
        }
        for (int i = 1; i < n; i++) {
            hr[i * n + i - 1] = 1;
        }
        balance(hr, hi, n);
        Complex[] roots = ComplexEigenvalues.hessenbergEigenvalues(hr, hi, n);
        for (int k = 0; k < n; k++) {
            out[k] = polish(ar, ai, roots[k]);
        }
        return out;
    }

    /**
     * Parlett–Reinsch balancing (as LAPACK's gebal, which numpy.roots relies on): a diagonal
     * similarity by powers of 2 that equalizes the 1-norms (|re| + |im|) of each row and column off the diagonal.
     * A companion matrix with coefficients of very different sizes is badly scaled; balancing makes
     * the computed eigenvalues accurate to the polynomial's own conditioning. Keeps the Hessenberg form.
     */
    static void balance(double[] re, double[] im, int n) {
        boolean done = false;
        for (int sweep = 0; sweep < 200 && !done; sweep++) {
            done = true;
            for (int i = 0; i < n; i++) {
                double c = 0;
                double r = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        c += Math.abs(re[j * n + i]) + Math.abs(im[j * n + i]);
                        r += Math.abs(re[i * n + j]) + Math.abs(im[i * n + j]);
                    }
                }
                if (c == 0 || r == 0) {
                    continue;
                }
                double s = c + r;
                double f = 1;
                double g = r / 2;
                while (c < g) {
                    f *= 2;
                    c *= 4;
                }
                g = r * 2;
                while (c > g) {
                    f /= 2;
                    c /= 4;
                }
                // c is now the column norm after scaling by f, r/f... accept if the sum drops by 5%.
                if ((c + r) / f < 0.95 * s) {
                    done = false;
                    for (int j = 0; j < n; j++) {
                        re[i * n + j] /= f;
                        im[i * n + j] /= f;
                        re[j * n + i] *= f;
                        im[j * n + i] *= f;
                    }
                }
            }
        }
    }

    /** Roots of a polynomial with real coefficients, highest degree first. */
    public static Complex[] of(double[] re) {
        return of(re, new double[re.length]);
    }

    /** Newton steps z ← z − p(z)/p'(z) on the monic polynomial, kept only while |p| decreases. */
    private static Complex polish(double[] ar, double[] ai, Complex z0) {
        double zr = z0.re();
        double zi = z0.im();
        double[] pv = horner(ar, ai, zr, zi);
        for (int s = 0; s < POLISH_STEPS; s++) {
            double dr = pv[2];
            double di = pv[3];
            double den = dr * dr + di * di;
            if (den == 0) {
                break;
            }
            double nr = zr - (pv[0] * dr + pv[1] * di) / den;
            double ni = zi - (pv[1] * dr - pv[0] * di) / den;
            double[] nv = horner(ar, ai, nr, ni);
            if (Math.hypot(nv[0], nv[1]) >= Math.hypot(pv[0], pv[1])) {
                break;
            }
            zr = nr;
            zi = ni;
            pv = nv;
        }
        return new Complex(zr, zi);
    }

    /** p(z) and p'(z) by Horner's rule: {Re p, Im p, Re p', Im p'}. */
    private static double[] horner(double[] ar, double[] ai, double zr, double zi) {
        double pr = ar[0];
        double pi = ai[0];
        double dr = 0;
        double di = 0;
        for (int i = 1; i < ar.length; i++) {
            double tr = dr * zr - di * zi + pr;
            double ti = dr * zi + di * zr + pi;
            dr = tr;
            di = ti;
            double qr = pr * zr - pi * zi + ar[i];
            double qi = pr * zi + pi * zr + ai[i];
            pr = qr;
            pi = qi;
        }
        return new double[] {pr, pi, dr, di};
    }
}
