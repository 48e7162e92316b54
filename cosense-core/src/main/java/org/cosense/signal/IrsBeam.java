package org.cosense.signal;

import org.cosense.array.CentroidUla;
import org.cosense.array.Upa;
import org.cosense.math.Complex;

/**
 * A separable IRS reflection vector w = w^y ⊗ w^z (unit-modulus entries), Hua et al. (38).
 * Its response to effective frequencies (mu, nu) is q = w^T (u(mu) ⊗ u(nu)) = (w^y^T u(mu)) (w^z^T u(nu)).
 */
public record IrsBeam(double[] wy, double[] wz) {

    /** The beam steered to grid point (gy, gz): conj(u(gy, ny)) ⊗ conj(u(gz, nz)). */
    public static IrsBeam steered(Upa irs, double gy, double gz) {
        return new IrsBeam(conjugate(CentroidUla.response(gy, irs.ny())), conjugate(CentroidUla.response(gz, irs.nz())));
    }

    /** All-ones (unsteered, broadside) factor of length n. */
    public static double[] unsteered(int n) {
        double[] w = new double[2 * n];
        for (int i = 0; i < n; i++) {
            w[2 * i] = 1;
        }
        return w;
    }

    /** conj(u(g, n)): the 1D factor that points at spatial frequency g. */
    public static double[] pointing(double g, int n) {
        return conjugate(CentroidUla.response(g, n));
    }

    /** q = (w^y^T u(mu)) (w^z^T u(nu)). */
    public Complex response(double mu, double nu) {
        return dotT(wy, CentroidUla.response(mu, wy.length / 2)).times(dotT(wz, CentroidUla.response(nu, wz.length / 2)));
    }

    /** The full Nr-element vector w^y ⊗ w^z (interleaved). */
    public double[] full() {
        int a = wy.length / 2;
        int b = wz.length / 2;
        double[] out = new double[2 * a * b];
        for (int i = 0; i < a; i++) {
            for (int k = 0; k < b; k++) {
                int o = 2 * (i * b + k);
                out[o] = wy[2 * i] * wz[2 * k] - wy[2 * i + 1] * wz[2 * k + 1];
                out[o + 1] = wy[2 * i] * wz[2 * k + 1] + wy[2 * i + 1] * wz[2 * k];
            }
        }
        return out;
    }

    /** Unconjugated x^T y. */
    public static Complex dotT(double[] x, double[] y) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < x.length; i += 2) {
            re += x[i] * y[i] - x[i + 1] * y[i + 1];
            im += x[i] * y[i + 1] + x[i + 1] * y[i];
        }
        return new Complex(re, im);
    }

    static double[] conjugate(double[] v) {
        for (int i = 1; i < v.length; i += 2) {
            v[i] = -v[i];
        }
        return v;
    }
}
