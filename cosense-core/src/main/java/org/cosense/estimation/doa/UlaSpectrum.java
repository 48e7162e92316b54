package org.cosense.estimation.doa;

import java.util.ArrayList;
import java.util.List;
import org.cosense.InvalidInputException;
import org.cosense.array.Ula;
import org.cosense.math.Fft;
import org.ejml.data.ZMatrixRMaj;

/**
 * The quadratic form q(u) = a(u)^H C a(u) of a Hermitian matrix C on a ULA's steering vectors
 * a_i(u) = exp(j ω i u), ω = 2π d (the {@link Ula} convention, u = sin θ with θ from broadside).
 * Because a is a Vandermonde vector, q is a real trigonometric polynomial in ωu,
 * <pre>  q(u) = c_0 + 2 Re Σ_{l=1}^{n−1} c_l e^{j ω u l},   c_l = Σ_i C_{i, i+l}  (sum of the l-th superdiagonal),</pre>
 * so one FFT of the 2n − 1 diagonal sums evaluates it on a uniform grid in u, and each exact
 * evaluation with its first two derivatives costs O(n). The MUSIC null spectrum (C = E_n E_n^H) and
 * the Capon denominator (C = R^{-1}) are such forms; their peaks are the minima of q.
 */
final class UlaSpectrum {
    private final double omega;
    private final double[] cr;
    private final double[] ci;

    UlaSpectrum(Ula ula, ZMatrixRMaj c) {
        int n = ula.m();
        InvalidInputException.require(c.numRows == n && c.numCols == n, "matrix shape", c.numRows + "x" + c.numCols,
                "must be " + n + "x" + n + " (the array size)");
        this.omega = 2 * Math.PI * ula.d();
        cr = new double[n];
        ci = new double[n];
        for (int l = 0; l < n; l++) {
            double sr = 0;
            double si = 0;
            for (int i = 0; i + l < n; i++) {
                sr += c.getReal(i, i + l);
                si += c.getImag(i, i + l);
            }
            cr[l] = sr;
            ci[l] = si;
        }
    }

    /** {q(u), q'(u), q''(u)}. */
    double[] valueAndDerivatives(double u) {
        double q = cr[0];
        double d1 = 0;
        double d2 = 0;
        for (int l = 1; l < cr.length; l++) {
            double p = omega * u * l;
            double cs = Math.cos(p);
            double sn = Math.sin(p);
            double re = cr[l] * cs - ci[l] * sn;       // Re(c_l e^{jp})
            double im = cr[l] * sn + ci[l] * cs;       // Im(c_l e^{jp})
            double w = omega * l;
            q += 2 * re;
            d1 += -2 * w * im;
            d2 += -2 * w * w * re;
        }
        return new double[] {q, d1, d2};
    }

    double value(double u) {
        return valueAndDerivatives(u)[0];
    }

    /**
     * q on the grid u_f = f / (G d) folded into [−1/(2d), 1/(2d)), f = 0..G−1, by one inverse FFT:
     * returns {u values ascending, q values}. G ≥ 2n−1 is the FFT size.
     */
    double[][] onGrid(int g) {
        int n = cr.length;
        InvalidInputException.require(g >= 2 * n - 1, "grid size", g, "must be at least 2n - 1 = " + (2 * n - 1));
        double[] x = new double[2 * g];
        x[0] = cr[0];
        for (int l = 1; l < n; l++) {
            x[2 * l] = cr[l];
            x[2 * l + 1] = ci[l];
            x[2 * (g - l)] = cr[l];
            x[2 * (g - l) + 1] = -ci[l];
        }
        // Σ_l c_l e^{j 2π l f / G} = G · ifft(c)_f, and ω u_f l = 2π l f / G.
        Fft.inverse(x);
        double d = omega / (2 * Math.PI);
        double[] u = new double[g];
        double[] q = new double[g];
        int half = g / 2;
        for (int k = 0; k < g; k++) {
            int f = k - half;                 // ascending u from −1/(2d)
            int idx = f < 0 ? f + g : f;
            u[k] = f / (g * d);
            q[k] = x[2 * idx] * g;
        }
        return new double[][] {u, q};
    }

    /**
     * The k deepest local minima of q on a uniform G-point grid (circular neighbourhood: the grid
     * wraps around one period of the polynomial), restricted to |u| ≤ 1, each refined by safeguarded
     * Newton steps on the exact q. Returned deepest first; fewer than k when q has fewer minima in
     * the visible region.
     */
    double[] deepestMinima(int k, int g) {
        double[][] grid = onGrid(g);
        double[] u = grid[0];
        double[] q = grid[1];
        List<Integer> minima = new ArrayList<>();
        for (int i = 0; i < g; i++) {
            double left = q[(i - 1 + g) % g];
            double right = q[(i + 1) % g];
            if (q[i] < left && q[i] <= right && Math.abs(u[i]) <= 1) {
                minima.add(i);
            }
        }
        minima.sort((a, b) -> Double.compare(q[a], q[b]));
        double step = u[1] - u[0];
        List<double[]> refined = new ArrayList<>();
        for (int m = 0; m < minima.size() && refined.size() < k; m++) {
            double[] r = refine(u[minima.get(m)], step);
            if (Math.abs(r[0]) <= 1) {
                refined.add(r);
            }
        }
        refined.sort((a, b) -> Double.compare(a[1], b[1]));
        double[] out = new double[refined.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = refined.get(i)[0];
        }
        return out;
    }

    /** Newton on q' = 0 from a grid minimum, steps clipped to one grid step and kept only if q does not rise. {u, q(u)}. */
    double[] refine(double u0, double gridStep) {
        double u = u0;
        double[] v = valueAndDerivatives(u);
        for (int it = 0; it < 50; it++) {
            double s;
            if (v[2] > 0) {
                s = -v[1] / v[2];
            } else {
                s = -Math.signum(v[1]) * gridStep / 2;
            }
            if (Math.abs(s) > gridStep) {
                s = Math.signum(s) * gridStep;
            }
            if (Math.abs(s) < 1e-13) {
                break;
            }
            double[] w = valueAndDerivatives(u + s);
            int halvings = 0;
            while (w[0] > v[0] + 1e-14 * Math.abs(v[0]) && halvings < 30) {
                s /= 2;
                w = valueAndDerivatives(u + s);
                halvings++;
            }
            if (halvings == 30) {
                break;      // no decrease left to find: u is the minimum to rounding
            }
            u += s;
            v = w;
        }
        return new double[] {u, v[0]};
    }
}
